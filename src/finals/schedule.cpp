// The finals' timetable as a bipartite matching between finalists and seats (a panel at a slot),
// an edge wherever the panel is free of conflict with the finalist and the slot lies within its
// hours. Seats held by kept bookings, and their finalists, are left out of the graph.
//
// The sets of finalists that some matching places all form a matroid (a transversal matroid), and
// so do the sets of seats that some matching fills. On a matroid the greedy method, which takes the
// elements in a fixed order and keeps each one that stays independent, ends at a basis B whose
// every prefix of that order holds as many elements as any independent set's does (Gale, "Optimal
// assignments in an ordered set", J. Combin. Theory 1968). A basis is a maximum matching's side.
//
// 1. Finalists by id, each kept when an augmenting path from it exists (Kuhn's method: a path of
//    the residual graph to a free seat, along which the finalists already placed shift seats).
//    This is the greedy method on finalists: A, the placed, is Gale-optimal by id (rule 3).
// 2. Seats by time, and within one slot the panel with the fewest finalists so far first (then
//    by id): each seat is kept when an augmenting path from it to a finalist of A not yet seated
//    exists. This is the greedy method on seats, run on the graph restricted to A. By
//    Mendelsohn-Dulmage (a matching covering A and a matching covering a set of seats B give one
//    covering both) the Gale-optimal seat set of the whole graph is matched to A exactly, so its
//    every prefix has the rank it has in the whole graph and the restricted run makes the same
//    choices: it ends with A matched to the earliest seat set possible (rule 2), which rule 4
//    only breaks ties of. The matching of step 2 is the schedule; it is maximum (rule 1).
//
// A search that fails leaves the matching as it was, and every vertex it reached cannot reach a
// free one; its marks stay until the next success, so between two placements every edge is seen
// at most once or twice: O(placed × edges) in all, about 130 × 200,000 for 130 finalists on
// 5 panels × 312 slots.
//
// A finalist left out (it has seats, yet no augmenting path from it exists) is explained by the
// finalists an alternating search from it reaches: every seat next to them is held by one of
// them, so they are one more than the seats they can use (Hall's condition fails).
#include "finals/schedule.hpp"
#include "core/util/ids.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace simpul::finals {

namespace {

constexpr int kMinutesInDay = 24 * 60;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kMinSlotMinutes = 5;
constexpr int kMaxSlotMinutes = 180;
constexpr int kMaxBreakMinutes = 180;

[[noreturn]] void refuse(const std::string& why) {
  throw std::invalid_argument("finals schedule: " + why);
}

bool inside_day(Window window) {
  return window.from >= 0 && window.from < window.to && window.to <= kMinutesInDay;
}

std::string date_text(competitions::LocalDate date) {
  return std::to_string(date.year) + "-" + std::to_string(date.month) + "-" +
         std::to_string(date.day);
}

void validate(const Grid& grid) {
  if (grid.days.empty()) refuse("no days");
  for (const competitions::LocalDate& date : grid.days) {
    if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > competitions::days_in_month(date.year, date.month))
      refuse("day " + date_text(date) + " is not in the calendar");
  }
  if (!inside_day(grid.day)) refuse("the daily window is empty or outside the day");
  if (grid.slot_minutes < kMinSlotMinutes || grid.slot_minutes > kMaxSlotMinutes)
    refuse("a slot must last 5 to 180 minutes");
  if (grid.break_minutes < 0 || grid.break_minutes > kMaxBreakMinutes)
    refuse("a break must last 0 to 180 minutes");
  if (grid.lunch && !inside_day(*grid.lunch)) refuse("the lunch break is empty or outside the day");
}

// The slots' starts within one day, in minutes of the edition's zone.
std::vector<int> starts_of_day(const Grid& grid) {
  std::vector<int> starts;
  int start = grid.day.from;
  while (start + grid.slot_minutes <= grid.day.to) {
    if (grid.lunch && start < grid.lunch->to && start + grid.slot_minutes > grid.lunch->from) {
      start = grid.lunch->to;
      continue;
    }
    starts.push_back(start);
    start += grid.slot_minutes + grid.break_minutes;
  }
  return starts;
}

std::int64_t floor_mod(std::int64_t value, std::int64_t divisor) {
  const std::int64_t rest = value % divisor;
  return rest < 0 ? rest + divisor : rest;
}

