#pragma once
// Internal to core/sheet: the rules both formats share (which row is the header, empty rows,
// row widths, the cell caps), so that CSV and XLSX give the same Table for the same sheet.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sheet/sheet.hpp"

namespace simpul::sheet::detail {

class TableBuilder {
 public:
  explicit TableBuilder(const Limits& limits) : limits_(limits) {}

  // Counts a non-empty cell before a reader stores it, and throws when it is beyond the column
  // or text caps, so that one huge row cannot fill memory before add() sees it.
  void check_cell(std::size_t column, std::size_t text_bytes, std::size_t row_number);

  // One row of the file as read; trailing empty cells are allowed.
  void add(std::vector<std::string>&& cells, std::size_t row_number);

  // Throws sheet.error.empty when the file had no non-empty row.
  Table finish() &&;

 private:
  const Limits& limits_;
  Table table_;
  bool has_header_ = false;
  std::size_t cells_ = 0;
  std::uint64_t text_bytes_ = 0;
};

}  // namespace simpul::sheet::detail
