#pragma once
// Internal to core/sheet: UTF-8 checks for CSV cells and encoding for XLSX escapes.
#include <string>
#include <string_view>

namespace simpul::sheet::detail {

// Well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates or code points
// above U+10FFFF (what a Windows-1252 "CSV (Comma delimited)" file fails).
bool is_valid_utf8(std::string_view text);

void append_utf8(char32_t code_point, std::string& out);

}  // namespace simpul::sheet::detail
