#include "core/view/format.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace simpul::view {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

constexpr std::string_view kIndonesianMonths[12] = {
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr std::string_view kEnglishMonths[12] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

struct CivilDate {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

struct LocalTime {
  CivilDate date;
  int hour;
  int minute;
};

// Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date, exact
// for the whole int64 range we can meet and independent of the process time zone.
CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;  // March = 0
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  return (value % divisor < 0) ? quotient - 1 : quotient;
}

LocalTime to_local(std::int64_t utc_seconds, Zone zone) {
  const std::int64_t local = utc_seconds + zone_offset_seconds(zone);
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t second_of_day = local - days * kSecondsPerDay;
  return {civil_from_days(days), static_cast<int>(second_of_day / 3600),
          static_cast<int>(second_of_day % 3600 / 60)};
}

std::string_view month_name(int month, Lang lang) {
  return (lang == Lang::en ? kEnglishMonths : kIndonesianMonths)[month - 1];
}

void append_two_digits(std::string& out, int value) {
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

char thousands_separator(Lang lang) { return lang == Lang::en ? ',' : '.'; }
char decimal_separator(Lang lang) { return lang == Lang::en ? '.' : ','; }

// Appends a run of digits with a separator every three digits from the right.
void append_grouped(std::string& out, std::string_view digits, char separator) {
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(separator);
    out.push_back(digits[i]);
  }
}

// Digits of |value| without sign; unsigned so that INT64_MIN has a magnitude too.
std::string magnitude_digits(std::int64_t value) {
  std::uint64_t magnitude =
      value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude);
  return std::string(buffer, result.ptr);
}

bool all_zero_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == '0' || c == '.' || c == '-'; });
}

}  // namespace

std::string_view zone_name(Zone zone) {
  switch (zone) {
    case Zone::wita:
      return "WITA";
    case Zone::wit:
      return "WIT";
    case Zone::wib:
      break;
  }
  return "WIB";
}

int zone_offset_seconds(Zone zone) {
  switch (zone) {
    case Zone::wita:
      return 8 * 3600;
    case Zone::wit:
      return 9 * 3600;
    case Zone::wib:
      break;
  }
  return 7 * 3600;
}

// Accepts the abbreviations in any case and the IANA names of the three zones.
std::optional<Zone> parse_zone(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "wib" || lower == "asia/jakarta") return Zone::wib;
  if (lower == "wita" || lower == "asia/makassar") return Zone::wita;
  if (lower == "wit" || lower == "asia/jayapura") return Zone::wit;
  return std::nullopt;
}

std::string format_date(std::int64_t utc_seconds, Zone zone, Lang lang) {
  const CivilDate date = to_local(utc_seconds, zone).date;
  std::string out = std::to_string(date.day);
  out.push_back(' ');
  out.append(month_name(date.month, lang));
  out.push_back(' ');
  out.append(std::to_string(date.year));
  return out;
}

std::string format_datetime(std::int64_t utc_seconds, Zone zone, Lang lang) {
  const LocalTime local = to_local(utc_seconds, zone);
  std::string out = format_date(utc_seconds, zone, lang);
  out.append(lang == Lang::en ? ", " : " pukul ");
  append_two_digits(out, local.hour);
  out.push_back(lang == Lang::en ? ':' : '.');
  append_two_digits(out, local.minute);
  out.push_back(' ');
  out.append(zone_name(zone));
  return out;
}

std::string format_integer(std::int64_t value, Lang lang) {
  std::string out;
  if (value < 0) out.push_back('-');
  append_grouped(out, magnitude_digits(value), thousands_separator(lang));
  return out;
}

std::string format_decimal(double value, int decimals, Lang lang) {
  decimals = std::clamp(decimals, 0, 20);
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string_view plain(buffer);
  if (!std::isfinite(value)) return std::string(plain);
  std::string out;
  // "-0,00" reads as a bug to users; a value that rounds to zero has no sign.
  if (plain.front() == '-') {
    plain.remove_prefix(1);
    if (!all_zero_digits(plain)) out.push_back('-');
  }
  const std::size_t point = plain.find('.');
  append_grouped(out, plain.substr(0, point), thousands_separator(lang));
  if (point != std::string_view::npos) {
    out.push_back(decimal_separator(lang));
    out.append(plain.substr(point + 1));
  }
  return out;
}

std::string format_rupiah(std::int64_t value, Lang lang) {
  std::string out;
  if (value < 0) out.push_back('-');
  out.append(lang == Lang::en ? "IDR " : "Rp");
  append_grouped(out, magnitude_digits(value), thousands_separator(lang));
  return out;
}

}  // namespace simpul::view
