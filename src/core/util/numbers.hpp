#pragma once
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace simpul {

// A whole decimal number above zero, nothing else (no sign, spaces or trailing characters): ids
// and page numbers from URLs and forms.
inline std::optional<std::int64_t> parse_positive(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace simpul
