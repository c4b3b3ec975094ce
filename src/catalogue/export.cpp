// Export of a catalogue search as CSV: every public field, a stable column order, UTF-8 with a
// byte-order mark so spreadsheet programs read Indonesian text correctly.
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/export.hpp"
#include "catalogue/search_request.hpp"
#include "core/util/crypto.hpp"

namespace simpul::catalogue {
namespace {

using nlohmann::json;

std::string text_of(const json& snapshot, const char* key) {
  auto it = snapshot.find(key);
  return it != snapshot.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string joined(const json& snapshot, const char* key) {
  std::string out;
  auto it = snapshot.find(key);
  if (it == snapshot.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (!out.empty()) out += "; ";
    out += item.is_string() ? item.get<std::string>() : item.dump();
  }
  return out;
}

std::string results_text(const json& snapshot) {
  std::string out;
  auto it = snapshot.find("results");
  if (it == snapshot.end() || !it->is_array()) return out;
  for (const auto& row : *it) {
    if (!row.is_object()) continue;
    if (!out.empty()) out += "; ";
    out += text_of(row, "indicator") + ": " + text_of(row, "before") + " -> " +
           text_of(row, "after") + " " + text_of(row, "unit");
  }
  return out;
}

// Last, so the columns of earlier exports keep their positions; with it an export can be imported
// again (imports/layout.hpp).
std::string unit_name(const json& snapshot) {
  auto unit = snapshot.find("unit");
  return unit != snapshot.end() && unit->is_object() ? text_of(*unit, "name") : std::string();
}

}  // namespace

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> columns = {"id",
                                                   "nama",
                                                   "nama_singkat",
                                                   "instansi",
                                                   "klaster",
                                                   "provinsi",
                                                   "bentuk",
                                                   "jenis",
                                                   "tahap",
                                                   "inisiator",
                                                   "urusan",
                                                   "sdgs",
                                                   "tanggal_uji_coba",
                                                   "tanggal_penerapan",
                                                   "latar_belakang",
                                                   "rancang_bangun",
                                                   "tujuan",
                                                   "manfaat",
                                                   "hasil",
                                                   "anggaran_rupiah",
                                                   "video",
                                                   "tag",
                                                   "diterbitkan",
                                                   "url",
                                                   "unit"};
  return columns;
}

std::vector<std::string> export_cells(const ExportRow& row) {
  auto snapshot = json::parse(row.snapshot_json, nullptr, false);
  if (!snapshot.is_object()) snapshot = json::object();
  auto budget = snapshot.find("budget");
  std::string budget_text = budget != snapshot.end() && budget->is_number_integer()
                                ? std::to_string(budget->get<std::int64_t>())
                                : "";
  return {std::to_string(row.id),
          text_of(snapshot, "name"),
          text_of(snapshot, "short_name"),
          row.agency_name,
          row.agency_type,
          row.province_name,
          text_of(snapshot, "form"),
          text_of(snapshot, "type"),
          text_of(snapshot, "stage"),
          text_of(snapshot, "initiator"),
          joined(snapshot, "affairs"),
          joined(snapshot, "sdgs"),
          text_of(snapshot, "trial_date"),
          text_of(snapshot, "implementation_date"),
          text_of(snapshot, "problem"),
          text_of(snapshot, "design"),
          text_of(snapshot, "goals"),
          text_of(snapshot, "benefits"),
          results_text(snapshot),
          budget_text,
          text_of(snapshot, "video_url"),
          joined(snapshot, "tags"),
          std::to_string(row.published_at),
          "/inovasi/" + std::to_string(row.id),
          unit_name(snapshot)};
}

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

namespace {

// Every result of the search the URL describes (not only one page), as export cells.
std::vector<std::vector<std::string>> exported_cells(app::Context& context) {
  const Catalogue& catalogue = context.app().catalogue();
  auto request = SearchRequest::parse(context.request().query(), catalogue.values());
  auto query = request.to_query(kMaxExportRows);
  query.offset = 0;
  auto result = catalogue.index().search(query);
  std::vector<std::int64_t> ids;
  for (const auto& hit : result.hits) ids.push_back(hit.id);
  auto rows = context.db().read([&](db::Transaction& tx) { return export_rows(tx, ids); });
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (const auto& row : rows) cells.push_back(export_cells(row));
  return cells;
}

// An XLSX cell holds at most 32,767 characters.
std::string fit_cell(const std::string& text) {
  constexpr std::size_t kMax = 32767;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace

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

http::Response export_csv(app::Context& context) {
  return http::Response::download(to_csv(export_columns(), exported_cells(context)),
                                  "text/csv; charset=utf-8", "katalog-inovasi.csv");
}

http::Response export_xlsx(app::Context& context) {
  std::string temp_dir = context.app().config().data_dir + "/tmp";
  return http::Response::download(
      to_xlsx(export_columns(), exported_cells(context), temp_dir),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "katalog-inovasi.xlsx");
}

}  // namespace simpul::catalogue
