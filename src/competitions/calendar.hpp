#pragma once
// Calendar arithmetic of competitions in the edition's zone: dates typed as local wall time,
// instants stored as UTC seconds, and the age of an innovation in whole months as people count
// them. Pure; WIB, WITA and WIT are fixed offsets (Indonesia has no daylight saving).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/view/format.hpp"

namespace simpul::competitions {

// 23.59, the minute a stage given as a whole day ends at.
inline constexpr int kLastMinuteOfDay = 23 * 60 + 59;

struct LocalDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const LocalDate&) const = default;
};

int days_in_month(int year, int month);
// A real calendar date written YYYY-MM-DD, years 1900 to 2200.
std::optional<LocalDate> parse_date(std::string_view text);
std::string iso_date(LocalDate date);  // "2022-04-16"
std::int64_t days_from_civil(LocalDate date);
LocalDate civil_from_days(std::int64_t days);

// The local date of an instant in the zone.
LocalDate local_date(std::int64_t utc_seconds, view::Zone zone);
// The instant of local midnight starting date in the zone, plus minutes.
std::int64_t instant_of(LocalDate date, int minutes_of_day, view::Zone zone);

// A date-time typed in the edition's zone: "2022-04-16T12:00" (what <input type=datetime-local>
// sends), "2022-04-16 12:00", or a date alone, which means the start of the day (00.00) or, for
// an end (end_of_day), its last minute (23.59). nullopt when it is none of these or not a real
// date and time.
std::optional<std::int64_t> parse_local_datetime(std::string_view text, view::Zone zone,
                                                 bool end_of_day);
// The value a datetime-local input shows for the instant in the zone: "2022-04-16T12:00".
std::string local_input(std::int64_t utc_seconds, view::Zone zone);

// The same local date and time some years later (or earlier): copying an edition to another year.
// 29 February becomes 28 February in a year without it.
std::int64_t shift_years(std::int64_t utc_seconds, int years, view::Zone zone);

// Whole months from `from` to `to`, as people count an anniversary: a month is complete on the
// same day of a later month, or on that month's last day when it is shorter (an innovation
// started on 31 January has run one month on 28 February, one started on 29 February 2020 has run
// two years on 28 February 2022). -1 when `to` is before `from`.
int whole_months_between(LocalDate from, LocalDate to);
// The latest start date that has run at least `months` whole months by `by`.
LocalDate latest_start(LocalDate by, int months);

}  // namespace simpul::competitions
