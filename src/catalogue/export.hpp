#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "catalogue/store.hpp"

namespace simpul::catalogue {

inline constexpr std::uint32_t kMaxExportRows = 100000;

// The export's columns, in their fixed order, and one row's cells in that order.
const std::vector<std::string>& export_columns();
std::vector<std::string> export_cells(const ExportRow& row);
std::string csv_cell(std::string_view value);
std::string to_csv(const std::vector<std::string>& columns,
                   const std::vector<std::vector<std::string>>& rows);

// The same as an Excel workbook (one sheet, a bold header row); temp_dir holds the file while it
// is written, because libxlsxwriter 1.1.4 writes only to files.
std::string to_xlsx(const std::vector<std::string>& columns,
                    const std::vector<std::vector<std::string>>& rows, const std::string& temp_dir,
                    const std::string& sheet_name = "Inovasi");

http::Response export_csv(app::Context& context);
http::Response export_xlsx(app::Context& context);

}  // namespace simpul::catalogue
