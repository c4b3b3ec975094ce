#pragma once
// Reads the tabular files of imports (CSV and XLSX) into rows of UTF-8 cells. Pure: bytes in,
// a Table or an Unreadable error out. Both formats give the same shape:
//   - the first non-empty row is the header; rows whose cells are all empty are skipped, but
//     every row keeps the number the user sees in Excel or LibreOffice (the header is row 1 when
//     the file starts with it), so the caller can name the row to fix;
//   - trailing empty cells are dropped and every row is padded with empty cells to the header's
//     width; non-empty cells beyond the header are kept, so the caller can report them;
//   - cells are kept as written, untrimmed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/util/errors.hpp"

namespace simpul::sheet {

struct Table {
  std::vector<std::string> header;
  std::size_t header_row_number = 1;  // more when empty rows come first
  std::vector<std::vector<std::string>> rows;
  // rows[i] is row row_numbers[i] of the file as its user sees it.
  std::vector<std::size_t> row_numbers;
};

// Bounds on what one file may make us hold in memory. An xlsx is a zip, so a small upload can
// inflate to gigabytes, and a shared string stored once can be copied into a million cells; the
// caps turn that into an error instead of an exhausted server.
struct Limits {
  std::size_t max_columns = 1'000;
  std::size_t max_cells = 5'000'000;                        // 100,000 rows of 50 columns
  std::uint64_t max_text_bytes = std::uint64_t{100} << 20;  // of all cells together
  std::uint64_t max_unzipped_bytes = std::uint64_t{200} << 20;
};

// A file that cannot be read at all: key() is "sheet.error.*" (i18n/sheet.*.json), args() the
// details ({"row", "12"}). 422: the upload arrived, its content is the problem.
class Unreadable : public Invalid {
 public:
  explicit Unreadable(std::string key, MessageArgs args = {})
      : Invalid(std::move(key), std::move(args)) {}
};

// RFC 4180 with what Excel writes: a UTF-8 BOM, ',' or ';' (Indonesian Excel) detected from the
// header line, CRLF, LF or CR line ends.
Table read_csv(std::string_view bytes, const Limits& limits = {});

// The first visible worksheet of an Office Open XML workbook. Dates (numbers with a date format)
// come out as YYYY-MM-DD, integers without exponent or ".0", booleans as TRUE/FALSE, other
// numbers as written in the file.
Table read_xlsx(std::string_view bytes, const Limits& limits = {});

// Sniffs the content: a zip is read as xlsx, anything else as CSV. file_name only refines the
// error for what is neither (an old .xls, a password-protected .xlsx, a "xlsx" that is not one).
Table read_table(std::string_view bytes, std::string_view file_name, const Limits& limits = {});

}  // namespace simpul::sheet
