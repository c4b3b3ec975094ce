#include "samples/loader.hpp"

#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "accounts/store.hpp"
#include "app/context.hpp"
#include "audit/store.hpp"
#include "catalogue/export.hpp"
#include "core/util/clock.hpp"
#include "imports/layout.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "samples/store.hpp"
#include "samples/synthetic.hpp"

namespace simpul::samples {
namespace {

using nlohmann::json;

int current_year() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(days).year());
}

// Writes one innovation as published at version 1, as a publication through the pages would.
struct Placement {
  const AgencyRow& agency;
  std::int64_t unit_id;
  std::string unit_name;
};

const app::Actor kSeeder{std::nullopt, "system:seed", "", ""};

std::int64_t publish_new(db::Transaction& tx, const Placement& where, innovations::Fields fields,
                         bool is_sample, std::int64_t now, const std::string& note) {
  const AgencyRow& agency = where.agency;
  innovations::check_fields(fields);  // normalises (order of codes, trimming) as a save would
  innovations::NewEntry entry{
      {agency.id, agency.name, agency.type, agency.province_code, where.unit_id, where.unit_name},
      std::move(fields),
      true,
      is_sample,
      note};
  return innovations::insert_new(tx, kSeeder, entry, now);
}

class UnitCache {
 public:
  std::int64_t get(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                   std::int64_t now) {
    auto key = std::to_string(agency_id) + "/" + name;
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    return ids_[key] = accounts::ensure_unit(tx, agency_id, name, now);
  }

 private:
  std::map<std::string, std::int64_t> ids_;
};

Vocabulary load_vocabulary(const std::string& home) {
  auto villages = read_text(home + "/node_modules/idn-area-data/data/villages.csv");
  return Vocabulary(place_words(villages, 40000));
}

void record_run(db::Database& database, const std::string& action, const json& after) {
  database.write([&](db::Transaction& tx) {
    audit::record(tx, kSeeder, {action, "innovation", "*", std::nullopt, after});
  });
}

}  // namespace

SeedReport seed_synthetic(db::Database& database, const std::string& home, std::int64_t count,
                          std::uint64_t seed) {
  SeedReport report;
  report.agencies_added =
      database.write([](db::Transaction& tx) { return ensure_national_agencies(tx); });
  auto agencies = database.read([](db::Transaction& tx) { return all_agencies(tx); });
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
      out << catalogue::csv_cell(cells[i]);
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

bool seed_demo_innovations(db::Database& database, const std::string& home) {
  if (!database.write([](db::Transaction& tx) { return claim_demo_seed(tx); })) return false;
  auto data = json::parse(read_text(home + "/samples/innovations.json"));
  auto agencies = database.read([](db::Transaction& tx) { return all_agencies(tx); });
  std::map<std::string, AgencyRow> by_name;
  for (const auto& agency : agencies) by_name[agency.name] = agency;
  auto now = now_seconds();
  UnitCache units;
  std::map<std::string, std::map<std::string, int>> real_counts;  // agency -> form -> count
  database.write([&](db::Transaction& tx) {
    for (const auto& item : data.at("innovations")) {
      auto agency = by_name.at(item.at("agency").get<std::string>());
      auto fields = innovations::fields_from_json(item);
      auto unit_name = item.at("unit").get<std::string>();
      auto unit = units.get(tx, agency.id, unit_name, now);
      ++real_counts[agency.name][fields.form];
      auto id =
          publish_new(tx, {agency, unit, unit_name}, std::move(fields), false, now, "data demo");
      for (const auto& award : item.value("awards", json::array())) {
        const auto& year = award.at("year");
        innovations::insert_award(
            tx, id,
            {year.is_number_integer() ? std::optional<int>(year.get<int>()) : std::nullopt,
             award.at("tier").get<std::string>(), award.at("title").get<std::string>(),
             award.value("source", "")},
            now);
      }
    }
  });
  // Fill reported portfolios with generated sample innovations of the missing forms.
  auto vocabulary = load_vocabulary(home);
  Generator generator(vocabulary, 2021, 1, current_year());
  for (const auto& portfolio : data.at("portfolios")) {
    const auto& agency = by_name.at(portfolio.at("agency").get<std::string>());
    database.write([&](db::Transaction& tx) {
      for (const char* form : {"pelayanan_publik", "tata_kelola"}) {
        int wanted = portfolio.at(form).get<int>() - real_counts[agency.name][form];
        for (int i = 0; i < wanted; ++i) {
          auto item = generator.next();
          item.fields.form = form;
          auto unit = units.get(tx, agency.id, item.unit_name, now);
          publish_new(tx, {agency, unit, item.unit_name}, std::move(item.fields), true,
                      now - i * 3600, "data contoh");
        }
      }
    });
  }
  record_run(database, "innovation.seed_demo", {{"innovations", data.at("innovations").size()}});
  return true;
}

}  // namespace simpul::samples
