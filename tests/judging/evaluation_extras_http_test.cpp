// What the organiser sets per evaluator and what evaluators get besides their sheets, over HTTP on
// every engine: expertise and maximum loads decide the automatic assignment; invalid settings are
// refused whole; reminders reach only evaluators with sheets left; a proposal's files reach only
// its assigned evaluators, under a name that never tells who sent them.
#include "core/util/crypto.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "support/competition_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

const FormFields kTwoCategories = {{"category_1_code", "inklusif"},
                                   {"category_1_name", "Pelayanan Publik yang Inklusif"},
                                   {"category_2_code", "efektivitas"},
                                   {"category_2_name", "Efektivitas Institusi Publik"},
                                   {"category_3_code", ""},
                                   {"category_3_name", ""},
                                   {"clusters", "provinsi"},
                                   {"clusters", "kabupaten"},
                                   {"clusters", "kota"}};

const FormFields kReport = {{"attachment_1_code", "laporan"},
                            {"attachment_1_title", "Laporan dampak"},
                            {"attachment_1_kind", "file"},
                            {"attachment_1_required", "1"},
                            {"attachment_1_max_video_seconds", ""}};

// A published edition with two categories and one file to attach, k evaluators per proposal.
struct Fixture {
  Fixture(const std::string& engine, int k, bool blind = false)
      : server(engine),
        organiser(server.signed_in("kemenpan", server.add_user("kemenpan", Role::organiser))) {
    FormFields fields = general(2028, "KIPP 2028");
    for (auto& [name, value] : fields)
      if (name == "evaluators_per_proposal") value = std::to_string(k);
    if (blind) fields.emplace_back("blind_review", "1");
    id = create_edition(organiser, fields);
    EXPECT_EQ(save_part(organiser, id, "tahapan",
                        {{"stage_registration_starts", days_from_now(-10, "08:00")},
                         {"stage_registration_ends", days_from_now(-1, "23:59")}})
                  .status,
              303);
    EXPECT_EQ(save_part(organiser, id, "kelompok", kGroups).status, 303);
    EXPECT_EQ(save_part(organiser, id, "kategori", kTwoCategories).status, 303);
    EXPECT_EQ(save_part(organiser, id, "lampiran", kReport).status, 303);
    EXPECT_EQ(save_part(organiser, id, "rubrik", rubric("rubric", kCriteria)).status, 303);
    EXPECT_EQ(edition_action(organiser, id, "terbitkan").status, 303);
  }

  Client judge(const std::string& name) {
    return server.signed_in(name, server.add_user(name, Role::evaluator));
  }
  // A proposal of the agency in the category that passed screening, as the screening leaves it.
  std::int64_t passed_proposal(const std::string& agency, const std::string& category) {
    return insert_passed_proposal(server, id, agency, "Usulan nomor " + std::to_string(++proposals),
                                  category)
        .id;
  }
  std::int64_t user(const std::string& name) {
    return server.count("SELECT id FROM users WHERE username = $1", {name});
  }
  std::int64_t pairs(const std::string& where, const db::Params& params = {}) {
    return server.count("SELECT COUNT(*) FROM evaluation_assignments WHERE " + where, params);
  }
  std::int64_t proposal_of(std::int64_t evaluator) {
    return server.count(
        "SELECT MIN(proposal_id) FROM evaluation_assignments WHERE evaluator_id = $1", {evaluator});
  }
  std::string url(const std::string& rest = "") {
    return "/kompetisi/" + std::to_string(id) + "/penugasan" + rest;
  }
  std::string settings_url(std::int64_t evaluator) {
    return url("/penilai/" + std::to_string(evaluator));
  }
  HttpResponse set(std::int64_t evaluator, FormFields fields) {
    organiser.get(settings_url(evaluator));
    return organiser.post(settings_url(evaluator), std::move(fields));
  }
  HttpResponse run() { return organiser.post(url(), {}); }
  void evaluation_stage(std::int64_t starts_at, std::int64_t ends_at) {
    server.app().db().write([&](db::Transaction& tx) {
      tx.execute(
          "UPDATE competition_stages SET starts_at = $2, ends_at = $3 WHERE edition_id = $1 "
          "AND code = 'evaluation'",
          {id, starts_at, ends_at});
    });
  }

  TestServer server;
  Client organiser;
  std::int64_t id = 0;
  int proposals = 0;
};

