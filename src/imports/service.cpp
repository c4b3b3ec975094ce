#include "imports/service.hpp"

#include <map>
#include <set>

#include "agencies/feature.hpp"
#include "audit/audit.hpp"
#include "core/util/clock.hpp"
#include "innovations/service.hpp"

namespace simpul::imports {
namespace {

constexpr std::size_t kMaxUnitName = 150;

struct AgencyData {
  innovations::Placement agency;                                      // the agency part only
  std::map<std::string, std::pair<std::int64_t, std::string>> units;  // folded name -> id, name
  std::set<std::string> names;  // folded names of its innovations
};

AgencyData load_agency(db::Transaction& tx, std::int64_t agency_id) {
  AgencyData data;
  auto rows = tx.query(
      "SELECT id, name, type, COALESCE(province_code, '') FROM agencies WHERE id = $1 AND "
      "active = 1",
      {agency_id});
  if (rows.empty()) throw not_found();
  auto row = rows.front();
  data.agency = {row.integer(0), row.text(1), row.text(2), row.text(3), 0, ""};
  for (auto unit : tx.query("SELECT id, name FROM units WHERE agency_id = $1", {agency_id})) {
    data.units[fold(unit.text(1))] = {unit.integer(0), unit.text(1)};
  }
  for (auto innovation :
       tx.query("SELECT name FROM innovations WHERE agency_id = $1", {agency_id})) {
    data.names.insert(fold(innovation.text(0)));
  }
  return data;
}

bool has_control_character(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Adds what only the database knows: names already used in the agency or earlier in the file, and
// units that do not exist yet (created by the import, so they are listed).
Plan plan_with(const AgencyData& data, Reading& reading, std::size_t rows) {
  Plan plan;
  plan.rows = rows;
  std::map<std::string, std::size_t> first_row_of_name;
  std::set<std::string> new_units;
  std::vector<Entry> ready;
  for (auto& entry : reading.entries) {
    std::string name = fold(entry.fields.name);
    std::string unit = fold(entry.unit_name);
    std::size_t before = reading.problems.size();
    if (data.names.count(name)) {
      reading.problems.push_back({entry.row, "nama", "import.error.name_exists", {}});
    } else if (auto [it, fresh] = first_row_of_name.emplace(name, entry.row); !fresh) {
      reading.problems.push_back(
          {entry.row, "nama", "import.error.name_repeated", {{"row", std::to_string(it->second)}}});
    }
    if (!data.units.count(unit)) {
      if (entry.unit_name.size() > kMaxUnitName || has_control_character(entry.unit_name)) {
        reading.problems.push_back({entry.row, "unit", "import.error.unit_name", {}});
      } else if (new_units.insert(unit).second) {
        plan.new_units.push_back(entry.unit_name);
      }
    }
    if (reading.problems.size() == before) ready.push_back(std::move(entry));
  }
  reading.entries = std::move(ready);
  std::stable_sort(reading.problems.begin(), reading.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
  plan.problems = reading.problems;
  plan.ready = reading.entries.size();
  return plan;
}

}  // namespace

ChoiceLabels choice_labels(const view::Catalog& catalog) {
  ChoiceLabels labels;
  auto add = [&](const std::string& list, std::string_view prefix, std::string_view code) {
    for (auto lang : {view::Lang::id, view::Lang::en}) {
      std::string key = std::string(prefix) + std::string(code);
      if (catalog.has(lang, key)) labels[list][fold(catalog.text(lang, key))] = std::string(code);
    }
  };
  for (auto code : innovations::kForms) add("form", "innovation.form.", code);
  for (auto code : innovations::kTypes) add("type", "innovation.type.", code);
  for (auto code : innovations::kStages) add("stage", "innovation.stage.", code);
  for (auto code : innovations::kInitiators) add("initiator", "innovation.initiator.", code);
  for (const auto& affair : innovations::kAffairs) add("affair", "innovation.affair.", affair.code);
  return labels;
}

Plan check_import(db::Database& database, const Request& request, sheet::Table table,
                  const ChoiceLabels& labels) {
  auto rows = table.rows.size();
  Reading reading = read_rows(std::move(table), labels, request.publish);
  auto data =
      database.read([&](db::Transaction& tx) { return load_agency(tx, request.agency_id); });
  return plan_with(data, reading, rows);
}

Outcome run_import(db::Database& database, const kernel::Events& events, const kernel::Actor& actor,
                   const Request& request, sheet::Table table, const ChoiceLabels& labels) {
  auto rows = table.rows.size();
  Reading reading = read_rows(std::move(table), labels, request.publish);
  Outcome outcome;
  std::vector<std::int64_t> ids;
  database.write([&](db::Transaction& tx) {
    // Checked again here, so a name taken since the dry run, or by a second run of the same file,
    // is refused rather than imported twice.
    auto data = load_agency(tx, request.agency_id);
    outcome.plan = plan_with(data, reading, rows);
    if (!outcome.plan.problems.empty()) return;
    auto now = now_seconds();
    ids.reserve(reading.entries.size());
    for (auto& entry : reading.entries) {
      auto& unit = data.units[fold(entry.unit_name)];
      if (unit.first == 0) {
        unit = {agencies::ensure_unit(tx, request.agency_id, entry.unit_name, now),
                entry.unit_name};
      }
      innovations::Placement where = data.agency;
      where.unit_id = unit.first;
      where.unit_name = unit.second;
      std::string note = "impor " + request.file_name + " baris " + std::to_string(entry.row);
      ids.push_back(innovations::insert_new(
          tx, actor, {std::move(where), std::move(entry.fields), request.publish, false, note},
          now));
    }
    audit::record(tx, actor,
                  {"innovation.import", "agency", std::to_string(request.agency_id), std::nullopt,
                   nlohmann::json{{"file", request.file_name},
                                  {"rows", ids.size()},
                                  {"published", request.publish},
                                  {"new_units", outcome.plan.new_units}}});
    outcome.imported = ids.size();
  });
  if (request.publish) {
    for (auto id : ids) events.publish("innovation.published", std::to_string(id));
  }
  return outcome;
}

}  // namespace simpul::imports
