// An evaluator's own declarations over HTTP, on every engine: the workplace, ties with agencies
// added and removed with audit events, and the refusals that change nothing.
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

constexpr const char* kPage = "/penilai/konflik";

struct Judges {
  explicit Judges(const std::string& engine)
      : server(engine),
        tarakan(server.agency_id("Pemerintah Kota Tarakan")),
        evaluator(server.signed_in("penilai", server.add_user("penilai", Role::evaluator))),
        other(server.signed_in("penilai2", server.add_user("penilai2", Role::evaluator))),
        admin(server.signed_in("admin", server.add_user("admin", Role::local_admin, tarakan))) {}

  HttpResponse declare(Client& client, const std::string& agency, const std::string& kind,
                       const std::string& ended_on = "") {
    client.get(kPage);
    return client.post(kPage, {{"agency", agency},
                               {"kind", kind},
                               {"ended_on", ended_on},
                               {"note", "Pendamping inovasi 2023"}});
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }

  TestServer server;
  std::int64_t tarakan;
  Client evaluator, other, admin;
};

class EvaluatorConflictsTest : public EngineTest {};

TEST_P(EvaluatorConflictsTest, AnEvaluatorDeclaresWhereTheyWorkAndTheirTies) {
  Judges j(GetParam());
  auto page = j.evaluator.get(kPage);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Belum ada hubungan yang dinyatakan."));
  EXPECT_TRUE(page.contains("href=\"/penilai/konflik\"")) << "in the account menu";

  auto saved = j.evaluator.post(
      "/penilai/profil", {{"institution", "Universitas Borneo Tarakan"}, {"province", "65"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(j.count("SELECT COUNT(*) FROM evaluator_profiles WHERE province_code = '65'"), 1);

  std::string tarakan = std::to_string(j.tarakan);
  ASSERT_EQ(j.declare(j.evaluator, tarakan, "advisory", "2024-06-30").status, 303);
  auto listed = j.evaluator.get(kPage);
  EXPECT_TRUE(listed.contains("Pemerintah Kota Tarakan"));
  EXPECT_TRUE(listed.contains("Penasihat, pendamping atau konsultan"));
  EXPECT_TRUE(listed.contains("masih dihitung"));
  EXPECT_TRUE(listed.contains("Pendamping inovasi 2023"));
  auto old = j.declare(j.evaluator, tarakan, "employment", "2015-01-31");
  ASSERT_EQ(old.status, 303);
  EXPECT_TRUE(j.evaluator.get(kPage).contains("tidak dihitung lagi"));

  // Refused, and nothing written.
  auto before = j.count("SELECT COUNT(*) FROM evaluator_conflicts");
  auto twice = j.declare(j.evaluator, tarakan, "advisory");
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(twice.contains("sudah dinyatakan"));
  EXPECT_EQ(j.declare(j.evaluator, "999999", "advisory").status, 422);
  EXPECT_EQ(j.declare(j.evaluator, "bukan", "advisory").status, 422);
  EXPECT_EQ(j.declare(j.evaluator, tarakan, "teman").status, 422);
  auto bad_date = j.declare(j.evaluator, tarakan, "other", "31/02/2024");
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_TRUE(bad_date.contains("Tulis tanggal yang sah"));
  EXPECT_EQ(j.evaluator.post("/penilai/profil", {{"province", "99"}}).status, 422);
  EXPECT_EQ(j.count("SELECT COUNT(*) FROM evaluator_conflicts"), before);

  // Only the declarer removes a declaration; the row stays, marked, for the audit.
  auto id = j.count("SELECT MIN(id) FROM evaluator_conflicts");
  std::string remove = std::string(kPage) + "/" + std::to_string(id) + "/hapus";
  j.other.get(kPage);
  EXPECT_EQ(j.other.post(remove, {}).status, 404);
  EXPECT_EQ(j.evaluator.post(remove, {}).status, 303);
  EXPECT_EQ(j.evaluator.post(remove, {}).status, 404) << "already removed";
  EXPECT_EQ(j.count("SELECT COUNT(*) FROM evaluator_conflicts WHERE removed_at IS NOT NULL"), 1);
  for (const char* action :
       {"evaluator.profile", "evaluator.conflict_declare", "evaluator.conflict_remove"}) {
    EXPECT_GT(j.count("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action}), 0)
        << action;
  }
  EXPECT_EQ(j.admin.get(kPage).status, 403) << "for evaluators and panelists";
  EXPECT_EQ(j.server.client().get(kPage).status, 303) << "sign in first";
}

SIMPUL_ENGINE_SUITE(EvaluatorConflictsTest);

}  // namespace
}  // namespace simpul::test
