#pragma once
// The five characters HTML text and attribute values must not hold as they are.

namespace simpul {

// The entity that stands for c in HTML, or nullptr when c may stay.
constexpr const char* html_entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return nullptr;
  }
}

}  // namespace simpul
