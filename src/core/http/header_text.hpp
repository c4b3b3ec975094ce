#pragma once
// The text rules of HTTP header values (RFC 9110): ASCII case-insensitive names and tokens,
// optional white space of spaces and tabs.
#include <algorithm>
#include <string_view>

namespace simpul::http {

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

// Without the optional white space (spaces and tabs) around a header value or parameter.
inline std::string_view trim_ows(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace simpul::http
