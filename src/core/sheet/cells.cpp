#include "core/sheet/cells.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/sheet/utf8.hpp"

namespace simpul::sheet::detail {

namespace {

bool is_plain_integer(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// "[h]", "[mm]", "[ss]": elapsed time. Any other bracket is a colour, locale or condition.
bool is_elapsed_time(std::string_view bracket) {
  if (bracket.empty()) return false;
  for (char c : bracket) {
    if (lower(c) != 'h' && lower(c) != 'm' && lower(c) != 's') return false;
  }
  return true;
}

// Excel's own test, in short: the first section of the code, outside quoted text, escaped
// characters and brackets, uses day, month or year codes. A lone "m" is minutes when hours or
// seconds are around ("h:mm", "mm:ss", "[h]:mm").
bool is_date_code(std::string_view code) {
  bool day_or_year = false;
  bool month_or_minute = false;
  bool time = false;
  for (std::size_t at = 0; at < code.size() && code[at] != ';'; ++at) {
    const char c = lower(code[at]);
    if (c == '"') {
      at = std::min(code.find('"', at + 1), code.size() - 1);
    } else if (c == '\\' || c == '_' || c == '*') {
      ++at;  // an escaped character, or the width or fill character of _ and *
    } else if (c == '[') {
      const std::size_t close = std::min(code.find(']', at), code.size() - 1);
      time = time || is_elapsed_time(code.substr(at + 1, close - at - 1));
      at = close;
    } else {
      day_or_year = day_or_year || c == 'd' || c == 'y';
      month_or_minute = month_or_minute || c == 'm';
      time = time || c == 'h' || c == 's';
    }
  }
  return day_or_year || (month_or_minute && !time);
}

// The UTF-16 code unit of an "_xHHHH_" escape starting at `at`.
std::optional<char32_t> escape_at(std::string_view text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') {
    return std::nullopt;
  }
  unsigned unit = 0;
  const char* digits = text.data() + at + 2;
  const auto [end, error] = std::from_chars(digits, digits + 4, unit, 16);
  if (error != std::errc() || end != digits + 4) return std::nullopt;
  return unit;
}

bool is_high_surrogate(char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

struct Escape {
  char32_t code_point;  // 0 when the escape stays as written
  std::size_t length;
};

Escape decode_escape(std::string_view text, std::size_t at, char32_t unit) {
  if (is_high_surrogate(unit)) {
    const auto low = escape_at(text, at + 7);
    if (!low || !is_low_surrogate(*low)) return {0, 7};
    return {0x10000 + ((unit - 0xD800) << 10) + (*low - 0xDC00), 14};
  }
  return {is_low_surrogate(unit) ? 0 : unit, 7};
}

}  // namespace

std::string number_text(std::string_view written) {
  // Digits only: exact as written, even beyond the 17 significant digits of a double.
  if (is_plain_integer(written)) return std::string(written);
  double value = 0;
  const auto [end, error] = std::from_chars(written.data(), written.data() + written.size(), value);
  const bool integer = error == std::errc() && end == written.data() + written.size() &&
                       std::isfinite(value) && value == std::floor(value) &&
                       std::fabs(value) < 1e21;
  if (!integer) return std::string(written);
  if (value == 0) return "0";  // not "-0"
  char buffer[32];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 0);
  return std::string(buffer, result.ptr);
}

std::optional<std::string> excel_date(double serial, bool date1904) {
  using namespace std::chrono;
  if (!std::isfinite(serial)) return std::nullopt;
  const double day = std::floor(serial);
  if (day < (date1904 ? 0 : 1) || day > (date1904 ? 2957003 : 2958465)) return std::nullopt;
  const int count = static_cast<int>(day);
  if (!date1904 && count == 60) return "1900-02-29";
  // Counting from 1899-12-31 before the phantom leap day and from 1899-12-30 after it.
  const sys_days epoch = date1904     ? sys_days{year{1904} / 1 / 1}
                         : count < 60 ? sys_days{year{1899} / 12 / 31}
                                      : sys_days{year{1899} / 12 / 30};
  const year_month_day date{epoch + days{count}};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

bool is_date_format(int number_format_id, std::optional<std::string_view> format_code) {
  if (format_code) return is_date_code(*format_code);
  // Built-in dates: 14-17, and 22 (date and time). 18-21 and 45-47 are times of day, which as
  // dates would all read 1899-12-30.
  return (number_format_id >= 14 && number_format_id <= 17) || number_format_id == 22;
}

std::string decode_escapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto unit = escape_at(text, at);
    if (!unit) {
      out.push_back(text[at++]);
      continue;
    }
    const Escape escape = decode_escape(text, at, *unit);
    if (escape.code_point == 0) {
      out.append(text, at, 7);
      at += 7;
      continue;
    }
    append_utf8(escape.code_point, out);
    at += escape.length;
  }
  return out;
}

}  // namespace simpul::sheet::detail
