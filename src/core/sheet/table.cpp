#include "core/sheet/table.hpp"

#include <algorithm>
#include <utility>

namespace simpul::sheet::detail {

void TableBuilder::check_cell(std::size_t column, std::size_t text_bytes, std::size_t row_number) {
  if (column >= limits_.max_columns) {
    throw Unreadable(
        "sheet.error.too_many_columns",
        {{"row", std::to_string(row_number)}, {"max", std::to_string(limits_.max_columns)}});
  }
  text_bytes_ += text_bytes;
  if (text_bytes_ > limits_.max_text_bytes) {
    const std::uint64_t megabytes = std::max<std::uint64_t>(limits_.max_text_bytes >> 20, 1);
    throw Unreadable("sheet.error.too_much_text", {{"max", std::to_string(megabytes)}});
  }
}

void TableBuilder::add(std::vector<std::string>&& cells, std::size_t row_number) {
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty()) return;
  if (has_header_) cells.resize(std::max(cells.size(), table_.header.size()));
  cells_ += cells.size();
  if (cells_ > limits_.max_cells) {
    throw Unreadable("sheet.error.too_many_cells", {{"max", std::to_string(limits_.max_cells)}});
  }
  if (!has_header_) {
    table_.header = std::move(cells);
    table_.header_row_number = row_number;
    has_header_ = true;
    return;
  }
  table_.rows.push_back(std::move(cells));
  table_.row_numbers.push_back(row_number);
}

Table TableBuilder::finish() && {
  if (!has_header_) throw Unreadable("sheet.error.empty");
  return std::move(table_);
}

}  // namespace simpul::sheet::detail
