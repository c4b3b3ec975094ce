#include "finals/presentation_rules.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <stdexcept>

namespace simpul::finals {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMinSlot = 5;
constexpr int kMaxSlot = 180;
constexpr int kMaxBreak = 180;

std::optional<int> parse_number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool digits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

void pad_two(std::string& out, int value) {
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

// Dates separated by commas, semicolons or white space; each once, at most kMaxPresentationDays.
std::optional<std::string> parse_days(std::string_view text,
                                      std::vector<competitions::LocalDate>& days) {
  std::set<competitions::LocalDate> seen;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find_first_of(",; \t\r\n", at);
    const auto token = text.substr(at, end == std::string_view::npos ? end : end - at);
    at = end == std::string_view::npos ? text.size() : end + 1;
    if (token.empty()) continue;
    const auto date = competitions::parse_date(token);
    if (!date) return "presentation.error.day";
    if (!seen.insert(*date).second) return "presentation.error.day_repeated";
  }
  if (seen.size() > kMaxPresentationDays) return "presentation.error.too_many_days";
  days.assign(seen.begin(), seen.end());
  return std::nullopt;
}

void check_minutes(std::string_view text, int low, int high, const char* field, const char* key,
                   int& into, FieldErrors& errors) {
  const auto value = parse_number(trimmed(text));
  if (!value || *value < low || *value > high)
    errors[field] = key;
  else
    into = *value;
}

std::optional<int> clock_field(std::string_view text, const char* field, FieldErrors& errors) {
  const auto value = parse_clock(trimmed(text));
  if (!value) errors[field] = "presentation.error.time";
  return value;
}

void check_lunch(const TypedGrid& typed, CheckedGrid& out) {
  const bool has_from = !trimmed(typed.lunch_from).empty();
  const bool has_to = !trimmed(typed.lunch_to).empty();
  if (!has_from && !has_to) return;
  if (has_from != has_to) {
    out.errors[has_from ? "istirahat_selesai" : "istirahat_mulai"] =
        "presentation.error.lunch_pair";
    return;
  }
  const auto from = clock_field(typed.lunch_from, "istirahat_mulai", out.errors);
  const auto to = clock_field(typed.lunch_to, "istirahat_selesai", out.errors);
  if (!from || !to) return;
  if (*from >= *to)
    out.errors["istirahat_selesai"] = "presentation.error.lunch_window";
  else
    out.settings.lunch = Window{*from, *to};
}

// A day that holds no slot is a grid nobody can use; the timetable module says so by throwing.
void check_holds_a_slot(CheckedGrid& out) {
  Grid probe;
  probe.days = {{2022, 1, 3}};
  probe.day = out.settings.day;
  probe.slot_minutes = out.settings.slot_minutes;
  probe.break_minutes = out.settings.break_minutes;
  probe.lunch = out.settings.lunch;
  try {
    slots(probe);
  } catch (const std::invalid_argument&) {
    out.errors["durasi"] = "presentation.error.no_slot";
  }
}

}  // namespace

