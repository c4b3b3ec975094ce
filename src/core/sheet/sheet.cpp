#include "core/sheet/sheet.hpp"

#include <algorithm>
#include <cctype>

namespace simpul::sheet {

namespace {

constexpr std::string_view kZipSignature = "PK\x03\x04";
// Compound File Binary: Excel 97-2003 workbooks, and also Excel's password-encrypted .xlsx.
constexpr std::string_view kCompoundFileSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(),
                    [](char expected, char actual) {
                      return expected == std::tolower(static_cast<unsigned char>(actual));
                    });
}

bool named_xlsx(std::string_view file_name) {
  return ends_with_ignoring_case(file_name, ".xlsx") || ends_with_ignoring_case(file_name, ".xlsm");
}

}  // namespace

Table read_table(std::string_view bytes, std::string_view file_name, const Limits& limits) {
  if (bytes.starts_with(kZipSignature)) return read_xlsx(bytes, limits);
  if (bytes.starts_with(kCompoundFileSignature)) {
    throw Unreadable(named_xlsx(file_name) ? "sheet.error.encrypted" : "sheet.error.xls");
  }
  // Read as CSV it would fail on its first binary byte, with advice about CSV UTF-8.
  if (named_xlsx(file_name)) throw Unreadable("sheet.error.not_xlsx");
  return read_csv(bytes, limits);
}

}  // namespace simpul::sheet
