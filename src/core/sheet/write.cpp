#include "core/sheet/write.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/util/crypto.hpp"

namespace simpul::sheet {
namespace {

// An XLSX cell holds at most 32,767 characters.
std::string fit_cell(const std::string& text) {
  constexpr std::size_t kMax = 32767;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

// RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @ at the start) gets a
// leading apostrophe, so an exported file cannot carry an attack to whoever opens it.
std::string csv_cell(std::string_view value) {
  std::string cell;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    cell += '\'';
  }
  cell += value;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string to_csv(const std::vector<std::string>& columns,
                   const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      out += csv_cell(cells[i]);
    }
    out += "\r\n";
  };
  line(columns);
  for (const auto& row : rows) line(row);
  return out;
}

std::string to_xlsx(const std::vector<std::string>& columns,
                    const std::vector<std::vector<std::string>>& rows, const std::string& temp_dir,
                    const std::string& sheet_name) {
  std::filesystem::create_directories(temp_dir);
  auto path = std::filesystem::path(temp_dir) / ("export-" + random_hex(12) + ".xlsx");
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as written: big exports stay small
  std::string tmp = temp_dir;
  options.tmpdir = tmp.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) throw std::runtime_error("cannot create " + path.string());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), bold);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      // Written as strings, never formulas, whatever the text starts with.
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                             fit_cell(rows[r][c]).c_str(), nullptr);
    }
  }
  lxw_error error = workbook_close(workbook);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    bytes = content.str();
  }
  std::filesystem::remove(path);
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("XLSX export failed: ") + lxw_strerror(error));
  }
  return bytes;
}

}  // namespace simpul::sheet
