#include "core/sheet/utf8.hpp"

#include <cstddef>

namespace simpul::sheet::detail {

namespace {

struct Lead {
  std::size_t length;  // 0 for a byte that cannot start a sequence
  char32_t bits;
  char32_t minimum;  // smaller values are overlong forms
};

Lead lead_of(unsigned char byte) {
  if ((byte & 0xE0) == 0xC0) return {2, char32_t{byte} & 0x1F, 0x80};
  if ((byte & 0xF0) == 0xE0) return {3, char32_t{byte} & 0x0F, 0x800};
  if ((byte & 0xF8) == 0xF0) return {4, char32_t{byte} & 0x07, 0x10000};
  return {0, 0, 0};
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      ++at;
      continue;
    }
    const Lead lead = lead_of(byte);
    if (lead.length == 0 || text.size() - at < lead.length) return false;
    char32_t code_point = lead.bits;
    for (std::size_t i = 1; i < lead.length; ++i) {
      const auto next = static_cast<unsigned char>(text[at + i]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < lead.minimum || code_point > 0x10FFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    at += lead.length;
  }
  return true;
}

void append_utf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace simpul::sheet::detail
