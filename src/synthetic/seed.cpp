#include "synthetic/seed.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include "audit/audit.hpp"
#include "core/sheet/write.hpp"
#include "core/util/clock.hpp"
#include "imports/layout.hpp"
#include "innovations/service.hpp"
#include "synthetic/corpus.hpp"

namespace simpul::synthetic {

using nlohmann::json;

int current_year() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(days).year());
}

std::int64_t publish_new(db::Transaction& tx, const Placement& where, innovations::Fields fields,
                         bool is_sample, std::int64_t now, const std::string& note) {
  const agencies::AgencyRow& agency = where.agency;
  innovations::check_fields(fields);  // normalises (order of codes, trimming) as a save would
  innovations::NewEntry entry{
      {agency.id, agency.name, agency.type, agency.province_code, where.unit_id, where.unit_name},
      std::move(fields),
      true,
      is_sample,
      note};
  return innovations::insert_new(tx, kSeeder, entry, now);
}

std::int64_t UnitCache::get(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                            std::int64_t now) {
  auto key = std::to_string(agency_id) + "/" + name;
  auto it = ids_.find(key);
  if (it != ids_.end()) return it->second;
  return ids_[key] = agencies::ensure_unit(tx, agency_id, name, now);
}

Vocabulary load_vocabulary(const std::string& home) {
  auto villages = read_text(home + "/node_modules/idn-area-data/data/villages.csv");
  return Vocabulary(place_words(villages, 40000));
}

void record_run(db::Database& database, const std::string& action, const json& after) {
  database.write([&](db::Transaction& tx) {
    audit::record(tx, kSeeder, {action, "innovation", "*", std::nullopt, after});
  });
}

SeedReport seed_synthetic(db::Database& database, const std::string& home, std::int64_t count,
                          std::uint64_t seed) {
  SeedReport report;
  report.agencies_added =
      database.write([](db::Transaction& tx) { return ensure_national_agencies(tx); });
  auto agencies = database.read([](db::Transaction& tx) { return agencies::active_agencies(tx); });
  if (agencies.empty()) throw std::runtime_error("no agencies: run the migrations first");
  auto vocabulary = load_vocabulary(home);
  Generator generator(vocabulary, seed, agencies.size(), current_year());
  UnitCache units;
  auto now = now_seconds();
  constexpr std::int64_t kBatch = 1000;
  for (std::int64_t done = 0; done < count; done += kBatch) {
    database.write([&](db::Transaction& tx) {
      for (std::int64_t i = done; i < std::min(count, done + kBatch); ++i) {
        auto item = generator.next();
        const auto& agency = agencies[item.agency_index];
        auto unit = units.get(tx, agency.id, item.unit_name, now);
        // Spread publication times over the years, so "newest" means something.
        publish_new(tx, {agency, unit, item.unit_name}, std::move(item.fields), true,
                    now - (count - i) * 600, "data contoh sintetis");
      }
    });
    report.innovations = std::min(count, done + kBatch);
  }
  record_run(database, "innovation.seed_synthetic", {{"count", count}, {"seed", seed}});
  return report;
}

void write_import_csv(const std::string& home, std::int64_t count, std::uint64_t seed,
                      std::ostream& out) {
  auto vocabulary = load_vocabulary(home);
  Generator generator(vocabulary, seed, 1, current_year());
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out << ',';
      out << sheet::csv_cell(cells[i]);
    }
    out << "\r\n";
  };
  out << "\xEF\xBB\xBF";
  line(imports::import_header());
  std::set<std::string> names;
  for (std::int64_t i = 0; i < count; ++i) {
    auto item = generator.next();
    if (!names.insert(imports::fold(item.fields.name)).second) {
      item.fields.name += " " + std::to_string(i + 1);
      names.insert(imports::fold(item.fields.name));
    }
    line(imports::row_cells(item.unit_name, item.fields));
  }
}

}  // namespace simpul::synthetic
