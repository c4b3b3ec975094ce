#include "competitions/calendar.hpp"

#include <algorithm>
#include <charconv>

namespace simpul::competitions {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  return (value % divisor < 0) ? quotient - 1 : quotient;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Exactly `width` ASCII digits.
std::optional<int> digits(std::string_view text, std::size_t width) {
  if (text.size() != width) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return value;
}

// "12:00" -> 720 minutes.
std::optional<int> parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto hour = digits(text.substr(0, 2), 2);
  auto minute = digits(text.substr(3, 2), 2);
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  return *hour * 60 + *minute;
}

void append_padded(std::string& out, int value, int width) {
  std::string number = std::to_string(value);
  out.append(static_cast<std::size_t>(std::max(0, width - static_cast<int>(number.size()))), '0');
  out += number;
}

LocalDate months_back(LocalDate date, int months) {
  int index = date.year * 12 + (date.month - 1) - months;
  return {index / 12, index % 12 + 1, 1};
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

std::optional<LocalDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = digits(text.substr(0, 4), 4);
  auto month = digits(text.substr(5, 2), 2);
  auto day = digits(text.substr(8, 2), 2);
  if (!year || !month || !day || *year < 1900 || *year > 2200) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return std::nullopt;
  return LocalDate{*year, *month, *day};
}

std::string iso_date(LocalDate date) {
  std::string out;
  append_padded(out, date.year, 4);
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.day, 2);
  return out;
}

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar).
std::int64_t days_from_civil(LocalDate date) {
  const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

LocalDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

LocalDate local_date(std::int64_t utc_seconds, view::Zone zone) {
  return civil_from_days(floor_div(utc_seconds + view::zone_offset_seconds(zone), kSecondsPerDay));
}

std::int64_t instant_of(LocalDate date, int minutes_of_day, view::Zone zone) {
  return days_from_civil(date) * kSecondsPerDay + minutes_of_day * 60 -
         view::zone_offset_seconds(zone);
}

std::optional<std::int64_t> parse_local_datetime(std::string_view text, view::Zone zone,
                                                 bool end_of_day) {
  auto date = parse_date(text.substr(0, std::min<std::size_t>(text.size(), 10)));
  if (!date) return std::nullopt;
  if (text.size() == 10) return instant_of(*date, end_of_day ? kLastMinuteOfDay : 0, zone);
  if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto minutes = parse_time(text.substr(11));
  if (!minutes) return std::nullopt;
  return instant_of(*date, *minutes, zone);
}

std::string local_input(std::int64_t utc_seconds, view::Zone zone) {
  const std::int64_t local = utc_seconds + view::zone_offset_seconds(zone);
  const std::int64_t minute_of_day =
      (local - floor_div(local, kSecondsPerDay) * kSecondsPerDay) / 60;
  std::string out = iso_date(local_date(utc_seconds, zone)) + "T";
  append_padded(out, static_cast<int>(minute_of_day / 60), 2);
  out += ':';
  append_padded(out, static_cast<int>(minute_of_day % 60), 2);
  return out;
}

std::int64_t shift_years(std::int64_t utc_seconds, int years, view::Zone zone) {
  LocalDate date = local_date(utc_seconds, zone);
  const std::int64_t second_of_day =
      utc_seconds - instant_of(date, 0, zone);  // the wall-clock time within the day
  LocalDate shifted{date.year + years, date.month, 1};
  shifted.day = std::min(date.day, days_in_month(shifted.year, shifted.month));
  return instant_of(shifted, 0, zone) + second_of_day;
}

int whole_months_between(LocalDate from, LocalDate to) {
  if (to < from) return -1;
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  // The anniversary day in to's month: from's day, or the month's last day when it is shorter.
  int anniversary = std::min(from.day, days_in_month(to.year, to.month));
  if (to.day < anniversary) --months;
  return months;
}

LocalDate latest_start(LocalDate by, int months) {
  LocalDate start = months_back(by, months);
  int last = days_in_month(start.year, start.month);
  // On the last day of a month every start day from by.day on has its anniversary reached, so the
  // latest such start is the last day of the starting month.
  bool by_is_month_end = by.day == days_in_month(by.year, by.month);
  start.day = by_is_month_end ? last : std::min(by.day, last);
  return start;
}

}  // namespace simpul::competitions
