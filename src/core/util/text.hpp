#pragma once
// Small text helpers every feature's input checks need.
#include <string>
#include <string_view>

namespace simpul {

// Without leading and trailing spaces, tabs and line breaks.
inline std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace simpul
