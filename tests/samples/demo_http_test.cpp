// The demo as `scripts/run` loads it: sample innovations that read as profiles, and a past
// edition run to its published results through the features' own services, whose certificates
// verify.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/service.hpp"
#include "competitions/seed.hpp"
#include "samples/loader.hpp"
#include "samples/past_edition.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

class Demo : public EngineTest {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    auto& db = server_->app().db();
    samples::seed_demo_innovations(db, SIMPUL_SOURCE_DIR);
    competitions::seed_demo_editions(db, SIMPUL_SOURCE_DIR);
    accounts::seed_demo_accounts(db, auth::PasswordCost::for_tests());
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server_->count(sql, params);
  }
  std::unique_ptr<TestServer> server_;
};

// Every text of a sample is filled in: no template slot left, no word salad of the benchmark's
// generator, and each still says it is a sample.
TEST_P(Demo, SampleInnovationsReadAsProfiles) {
  auto tx = server_->app().db().begin_read();
  int samples = 0;
  for (auto row :
       tx.query("SELECT snapshot_json, name FROM innovation_published WHERE is_sample = 1")) {
    ++samples;
    auto snapshot = nlohmann::json::parse(row.text(0));
    for (const char* field : {"problem", "design", "goals", "benefits"}) {
      std::string text = snapshot.value(field, "");
      EXPECT_GT(text.size(), 60u) << row.text(1) << " " << field;
      EXPECT_EQ(text.find('{'), std::string::npos) << row.text(1) << ": " << text;
      EXPECT_EQ(text.back(), '.') << row.text(1) << ": " << text;
    }
  }
  EXPECT_GT(samples, 100) << "Kaltara's portfolio filled to its reported 155";
  EXPECT_EQ(count("SELECT COUNT(DISTINCT name) FROM innovation_published WHERE is_sample = 1"),
            samples)
      << "no two samples share a name";
}

TEST_P(Demo, ThePastEditionRunsToItsCertificatesOnce) {
  ASSERT_TRUE(samples::seed_past_edition(server_->app().db(), SIMPUL_SOURCE_DIR));
  EXPECT_FALSE(samples::seed_past_edition(server_->app().db(), SIMPUL_SOURCE_DIR)) << "once";
  auto edition = count("SELECT id FROM competition_editions WHERE title = $1",
                       {std::string(samples::kPastEditionTitle)});
  EXPECT_GE(count("SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND status = 'passed'",
                  {edition}),
            5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND status = 'failed'",
                  {edition}),
            1)
      << "one refused at screening, with its reason";
  EXPECT_EQ(count("SELECT COUNT(*) FROM score_sheets s JOIN proposals p ON p.id = s.proposal_id "
                  "WHERE p.edition_id = $1 AND s.status = 'submitted'",
                  {edition}),
            2 * count("SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND status = "
                      "'passed'",
                      {edition}))
      << "two evaluators scored every proposal that passed";
  EXPECT_EQ(count("SELECT COUNT(*) FROM objections WHERE edition_id = $1 AND decision = "
                  "'dismissed' AND receipt IS NOT NULL",
                  {edition}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE actor_name = 'system:demo' AND action = "
                  "'finals.results'"),
            1)
      << "every step in the audit log as the demo seeder";

  auto client = server_->client();
  std::string base = "/kompetisi/" + std::to_string(edition);
  auto results = client.get(base + "/hasil");
  ASSERT_EQ(results.status, 200);
  EXPECT_FALSE(results.contains("Program Layanan Dokter Terbang Kalimantan Utara"))
      << "a sample edition awards sample innovations only";
  EXPECT_EQ(count("SELECT COUNT(*) FROM innovation_awards a JOIN innovation_published p ON "
                  "p.innovation_id = a.innovation_id WHERE a.source = $1 AND p.is_sample = 0",
                  {base + "/hasil"}),
            0);
  auto winner = count(
      "SELECT proposal_id FROM final_decisions WHERE edition_id = $1 AND tier = "
      "'top_inovasi' ORDER BY proposal_id",
      {edition});
  auto certificate = client.get(base + "/hasil/" + std::to_string(winner) + "/sertifikat");
  ASSERT_EQ(certificate.status, 200);
  EXPECT_TRUE(certificate.contains("Gubernur Kalimantan Utara"));
  EXPECT_TRUE(certificate.contains("<svg"));
  auto year = count("SELECT year FROM competition_editions WHERE id = $1", {edition});
  auto check = client.get("/sertifikat/" + std::to_string(year) + "-" + std::to_string(edition) +
                          "-" + std::to_string(winner));
  EXPECT_EQ(check.status, 200);
  // The awards reach the innovations' profiles, linked to the results.
  auto innovation = count("SELECT innovation_id FROM proposals WHERE id = $1", {winner});
  auto profile = client.get("/inovasi/" + std::to_string(innovation));
  EXPECT_TRUE(profile.contains("href=\"" + base + "/hasil\">Pemenang · "));
}

SIMPUL_ENGINE_SUITE(Demo);

}  // namespace
}  // namespace simpul::test