// [starts_at, ends_at) lies within the finalist's hours on one day of its zone.
bool within_hours(const Finalist& finalist, std::int64_t starts_at, std::int64_t ends_at) {
  if (ends_at <= starts_at) return false;
  const std::int64_t local_start =
      floor_mod(starts_at + view::zone_offset_seconds(finalist.zone), kSecondsPerDay);
  return local_start >= std::int64_t{finalist.hours.from} * 60 &&
         local_start + (ends_at - starts_at) <= std::int64_t{finalist.hours.to} * 60;
}

std::vector<std::int64_t> conflicted_panelists(const Finalist& finalist, const Panel& panel) {
  std::vector<std::int64_t> found;
  std::ranges::set_intersection(finalist.conflicted_panelist_ids, panel.panelist_ids,
                                std::back_inserter(found));
  return found;
}

template <class Item>
int index_of(const std::vector<const Item*>& sorted, std::int64_t id, const char* what) {
  const auto found = std::ranges::lower_bound(sorted, id, {}, &Item::id);
  if (found == sorted.end() || (*found)->id != id)
    refuse(std::string("a booking names unknown ") + what + " id " + std::to_string(id));
  return static_cast<int>(found - sorted.begin());
}

// The request sorted by id and checked; slots are indexed by time, seats slot-major.
struct Instance {
  std::vector<Slot> slots;
  std::vector<const Panel*> panels;
  std::vector<const Finalist*> finalists;
  std::vector<std::vector<char>> free_panel;  // [finalist][panel]
  std::vector<std::vector<char>> in_hours;    // [finalist][slot]

  int panel_count() const { return static_cast<int>(panels.size()); }
  int finalist_count() const { return static_cast<int>(finalists.size()); }
  int seat_count() const { return static_cast<int>(slots.size()) * panel_count(); }
  int seat(int slot, int panel) const { return slot * panel_count() + panel; }
  int slot_of_seat(int seat) const { return seat / panel_count(); }
  int panel_of_seat(int seat) const { return seat % panel_count(); }

  std::optional<int> slot_index(std::int64_t starts_at, std::int64_t ends_at) const {
    const Slot wanted{starts_at, ends_at};
    const auto found = std::ranges::lower_bound(slots, wanted);
    if (found == slots.end() || *found != wanted) return std::nullopt;
    return static_cast<int>(found - slots.begin());
  }
};

void check_panelists(const std::vector<const Panel*>& panels) {
  std::map<std::int64_t, std::int64_t> panel_of_panelist;
  for (const Panel* panel : panels) {
    if (panel->panelist_ids.empty())
      refuse("panel " + std::to_string(panel->id) + " has no panelists");
    for (std::int64_t panelist : panel->panelist_ids) {
      const auto [where, added] = panel_of_panelist.emplace(panelist, panel->id);
      if (!added)
        refuse("panelist " + std::to_string(panelist) + " sits on panels " +
               std::to_string(where->second) + " and " + std::to_string(panel->id) +
               "; a panelist may sit on one panel only");
    }
  }
}

Instance prepare(const ScheduleRequest& request) {
  Instance instance;
  instance.slots = slots(request.grid);
  if (request.panels.empty()) refuse("no panels");
  instance.panels = sorted_by_id(request.panels, "finals schedule", "panel");
  check_panelists(instance.panels);
  instance.finalists = sorted_by_id(request.finalists, "finals schedule", "finalist");
  for (const Finalist* finalist : instance.finalists) {
    if (!inside_day(finalist->hours))
      refuse("the hours of finalist " + std::to_string(finalist->id) +
             " are empty or outside the day");
    std::vector<char>& free = instance.free_panel.emplace_back();
    for (const Panel* panel : instance.panels)
      free.push_back(conflicted_panelists(*finalist, *panel).empty());
    std::vector<char>& fits = instance.in_hours.emplace_back();
    for (const Slot& slot : instance.slots)
      fits.push_back(within_hours(*finalist, slot.starts_at, slot.ends_at));
  }
  return instance;
}

bool overlaps(const Booking& a, const Booking& b) {
  return a.starts_at < b.ends_at && b.starts_at < a.ends_at;
}

