// The whole way from screening to published results over HTTP, on every engine: evaluators score,
// the organiser records the method and nominates, quotas and the panel's choices shape the
// shortlist (an infeasible one is named), the finalists go public, the public objects, the panel
// decides, removes a finalist and notes a visit, the decisions are taken after the window and
// the results publish the awards to the profile and the catalogue. Wrong roles, bad input and
// steps out of order are refused and change nothing.
#include "support/finals_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

// Five agencies' proposals, passed screening, in this order: the aspect scores each evaluator
// gives them put four at or above the passing grade (85) and Medan's below it.
const std::vector<Entry> kEntries = {
    {kTarakan, {10, 10, 10, 10, 10}},                // 100
    {kKaltara, {10, 10, 10, 10, 9}},                 // 97.8
    {"Pemerintah Kota Bandung", {9, 10, 10, 9, 9}},  // 93.3
    {"Pemerintah Kota Surabaya", {9, 9, 9, 9, 9}},   // 88.9
    {"Pemerintah Kota Medan", {5, 5, 5, 5, 5}},      // 44.4
    {"Pemerintah Kota Makassar", {}},                // fails the screening
};

// Three finalist places, and a form section for the dossier.
struct Path : ScoredEdition {
  explicit Path(const std::string& engine)
      : ScoredEdition(engine, 3, kEntries, {},
                      {{"formulir",
                        {{"section_1_code", "ringkasan"},
                         {"section_1_title", "Ringkasan"},
                         {"section_1_guidance", ""},
                         {"section_1_max_words", "300"}}}},
                      false) {}

  std::int64_t selected() {
    return server.count("SELECT COUNT(*) FROM nominees WHERE edition_id = $1 AND selected = 1",
                        {edition});
  }
  bool is_selected(std::size_t index) {
    return server.count("SELECT selected FROM nominees WHERE proposal_id = $1",
                        {proposals[index]}) == 1;
  }
};

class FinalsTest : public EngineTest {};

