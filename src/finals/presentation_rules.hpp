#pragma once
// The presentations' and interviews' pure rules around the timetable (schedule.hpp): the grid as
// the organiser types it, the default days, which hand-made bookings survive a new run, times of
// day in a zone, and the interview score per finalist. No I/O.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competitions/calendar.hpp"
#include "competitions/model.hpp"
#include "finals/model.hpp"
#include "finals/schedule.hpp"
#include "judging/aggregation.hpp"

namespace simpul::finals {

// More days than a finals week or two would make a timetable nobody reads; 2022's presentations
// took five working days.
inline constexpr std::size_t kMaxPresentationDays = 60;

// The grid as stored per edition: the days typed by the organiser (empty: the default) and the
// shape of a day. The defaults are KIPP 2022's: 08.00-16.00, 7 + 13 minutes, no break.
struct GridSettings {
  std::vector<competitions::LocalDate> days;  // ascending; empty: working_days of the stage
  Window day{8 * 60, 16 * 60};
  int slot_minutes = competitions::programme::kSlotMinutes;
  int break_minutes = 0;
  std::optional<Window> lunch;
  bool operator==(const GridSettings&) const = default;
};

// Monday to Friday from `from` to `to`, both included, at most `limit` of them.
std::vector<competitions::LocalDate> working_days(competitions::LocalDate from,
                                                  competitions::LocalDate to,
                                                  std::size_t limit = kMaxPresentationDays);
// 0 Sunday .. 6 Saturday.
int weekday(competitions::LocalDate date);

// "08:00" (what <input type=time> sends), "8:00", "08.00" (how Indonesians write it) or with
// seconds "08:00:00"; "24:00" ends a day. Minutes since midnight.
std::optional<int> parse_clock(std::string_view text);
// "08:00", what a time input shows.
std::string clock_input(int minutes);
// "08.00" in Indonesian, "08:00" in English.
std::string clock_text(int minutes, view::Lang lang);
// The local minutes of the day of an instant in the zone.
int minutes_of_day(std::int64_t utc_seconds, view::Zone zone);

// The grid form's fields as typed.
struct TypedGrid {
  std::string days;  // dates YYYY-MM-DD separated by commas, spaces or lines; empty: default
  std::string from, to;
  std::string slot_minutes, break_minutes;
  std::string lunch_from, lunch_to;  // both or neither
};
struct CheckedGrid {
  GridSettings settings;
  FieldErrors errors;  // "hari", "mulai", "selesai", "durasi", "jeda", "istirahat_mulai",
                       // "istirahat_selesai" -> i18n key
};
CheckedGrid check_grid(const TypedGrid& typed);
TypedGrid typed_from(const GridSettings& settings);
std::string days_text(const std::vector<competitions::LocalDate>& days);

// The days the grid uses: the typed ones, else the working days between the presentation stage's
// start and end in the edition's zone; empty when neither is known.
std::vector<competitions::LocalDate> grid_days(const GridSettings& settings,
                                               const competitions::Setup& setup);
Grid grid_of(const GridSettings& settings, const competitions::Setup& setup);

// Hand-made bookings that still fit when the timetable is built again: the grid, the panels, the
// finalists or the declared ties may have changed since. Each is kept when its finalist and panel
// still exist and check_move allows it against those kept before it (in the order given);
// the others are dropped and their finalists scheduled anew.
struct KeptSplit {
  std::vector<Booking> kept;
  std::vector<Booking> dropped;
};
KeptSplit usable_kept(const ScheduleRequest& request, const std::vector<Booking>& manual);

// The bookings check_move may look at: those of finalists and panels the request knows (a removed
// finalist's or a dissolved panel's row blocks nobody).
std::vector<Booking> known_bookings(const ScheduleRequest& request,
                                    const std::vector<Booking>& bookings);

// The mean of each finalist's submitted interview sheets' totals on 0-100 (judging::marks with the
// edition's interview rubric). A sheet that no longer fits the rubric (changed after it was
// submitted) is left out rather than counted wrongly.
struct InterviewMean {
  double mean = 0;
  int sheets = 0;
};
std::map<std::int64_t, InterviewMean> interview_means(
    const std::vector<competitions::RubricAspect>& rubric,
    const std::vector<judging::ScoreSheet>& sheets);

// The reason an unplaced finalist got no slot, as an i18n key under "presentation.unplaced.".
std::string_view unplaced_code(UnplacedReason reason);
// A move's problem as an i18n key under "presentation.move.problem.".
std::string_view move_problem_code(MoveProblem problem);

}  // namespace simpul::finals