FormFields full_sheet(const std::string& action) {
  return {{"nilai.kebaruan", "8"},      {"nilai.efektivitas", "7"},
          {"nilai.kemanfaatan", "9"},   {"nilai.kemudahan_direplikasi", "6"},
          {"nilai.keberlanjutan", "7"}, {"aksi", action}};
}

class EvaluationExtrasTest : public EngineTest {};

TEST_P(EvaluationExtrasTest, ExpertiseDecidesTheAssignmentAndMaxLoadsHold) {
  Fixture e(GetParam(), 1);
  Client one = e.judge("penilai.satu"), two = e.judge("penilai.dua");
  auto a = e.user("penilai.satu"), b = e.user("penilai.dua");
  auto inclusive = e.passed_proposal(kTarakan, "inklusif");
  auto effective = e.passed_proposal("Pemerintah Kota Bandung", "efektivitas");

  auto form = e.organiser.get(e.settings_url(a));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("value=\"inklusif\"")) << form.body.substr(0, 3000);
  EXPECT_TRUE(form.contains("Efektivitas Institusi Publik"));
  // Each in one field, then each in the other: both runs follow the fields, so neither is chance.
  for (bool swapped : {false, true}) {
    ASSERT_EQ(e.set(a, {{"keahlian", swapped ? "efektivitas" : "inklusif"}}).status, 303);
    ASSERT_EQ(
        e.set(b, {{"keahlian", swapped ? "inklusif" : "efektivitas"}, {"beban_maks", "5"}}).status,
        303);
    ASSERT_EQ(e.run().status, 303);
    EXPECT_EQ(e.pairs("proposal_id = $1 AND evaluator_id = $2", {inclusive, swapped ? b : a}), 1);
    EXPECT_EQ(e.pairs("proposal_id = $1 AND evaluator_id = $2", {effective, swapped ? a : b}), 1);
  }
  auto board = e.organiser.get(e.url());
  EXPECT_TRUE(board.contains("Penugasan dalam bidang keahlian evaluator</dt><dd>2</dd>"))
      << board.body.substr(0, 4000);
  EXPECT_TRUE(board.has_cells("<td>Pelayanan Publik yang Inklusif</td><td>5</td>"));
  EXPECT_EQ(e.server.count("SELECT COUNT(*) FROM audit_events WHERE action = "
                           "'evaluation.evaluator_setting'"),
            4);
  EXPECT_EQ(e.server.count("SELECT max_load FROM evaluator_edition_settings WHERE evaluator_id = "
                           "$1 AND edition_id = $2",
                           {b, e.id}),
            5);

  // Four proposals: balance alone would give two each; a maximum of one leaves three to the other.
  std::vector<std::int64_t> all{inclusive, effective,
                                e.passed_proposal("Pemerintah Kota Surabaya", "inklusif"),
                                e.passed_proposal(kKaltara, "efektivitas")};
  ASSERT_EQ(e.set(a, {{"keahlian", "efektivitas"}, {"beban_maks", "1"}}).status, 303);
  ASSERT_EQ(e.run().status, 303);
  EXPECT_EQ(e.pairs("evaluator_id = $1", {a}), 1);
  EXPECT_EQ(e.pairs("evaluator_id = $1", {b}), 3);
  // Back to no maximum: the next run evens the loads again.
  ASSERT_EQ(e.set(a, {{"keahlian", "efektivitas"}, {"beban_maks", ""}}).status, 303);
  ASSERT_EQ(e.run().status, 303);
  EXPECT_EQ(e.pairs("evaluator_id = $1", {a}), 2);

  // Pairs a run keeps (here b's two, moved to a by hand) are never dropped for a maximum below
  // them; the run just gives that evaluator nothing more.
  for (auto proposal : all) {
    if (e.pairs("proposal_id = $1 AND evaluator_id = $2", {proposal, b}) == 0) continue;
    std::string moves = e.url("/" + std::to_string(proposal));
    e.organiser.get(moves);
    ASSERT_EQ(e.organiser
                  .post(moves, {{"lepas", std::to_string(b)},
                                {"tambah", std::to_string(a)},
                                {"alasan", "keahlian"}})
                  .status,
              303);
  }
  ASSERT_EQ(e.pairs("method = 'manual' AND evaluator_id = $1", {a}), 2);
  ASSERT_EQ(e.set(a, {{"beban_maks", "1"}}).status, 303);
  ASSERT_EQ(e.run().status, 303);
  EXPECT_EQ(e.pairs("method = 'manual' AND evaluator_id = $1", {a}), 2);
  EXPECT_EQ(e.pairs("evaluator_id = $1", {a}), 2);
  EXPECT_EQ(e.pairs("evaluator_id = $1", {b}), 2);
}