TEST_P(FinalsTest, FromScreeningToPublishedResults) {
  Path p(GetParam());
  p.screen();
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM proposals WHERE status = 'passed'"), 5);
  p.score_everything();
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM evaluation_assignments WHERE proposal_id = $1",
                           {p.proposals[5]}),
            0)
      << "a proposal that failed the screening is not evaluated";
  // Nominating waits for the end of the evaluation and needs the recorded method; only whoever
  // runs the edition nominates, and the method stays as it was then.
  auto early = p.organiser.post(p.url("/nominasi"), {{"aksi", "nominasi"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(early.contains("Tahap evaluasi belum berakhir"));
  p.close_evaluation();
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "nominasi"}}).status, 409)
      << "no method recorded";
  ASSERT_EQ(p.organiser.post(p.url("/nilai"), {{"metode", "mentah"}}).status, 303);
  EXPECT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "nominasi"}}).status, 403);
  ASSERT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "nominasi"}}).status, 303);
  EXPECT_EQ(p.organiser.post(p.url("/nilai"), {{"metode", "kalibrasi"}}).status, 409);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM nominees WHERE edition_id = $1", {p.edition}), 4)
      << "Medan's 44.4 stays below the passing grade";
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "nominasi"}}).status, 409);

  // The helper by score alone: the three best.
  ASSERT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_EQ(p.selected(), 3);
  EXPECT_TRUE(p.is_selected(0) && p.is_selected(1) && p.is_selected(2));
  // At most one finalist from North Kalimantan: Kaltara makes way for Surabaya.
  EXPECT_EQ(
      p.panelist.post(p.url("/nominasi"), {{"aksi", "kuota"}, {"max.province.65", "1"}}).status,
      403)
      << "quotas are the organiser's";
  auto bad = p.organiser.post(p.url("/nominasi"), {{"aksi", "kuota"}, {"max.province.65", "x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(bad.contains("bilangan bulat"));
  EXPECT_EQ(
      p.organiser.post(p.url("/nominasi"), {{"aksi", "kuota"}, {"max.province.99", "1"}}).status,
      422)
      << "a province without nominees is no quota of this edition";
  ASSERT_EQ(
      p.organiser.post(p.url("/nominasi"), {{"aksi", "kuota"}, {"max.province.65", "1"}}).status,
      303);
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "umumkan"}}).status, 409)
      << "the shortlist is stale until run again";
  ASSERT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_TRUE(p.is_selected(0) && !p.is_selected(1) && p.is_selected(2) && p.is_selected(3));
  auto page = p.panelist.get(p.url("/nominasi"));
  EXPECT_TRUE(page.contains("kuota maksimum sudah penuh")) << "Kaltara's explanation";

  // A panelist tied to Kaltara acts on nothing of Kaltara's.
  Client tied = p.server.signed_in("panel.dua", p.server.add_user("panel.dua", Role::panelist));
  tied.get("/penilai/konflik");
  ASSERT_EQ(tied.post("/penilai/konflik", {{"agency", std::to_string(p.server.agency_id(kKaltara))},
                                           {"kind", "family"}})
                .status,
            303);
  // The panel's choices need a reason; putting Kaltara in and Bandung out cannot meet the quota.
  std::string kaltara = p.url("/nominasi/" + std::to_string(p.proposals[1]));
  auto refused = tied.post(kaltara, {{"pilihan", "include"}, {"alasan", "Keluarga saya"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(refused.contains("konflik kepentingan"));
  std::string bandung = p.url("/nominasi/" + std::to_string(p.proposals[2]));
  EXPECT_EQ(p.panelist.post(kaltara, {{"pilihan", "include"}}).status, 422);
  EXPECT_EQ(p.panelist.post(kaltara, {{"pilihan", "maybe"}, {"alasan", "x"}}).status, 422);
  ASSERT_EQ(
      p.panelist.post(kaltara, {{"pilihan", "include"}, {"alasan", "Daerah perbatasan"}}).status,
      303);
  ASSERT_EQ(
      p.panelist.post(bandung, {{"pilihan", "exclude"}, {"alasan", "Data belum lengkap"}}).status,
      303);
  ASSERT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "susun"}}).status, 303);
  page = p.panelist.get(p.url("/nominasi"));
  EXPECT_TRUE(page.contains("Kuota tidak dapat dipenuhi"));
  EXPECT_EQ(p.selected(), 0);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM nominees WHERE reason <> '' OR rank IS NOT NULL"),
            0)
      << "no explanation left over from the feasible run";
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "umumkan"}}).status, 409);
  ASSERT_EQ(p.panelist.post(bandung, {{"pilihan", ""}}).status, 303);
  ASSERT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_TRUE(!p.is_selected(0) && p.is_selected(1) && p.is_selected(2) && p.is_selected(3))
      << "Kaltara in by the panel, so Tarakan gives way under the quota";
  EXPECT_EQ(p.audits("finals.choice"), 3);

  // Not public before publication; the panelist cannot publish.
  EXPECT_EQ(p.public_visitor.get(p.url("/finalis")).status, 404);
  EXPECT_EQ(p.panelist.post(p.url("/nominasi"), {{"aksi", "umumkan"}}).status, 403);
  ASSERT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "umumkan"}}).status, 303);
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "susun"}}).status, 409);
  auto finalists = p.public_visitor.get(p.url("/finalis"));
  ASSERT_EQ(finalists.status, 200);
  EXPECT_TRUE(finalists.contains("Inovasi finalis 2") && finalists.contains("Inovasi finalis 4"));
  EXPECT_FALSE(finalists.contains("Inovasi finalis 1")) << "Tarakan is no finalist";

  // The public objects: bad input changes nothing, a non-finalist cannot be objected to.
  std::string object = p.url("/finalis/" + std::to_string(p.proposals[3]) + "/sanggah");
  ASSERT_EQ(p.public_visitor.get(object).status, 200);
  auto short_reason = p.public_visitor.post(
      object, {{"nama", "Warga"}, {"kontak", "warga@example.id"}, {"alasan", "tidak"}});
  EXPECT_EQ(short_reason.status, 422);
  EXPECT_TRUE(short_reason.contains("minimal 20 karakter"));
  EXPECT_EQ(p.public_visitor
                .post(object, {{"nama", "Warga"},
                               {"kontak", "bukan kontak"},
                               {"alasan", "Layanan ini sudah berhenti sejak Maret."}})
                .status,
            422);
  EXPECT_EQ(p.public_visitor
                .post(p.url("/finalis/" + std::to_string(p.proposals[0]) + "/sanggah"),
                      {{"nama", "Warga"},
                       {"kontak", "warga@example.id"},
                       {"alasan", "Layanan ini sudah berhenti sejak Maret."}})
                .status,
            404);
  FormFields objection{{"nama", "Warga Surabaya"},
                       {"kontak", "+62 812 3456 7890"},
                       {"alasan", "Layanan ini sudah berhenti sejak Maret lalu."}};
  // "Periksa" shows it back and files nothing.
  FormFields to_check = objection;
  to_check.emplace_back("aksi", "periksa");
  auto review = p.public_visitor.post(object, to_check);
  EXPECT_EQ(review.status, 200);
  EXPECT_TRUE(review.contains("Periksa sanggahan sebelum dikirim"));
  EXPECT_TRUE(review.contains("value=\"+62 812 3456 7890\""));
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM objections"), 0);
  auto filed = p.public_visitor.post(object, objection);
  ASSERT_EQ(filed.status, 303);
  // The objector lands on the objection's status page, by a receipt number nobody can count to.
  auto receipt = filed.header("location");
  ASSERT_TRUE(receipt.starts_with("/sanggahan/SGH-")) << receipt;
  auto pending = p.public_visitor.get(receipt);
  EXPECT_TRUE(pending.contains("Menunggu keputusan panel"));
  EXPECT_FALSE(pending.contains("+62 812 3456 7890")) << "the contact stays private";
  EXPECT_EQ(p.public_visitor.get("/sanggahan/SGH-2222-2222").status, 404);
  EXPECT_EQ(p.public_visitor.post(object, objection).status, 409) << "the same one twice";
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM objections"), 1);

  // Decisions wait for the window; then for every objection to be decided.
  EXPECT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[1]), "top_inovasi"}})
          .status,
      409);
  // The window follows the edition's "Uji publik" stage, as the organiser schedules it.
  p.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE finals SET finalists_published_at = $2 WHERE edition_id = $1",
               {p.edition, now_seconds() - 100});
    tx.execute(
        "UPDATE competition_stages SET starts_at = $2, ends_at = $3 WHERE edition_id = $1 AND "
        "code = 'objection'",
        {p.edition, now_seconds() - 100, now_seconds() - 1});
  });
  EXPECT_EQ(p.public_visitor
                .post(object, {{"nama", "Lain"},
                               {"kontak", "lain@example.id"},
                               {"alasan", "Terlambat tetapi tetap ingin menyanggah."}})
                .status,
            409)
      << "after the window";
  EXPECT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[1]), "top_inovasi"}})
          .status,
      409)
      << "an objection awaits its decision";
  auto objection_id = p.server.count("SELECT MIN(id) FROM objections");
  std::string decide = p.url("/sanggahan/" + std::to_string(objection_id));
  EXPECT_EQ(p.panelist.post(decide, {{"keputusan", "upheld"}}).status, 422);
  ASSERT_EQ(p.panelist
                .post(decide, {{"keputusan", "upheld"},
                               {"catatan", "Terbukti dari verifikasi: layanan berhenti."}})
                .status,
            303);
  auto decided = p.public_visitor.get(receipt);
  EXPECT_TRUE(decided.contains("Diterima: panel membenarkan sanggahan"));
  EXPECT_TRUE(decided.contains("Terbukti dari verifikasi: layanan berhenti."));
  std::string surabaya = p.url("/finalis/" + std::to_string(p.proposals[3]));
  EXPECT_EQ(p.panelist.post(surabaya, {{"aksi", "coret"}}).status, 422);
  ASSERT_EQ(
      p.panelist.post(surabaya, {{"aksi", "coret"}, {"alasan", "Sanggahan diterima."}}).status,
      303);
  EXPECT_TRUE(p.public_visitor.get(p.url("/finalis")).contains("Sanggahan diterima."));

  // Field verification notes on a finalist.
  std::string kaltara_page = p.url("/finalis/" + std::to_string(p.proposals[1]));
  EXPECT_EQ(p.panelist.post(kaltara_page, {{"tanggal", "kemarin"}, {"catatan", "Ramai."}}).status,
            422);
  ASSERT_EQ(p.panelist
                .post(kaltara_page,
                      {{"tanggal", "2027-07-01"}, {"catatan", "Layanan berjalan, antrean pendek."}})
                .status,
            303);
  EXPECT_TRUE(p.panelist.get(kaltara_page).contains("antrean pendek"));

  // The decisions, then the results: every finalist decided first; only the organiser publishes.
  EXPECT_EQ(
      p.panelist.post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[1]), "juara"}})
          .status,
      422);
  EXPECT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[0]), "top_inovasi"}})
          .status,
      404)
      << "Tarakan is no finalist";
  EXPECT_EQ(
      tied.post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[1]), "top_inovasi"}})
          .status,
      403)
      << "the tied panelist decides nothing of Kaltara's";
  ASSERT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[1]), "top_inovasi"}})
          .status,
      303);
  // A decision can be taken back before the results.
  ASSERT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[2]), "outstanding"}})
          .status,
      303);
  ASSERT_EQ(
      p.panelist.post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[2]), ""}})
          .status,
      303);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM final_decisions WHERE proposal_id = $1",
                           {p.proposals[2]}),
            0);
  EXPECT_EQ(p.organiser.post(p.url("/keputusan"), {{"aksi", "umumkan"}}).status, 409)
      << "Bandung undecided";
  ASSERT_EQ(
      p.panelist
          .post(p.url("/keputusan"), {{"tingkat." + std::to_string(p.proposals[2]), "replikasi"}})
          .status,
      303);
  EXPECT_EQ(p.public_visitor.get(p.url("/hasil")).status, 404);
  EXPECT_EQ(p.panelist.post(p.url("/keputusan"), {{"aksi", "umumkan"}}).status, 403);
  ASSERT_EQ(
      p.organiser.post(p.url("/keputusan"), {{"aksi", "umumkan"}, {"catatan", "Selamat."}}).status,
      303);

  auto results = p.public_visitor.get(p.url("/hasil"));
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(results.contains("Inovasi finalis 2") && results.contains("Top 5 Replikasi"));
  auto certificate =
      p.public_visitor.get(p.url("/hasil/" + std::to_string(p.proposals[1]) + "/sertifikat"));
  ASSERT_EQ(certificate.status, 200);
  EXPECT_TRUE(certificate.contains(kKaltara) && certificate.contains("Piagam Penghargaan"));
  // Its number, a QR code drawn on the server, and the public page that number opens.
  std::string number = "2027-" + std::to_string(p.edition) + "-" + std::to_string(p.proposals[1]);
  EXPECT_TRUE(certificate.contains(number));
  EXPECT_TRUE(certificate.contains("<svg") && certificate.contains("aria-label=\"Kode QR"));
  auto check = p.public_visitor.get("/sertifikat/" + number);
  ASSERT_EQ(check.status, 200);
  EXPECT_TRUE(check.contains("Piagam dengan nomor ini asli") && check.contains(kKaltara));
  EXPECT_EQ(p.public_visitor
                .get("/sertifikat/2026-" + std::to_string(p.edition) + "-" +
                     std::to_string(p.proposals[1]))
                .status,
            404)
      << "the year is part of the number";
  EXPECT_EQ(p.public_visitor.get("/sertifikat/" + number + "9").status, 404);
  EXPECT_EQ(p.public_visitor.get("/sertifikat/bukan-nomor").status, 404);
  EXPECT_EQ(p.public_visitor.get(p.url("/hasil/" + std::to_string(p.proposals[3]) + "/sertifikat"))
                .status,
            404)
      << "a removed finalist gets no certificate";
  // The edition's page offers each visitor the later stages' pages (competitions::LaterStages),
  // in the programme's order.
  auto link = [&](const std::string& rest) { return "href=\"" + p.url(rest) + "\""; };
  auto for_public = p.public_visitor.get(p.url(""));
  EXPECT_TRUE(for_public.contains(link("/finalis")) && for_public.contains(link("/hasil")));
  EXPECT_FALSE(for_public.contains(link("/nominasi")) || for_public.contains(link("/penugasan")));
  auto for_organiser = p.organiser.get(p.url("")).body;
  std::size_t previous = 0;
  for (const char* rest : {"/usulan", "/dasbor", "/pengumuman", "/penugasan", "/nilai", "/nominasi",
                           "/keputusan", "/finalis", "/hasil"}) {
    auto at = for_organiser.find(link(rest));
    ASSERT_NE(at, std::string::npos) << rest;
    EXPECT_GT(at, previous) << rest;
    previous = at;
  }
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM innovation_awards WHERE innovation_id = $1 AND "
                           "tier = 'top_inovasi' AND year = 2027",
                           {p.innovations[1]}),
            1);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM innovation_awards WHERE innovation_id = $1 AND "
                           "tier = 'replikasi'",
                           {p.innovations[2]}),
            1);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM innovation_awards WHERE innovation_id = $1",
                           {p.innovations[3]}),
            0);
  EXPECT_TRUE(p.public_visitor.get("/inovasi/" + std::to_string(p.innovations[1]))
                  .contains("Top Inovasi · KIPP 2027"));
  EXPECT_TRUE(p.public_visitor.get("/katalog?penghargaan=replikasi").contains("Inovasi finalis 3"))
      << "the catalogue's award facet, indexed again on publication";
  // Nothing changes after the results.
  EXPECT_EQ(p.panelist.post(kaltara_page, {{"tanggal", "2027-07-02"}, {"catatan", "Lagi."}}).status,
            409);
  EXPECT_EQ(p.organiser.post(p.url("/keputusan"), {{"aksi", "umumkan"}}).status, 409);
  for (const char* action :
       {"finals.nominate", "finals.quotas", "finals.shortlist", "finals.publish", "objection.file",
        "objection.decide", "finals.remove", "finals.verification", "finals.decide",
        "finals.results"})
    EXPECT_GT(p.audits(action), 0) << action;
}

