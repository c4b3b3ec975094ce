#pragma once
// The finals' timetable: each finalist presents its innovation to a panel of the Tim Panel
// Independen and is then interviewed (KIPP: 7 minutes and 13, one slot of 20; the slot length is
// set per edition), by video conference, on the days the organiser sets. Pure, no I/O: the caller
// reads the finalists with their zones and conflicts, stores the bookings and shows each finalist
// its slot in its own zone (view::format_datetime of starts_at).
//
// The rules:
// - Slots. Every day has the same grid in the edition's zone: from the start of the daily window,
//   one slot after another with the break between them, none overlapping the lunch break (the
//   first slot after it starts when it ends), the last ending by the window's end. The panels sit
//   in parallel on that grid; a seat is one panel at one slot, and takes one finalist.
// - Panelists. A panelist sits on one panel only: a request that puts one on two panels is refused.
//   So no panelist is ever in two interviews at once, whatever the bookings.
// - Conflicts. A finalist never goes before a panel on which a panelist in conflict with it sits
//   (the caller finds those panelists with the judging rules).
// - Time zones. A slot starts and ends within the finalist's hours in the finalist's own zone (by
//   default 08.00-17.00). In an edition in WIB, 15.40-16.00 WIB is 17.40-18.00 WIT, too late for a
//   finalist from Papua; in an edition in WITA, 08.00 WITA is 07.00 WIB, too early for one from
//   Java.
//
// Which schedule, exactly (bipartite matchings, see schedule.cpp), the kept bookings aside:
// 1. As many finalists as possible are placed.
// 2. As early as possible: for every slot, as many interviews start by it as in any placement
//    whatsoever. So the days fill from the first, and the last interview ends as early as it can.
// 3. When not every finalist fits, the placed are chosen by id, lowest first: for every n, as many
//    of the n lowest ids are placed as any placement allows. 1, 2 and 3 hold together.
// 4. A tie rule, not an optimised measure of evenness: within one slot, the panel with the fewest
//    finalists so far is filled first (then by id), which keeps the panels' loads close.
// The same request, with its lists in any order, gives the same schedule.
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "competitions/calendar.hpp"
#include "competitions/programme.hpp"
#include "core/view/format.hpp"

namespace simpul::finals {

// Minutes since local midnight: [from, to), with to at most 24 × 60.
struct Window {
  int from = 0;
  int to = 0;
  bool operator==(const Window&) const = default;
};

// The days and the shape of a day, in the edition's zone.
struct Grid {
  std::vector<competitions::LocalDate> days;  // in any order, each once
  view::Zone zone = view::Zone::wib;          // the edition's
  Window day{8 * 60, 16 * 60};
  int slot_minutes = competitions::programme::kSlotMinutes;  // 5 to 180: both together
  int break_minutes = 0;                                     // 0 to 180, between two slots
  std::optional<Window> lunch;  // e.g. {12 * 60, 13 * 60}: no slot overlaps it
};

struct Slot {
  std::int64_t starts_at = 0;  // UTC seconds
  std::int64_t ends_at = 0;
  auto operator<=>(const Slot&) const = default;
};

// The grid's slots by time. Throws std::invalid_argument for no days, a day repeated or not in the
// calendar (years 1900 to 2200), a window that is empty or outside the day, a slot length or a
// break out of range, an empty or out-of-day lunch, or a day too short for a single slot.
std::vector<Slot> slots(const Grid& grid);

struct Panel {
  std::int64_t id = 0;
  std::set<std::int64_t> panelist_ids;  // at least one
};

struct Finalist {
  std::int64_t id = 0;
  view::Zone zone = view::Zone::wib;  // its agency's
  std::set<std::int64_t> conflicted_panelist_ids;
  Window hours{8 * 60, 17 * 60};  // in its own zone: when it accepts to present
};

struct Booking {
  std::int64_t finalist_id = 0;
  std::int64_t panel_id = 0;
  std::int64_t starts_at = 0;  // UTC seconds; a slot of the grid
  std::int64_t ends_at = 0;
  auto operator<=>(const Booking&) const = default;
};

struct ScheduleRequest {
  Grid grid;
  std::vector<Panel> panels;
  std::vector<Finalist> finalists;
  // Bookings to keep as they are when scheduling again (published slots, manual moves): their
  // finalists and seats are out of the matching, and the rest is scheduled around them.
  std::vector<Booking> kept;
};

enum class UnplacedReason {
  conflicted_with_every_panel,  // no panel free of conflict with it
  no_slot_in_hours,             // no slot of the grid lies within its hours
  outnumbered,                  // it has seats, but too many finalists need the same seats
};

struct Unplaced {
  std::int64_t finalist_id = 0;
  UnplacedReason reason = UnplacedReason::outnumbered;  // the first that applies, in enum order
  int panels_free_of_conflict = 0;
  int slots_in_hours = 0;
  // outnumbered: a set of finalists, this one among them (by id), who between them can use only
  // competing_seats free seats, one fewer than they are: Hall's condition fails for them, so in
  // every placement one of them is left out.
  std::vector<std::int64_t> competing_ids;
  int competing_seats = 0;
  bool operator==(const Unplaced&) const = default;
};

struct PanelLoad {
  std::int64_t panel_id = 0;
  int finalists = 0;
  bool operator==(const PanelLoad&) const = default;
};

struct Schedule {
  std::vector<Booking> bookings;   // kept and new, by start, then panel id
  std::vector<Unplaced> unplaced;  // by finalist id; empty when every finalist has a slot
  std::vector<PanelLoad> loads;    // every panel, by id
  int seats = 0;                   // panels × slots
  bool complete() const { return unplaced.empty(); }
  bool operator==(const Schedule&) const = default;
};

// Throws std::invalid_argument for a malformed grid (see slots), no panels, a repeated panel or
// finalist id, a panel without panelists, a panelist on two panels (named with both), hours that
// are empty or outside the day, or a kept booking that names an unknown finalist or panel, repeats
// a finalist or a seat, or would not pass check_move against the other kept bookings.
Schedule schedule(const ScheduleRequest& request);

// A manual move (or placing an unplaced finalist by hand), checked against the current schedule:
// every problem found, in enum order; none means the move is allowed.
enum class MoveProblem {
  not_a_slot,     // starts_at and ends_at are not a slot of the grid
  slot_taken,     // another finalist's booking on that panel overlaps it
  conflict,       // a panelist of that panel is in conflict with the finalist
  outside_hours,  // not within the finalist's hours in its zone
};

struct MoveCheck {
  std::vector<MoveProblem> problems;
  std::optional<std::int64_t> taken_by;               // slot_taken: the finalist holding it
  std::vector<std::int64_t> conflicted_panelist_ids;  // conflict: on that panel, ascending
  bool allowed() const { return problems.empty(); }
  bool operator==(const MoveCheck&) const = default;
};

// The finalist's own booking in current, if any, is the one being moved and is ignored. Throws
// std::invalid_argument when the request is malformed (as schedule, its kept bookings aside) or
// the move or a booking of current names an unknown finalist or panel.
MoveCheck check_move(const ScheduleRequest& request, const std::vector<Booking>& current,
                     const Booking& move);

// Every seat the finalist could be moved to (check_move allows it), by start, then panel id.
std::vector<Booking> move_options(const ScheduleRequest& request,
                                  const std::vector<Booking>& current, std::int64_t finalist_id);

}  // namespace simpul::finals