int weekday(competitions::LocalDate date) {
  // 1 January 1970 was a Thursday (4).
  const std::int64_t days = competitions::days_from_civil(date);
  return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

std::vector<competitions::LocalDate> working_days(competitions::LocalDate from,
                                                  competitions::LocalDate to, std::size_t limit) {
  std::vector<competitions::LocalDate> days;
  const std::int64_t last = competitions::days_from_civil(to);
  for (std::int64_t d = competitions::days_from_civil(from); d <= last && days.size() < limit;
       ++d) {
    const auto date = competitions::civil_from_days(d);
    const int w = weekday(date);
    if (w != 0 && w != 6) days.push_back(date);
  }
  return days;
}

std::optional<int> parse_clock(std::string_view text) {
  if (text.size() == 8 && (text.substr(5) == ":00" || text.substr(5) == ".00"))
    text = text.substr(0, 5);
  const auto separator = text.find_first_of(":.");
  if (separator == std::string_view::npos || text.size() - separator != 3) return std::nullopt;
  const auto hours_text = text.substr(0, separator);
  const auto minutes_text = text.substr(separator + 1);
  if (hours_text.size() > 2 || !digits(hours_text) || !digits(minutes_text)) return std::nullopt;
  const int hours = *parse_number(hours_text);
  const int minutes = *parse_number(minutes_text);
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::string clock_input(int minutes) {
  std::string out;
  pad_two(out, minutes / 60);
  out.push_back(':');
  pad_two(out, minutes % 60);
  return out;
}

std::string clock_text(int minutes, view::Lang lang) {
  std::string out = clock_input(minutes);
  if (lang == view::Lang::id) out[2] = '.';
  return out;
}

int minutes_of_day(std::int64_t utc_seconds, view::Zone zone) {
  const std::int64_t local = utc_seconds + view::zone_offset_seconds(zone);
  const std::int64_t second_of_day = ((local % 86400) + 86400) % 86400;
  return static_cast<int>(second_of_day / 60);
}

CheckedGrid check_grid(const TypedGrid& typed) {
  CheckedGrid out;
  if (auto problem = parse_days(typed.days, out.settings.days)) out.errors["hari"] = *problem;
  const auto from = clock_field(typed.from, "mulai", out.errors);
  const auto to = clock_field(typed.to, "selesai", out.errors);
  if (from && to) {
    if (*from >= *to)
      out.errors["selesai"] = "presentation.error.window";
    else
      out.settings.day = Window{*from, *to};
  }
  check_minutes(typed.slot_minutes, kMinSlot, kMaxSlot, "durasi", "presentation.error.slot_minutes",
                out.settings.slot_minutes, out.errors);
  check_minutes(typed.break_minutes.empty() ? "0" : typed.break_minutes, 0, kMaxBreak, "jeda",
                "presentation.error.break_minutes", out.settings.break_minutes, out.errors);
  check_lunch(typed, out);
  if (out.errors.empty()) check_holds_a_slot(out);
  return out;
}

std::string days_text(const std::vector<competitions::LocalDate>& days) {
  std::string out;
  for (const auto& d : days) out += (out.empty() ? "" : ", ") + competitions::iso_date(d);
  return out;
}

TypedGrid typed_from(const GridSettings& s) {
  TypedGrid typed{days_text(s.days),
                  clock_input(s.day.from),
                  clock_input(s.day.to),
                  std::to_string(s.slot_minutes),
                  std::to_string(s.break_minutes),
                  "",
                  ""};
  if (s.lunch) {
    typed.lunch_from = clock_input(s.lunch->from);
    typed.lunch_to = clock_input(s.lunch->to);
  }
  return typed;
}

std::vector<competitions::LocalDate> grid_days(const GridSettings& settings,
                                               const competitions::Setup& setup) {
  if (!settings.days.empty()) return settings.days;
  const auto* stage = competitions::find_stage(setup, "presentation");
  if (!stage || !stage->starts_at || !stage->ends_at) return {};
  const auto zone = setup.general.zone;
  return working_days(competitions::local_date(*stage->starts_at, zone),
                      competitions::local_date(*stage->ends_at, zone));
}

Grid grid_of(const GridSettings& settings, const competitions::Setup& setup) {
  Grid grid;
  grid.days = grid_days(settings, setup);
  grid.zone = setup.general.zone;
  grid.day = settings.day;
  grid.slot_minutes = settings.slot_minutes;
  grid.break_minutes = settings.break_minutes;
  grid.lunch = settings.lunch;
  return grid;
}

std::vector<Booking> known_bookings(const ScheduleRequest& request,
                                    const std::vector<Booking>& bookings) {
  std::set<std::int64_t> finalists, panels;
  for (const auto& f : request.finalists) finalists.insert(f.id);
  for (const auto& p : request.panels) panels.insert(p.id);
  std::vector<Booking> known;
  for (const auto& b : bookings)
    if (finalists.contains(b.finalist_id) && panels.contains(b.panel_id)) known.push_back(b);
  return known;
}

KeptSplit usable_kept(const ScheduleRequest& request, const std::vector<Booking>& manual) {
  KeptSplit split;
  const auto known = known_bookings(request, manual);
  for (const auto& booking : manual) {
    const bool is_known = std::ranges::find(known, booking) != known.end();
    if (is_known && check_move(request, split.kept, booking).allowed())
      split.kept.push_back(booking);
    else
      split.dropped.push_back(booking);
  }
  return split;
}

std::map<std::int64_t, InterviewMean> interview_means(
    const std::vector<competitions::RubricAspect>& rubric,
    const std::vector<judging::ScoreSheet>& sheets) {
  std::map<std::int64_t, InterviewMean> means;
  if (rubric.empty()) return means;
  for (const auto& sheet : sheets) {
    std::vector<judging::Mark> marks;
    try {
      marks = judging::marks(rubric, {sheet});
    } catch (const std::invalid_argument&) {
      continue;
    }
    for (const auto& mark : marks) {
      auto& m = means[mark.proposal_id];
      m.mean += (mark.total - m.mean) / ++m.sheets;  // a running mean
    }
  }
  return means;
}

std::string_view unplaced_code(UnplacedReason reason) {
  switch (reason) {
    case UnplacedReason::conflicted_with_every_panel:
      return "conflicted";
    case UnplacedReason::no_slot_in_hours:
      return "hours";
    case UnplacedReason::outnumbered:
      break;
  }
  return "outnumbered";
}

std::string_view move_problem_code(MoveProblem problem) {
  switch (problem) {
    case MoveProblem::not_a_slot:
      return "not_a_slot";
    case MoveProblem::slot_taken:
      return "taken";
    case MoveProblem::conflict:
      return "conflict";
    case MoveProblem::outside_hours:
      break;
  }
  return "hours";
}

}  // namespace simpul::finals
