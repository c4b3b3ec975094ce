#include "kernel/paths.hpp"

#include <stdexcept>

#include "core/http/message.hpp"

namespace simpul::kernel {

PathValue::PathValue(std::string_view text) : text_(http::url_encode(text)) {}

std::string path(std::string_view pattern, std::initializer_list<PathValue> values) {
  std::string out;
  out.reserve(pattern.size() + 8 * values.size());
  const PathValue* next = values.begin();
  for (std::size_t at = 0; at < pattern.size();) {
    std::size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(at));
      break;
    }
    std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos || next == values.end()) {
      throw std::logic_error("path: too few values for " + std::string(pattern));
    }
    out.append(pattern.substr(at, open - at)).append(next->text());
    ++next;
    at = close + 1;
  }
  if (next != values.end())
    throw std::logic_error("path: too many values for " + std::string(pattern));
  return out;
}

}  // namespace simpul::kernel
