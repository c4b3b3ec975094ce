#pragma once
// Tables out as files people open in a spreadsheet: CSV (RFC 4180, UTF-8 with a BOM, as Excel
// reads it) and XLSX. Every cell is text; none can run as a formula.
#include <string>
#include <string_view>
#include <vector>

namespace simpul::sheet {

std::string csv_cell(std::string_view value);
std::string to_csv(const std::vector<std::string>& columns,
                   const std::vector<std::vector<std::string>>& rows);

// The same as an Excel workbook (one sheet, a bold header row); temp_dir holds the file while it
// is written, because libxlsxwriter 1.1.4 writes only to files.
std::string to_xlsx(const std::vector<std::string>& columns,
                    const std::vector<std::vector<std::string>>& rows, const std::string& temp_dir,
                    const std::string& sheet_name = "Inovasi");

}  // namespace simpul::sheet
