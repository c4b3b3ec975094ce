#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/store.hpp"
#include "kernel/context.hpp"

namespace simpul::catalogue {

inline constexpr std::uint32_t kMaxExportRows = 100000;

// The export's columns, in their fixed order, and one row's cells in that order.
const std::vector<std::string>& export_columns();
std::vector<std::string> export_cells(const ExportRow& row);
http::Response export_csv(kernel::Context& context);
http::Response export_xlsx(kernel::Context& context);

}  // namespace simpul::catalogue
