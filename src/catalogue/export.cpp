// Export of a catalogue search as CSV: every public field, a stable column order, UTF-8 with a
// byte-order mark so spreadsheet programs read Indonesian text correctly.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue.hpp"
#include "catalogue/export.hpp"
#include "catalogue/search_request.hpp"
#include "core/sheet/write.hpp"
#include "innovations/paths.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::catalogue {
namespace {

using nlohmann::json;

std::string snapshot_text(const json& snapshot, const char* key) {
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
    out += snapshot_text(row, "indicator") + ": " + snapshot_text(row, "before") + " -> " +
           snapshot_text(row, "after") + " " + snapshot_text(row, "unit");
  }
  return out;
}

// Last, so the columns of earlier exports keep their positions; with it an export can be imported
// again (imports/layout.hpp).
std::string unit_name(const json& snapshot) {
  auto unit = snapshot.find("unit");
  return unit != snapshot.end() && unit->is_object() ? snapshot_text(*unit, "name") : std::string();
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
          snapshot_text(snapshot, "name"),
          snapshot_text(snapshot, "short_name"),
          row.agency_name,
          row.agency_type,
          row.province_name,
          snapshot_text(snapshot, "form"),
          snapshot_text(snapshot, "type"),
          snapshot_text(snapshot, "stage"),
          snapshot_text(snapshot, "initiator"),
          joined(snapshot, "affairs"),
          joined(snapshot, "sdgs"),
          snapshot_text(snapshot, "trial_date"),
          snapshot_text(snapshot, "implementation_date"),
          snapshot_text(snapshot, "problem"),
          snapshot_text(snapshot, "design"),
          snapshot_text(snapshot, "goals"),
          snapshot_text(snapshot, "benefits"),
          results_text(snapshot),
          budget_text,
          snapshot_text(snapshot, "video_url"),
          joined(snapshot, "tags"),
          std::to_string(row.published_at),
          kernel::path(innovations::paths::kInnovation, {row.id}),
          unit_name(snapshot)};
}

namespace {

// Every result of the search the URL describes (not only one page), as export cells.
std::vector<std::vector<std::string>> exported_cells(kernel::Context& context) {
  const Catalogue& catalogue = context.service<Catalogue>();
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

}  // namespace

http::Response export_csv(kernel::Context& context) {
  return http::Response::download(sheet::to_csv(export_columns(), exported_cells(context)),
                                  "text/csv; charset=utf-8", "katalog-inovasi.csv");
}

http::Response export_xlsx(kernel::Context& context) {
  std::string temp_dir = context.config().data_dir + "/tmp";
  return http::Response::download(
      sheet::to_xlsx(export_columns(), exported_cells(context), temp_dir),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "katalog-inovasi.xlsx");
}

}  // namespace simpul::catalogue