MoveCheck check(const Instance& instance, const std::vector<Booking>& current,
                const Booking& move) {
  const int f = index_of(instance.finalists, move.finalist_id, "finalist");
  const int p = index_of(instance.panels, move.panel_id, "panel");
  MoveCheck result;
  if (!instance.slot_index(move.starts_at, move.ends_at))
    result.problems.push_back(MoveProblem::not_a_slot);
  for (const Booking& booking : current) {
    index_of(instance.finalists, booking.finalist_id, "finalist");
    index_of(instance.panels, booking.panel_id, "panel");
    if (booking.finalist_id == move.finalist_id || booking.panel_id != move.panel_id ||
        !overlaps(booking, move))
      continue;
    if (!result.taken_by || booking.finalist_id < *result.taken_by)
      result.taken_by = booking.finalist_id;
  }
  if (result.taken_by) result.problems.push_back(MoveProblem::slot_taken);
  result.conflicted_panelist_ids =
      conflicted_panelists(*instance.finalists[f], *instance.panels[p]);
  if (!result.conflicted_panelist_ids.empty()) result.problems.push_back(MoveProblem::conflict);
  if (!within_hours(*instance.finalists[f], move.starts_at, move.ends_at))
    result.problems.push_back(MoveProblem::outside_hours);
  return result;
}

const char* problem_text(MoveProblem problem) {
  switch (problem) {
    case MoveProblem::not_a_slot:
      return "is not a slot of the grid";
    case MoveProblem::slot_taken:
      return "overlaps another kept booking on its panel";
    case MoveProblem::conflict:
      return "is before a panelist in conflict with the finalist";
    case MoveProblem::outside_hours:
      return "is outside the finalist's hours";
  }
  return "";
}

// The kept bookings, checked: seat_holder[seat] is the kept finalist there or -1, kept[f] whether
// finalist f keeps its booking.
struct Kept {
  std::vector<int> seat_holder;
  std::vector<char> finalist_kept;
};

Kept keep(const Instance& instance, const std::vector<Booking>& kept) {
  Kept result;
  result.seat_holder.assign(instance.seat_count(), -1);
  result.finalist_kept.assign(instance.finalists.size(), 0);
  for (const Booking& booking : kept) {
    const int f = index_of(instance.finalists, booking.finalist_id, "finalist");
    const int p = index_of(instance.panels, booking.panel_id, "panel");
    const std::string where = "kept booking of finalist " + std::to_string(booking.finalist_id);
    if (result.finalist_kept[f]) refuse(where + " is repeated");
    result.finalist_kept[f] = 1;
    const MoveCheck checked = check(instance, kept, booking);
    if (!checked.allowed()) refuse(where + " " + problem_text(checked.problems.front()));
    result.seat_holder[instance.seat(*instance.slot_index(booking.starts_at, booking.ends_at), p)] =
        f;
  }
  return result;
}

// Kuhn's augmenting paths on the graph of free finalists and free seats.
class Matcher {
 public:
  Matcher(const Instance& instance, const Kept& kept)
      : seats_of_(instance.finalist_count()),
        finalists_of_(instance.seat_count()),
        seat_of_(instance.finalist_count(), -1),
        finalist_of_(instance.seat_count(), -1),
        seat_seen_(instance.seat_count(), 0),
        finalist_seen_(instance.finalist_count(), 0) {
    const int slot_count = static_cast<int>(instance.slots.size());
    for (int f = 0; f < instance.finalist_count(); ++f) {
      if (kept.finalist_kept[f]) continue;
      for (int s = 0; s < slot_count; ++s) {
        if (!instance.in_hours[f][s]) continue;
        for (int p = 0; p < instance.panel_count(); ++p) {
          const int seat = instance.seat(s, p);
          if (!instance.free_panel[f][p] || kept.seat_holder[seat] >= 0) continue;
          seats_of_[f].push_back(seat);
          finalists_of_[seat].push_back(f);
        }
      }
    }
  }

  // Step 1: is there an augmenting path from finalist f? If so, it is placed.
  bool place_finalist(int f) {
    if (!augment_from_finalist(f)) return false;
    std::ranges::fill(seat_seen_, 0);
    return true;
  }

