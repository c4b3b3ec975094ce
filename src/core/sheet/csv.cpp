#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/sheet/sheet.hpp"
#include "core/sheet/table.hpp"
#include "core/sheet/utf8.hpp"

namespace simpul::sheet {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Excel writes the list separator of the user's regional settings: ';' wherever the decimal
// separator is ',' (Indonesia), ',' elsewhere. The header line, outside quotes, tells which.
char detect_delimiter(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  const std::size_t start = std::min(text.find_first_not_of("\r\n"), text.size());
  for (std::size_t at = start; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (is_line_end(c)) break;
      commas += c == ',';
      semicolons += c == ';';
    }
  }
  return semicolons > commas ? ';' : ',';
}

enum class CellEnd { delimiter, row };

class CsvReader {
 public:
  CsvReader(std::string_view text, const Limits& limits)
      : text_(text), delimiter_(detect_delimiter(text)), builder_(limits) {}

  Table read() && {
    while (at_ < text_.size()) read_row();
    return std::move(builder_).finish();
  }

 private:
  // Row numbers count records, not lines: a quoted cell spanning lines is still one row in
  // Excel, and a blank line is an (empty) row there too.
  void read_row() {
    std::vector<std::string> cells;
    std::size_t empty_run = 0;  // empty cells not stored yet, so trailing ones never are
    CellEnd end = CellEnd::delimiter;
    while (end == CellEnd::delimiter) {
      std::string cell;
      end = read_cell(cell);
      if (cell.empty()) {
        ++empty_run;
        continue;
      }
      check_text(cell);
      const std::size_t column = cells.size() + empty_run;
      builder_.check_cell(column, cell.size(), row_);
      cells.resize(column);
      cells.push_back(std::move(cell));
      empty_run = 0;
    }
    builder_.add(std::move(cells), row_);
    ++row_;
  }

  CellEnd read_cell(std::string& cell) {
    if (at_ < text_.size() && text_[at_] == '"') read_quoted(cell);
    // Like Excel, keep what follows a closing quote (or a quote inside an unquoted cell) as text.
    read_plain(cell);
    return read_cell_end();
  }

  void read_quoted(std::string& cell) {
    ++at_;
    while (true) {
      const std::size_t quote = text_.find('"', at_);
      if (quote == std::string_view::npos) fail("sheet.error.unterminated_quote");
      cell.append(text_.substr(at_, quote - at_));
      at_ = quote + 1;
      if (at_ == text_.size() || text_[at_] != '"') return;
      cell.push_back('"');
      ++at_;
    }
  }

  void read_plain(std::string& cell) {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] != delimiter_ && !is_line_end(text_[at_])) ++at_;
    cell.append(text_.substr(start, at_ - start));
  }

  CellEnd read_cell_end() {
    if (at_ == text_.size()) return CellEnd::row;
    const char c = text_[at_++];
    if (c == delimiter_) return CellEnd::delimiter;
    if (c == '\r' && at_ < text_.size() && text_[at_] == '\n') ++at_;
    return CellEnd::row;
  }

  // A NUL byte usually means a UTF-16 "Unicode Text" file; either way the fix is to save again.
  void check_text(const std::string& cell) const {
    if (cell.find('\0') != std::string::npos) fail("sheet.error.nul_byte");
    if (!detail::is_valid_utf8(cell)) fail("sheet.error.not_utf8");
  }

  [[noreturn]] void fail(std::string key) const {
    throw Unreadable(std::move(key), {{"row", std::to_string(row_)}});
  }

  std::string_view text_;
  char delimiter_;
  detail::TableBuilder builder_;
  std::size_t at_ = 0;
  std::size_t row_ = 1;
};

}  // namespace

Table read_csv(std::string_view bytes, const Limits& limits) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return CsvReader(bytes, limits).read();
}

}  // namespace simpul::sheet
