// The assignment of evaluators over HTTP, on every engine: the automatic run never crosses a
// conflict (own province, a declared tie), keeps loads within one, and keeps manual moves; moves
// name their reason and refuse a conflict; evaluators see their queue; others are refused.
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "support/competition_setup.hpp"
#include "support/harness.hpp"

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
    EXPECT_EQ(save_part(organiser, edition, "rubrik", rubric("rubric", kCriteria)).status, 303);
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
    // Named apart from the agency, so that a blind page can be told from one that names it.
    return insert_passed_proposal(server, edition, agency,
                                  "Inovasi nomor " + std::to_string(proposals.size() + 1))
        .id;
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
  EXPECT_TRUE(queue.contains("Inovasi nomor 1")) << "Tarakan's, whose evaluators are the other two";
  EXPECT_EQ(b.free_judge.get(b.url()).status, 403);
  EXPECT_EQ(b.free_judge.post(b.url(), {}).status, 403);
  EXPECT_EQ(b.organiser.get(b.url("/999999")).status, 404);
}

TEST_P(EvaluationAssignmentTest, AnEvaluatorScoresOnlyWhatIsAssignedWhileEvaluationIsOpen) {
  Board b(GetParam());
  ASSERT_EQ(b.organiser.post(b.url(), {}).status, 303);
  auto judge = b.user("penilai.bebas");
  auto mine = b.server.count(
      "SELECT MIN(proposal_id) FROM evaluation_assignments WHERE evaluator_id = $1", {judge});
  auto not_mine = b.server.count(
      "SELECT MIN(id) FROM proposals WHERE id NOT IN (SELECT proposal_id FROM "
      "evaluation_assignments WHERE evaluator_id = $1)",
      {judge});
  std::string sheet = "/penilaian/" + std::to_string(mine);
  auto queue = b.free_judge.get("/penilaian");
  EXPECT_TRUE(queue.contains("href=\"" + sheet + "\""));
  EXPECT_TRUE(queue.contains("belum diisi"));
  auto page = b.free_judge.get(sheet);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Kemudahan direplikasi <span class=\"muted\">· bobot 20% · 1–10"));
  EXPECT_TRUE(page.contains("name=\"nilai.kemudahan_direplikasi\" value=\"10\""))
      << "a 1–10 scale is a row of choices";
  EXPECT_TRUE(page.contains("Pemerintah Kota")) << "the agency, the review not being blind";

  auto scores = [](const std::string& last) {
    return FormFields{{"nilai.kebaruan", "8"},       {"nilai.efektivitas", "7"},
                      {"nilai.kemanfaatan", "9"},    {"nilai.kemudahan_direplikasi", "6"},
                      {"nilai.keberlanjutan", last}, {"komentar", "Dampaknya jelas."}};
  };
  auto draft = b.free_judge.post(sheet, {{"nilai.kebaruan", "8"}, {"aksi", "simpan"}});
  EXPECT_EQ(draft.status, 303) << draft.body.substr(0, 2000);
  EXPECT_TRUE(b.free_judge.get("/penilaian").contains("draf"));
  auto missing = b.free_judge.post(sheet, {{"nilai.kebaruan", "8"}, {"aksi", "kirim"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(missing.contains("Isi nilai aspek ini."));
  EXPECT_TRUE(missing.contains("href=\"#nilai-efektivitas-1\"")) << "the summary links the field";
  FormFields out_of_range = scores("11");
  out_of_range.emplace_back("aksi", "kirim");
  auto range = b.free_judge.post(sheet, out_of_range);
  EXPECT_EQ(range.status, 422);
  EXPECT_TRUE(range.contains("rentang skala"));
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM score_sheets WHERE status = 'submitted'"), 0);
  // "Periksa lalu kirim" saves the draft and shows it, total included, before the send.
  FormFields check = scores("7");
  check.emplace_back("aksi", "periksa");
  auto checked = b.free_judge.post(sheet, check);
  ASSERT_EQ(checked.status, 303);
  EXPECT_EQ(checked.header("location"), sheet + "/periksa");
  auto review = b.free_judge.get(sheet + "/periksa");
  EXPECT_TRUE(review.contains("Periksa nilai sebelum dikirim"));
  EXPECT_TRUE(review.contains(" dari 100")) << review.body.substr(0, 3000);
  EXPECT_TRUE(review.contains("name=\"nilai.keberlanjutan\" value=\"7\""));
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM score_sheets WHERE status = 'submitted'"), 0);
  FormFields complete = scores("7");
  complete.emplace_back("aksi", "kirim");
  ASSERT_EQ(b.free_judge.post(sheet, complete).status, 303);
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM score_sheets WHERE status = 'submitted' AND "
                           "evaluator_id = $1",
                           {judge}),
            1);
  // Assigning again, now with one evaluator per proposal, keeps every pair an evaluator has
  // begun to score: this proposal keeps this evaluator rather than whoever the run would prefer.
  b.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE competition_editions SET evaluators_per_proposal = 1 WHERE id = $1",
               {b.edition});
  });
  ASSERT_EQ(b.organiser.post(b.url(), {}).status, 303);
  EXPECT_EQ(b.pairs("proposal_id = $1", {mine}), 1);
  EXPECT_EQ(b.pairs("proposal_id = $1 AND evaluator_id = $2", {mine, judge}), 1);
  auto again = b.free_judge.post(sheet, complete);
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(again.contains("sudah dikirim"));
  EXPECT_GT(b.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.submit'"),
            0);

  // The results put the submitted sheet's total on 0-100: (8-1)/9·20 + (7-1)/9·20 + (9-1)/9·20
  // + (6-1)/9·20 + (7-1)/9·20 = 32/9·20 = 71,1 for the raw mean, written the Indonesian way.
  std::string results = "/kompetisi/" + std::to_string(b.edition) + "/nilai";
  auto ranking = b.organiser.get(results);
  ASSERT_EQ(ranking.status, 200);
  EXPECT_TRUE(ranking.has_cells("<td>71,1</td>")) << ranking.body.substr(0, 4000);
  EXPECT_TRUE(ranking.contains("tidak lolos")) << "below the passing grade of 85";
  EXPECT_EQ(b.free_judge.get(results).status, 403);
  EXPECT_EQ(b.organiser.get(results + "?metode=kalibrasi").status, 200);
  // The organiser records the method; the page then shows it by default.
  EXPECT_TRUE(ranking.contains("Belum ada cara yang ditetapkan"));
  ASSERT_EQ(b.organiser.post(results, {{"metode", "kalibrasi"}}).status, 303);
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM evaluation_method_choices WHERE edition_id = $1 "
                           "AND method = 'calibrated' AND passing_grade = 85",
                           {b.edition}),
            1);
  EXPECT_TRUE(b.organiser.get(results).contains("Cara yang ditetapkan: Terkalibrasi"));
  EXPECT_EQ(b.organiser.post(results, {{"metode", "rata2"}}).status, 422);
  EXPECT_EQ(b.free_judge.post(results, {{"metode", "z"}}).status, 403);
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.method'"),
            1);

  // Not assigned: refused by any route.
  std::string other = "/penilaian/" + std::to_string(not_mine);
  EXPECT_EQ(b.free_judge.get(other).status, 403);
  EXPECT_EQ(b.free_judge.post(other, complete).status, 403);
  EXPECT_EQ(b.organiser.get(sheet).status, 403) << "evaluators only";

  // Blind review hides the agency; after the evaluation closes nothing more is saved.
  b.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE competition_editions SET blind_review = 1 WHERE id = $1", {b.edition});
  });
  auto kaltara = b.user("penilai.kaltara");
  auto theirs = b.server.count(
      "SELECT MIN(proposal_id) FROM evaluation_assignments WHERE evaluator_id = $1", {kaltara});
  std::string their_sheet = "/penilaian/" + std::to_string(theirs);
  auto blind = b.kaltara_judge.get(their_sheet);
  EXPECT_TRUE(blind.contains("Penilaian tertutup"));
  EXPECT_FALSE(blind.contains("Pemerintah Kota Bandung")) << blind.body.substr(0, 3000);
  EXPECT_FALSE(blind.contains("Pemerintah Kota Surabaya"));
  b.server.app().db().write([&](db::Transaction& tx) {
    tx.execute(
        "UPDATE competition_stages SET starts_at = $2, ends_at = $3 WHERE edition_id = $1 "
        "AND code = 'evaluation'",
        {b.edition, now_seconds() - 10 * kDay, now_seconds() - 1});
  });
  auto late = b.kaltara_judge.post(their_sheet, complete);
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(late.contains("Tahap evaluasi sudah ditutup"));
  EXPECT_EQ(b.server.count("SELECT COUNT(*) FROM score_sheets WHERE evaluator_id = $1", {kaltara}),
            0);
}

SIMPUL_ENGINE_SUITE(EvaluationAssignmentTest);

}  // namespace
}  // namespace simpul::test