  // Step 2: is there an augmenting path from the seat to a finalist allowed and not seated? If
  // so, the seat is filled.
  bool fill_seat(int seat, const std::vector<char>& allowed) {
    if (!augment_from_seat(seat, allowed)) return false;
    std::ranges::fill(finalist_seen_, 0);
    return true;
  }

  void clear() {
    std::ranges::fill(seat_of_, -1);
    std::ranges::fill(finalist_of_, -1);
    std::ranges::fill(seat_seen_, 0);
    std::ranges::fill(finalist_seen_, 0);
  }

  int seat_of(int f) const { return seat_of_[f]; }
  const std::vector<int>& seats_of(int f) const { return seats_of_[f]; }

  // The finalists an alternating search from the unplaced finalist u reaches, and the seats next
  // to them: with a maximum matching every such seat is held by one of them.
  std::pair<std::vector<int>, int> hall_set(int u) const {
    std::vector<char> seat_reached(finalist_of_.size(), 0);
    std::vector<char> finalist_reached(seat_of_.size(), 0);
    std::vector<int> reached{u};
    finalist_reached[u] = 1;
    int seats = 0;
    for (std::size_t head = 0; head < reached.size(); ++head) {
      for (int seat : seats_of_[reached[head]]) {
        if (seat_reached[seat]) continue;
        seat_reached[seat] = 1;
        ++seats;
        const int holder = finalist_of_[seat];
        if (holder < 0) throw std::logic_error("finals schedule: the matching is not maximum");
        if (finalist_reached[holder]) continue;
        finalist_reached[holder] = 1;
        reached.push_back(holder);
      }
    }
    std::ranges::sort(reached);
    return {reached, seats};
  }

 private:
  bool augment_from_finalist(int f) {
    for (int seat : seats_of_[f]) {  // a free seat first: shorter paths, shallower recursion
      if (seat_seen_[seat] || finalist_of_[seat] >= 0) continue;
      match(f, seat);
      return true;
    }
    for (int seat : seats_of_[f]) {
      if (seat_seen_[seat]) continue;
      seat_seen_[seat] = 1;
      if (finalist_of_[seat] < 0 || augment_from_finalist(finalist_of_[seat])) {
        match(f, seat);
        return true;
      }
    }
    return false;
  }

  bool augment_from_seat(int seat, const std::vector<char>& allowed) {
    for (int f : finalists_of_[seat]) {
      if (!allowed[f] || finalist_seen_[f] || seat_of_[f] >= 0) continue;
      match(f, seat);
      return true;
    }
    for (int f : finalists_of_[seat]) {
      if (!allowed[f] || finalist_seen_[f]) continue;
      finalist_seen_[f] = 1;
      if (seat_of_[f] < 0 || augment_from_seat(seat_of_[f], allowed)) {
        match(f, seat);
        return true;
      }
    }
    return false;
  }

  // The seat f left, if any, has just been taken by the next vertex of the path.
  void match(int f, int seat) {
    seat_of_[f] = seat;
    finalist_of_[seat] = f;
  }

  std::vector<std::vector<int>> seats_of_;      // by slot, then panel index
  std::vector<std::vector<int>> finalists_of_;  // by index (id)
  std::vector<int> seat_of_;
  std::vector<int> finalist_of_;
  std::vector<char> seat_seen_;
  std::vector<char> finalist_seen_;
};

// Step 2 of the file's comment: seats by time, the least loaded panel first within a slot.
void fill_seats(const Instance& instance, Matcher& matcher, const std::vector<char>& placed,
                std::vector<int>& load) {
  int to_seat = static_cast<int>(std::ranges::count(placed, 1));
  std::vector<int> waiting;
  for (int s = 0; s < static_cast<int>(instance.slots.size()) && to_seat > 0; ++s) {
    waiting.resize(instance.panel_count());
    for (int p = 0; p < instance.panel_count(); ++p) waiting[p] = p;
    while (!waiting.empty() && to_seat > 0) {
      const auto next = std::ranges::min_element(
          waiting, [&](int a, int b) { return std::pair(load[a], a) < std::pair(load[b], b); });
      const int p = *next;
      waiting.erase(next);
      if (!matcher.fill_seat(instance.seat(s, p), placed)) continue;
      ++load[p];
      --to_seat;
    }
  }
}

