// The assignment of evaluators over HTTP, on every engine: the automatic run never crosses a
// conflict (own province, a declared tie), keeps loads within one, and keeps manual moves; moves
// name their reason and refuse a conflict; evaluators see their queue; others are refused.
#include "competition_setup.hpp"
#include "harness.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"

namespace simpul::test {
namespace {

using auth::Role;

struct Board {
  explicit Board(const std::string& engine)
      : server(engine),
        organiser(server.signed_in("kemenpan", server.add_user("kemenpan", Role::organiser))),
        kaltara_judge(sign_in("penilai.kaltara")),
        bandung_judge(sign_in("penilai.bandung")),
        free_judge(sign_in("penilai.bebas")) {
    edition = create_edition(organiser, general(2027, "KIPP 2027"));
    EXPECT_EQ(save_part(organiser, edition, "tahapan",
                        {{"stage_registration_starts", days_from_now(-10, "08:00")},
                         {"stage_registration_ends", days_from_now(-1, "23:59")}})
                  .status,
              303);
    EXPECT_EQ(save_part(organiser, edition, "kelompok", kGroups).status, 303);
    EXPECT_EQ(save_part(organiser, edition, "kategori", kCategories).status, 303);
    EXPECT_EQ(edition_action(organiser, edition, "terbitkan").status, 303);
    for (const char* agency :
         {kTarakan, kKaltara, "Pemerintah Kota Bandung", "Pemerintah Kota Surabaya"}) {
      proposals.push_back(passed_proposal(agency));
    }
    kaltara_judge.post("/penilai/profil",
                       {{"institution", "Universitas Borneo"}, {"province", "65"}});
    bandung_judge.get("/penilai/konflik");
    bandung_judge.post("/penilai/konflik",
                       {{"agency", std::to_string(server.agency_id("Pemerintah Kota Bandung"))},
                        {"kind", "advisory"}});
  }

  Client sign_in(const std::string& name) {
    return server.signed_in(name, server.add_user(name, Role::evaluator));
  }
  // A proposal of the agency that passed screening, written as the screening leaves it.
  std::int64_t passed_proposal(const std::string& agency) {
    auto agency_id = server.agency_id(agency);
    auto unit = server.add_unit(agency_id, "Bagian Organisasi");
    return server.app().db().write([&](db::Transaction& tx) {
      innovations::NewEntry entry;
      entry.where = *innovations::placement_of_unit(tx, unit);
      entry.fields.name = "Inovasi " + agency;
      entry.publish = true;
      auto innovation =
          innovations::insert_new(tx, {std::nullopt, "test", "", ""}, entry, now_seconds());
      return tx.scalar(
          "INSERT INTO proposals (edition_id, innovation_id, agency_id, unit_id, province_code, "
          "cluster, group_code, category_code, title, title_key, status, created_at, updated_at) "
          "SELECT $1, $2, a.id, $3, a.province_code, 'kota', 'umum', 'efektivitas', $4, $5, "
          "'passed', 0, 0 FROM agencies a WHERE a.id = $6 RETURNING id",
          {edition, innovation, unit, entry.fields.name, "inovasi " + agency, agency_id});
    });
  }
  std::int64_t user(const std::string& name) {
    return server.count("SELECT id FROM users WHERE username = $1", {name});
  }
  std::int64_t pairs(const std::string& where = "1 = 1", const db::Params& params = {}) {
    return server.count("SELECT COUNT(*) FROM evaluation_assignments WHERE " + where, params);
  }
  std::string url(const std::string& rest = "") {
    return "/kompetisi/" + std::to_string(edition) + "/penugasan" + rest;
  }