TEST_P(EvaluationExtrasTest, InvalidSettingsAreRefusedWholeAndOnlyOrganisersSetThem) {
  Fixture e(GetParam(), 1);
  Client judge = e.judge("penilai.satu");
  auto a = e.user("penilai.satu");
  ASSERT_EQ(e.set(a, {{"keahlian", "inklusif"}, {"beban_maks", "4"}}).status, 303);
  auto settings = [&] {
    return e.server.count(
        "SELECT COUNT(*) FROM evaluator_edition_settings WHERE evaluator_id = $1 AND max_load = 4 "
        "AND expertise_json = '[\"inklusif\"]'",
        {a});
  };
  ASSERT_EQ(settings(), 1);

  auto unknown = e.set(a, {{"keahlian", "efektivitas"}, {"keahlian", "kesehatan"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(unknown.contains("Pilih bidang keahlian dari kategori kompetisi ini."));
  for (const char* load : {"0", "1001", "dua", "-3", "2.5"}) {
    auto refused = e.set(a, {{"keahlian", "efektivitas"}, {"beban_maks", load}});
    EXPECT_EQ(refused.status, 422) << load;
    EXPECT_TRUE(refused.contains("bilangan bulat 1 sampai 1000")) << load;
    EXPECT_TRUE(refused.contains("value=\"" + std::string(load) + "\"")) << "shown as typed";
  }
  EXPECT_EQ(settings(), 1) << "nothing changed";
  EXPECT_EQ(e.set(a, {{"beban_maks", "1000"}}).status, 303) << "the upper bound itself is fine";

  // Only whoever runs the edition, and only for an active evaluator.
  EXPECT_EQ(judge.get(e.settings_url(a)).status, 403);
  EXPECT_EQ(judge.post(e.settings_url(a), {{"beban_maks", "9"}}).status, 403);
  EXPECT_EQ(judge.post(e.url("/pengingat"), {}).status, 403);
  auto admin_password =
      e.server.add_user("admin.tarakan", Role::local_admin, e.server.agency_id(kTarakan));
  Client admin = e.server.signed_in("admin.tarakan", admin_password);
  EXPECT_EQ(admin.get(e.settings_url(a)).status, 403) << "a national edition is the ministry's";
  EXPECT_EQ(admin.post(e.settings_url(a), {{"beban_maks", "9"}}).status, 403);
  EXPECT_EQ(e.organiser.get(e.settings_url(e.user("kemenpan"))).status, 404) << "not an evaluator";
  EXPECT_EQ(e.set(999999, {{"beban_maks", "9"}}).status, 404);
  EXPECT_EQ(e.server.count(
                "SELECT max_load FROM evaluator_edition_settings WHERE evaluator_id = $1", {a}),
            1000);
}

TEST_P(EvaluationExtrasTest, RemindersReachOnlyEvaluatorsWithSheetsLeft) {
  Fixture e(GetParam(), 1);
  Client one = e.judge("penilai.satu"), two = e.judge("penilai.dua"),
         three = e.judge("penilai.tiga");
  e.passed_proposal(kTarakan, "inklusif");
  e.passed_proposal("Pemerintah Kota Bandung", "efektivitas");
  e.passed_proposal("Pemerintah Kota Surabaya", "inklusif");
  e.evaluation_stage(now_seconds() - kDay, now_seconds() + 5 * kDay);
  ASSERT_EQ(e.run().status, 303);
  auto done = e.user("penilai.satu"), drafting = e.user("penilai.dua"),
       idle = e.user("penilai.tiga");
  std::string done_sheet = "/penilaian/" + std::to_string(e.proposal_of(done));
  std::string draft_sheet = "/penilaian/" + std::to_string(e.proposal_of(drafting));
  one.get(done_sheet);
  ASSERT_EQ(one.post(done_sheet, full_sheet("kirim")).status, 303);
  two.get(draft_sheet);
  ASSERT_EQ(two.post(draft_sheet, {{"nilai.kebaruan", "6"}, {"aksi", "simpan"}}).status, 303);

  // The board: assigned, not started, drafts, submitted per evaluator.
  auto board = e.organiser.get(e.url());
  EXPECT_TRUE(
      board.has_cells("Nama penilai.dua</a></td><td>—</td><td><span class=\"muted\">tanpa "
                      "batas</span></td><td>1</td><td>0</td><td>1</td><td>0</td>"))
      << board.body.substr(0, 5000);
  EXPECT_TRUE(
      board.has_cells("Nama penilai.satu</a></td><td>—</td><td><span class=\"muted\">tanpa "
                      "batas</span></td><td>1</td><td>0</td><td>0</td><td>1</td>"));
  EXPECT_TRUE(board.contains("Kirim pengingat"));

  auto reminded = e.organiser.post(e.url("/pengingat"), {});
  ASSERT_EQ(reminded.status, 303);
  EXPECT_TRUE(e.organiser.follow(reminded).contains("Pengingat terkirim kepada 2 evaluator."));
  auto notices = [&](std::int64_t user) {
    return e.server.count(
        "SELECT COUNT(*) FROM notices WHERE user_id = $1 AND message_key = "
        "'judging.notice.reminder' AND link = '/penilaian'",
        {user});
  };
  EXPECT_EQ(notices(done), 0) << "every sheet submitted";
  EXPECT_EQ(notices(drafting), 1) << "a draft is not submitted";
  EXPECT_EQ(notices(idle), 1);
  auto inbox = three.get("/kotak-masuk");
  EXPECT_TRUE(
      inbox.contains("Pengingat KIPP 2028: 1 usulan yang ditugaskan kepada Anda belum "
                     "dinilai. Kirim lembar nilainya sebelum "))
      << inbox.body.substr(0, 4000);
  EXPECT_TRUE(inbox.contains("pukul")) << "the deadline, with its time";
  EXPECT_TRUE(inbox.contains("WIB"));
  EXPECT_EQ(e.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'evaluation.remind'"),
            1);

  auto again = e.organiser.post(e.url("/pengingat"), {});
  EXPECT_EQ(again.status, 409) << "a second round within the hour";
  EXPECT_TRUE(again.contains("Pengingat baru saja dikirim"));
  EXPECT_EQ(notices(idle), 1);

  // The evaluators' own progress, at the top of their queue.
  EXPECT_TRUE(one.get("/penilaian").contains("1 dari 1 lembar nilai terkirim"));
  EXPECT_TRUE(two.get("/penilaian").contains("0 dari 1 lembar nilai terkirim"));

  // Once every sheet is in, nobody is reminded; once the stage has closed, reminding is refused.
  two.get(draft_sheet);
  ASSERT_EQ(two.post(draft_sheet, full_sheet("kirim")).status, 303);
  std::string idle_sheet = "/penilaian/" + std::to_string(e.proposal_of(idle));
  three.get(idle_sheet);
  ASSERT_EQ(three.post(idle_sheet, full_sheet("kirim")).status, 303);
  auto nobody = e.organiser.post(e.url("/pengingat"), {});
  ASSERT_EQ(nobody.status, 303);
  EXPECT_TRUE(e.organiser.follow(nobody).contains("Tidak ada evaluator yang perlu diingatkan"));
  e.evaluation_stage(now_seconds() - 10 * kDay, now_seconds() - 1);
  EXPECT_EQ(e.organiser.post(e.url("/pengingat"), {}).status, 409);
  EXPECT_EQ(e.server.count("SELECT COUNT(*) FROM notices WHERE message_key LIKE 'judging.%'"), 2);
}

TEST_P(EvaluationExtrasTest, FilesReachOnlyAssignedEvaluatorsAndNeverNameTheAgency) {
  Fixture e(GetParam(), 1, true);
  Client one = e.judge("penilai.satu"), two = e.judge("penilai.dua");
  auto proposal = e.passed_proposal(kTarakan, "inklusif");
  const std::string bytes = "%PDF-1.4\n% laporan dampak\n\x01\x02\xff\n%%EOF\n";
  const std::string uploaded_name = "Laporan Pemerintah Kota Tarakan.pdf";
  e.server.app().db().write([&](db::Transaction& tx) {
    std::string sha = sha256_hex(bytes);
    innovations::store_blob(tx, sha, bytes, now_seconds());
    tx.execute(
        "INSERT INTO proposal_files (proposal_id, attachment_code, sha256, original_name, "
        "content_type, size, uploaded_at) VALUES ($1, 'laporan', $2, $3, 'application/pdf', $4, 0)",
        {proposal, sha, uploaded_name, static_cast<std::int64_t>(bytes.size())});
  });
  ASSERT_EQ(e.run().status, 303);
  bool first = e.pairs("evaluator_id = $1", {e.user("penilai.satu")}) == 1;
  Client& assigned = first ? one : two;
  Client& other = first ? two : one;

  std::string sheet = "/penilaian/" + std::to_string(proposal);
  std::string file = sheet + "/berkas/laporan";
  auto page = assigned.get(sheet);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Penilaian tertutup"));
  EXPECT_TRUE(page.contains("href=\"" + file + "\""));
  EXPECT_TRUE(page.contains("Laporan dampak")) << "the attachment's title from the set-up";
  EXPECT_FALSE(page.contains("Tarakan")) << page.body.substr(0, 4000);
  EXPECT_FALSE(page.contains(uploaded_name));

  auto download = assigned.get(file);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, bytes);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  std::string disposition = download.header("content-disposition");
  EXPECT_NE(disposition.find("filename=\"usulan-" + std::to_string(proposal) + "-laporan.pdf\""),
            std::string::npos)
      << disposition;
  EXPECT_EQ(disposition.find("Tarakan"), std::string::npos);
  EXPECT_EQ(download.header("x-content-type-options"), "nosniff");

  EXPECT_EQ(other.get(file).status, 403) << "not assigned";
  EXPECT_EQ(other.get(sheet).status, 403);
  EXPECT_EQ(assigned.get(sheet + "/berkas/video").status, 404);
  EXPECT_EQ(e.organiser.get(file).status, 403) << "evaluators only";
  // No other route names the agency to the evaluator: the proposal's own page, the lists, the
  // results, the exports, the panel's pages and dossier are refused.
  std::string edition = "/kompetisi/" + std::to_string(e.id);
  for (const std::string& path :
       {"/usulan/" + std::to_string(proposal), edition + "/usulan", edition + "/nilai",
        edition + "/dasbor", edition + "/ekspor/usulan.csv", edition + "/ekspor/lembar.xlsx",
        edition + "/dosir/" + std::to_string(proposal), edition + "/nominasi",
        edition + "/penugasan"}) {
    auto refused = assigned.get(path);
    EXPECT_EQ(refused.status, 403) << path;
    EXPECT_FALSE(refused.contains("Tarakan")) << path;
  }

  // An open review shows what the proposer called the file; the download's name stays the same.
  e.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE competition_editions SET blind_review = 0 WHERE id = $1", {e.id});
  });
  EXPECT_TRUE(assigned.get(sheet).contains(uploaded_name));
  EXPECT_EQ(assigned.get(file).header("content-disposition"), disposition);
}

// k lowered after manual moves: the run refuses, names the proposal and changes nothing, rather
// than fail or drop a pair the organiser placed.
TEST_P(EvaluationExtrasTest, ARunRefusesMoreKeptEvaluatorsThanK) {
  Fixture e(GetParam(), 2);
  e.judge("penilai.satu");
  e.judge("penilai.dua");
  auto proposal = e.passed_proposal("Pemerintah Kota Bandung", "inklusif");
  std::string moves = e.url("/" + std::to_string(proposal));
  e.organiser.get(moves);
  for (const char* name : {"penilai.satu", "penilai.dua"})
    ASSERT_EQ(
        e.organiser.post(moves, {{"tambah", std::to_string(e.user(name))}, {"alasan", "pilihan"}})
            .status,
        303);
  e.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE competition_editions SET evaluators_per_proposal = 1 WHERE id = $1", {e.id});
  });
  auto refused = e.run();
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(refused.contains("Usulan nomor " + std::to_string(proposal) + " sudah punya 2"))
      << refused.body.substr(0, 3000);
  EXPECT_EQ(e.pairs("proposal_id = $1", {proposal}), 2);
}

SIMPUL_ENGINE_SUITE(EvaluationExtrasTest);

}  // namespace
}  // namespace simpul::test
