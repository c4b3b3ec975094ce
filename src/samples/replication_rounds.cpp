#include "samples/replication_rounds.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "accounts/service.hpp"
#include "core/util/clock.hpp"
#include "replication/service.hpp"
#include "synthetic/corpus.hpp"

namespace simpul::samples {
namespace {

using nlohmann::json;

const kernel::Actor kDemoSeeder{std::nullopt, "system:demo", "", ""};

// A signed commitment for the demo: a PDF that says what it is.
const innovations::Upload kSampleCommitment{
    "Dokumen komitmen (data contoh).pdf",
    "%PDF-1.4\n% Simpul: dokumen komitmen replikasi, data contoh untuk demonstrasi\n"
    "1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"};

bool round_exists(db::Database& database, const std::string& title) {
  return database.read([&](db::Transaction& tx) {
    return tx.scalar("SELECT COUNT(*) FROM replication_rounds WHERE title = $1", {title}) > 0;
  });
}

std::int64_t round_version(db::Database& database, std::int64_t id) {
  return database.read([&](db::Transaction& tx) {
    return tx.scalar("SELECT version FROM replication_rounds WHERE id = $1", {id});
  });
}

struct Offered {
  std::int64_t innovation_id = 0;
  std::int64_t agency_id = 0;
};

std::vector<Offered> published_named(db::Database& database, const json& names) {
  std::vector<Offered> out;
  database.read([&](db::Transaction& tx) {
    for (const auto& name : names)
      tx.first(
          "SELECT innovation_id, agency_id FROM innovation_published WHERE name = $1 "
          "AND is_sample = 0",
          {name.get<std::string>()}, [&](const db::Result::Row& r) {
            out.push_back({r.integer(0), r.integer(1)});
            return 0;
          });
  });
  return out;
}

// The province's regencies and cities, by name: the regions that sign.
std::vector<std::int64_t> regencies_of(db::Database& database, const std::string& province) {
  std::vector<std::int64_t> out;
  database.read([&](db::Transaction& tx) {
    for (const auto& r : tx.query("SELECT id FROM agencies WHERE province_code = $1 AND "
                                  "type IN ('kabupaten', 'kota') ORDER BY name",
                                  {province}))
      out.push_back(r.integer(0));
  });
  return out;
}

// Which region chose which innovation is not known: region i takes two offers (i and i + 2,
// round the list), never its own innovation; every commitment is marked sample.
std::vector<std::int64_t> sample_choice(const std::vector<Offered>& offers, std::size_t region,
                                        std::int64_t agency_id, std::size_t count) {
  std::vector<std::int64_t> chosen;
  for (std::size_t k = 0; k < offers.size() && chosen.size() < count; ++k) {
    const auto& offer = offers[(region + 2 * k) % offers.size()];
    if (offer.agency_id != agency_id &&
        std::find(chosen.begin(), chosen.end(), offer.innovation_id) == chosen.end())
      chosen.push_back(offer.innovation_id);
  }
  return chosen;
}

void run_round(db::Database& database, const kernel::Events& events,
               const replication::Editor& organiser, const json& spec) {
  bool known = spec.value("contents_known", false);
  auto offers = published_named(database, spec["offers"]);
  auto id = replication::create_round(
      database, kDemoSeeder, organiser,
      {spec["title"], spec["province"], spec["signed_on"], spec["source_note"], !known},
      now_seconds());
  for (const auto& offer : offers)
    replication::offer_in_round(database, kDemoSeeder, organiser, id, round_version(database, id),
                                offer.innovation_id, !known);
  auto regions = regencies_of(database, spec["province"]);
  // The seed names every regency and city of Sumatera Barat; elsewhere four regions stand in.
  std::size_t signing =
      spec.contains("committing") ? regions.size() : std::min<std::size_t>(4, regions.size());
  for (std::size_t i = 0; i < signing; ++i) {
    auto chosen = sample_choice(offers, i, regions[i], known ? 2 : 1);
    if (chosen.empty()) continue;
    replication::commit_in_round(database, events, kDemoSeeder, organiser, id,
                                 round_version(database, id),
                                 {regions[i], chosen, kSampleCommitment, true}, now_seconds());
  }
  replication::close_round(database, kDemoSeeder, organiser, id, round_version(database, id),
                           now_seconds());
}

}  // namespace

bool seed_replication_rounds(db::Database& database, const kernel::Events& events,
                             const std::string& home) {
  auto data = json::parse(synthetic::read_text(home + "/samples/replication.json"));
  auto organiser = database.read([&](db::Transaction& tx) {
    return accounts::acting_as(tx, data["organiser"].get<std::string>());
  });
  if (!organiser) return false;
  replication::Editor editor{organiser->role, organiser->agency_id, organiser->unit_id};
  bool ran = false;
  for (const auto& spec : data["rounds"]) {
    if (round_exists(database, spec["title"])) continue;
    run_round(database, events, editor, spec);
    ran = true;
  }
  return ran;
}

}  // namespace simpul::samples