  TestServer server;
  Client organiser, kaltara_judge, bandung_judge, free_judge;
  std::int64_t edition = 0;
  std::vector<std::int64_t> proposals;  // Tarakan, Kaltara, Bandung, Surabaya
};

class EvaluationAssignmentTest : public EngineTest {};

TEST_P(EvaluationAssignmentTest, NoConflictIsEverAssignedAndManualMovesStay) {
  Board b(GetParam());
  auto page = b.organiser.get(b.url());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Tugaskan otomatis"));
  ASSERT_EQ(b.organiser.post(b.url(), {}).status, 303);
  EXPECT_EQ(b.pairs(), 8) << "four proposals, two evaluators each";
  auto kaltara = b.user("penilai.kaltara"), bandung = b.user("penilai.bandung"),
       free = b.user("penilai.bebas");
  EXPECT_EQ(b.pairs("evaluator_id = $1 AND proposal_id IN ($2, $3)",
                    {kaltara, b.proposals[0], b.proposals[1]}),
            0)
      << "never the province where the evaluator works";
  EXPECT_EQ(b.pairs("evaluator_id = $1 AND proposal_id = $2", {bandung, b.proposals[2]}), 0)
      << "never a declared tie";
  for (auto id : {kaltara, bandung, free}) {
    auto load = b.pairs("evaluator_id = $1", {id});
    EXPECT_GE(load, 2);
    EXPECT_LE(load, 3);
  }
  EXPECT_GT(b.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.assign'"),
            0);

  // A conflicted evaluator cannot be added by hand, and the page says why.
  std::string moves = b.url("/" + std::to_string(b.proposals[0]));
  auto form = b.organiser.get(moves);
  EXPECT_TRUE(form.contains("bekerja di provinsi pengusul"));
  auto refused = b.organiser.post(moves, {{"tambah", std::to_string(kaltara)}, {"alasan", "uji"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(b.organiser.post(moves, {{"tambah", std::to_string(kaltara)}}).status, 422)
      << "a move needs its reason";
  // Release one of Surabaya's evaluators and put another by hand; a new run keeps the manual pair.
  std::string surabaya = b.url("/" + std::to_string(b.proposals[3]));
  auto first =
      b.server.count("SELECT MIN(evaluator_id) FROM evaluation_assignments WHERE proposal_id = $1",
                     {b.proposals[3]});
  auto other = b.server.count(
      "SELECT MIN(id) FROM users WHERE role = 'evaluator' AND id NOT IN (SELECT evaluator_id FROM "
      "evaluation_assignments WHERE proposal_id = $1)",
      {b.proposals[3]});
  ASSERT_EQ(
      b.organiser.post(surabaya, {{"lepas", std::to_string(first)}, {"alasan", "cuti"}}).status,
      303);
  ASSERT_EQ(
      b.organiser.post(surabaya, {{"tambah", std::to_string(other)}, {"alasan", "menggantikan"}})
          .status,
      303);
  EXPECT_EQ(b.pairs("method = 'manual'"), 1);
  ASSERT_EQ(b.organiser.post(b.url(), {}).status, 303);
  EXPECT_EQ(b.pairs("method = 'manual' AND proposal_id = $1 AND evaluator_id = $2",
                    {b.proposals[3], other}),
            1);
  EXPECT_EQ(b.pairs(), 8);
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.move'"),
            2);

  // A tie declared after a manual move: the next run removes that pair rather than keep a conflict.
  auto surabaya_id = b.server.agency_id("Pemerintah Kota Surabaya");
  Client& mover = other == kaltara   ? b.kaltara_judge
                  : other == bandung ? b.bandung_judge
                                     : b.free_judge;
  mover.get("/penilai/konflik");
  ASSERT_EQ(mover
                .post("/penilai/konflik",
                      {{"agency", std::to_string(surabaya_id)}, {"kind", "collaboration"}})
                .status,
            303);
  ASSERT_EQ(b.organiser.post(b.url(), {}).status, 303);
  EXPECT_EQ(b.pairs("proposal_id = $1 AND evaluator_id = $2", {b.proposals[3], other}), 0);
  EXPECT_EQ(b.pairs("method = 'manual'"), 0);

  // Each evaluator sees their own queue; nobody else runs the assignment.
  auto queue = b.free_judge.get("/penilaian");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(queue.contains("Inovasi Pemerintah Kota Tarakan"));
  EXPECT_EQ(b.free_judge.get(b.url()).status, 403);
  EXPECT_EQ(b.free_judge.post(b.url(), {}).status, 403);
  EXPECT_EQ(b.organiser.get(b.url("/999999")).status, 404);
}

SIMPUL_ENGINE_SUITE(EvaluationAssignmentTest);

}  // namespace
}  // namespace simpul::test