TEST_P(FinalsTest, ExportsForTheOrganiserAndAnAnonymisedDossierForThePanel) {
  Path p(GetParam());
  p.screen();
  p.score_everything();
  p.close_evaluation();
  ASSERT_EQ(p.organiser.post(p.url("/nilai"), {{"metode", "kalibrasi"}}).status, 303);
  ASSERT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "nominasi"}}).status, 303);
  auto csv = p.organiser.get(p.url("/ekspor/usulan.csv"));
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.contains("id_usulan,judul,instansi")) << csv.body.substr(0, 300);
  EXPECT_TRUE(csv.contains("Inovasi finalis 5,Pemerintah Kota Medan"));
  EXPECT_TRUE(csv.contains(",44.44,")) << "Medan's raw mean, with a point";
  auto sheets = p.organiser.get(p.url("/ekspor/lembar.csv"));
  ASSERT_EQ(sheets.status, 200);
  EXPECT_TRUE(
      sheets.contains("kebaruan,efektivitas,kemanfaatan,kemudahan_direplikasi,"
                      "keberlanjutan,total,komentar"));
  EXPECT_EQ(std::count(sheets.body.begin(), sheets.body.end(), '\n'), 11) << "header + 10 sheets";
  auto xlsx = p.organiser.get(p.url("/ekspor/usulan.xlsx"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(p.panelist.get(p.url("/ekspor/usulan.csv")).status, 403);
  EXPECT_EQ(p.evaluators.begin()->second.get(p.url("/ekspor/lembar.csv")).status, 403);

  p.server.app().db().write([&](db::Transaction& tx) {
    tx.execute(
        "INSERT INTO proposal_sections (proposal_id, code, body) VALUES ($1, 'ringkasan', $2)",
        {p.proposals[0], std::string("Pemerintah Kota Tarakan melalui Bagian Organisasi melayani "
                                     "warga Tarakan; kota tarakan kini tanpa antre.")});
  });
  std::string dossier = p.url("/dosir/" + std::to_string(p.proposals[0]));
  EXPECT_EQ(p.evaluators.begin()->second.get(dossier).status, 403);
  auto page = p.panelist.get(dossier);
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(page.contains("Tarakan")) << page.body;
  EXPECT_FALSE(page.contains("tarakan"));
  EXPECT_FALSE(page.contains("Bagian Organisasi"));
  EXPECT_TRUE(page.contains("[disamarkan] melalui [disamarkan] melayani warga [disamarkan]"));
  EXPECT_EQ(p.panelist.get(p.url("/dosir/999999")).status, 404);
}

TEST_P(FinalsTest, OnlyThePanelSeesThePanelsPages) {
  Path p(GetParam());
  auto unit_agency = p.server.agency_id(kTarakan);
  auto unit = p.server.add_unit(unit_agency, "Dinas Kesehatan");
  Client operator_client = p.server.signed_in(
      "operator.tarakan",
      p.server.add_user("operator.tarakan", Role::unit_operator, unit_agency, unit));
  Client evaluator = std::move(p.evaluators.begin()->second);
  for (const char* path : {"/nominasi", "/sanggahan", "/keputusan"}) {
    EXPECT_EQ(operator_client.get(p.url(path)).status, 403) << path;
    EXPECT_EQ(evaluator.get(p.url(path)).status, 403) << path;
    auto anonymous = p.public_visitor.get(p.url(path));
    EXPECT_TRUE(anonymous.status == 303 || anonymous.status == 401) << path << anonymous.status;
  }
  EXPECT_EQ(p.panelist.get(p.url("/nominasi")).status, 200);
  EXPECT_EQ(p.panelist.get("/kompetisi/999999/nominasi").status, 404);
  EXPECT_EQ(p.public_visitor.get(p.url("/hasil")).status, 404);
  EXPECT_EQ(p.organiser.post(p.url("/nominasi"), {{"aksi", "hapus-semua"}}).status, 400);
}

SIMPUL_ENGINE_SUITE(FinalsTest);

}  // namespace
}  // namespace simpul::test