Unplaced explain(const Instance& instance, const Matcher& matcher, int f) {
  Unplaced unplaced;
  unplaced.finalist_id = instance.finalists[f]->id;
  unplaced.panels_free_of_conflict =
      static_cast<int>(std::ranges::count(instance.free_panel[f], 1));
  unplaced.slots_in_hours = static_cast<int>(std::ranges::count(instance.in_hours[f], 1));
  if (unplaced.panels_free_of_conflict == 0) {
    unplaced.reason = UnplacedReason::conflicted_with_every_panel;
  } else if (unplaced.slots_in_hours == 0) {
    unplaced.reason = UnplacedReason::no_slot_in_hours;
  } else {
    unplaced.reason = UnplacedReason::outnumbered;
    const auto [reached, seats] = matcher.hall_set(f);
    for (int g : reached) unplaced.competing_ids.push_back(instance.finalists[g]->id);
    unplaced.competing_seats = seats;
  }
  return unplaced;
}

Booking booking_at(const Instance& instance, int f, int seat) {
  const Slot& slot = instance.slots[instance.slot_of_seat(seat)];
  return {instance.finalists[f]->id, instance.panels[instance.panel_of_seat(seat)]->id,
          slot.starts_at, slot.ends_at};
}

}  // namespace

std::vector<Slot> slots(const Grid& grid) {
  validate(grid);
  std::vector<competitions::LocalDate> days = grid.days;
  std::ranges::sort(days);
  if (const auto repeated = std::ranges::adjacent_find(days); repeated != days.end())
    refuse("day " + date_text(*repeated) + " is repeated");
  const std::vector<int> starts = starts_of_day(grid);
  if (starts.empty()) refuse("the day holds no slot");
  std::vector<Slot> result;
  for (const competitions::LocalDate& date : days) {
    for (int start : starts) {
      const std::int64_t at = competitions::instant_of(date, start, grid.zone);
      result.push_back({at, at + std::int64_t{grid.slot_minutes} * 60});
    }
  }
  return result;
}

Schedule schedule(const ScheduleRequest& request) {
  const Instance instance = prepare(request);
  const Kept kept = keep(instance, request.kept);
  Matcher matcher(instance, kept);

  std::vector<char> placed(instance.finalists.size(), 0);
  for (int f = 0; f < instance.finalist_count(); ++f)
    if (!kept.finalist_kept[f]) placed[f] = matcher.place_finalist(f);

  std::vector<int> load(instance.panels.size(), 0);
  for (int seat = 0; seat < instance.seat_count(); ++seat)
    if (kept.seat_holder[seat] >= 0) ++load[instance.panel_of_seat(seat)];
  matcher.clear();
  fill_seats(instance, matcher, placed, load);

  Schedule result;
  result.seats = instance.seat_count();
  result.bookings = request.kept;
  for (int f = 0; f < instance.finalist_count(); ++f) {
    if (kept.finalist_kept[f]) continue;
    if (placed[f]) {
      if (matcher.seat_of(f) < 0)
        throw std::logic_error("finals schedule: a placed finalist got no seat");
      result.bookings.push_back(booking_at(instance, f, matcher.seat_of(f)));
    } else {
      result.unplaced.push_back(explain(instance, matcher, f));
    }
  }
  std::ranges::sort(result.bookings, {},
                    [](const Booking& b) { return std::pair(b.starts_at, b.panel_id); });
  for (int p = 0; p < instance.panel_count(); ++p)
    result.loads.push_back({instance.panels[p]->id, load[p]});
  return result;
}

MoveCheck check_move(const ScheduleRequest& request, const std::vector<Booking>& current,
                     const Booking& move) {
  return check(prepare(request), current, move);
}

std::vector<Booking> move_options(const ScheduleRequest& request,
                                  const std::vector<Booking>& current, std::int64_t finalist_id) {
  const Instance instance = prepare(request);
  index_of(instance.finalists, finalist_id, "finalist");
  std::vector<Booking> options;
  for (const Slot& slot : instance.slots) {
    for (const Panel* panel : instance.panels) {
      const Booking move{finalist_id, panel->id, slot.starts_at, slot.ends_at};
      if (check(instance, current, move).allowed()) options.push_back(move);
    }
  }
  return options;
}

}  // namespace simpul::finals
