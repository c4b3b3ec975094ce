#include "samples/loader.hpp"

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/util/clock.hpp"
#include "innovations/service.hpp"
#include "samples/sample_writer.hpp"
#include "site/settings.hpp"
#include "synthetic/corpus.hpp"
#include "synthetic/seed.hpp"

namespace simpul::samples {

using nlohmann::json;

bool seed_demo_innovations(db::Database& database, const std::string& home) {
  if (!database.write(
          [](db::Transaction& tx) { return site::claim_setting(tx, "demo_innovations_seeded"); }))
    return false;
  auto data = json::parse(synthetic::read_text(home + "/samples/innovations.json"));
  auto agencies = database.read([](db::Transaction& tx) { return agencies::active_agencies(tx); });
  std::map<std::string, agencies::AgencyRow> by_name;
  for (const auto& agency : agencies) by_name[agency.name] = agency;
  auto now = now_seconds();
  synthetic::UnitCache units;
  std::map<std::string, std::map<std::string, int>> real_counts;  // agency -> form -> count
  database.write([&](db::Transaction& tx) {
    for (const auto& item : data.at("innovations")) {
      auto agency = by_name.at(item.at("agency").get<std::string>());
      auto fields = innovations::fields_from_json(item);
      auto unit_name = item.at("unit").get<std::string>();
      auto unit = units.get(tx, agency.id, unit_name, now);
      ++real_counts[agency.name][fields.form];
      auto id = synthetic::publish_new(tx, {agency, unit, unit_name}, std::move(fields), false, now,
                                       "data demo");
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
  // Fill reported portfolios with sample innovations of the missing forms, written as plausible
  // profiles (samples/sample_texts.json) and marked as samples.
  SampleWriter writer(json::parse(synthetic::read_text(home + "/samples/sample_texts.json")), 2021,
                      synthetic::current_year());
  for (const auto& portfolio : data.at("portfolios")) {
    const auto& agency = by_name.at(portfolio.at("agency").get<std::string>());
    database.write([&](db::Transaction& tx) {
      for (const char* form : {"pelayanan_publik", "tata_kelola"}) {
        int wanted = portfolio.at(form).get<int>() - real_counts[agency.name][form];
        for (int i = 0; i < wanted; ++i) {
          auto item = writer.next(form);
          auto unit = units.get(tx, agency.id, item.unit_name, now);
          synthetic::publish_new(tx, {agency, unit, item.unit_name}, std::move(item.fields), true,
                                 now - i * 3600, "data contoh");
        }
      }
    });
  }
  synthetic::record_run(database, "innovation.seed_demo",
                        {{"innovations", data.at("innovations").size()}});
  return true;
}

}  // namespace simpul::samples
