#pragma once
// Addresses written once. Each feature names its route patterns in its paths.hpp; it registers
// its routes with those names and builds its links and redirects by filling them in, so changing
// a page's address is a one-line change and no handler assembles "/kompetisi/" + id by hand.
#include <concepts>
#include <initializer_list>
#include <string>
#include <string_view>

namespace simpul::kernel {

// The value of one {placeholder}: a number as written, a text percent-encoded (a file code or a
// slug can hold any character without leaving its path segment).
class PathValue {
 public:
  template <std::integral Number>
  PathValue(Number number) : text_(std::to_string(number)) {}
  PathValue(std::string_view text);
  PathValue(const std::string& text) : PathValue(std::string_view(text)) {}
  PathValue(const char* text) : PathValue(std::string_view(text)) {}

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// The pattern with its {placeholders} replaced by the values, in order:
// path("/kompetisi/{id}/finalis/{proposal}", {7, 12}) == "/kompetisi/7/finalis/12".
// Throws std::logic_error when the counts differ: a mistake in the code, never a visitor's.
std::string path(std::string_view pattern, std::initializer_list<PathValue> values = {});

}  // namespace simpul::kernel
