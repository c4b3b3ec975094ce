#pragma once
// Internal to core/sheet: how XLSX cell values become text.
#include <optional>
#include <string>
#include <string_view>

namespace simpul::sheet::detail {

// A number as written, except that an integer loses its exponent and fraction ("1.5E6",
// "1500000.0" -> "1500000"), so that codes and amounts compare as the user typed them.
std::string number_text(std::string_view written);

// Day serial -> "YYYY-MM-DD". The 1900 system keeps Lotus 1-2-3's leap day: serial 60 is
// 1900-02-29, which Excel shows. The time of day is dropped. nullopt outside Excel's dates
// (before 1900-01-01 or 1904-01-01, after 9999-12-31).
std::optional<std::string> excel_date(double serial, bool date1904);

// Whether numFmtId, with its formatCode when the workbook defines one, shows a date.
bool is_date_format(int number_format_id, std::optional<std::string_view> format_code);

// Decodes the _xHHHH_ escapes of Office strings (Excel writes a carriage return as _x000D_).
// A NUL or an unpaired surrogate stays as written.
std::string decode_escapes(std::string text);

}  // namespace simpul::sheet::detail
