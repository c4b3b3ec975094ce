// Two app servers on one database, on every engine: what one publishes (through the API here)
// reaches the other's search index within its poll interval, and so does a `simpul import`-style
// write made outside any server.
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue.hpp"
#include "catalogue/watch.hpp"
#include "imports/service.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;
using nlohmann::json;

std::int64_t total_for(TestServer& server, const std::string& query) {
  return json::parse(server.client().get("/api/v1/innovations?q=" + query).body)
      .at("total")
      .get<std::int64_t>();
}

// Waits up to five seconds for the search on server to find count innovations.
bool eventually_found(TestServer& server, const std::string& query, std::int64_t count) {
  for (int i = 0; i < 100; ++i) {
    if (total_for(server, query) == count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

class CatalogueWatch : public EngineTest {};

TEST_P(CatalogueWatch, PublicationsOnOneServerReachTheOthersIndex) {
  auto fast = [](kernel::Config& config) {
    config.catalogue_poll = std::chrono::milliseconds(100);
  };
  TestServer first(GetParam(), fast);
  std::string shared = first.app().config().database_url();
  TestServer second(GetParam(), [&](kernel::Config& config) {
    fast(config);
    config.database = shared;
  });
  auto agency = first.agency_id("Pemerintah Kota Tarakan");
  auto unit = first.add_unit(agency, "Dinas Kesehatan");
  EXPECT_EQ(total_for(second, "sinyal+pedalaman"), 0);

  // Written outside both servers, as `simpul import` does.
  innovations::Fields fields;
  fields.name = "Sinyal Pedalaman Tarakan";
  sheet::Table table;
  table.header = imports::import_header();
  table.rows = {imports::row_cells("Dinas Kesehatan", fields)};
  table.row_numbers = {2};
  auto outside = db::Database::open(shared);
  kernel::Events nobody;
  auto outcome = imports::run_import(*outside, nobody, {std::nullopt, "test", "", ""},
                                     {agency, "a.csv", false}, table, {});
  ASSERT_EQ(outcome.imported, 1u);
  // A draft is not public: neither server shows it.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(total_for(first, "sinyal+pedalaman"), 0);

  // Now publish one through the first server's pages.
  auto admin =
      first.signed_in("admintarakan", first.add_user("admintarakan", Role::local_admin, agency));
  std::string design = "Menara.";
  for (int i = 0; i < 60; ++i) design += " Sinyal sampai ke desa pedalaman.";
  json body = {{"unit_id", unit},
               {"publish", true},
               {"fields",
                {{"name", "Menara Sinyal Pedalaman"},
                 {"form", "pelayanan_publik"},
                 {"type", "digital"},
                 {"stage", "inisiatif"},
                 {"initiator", "asn"},
                 {"affairs", {"kominfo"}},
                 {"sdgs", {9}},
                 {"problem", "Tanpa sinyal."},
                 {"design", design},
                 {"goals", "Sinyal."},
                 {"benefits", "Terhubung."},
                 {"budget", 0}}}};
  admin.get("/token-api");
  auto token_page = admin.post("/token-api", {{"label", "uji"}});
  auto at = token_page.body.find("simpul_");
  ASSERT_NE(at, std::string::npos);
  auto token = token_page.body.substr(at, 55);
  auto created = first.client().send("POST", "/api/v1/innovations", body.dump(), "application/json",
                                     "Authorization: Bearer " + token + "\r\n");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(total_for(first, "menara+sinyal"), 1) << "at once on the server that published";
  EXPECT_TRUE(eventually_found(second, "menara+sinyal", 1)) << "within the poll interval";
}

TEST_P(CatalogueWatch, APollReadsEachPublicationOnce) {
  TestServer server(GetParam(), [](kernel::Config& config) {
    config.catalogue_poll = std::chrono::milliseconds(0);  // polled by hand below
  });
  catalogue::Catalogue catalogue(server.app().db(), server.app().catalog());
  catalogue::Watch watch(server.app().db(), catalogue, std::chrono::milliseconds(0));
  catalogue.load();
  EXPECT_EQ(watch.poll(), 0u);
  auto agency = server.agency_id("Pemerintah Kota Tarakan");
  innovations::Fields fields;
  fields.name = "Dicari";
  sheet::Table table;
  table.header = imports::import_header();
  table.rows = {imports::row_cells("Dinas", fields)};
  table.row_numbers = {2};
  kernel::Events nobody;
  imports::run_import(server.app().db(), nobody, {std::nullopt, "test", "", ""},
                      {agency, "a.csv", false}, table, {});
  auto id = server.count("SELECT id FROM innovations");
  server.app().db().write([&](db::Transaction& tx) {
    tx.execute(
        "INSERT INTO innovation_published (innovation_id, version, snapshot_json, name, agency_id, "
        "unit_id, agency_type, form, type, stage, initiator, first_published_at, published_at) "
        "SELECT id, 1, '{\"name\":\"Dicari\"}', name, agency_id, unit_id, 'kota', '', '', '', '', "
        "4102444800, 4102444800 FROM innovations WHERE id = $1",
        {id});
  });
  EXPECT_EQ(watch.poll(), 1u);
  EXPECT_EQ(watch.poll(), 0u) << "the same publication is not read twice";
  EXPECT_TRUE(catalogue.card(id).has_value());

  // An award written elsewhere (a competition's results on another server) is read once too.
  server.app().db().write([&](db::Transaction& tx) {
    tx.execute(
        "INSERT INTO innovation_awards (innovation_id, year, tier, title, created_at) "
        "VALUES ($1, 2027, 'replikasi', 'Top 5 Replikasi · KIPP 2027', 0)",
        {id});
  });
  EXPECT_EQ(watch.poll(), 1u);
  EXPECT_EQ(watch.poll(), 0u);
}

SIMPUL_ENGINE_SUITE(CatalogueWatch);

}  // namespace
}  // namespace simpul::test
