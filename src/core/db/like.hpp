#pragma once
#include <cctype>
#include <string>
#include <string_view>

namespace simpul::db {

// The LIKE pattern of a case-insensitive "contains" search for what a person typed (compare it
// with LOWER(column)). LIKE's own wildcards and escape are dropped, so they are searched as plain
// text; empty when nothing is left to search, which the statements read as "no filter".
inline std::string contains_pattern(std::string_view typed) {
  std::string pattern;
  for (char c : typed) {
    if (c == '%' || c == '_' || c == '\\') continue;
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return pattern.empty() ? pattern : "%" + pattern + "%";
}

}  // namespace simpul::db
