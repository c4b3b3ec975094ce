// Competitions over HTTP, on every engine: an organiser sets up an edition part by part, publishes
// it and extends its deadline; refused saves change nothing; copies to another year; the public
// pages; who is refused what; and the demo editions of KIPP 2021–2025.
#include <regex>

#include "competitions/calendar.hpp"
#include "competitions/seed.hpp"
#include "core/util/clock.hpp"
#include "support/competition_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

struct Competitions {
  explicit Competitions(const std::string& engine)
      : server(engine),
        kaltara(server.agency_id(kKaltara)),
        tarakan(server.agency_id(kTarakan)),
        organiser(sign_in("kemenpan", Role::organiser)),
        hub(sign_in("hubkaltara", Role::hub_coordinator, kaltara)),
        admin(sign_in("admintarakan", Role::local_admin, tarakan)),
        other_admin(sign_in("adminkaltara", Role::local_admin, kaltara)),
        evaluator(sign_in("penilai", Role::evaluator)),
        visitor(server.client()) {}

  Client sign_in(const std::string& username, Role role, std::optional<std::int64_t> agency = {}) {
    return server.signed_in(username, server.add_user(username, role, agency));
  }
  std::string url(std::int64_t id, const std::string& rest = "") {
    return "/kompetisi/" + std::to_string(id) + rest;
  }
  std::int64_t create(Client& client, const FormFields& fields) {
    return create_edition(client, fields);
  }
  HttpResponse save(Client& client, std::int64_t id, const std::string& part, FormFields fields) {
    return save_part(client, id, part, std::move(fields));
  }
  HttpResponse act(Client& client, std::int64_t id, const std::string& action,
                   FormFields fields = {}) {
    return edition_action(client, id, action, std::move(fields));
  }
  // A national edition with registration open now, every part filled in, published.
  std::int64_t published(int year) {
    auto id = create(organiser, general(year, "KIPP " + std::to_string(year)));
    EXPECT_EQ(save(organiser, id, "tahapan",
                   {{"stage_registration_starts", days_from_now(-1, "08:00")},
                    {"stage_registration_ends", days_from_now(30, "23:59")},
                    {"stage_screening_starts", days_from_now(32, "08:00")},
                    {"stage_screening_ends", days_from_now(40, "16:00")}})
                  .status,
              303);
    EXPECT_EQ(save(organiser, id, "kelompok", kGroups).status, 303);
    EXPECT_EQ(save(organiser, id, "kategori", kCategories).status, 303);
    EXPECT_EQ(act(organiser, id, "terbitkan").status, 303);
    return id;
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }

  TestServer server;
  std::int64_t kaltara, tarakan;
  Client organiser, hub, admin, other_admin, evaluator, visitor;
};

class CompetitionsTest : public EngineTest {};

TEST_P(CompetitionsTest, AnOrganiserSetsUpPublishesAndThePublicSeesIt) {
  Competitions c(GetParam());
  auto form = c.organiser.get("/kompetisi/baru");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("Nasional"));
  auto id = c.create(c.organiser, general(2027, "Kompetisi Inovasi Pelayanan Publik 2027"));
  auto page = c.organiser.get(setup_url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Draf kompetisi dibuat"));
  EXPECT_TRUE(page.contains("batas pendaftaran (tanggal dan jam penutupan)"));

  const std::string opens = days_from_now(-1, "08:00"), closes = days_from_now(30, "12:00");
  EXPECT_EQ(c.save(c.organiser, id, "tahapan",
                   {{"stage_registration_starts", opens},
                    {"stage_registration_ends", closes},
                    {"stage_evaluation_starts", days_from_now(45)},
                    {"stage_evaluation_ends", days_from_now(60)}})
                .status,
            303);
  EXPECT_EQ(c.save(c.organiser, id, "kelompok", kGroups).status, 303);
  EXPECT_EQ(c.save(c.organiser, id, "kategori", kCategories).status, 303);
  EXPECT_EQ(c.save(c.organiser, id, "formulir",
                   {{"section_1_code", ""},
                    {"section_1_title", "Ringkasan"},
                    {"section_1_guidance", "Gambaran singkat inovasi."},
                    {"section_1_max_words", "300"}})
                .status,
            303);
  EXPECT_EQ(c.save(c.organiser, id, "lampiran",
                   {{"attachment_1_code", "sk"},
                    {"attachment_1_title", "SK pejabat berwenang yang menyebut para inovator"},
                    {"attachment_1_kind", "file"},
                    {"attachment_1_required", "1"},
                    {"attachment_1_max_video_seconds", ""},
                    {"attachment_2_code", "video"},
                    {"attachment_2_title", "Video YouTube"},
                    {"attachment_2_kind", "video"},
                    {"attachment_2_required", "1"},
                    {"attachment_2_max_video_seconds", "180"}})
                .status,
            303);
  EXPECT_EQ(c.save(c.organiser, id, "rubrik", rubric("rubric", kCriteria)).status, 303);
  EXPECT_EQ(c.save(c.organiser, id, "wawancara",
                   rubric("interview", {{"Presentasi dan wawancara", 30}, {"Substansi", 70}}))
                .status,
            303);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_rubric_aspects WHERE edition_id = $1", {id}),
            7);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_categories WHERE edition_id = $1 AND "
                    "position = 0 AND code = 'pelayanan_publik_yang_inklusif_dan_berke'",
                    {id}),
            1);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM audit_events WHERE action = 'competition.update' AND "
                    "entity_id = $1",
                    {std::to_string(id)}),
            7);

  // Hidden from the public until published.
  EXPECT_EQ(c.visitor.get(c.url(id)).status, 404);
  EXPECT_FALSE(c.visitor.get("/kompetisi").contains("Kompetisi Inovasi Pelayanan Publik 2027"));
  EXPECT_TRUE(c.organiser.get(c.url(id)).contains("Halaman ini belum diumumkan"));
  auto published = c.act(c.organiser, id, "terbitkan");
  ASSERT_EQ(published.status, 303) << published.body.substr(0, 3000);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE status = 'published'"), 1);

  auto list = c.visitor.get("/kompetisi");
  EXPECT_TRUE(list.contains("Kompetisi Inovasi Pelayanan Publik 2027"));
  auto shown = c.visitor.get(c.url(id));
  ASSERT_EQ(shown.status, 200);
  auto close_instant = *competitions::parse_local_datetime(closes, view::Zone::wib, true);
  std::string close_text = view::format_datetime(close_instant, view::Zone::wib, view::Lang::id);
  EXPECT_TRUE(shown.contains("Pendaftaran dibuka sampai " + close_text)) << close_text;
  EXPECT_TRUE(shown.contains("Paling banyak 10 proposal dari setiap instansi."));
  EXPECT_TRUE(shown.contains("paling sedikit 2 tahun sebelum penutupan pendaftaran " + close_text));
  EXPECT_TRUE(shown.contains("Efektivitas Institusi Publik untuk Mencapai TPB/SDGs"));
  EXPECT_TRUE(shown.contains("paling lama 3 menit"));
  EXPECT_TRUE(shown.contains("paling banyak 300 kata"));
  EXPECT_TRUE(shown.contains("Kemudahan direplikasi"));
  EXPECT_TRUE(shown.has_cells("<td>70%</td>"));
  EXPECT_FALSE(shown.contains("Khusus (")) << "a group not opened is not shown";
  EXPECT_FALSE(shown.contains("Atur kompetisi")) << "no set-up link for visitors";
}

TEST_P(CompetitionsTest, RefusedSavesShowWhyAndChangeNothing) {
  Competitions c(GetParam());
  auto id = c.create(c.organiser, general(2027, "KIPP 2027"));
  ASSERT_EQ(c.save(c.organiser, id, "rubrik", rubric("rubric", kCriteria)).status, 303);
  auto audit_before = c.count("SELECT COUNT(*) FROM audit_events");
  auto version_before = c.count("SELECT version FROM competition_editions WHERE id = $1", {id});

  auto weights =
      c.save(c.organiser, id, "rubrik", rubric("rubric", {{"Kebaruan", 30}, {"Kemanfaatan", 60}}));
  EXPECT_EQ(weights.status, 422);
  EXPECT_TRUE(weights.contains("Jumlah bobot 90; harus tepat 100."));
  EXPECT_TRUE(weights.contains("value=\"60\"")) << "what was typed is shown again";
  auto order = c.save(c.organiser, id, "tahapan",
                      {{"stage_registration_starts", days_from_now(10)},
                       {"stage_registration_ends", days_from_now(5)},
                       {"stage_screening_starts", "kemarin"}});
  EXPECT_EQ(order.status, 422);
  EXPECT_TRUE(order.contains("Waktu selesai harus sesudah waktu mulai."));
  EXPECT_TRUE(order.contains("Tanggal dan jam tidak sah"));
  auto groups = c.save(c.organiser, id, "kelompok", {{"group_umum_min_age_months", "dua tahun"}});
  EXPECT_EQ(groups.status, 422);
  EXPECT_TRUE(groups.contains("Isi dengan bilangan bulat"));
  EXPECT_TRUE(groups.contains("Buka paling sedikit satu kelompok."));
  auto codes = c.save(c.organiser, id, "kategori",
                      {{"category_1_code", "sama"},
                       {"category_1_name", "Pendidikan"},
                       {"category_2_code", "sama"},
                       {"category_2_name", "Kesehatan"}});
  EXPECT_EQ(codes.status, 422);
  EXPECT_TRUE(codes.contains("Kode ini sudah dipakai baris lain."));
  auto general_part = c.save(c.organiser, id, "umum", general(1999, "K"));
  EXPECT_EQ(general_part.status, 422);
  EXPECT_TRUE(general_part.contains("Isi dengan angka 2000 sampai 2100."));

  EXPECT_EQ(c.count("SELECT COUNT(*) FROM audit_events"), audit_before);
  EXPECT_EQ(c.count("SELECT version FROM competition_editions WHERE id = $1", {id}),
            version_before);
  EXPECT_EQ(
      c.count("SELECT SUM(weight) FROM competition_rubric_aspects WHERE edition_id = $1", {id}),
      100);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_stages WHERE edition_id = $1 AND "
                    "starts_at IS NOT NULL",
                    {id}),
            0);
  auto publish = c.act(c.organiser, id, "terbitkan");
  EXPECT_EQ(publish.status, 422);
  EXPECT_TRUE(publish.contains("Kompetisi belum dapat diumumkan"));
  EXPECT_TRUE(publish.contains("paling sedikit satu kelompok yang dibuka"));
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE status = 'draft'"), 1);
}

TEST_P(CompetitionsTest, ASaveFromAnOlderVersionIsRefused) {
  Competitions c(GetParam());
  auto id = c.create(c.organiser, general(2027, "KIPP 2027"));
  auto page = c.organiser.get(setup_url(id));
  auto version = version_on(page);
  auto first = c.organiser.post(
      setup_url(id) + "/kategori",
      {{"version", version}, {"category_1_code", ""}, {"category_1_name", "Pendidikan"}});
  EXPECT_EQ(first.status, 303);
  auto second = c.organiser.post(
      setup_url(id) + "/kategori",
      {{"version", version}, {"category_1_code", ""}, {"category_1_name", "Kesehatan"}});
  EXPECT_EQ(second.status, 409);
  EXPECT_TRUE(second.contains("sudah diubah orang lain"));
  EXPECT_TRUE(second.contains("value=\"Kesehatan\""));
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_categories WHERE name = 'Kesehatan'"), 0);
}

TEST_P(CompetitionsTest, AnExtensionIsRecordedAndAnnounced) {
  Competitions c(GetParam());
  auto id = c.published(2027);
  auto old_close = c.count(
      "SELECT ends_at FROM competition_stages WHERE edition_id = $1 AND code = 'registration'",
      {id});
  // An announced deadline does not move through the set-up page.
  auto moved = c.save(c.organiser, id, "tahapan",
                      {{"stage_registration_starts", days_from_now(-1, "08:00")},
                       {"stage_registration_ends", days_from_now(35, "23:59")},
                       {"stage_screening_starts", days_from_now(32, "08:00")},
                       {"stage_screening_ends", days_from_now(40, "16:00")}});
  EXPECT_EQ(moved.status, 422);
  EXPECT_TRUE(moved.contains("hanya dapat diubah lewat Perpanjang batas waktu"));

  auto form = c.organiser.get(c.url(id, "/perpanjang"));
  ASSERT_EQ(form.status, 200);
  auto version = version_on(form);
  auto earlier =
      c.organiser.post(c.url(id, "/perpanjang"), {{"version", version},
                                                  {"stage", "registration"},
                                                  {"new_ends_at", days_from_now(20, "23:59")},
                                                  {"reason", "Surat Deputi B/188/PP.00.05/2023"}});
  EXPECT_EQ(earlier.status, 422);
  EXPECT_TRUE(earlier.contains("Batas baru harus sesudah batas yang berlaku sekarang."));
  auto no_reason =
      c.organiser.post(c.url(id, "/perpanjang"), {{"version", version},
                                                  {"stage", "registration"},
                                                  {"new_ends_at", days_from_now(34, "23:59")},
                                                  {"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  auto extended =
      c.organiser.post(c.url(id, "/perpanjang"), {{"version", version},
                                                  {"stage", "registration"},
                                                  {"new_ends_at", days_from_now(34, "23:59")},
                                                  {"reason", "Surat Deputi B/188/PP.00.05/2023"}});
  ASSERT_EQ(extended.status, 303) << extended.body.substr(0, 3000);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_extensions WHERE edition_id = $1 AND "
                    "old_ends_at = $2 AND reason = 'Surat Deputi B/188/PP.00.05/2023'",
                    {id, old_close}),
            1);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM audit_events WHERE action = 'competition.extend'"), 1);
  auto shown = c.visitor.get(c.url(id));
  auto new_close =
      *competitions::parse_local_datetime(days_from_now(34, "23:59"), view::Zone::wib, true);
  std::string expected = "Batas pendaftaran diperpanjang dari " +
                         view::format_date(old_close, view::Zone::wib, view::Lang::id) + " ke " +
                         view::format_datetime(new_close, view::Zone::wib, view::Lang::id) + ".";
  EXPECT_TRUE(shown.contains(expected)) << expected;
  EXPECT_TRUE(shown.contains("Surat Deputi B/188/PP.00.05/2023"));
  // The form of the old version is stale now.
  auto stale =
      c.organiser.post(c.url(id, "/perpanjang"), {{"version", version},
                                                  {"stage", "registration"},
                                                  {"new_ends_at", days_from_now(50, "23:59")},
                                                  {"reason", "Perpanjangan kedua"}});
  EXPECT_EQ(stale.status, 409);

  auto draft = c.create(c.organiser, general(2028, "KIPP 2028"));
  auto draft_form = c.organiser.get(c.url(draft, "/perpanjang"));
  EXPECT_TRUE(draft_form.contains("Kompetisi ini masih draf"));
  EXPECT_EQ(c.organiser
                .post(c.url(draft, "/perpanjang"), {{"version", "1"},
                                                    {"stage", "registration"},
                                                    {"new_ends_at", days_from_now(9)},
                                                    {"reason", "Alasan apa pun"}})
                .status,
            409);
}

TEST_P(CompetitionsTest, ACopyStartsNextYearsDraft) {
  Competitions c(GetParam());
  auto id = c.published(2027);
  auto form = c.organiser.get(c.url(id, "/salin"));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("value=\"2028\""));
  auto copied = c.organiser.post(c.url(id, "/salin"), {{"year", "2028"}});
  ASSERT_EQ(copied.status, 303) << copied.body.substr(0, 2000);
  auto copy = id_from(copied);
  EXPECT_NE(copy, id);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE id = $1 AND status = 'draft' "
                    "AND title = 'KIPP 2028' AND copied_from = $2",
                    {copy, id}),
            1);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_groups WHERE edition_id = $1 AND enabled = 1 "
                    "AND code = 'umum' AND min_age_months = 24 AND max_per_agency = 10",
                    {copy}),
            1);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_categories WHERE edition_id = $1", {copy}),
            2);
  auto original_close = c.count(
      "SELECT ends_at FROM competition_stages WHERE edition_id = $1 AND code = 'registration'",
      {id});
  auto copied_close = c.count(
      "SELECT ends_at FROM competition_stages WHERE edition_id = $1 AND code = 'registration'",
      {copy});
  EXPECT_EQ(competitions::local_input(copied_close, view::Zone::wib).substr(4),
            competitions::local_input(original_close, view::Zone::wib).substr(4))
      << "same day and time, a year later";
  auto again = c.organiser.post(c.url(id, "/salin"), {{"year", "2028"}});
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(again.contains("Sudah ada kompetisi tahun ini"));
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions"), 2);
  auto new_page = c.organiser.get("/kompetisi/baru");
  EXPECT_TRUE(new_page.contains("Mulai dari kompetisi sebelumnya"));
}

TEST_P(CompetitionsTest, OnlyWhoRunsACompetitionMayChangeIt) {
  Competitions c(GetParam());
  auto id = c.published(2027);
  auto anonymous_form = c.visitor.get("/kompetisi/baru");
  EXPECT_EQ(anonymous_form.status, 303);
  EXPECT_EQ(anonymous_form.header("location").rfind("/masuk?next=", 0), 0u);
  EXPECT_EQ(c.visitor.post(setup_url(id) + "/umum", general(2027, "Diambil alih")).status, 401);
  EXPECT_EQ(c.evaluator.get("/kompetisi/baru").status, 403);
  EXPECT_EQ(c.evaluator.get(setup_url(id)).status, 403);
  EXPECT_EQ(c.admin.get(setup_url(id)).status, 403) << "a local admin does not run KIPP";
  EXPECT_EQ(c.hub.get(c.url(id, "/perpanjang")).status, 403);
  auto version =
      std::to_string(c.count("SELECT version FROM competition_editions WHERE id = $1", {id}));
  auto taken = general(2027, "Diambil alih");
  taken.emplace_back("version", version);
  EXPECT_EQ(c.admin.post(setup_url(id) + "/umum", taken).status, 403);
  EXPECT_EQ(c.admin.post(c.url(id, "/salin"), {{"year", "2030"}}).status, 403);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE title = 'Diambil alih'"), 0);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions"), 1);
  EXPECT_EQ(c.organiser.get(setup_url(999999)).status, 404);
  EXPECT_EQ(c.organiser.get("/kompetisi/abc").status, 404);
  EXPECT_EQ(c.save(c.organiser, id, "tidak-ada", {}).status, 404);
}

TEST_P(CompetitionsTest, FormsWithoutAValidCsrfTokenAreRefused) {
  Competitions c(GetParam());
  auto id = c.create(c.organiser, general(2027, "KIPP 2027"));
  auto version = version_on(c.organiser.get(setup_url(id)));
  auto forged = c.organiser.post_raw(setup_url(id) + "/umum", form_encode({{"version", version},
                                                                           {"year", "2027"},
                                                                           {"title", "Dipalsukan"},
                                                                           {"timezone", "WIB"},
                                                                           {"csrf", "00"}}));
  EXPECT_EQ(forged.status, 403);
  auto missing = c.organiser.post_raw("/kompetisi/baru", form_encode(general(2030, "Tanpa token")));
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions"), 1);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE title = 'KIPP 2027'"), 1);
}

TEST_P(CompetitionsTest, HubsAndAgenciesRunTheirOwn) {
  Competitions c(GetParam());
  auto form = c.hub.get("/kompetisi/baru");
  EXPECT_TRUE(form.contains("Provinsi (hub JIPP) · Pemerintah Provinsi Kalimantan Utara"));
  auto hub_edition = c.create(c.hub, general(2027, "Kompetisi Inovasi Kaltara 2027"));
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_editions WHERE level = 'hub' AND "
                    "owner_agency_id = $1",
                    {c.kaltara}),
            1);
  EXPECT_EQ(c.organiser.get(setup_url(hub_edition)).status, 403);
  auto agency_edition = c.create(c.admin, general(2027, "Seleksi Internal Kota Tarakan 2027"));
  EXPECT_EQ(c.other_admin.get(setup_url(agency_edition)).status, 403);
  EXPECT_EQ(c.admin.get(setup_url(agency_edition)).status, 200);
  // Both may hold a 2027 edition: the year is unique per level and owner.
  EXPECT_EQ(c.create(c.organiser, general(2027, "KIPP 2027")) > 0, true);
  // A hub is a province: a coordinator of a city cannot open a hub competition.
  Client city_hub = c.sign_in("hubtarakan", Role::hub_coordinator, c.tarakan);
  city_hub.get("/kompetisi/baru");
  auto refused = city_hub.post("/kompetisi/baru", general(2027, "Kompetisi Tarakan"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("diselenggarakan pemerintah provinsi hub"));
  auto list = c.hub.get("/kompetisi");
  EXPECT_TRUE(list.contains("Kompetisi Inovasi Kaltara 2027"));
  EXPECT_FALSE(list.contains("Seleksi Internal Kota Tarakan 2027"));
}

TEST_P(CompetitionsTest, AClosedRegistrationIsSaidPlainly) {
  Competitions c(GetParam());
  auto id = c.create(c.organiser, general(2026, "KIPP 2026"));
  ASSERT_EQ(c.save(c.organiser, id, "tahapan",
                   {{"stage_registration_starts", days_from_now(-40, "08:00")},
                    {"stage_registration_ends", days_from_now(-2, "12:00")}})
                .status,
            303);
  ASSERT_EQ(c.save(c.organiser, id, "kelompok", kGroups).status, 303);
  ASSERT_EQ(c.save(c.organiser, id, "kategori", kCategories).status, 303);
  ASSERT_EQ(c.act(c.organiser, id, "terbitkan").status, 303);
  auto shown = c.visitor.get(c.url(id));
  EXPECT_TRUE(shown.contains("Pendaftaran sudah ditutup pada"));
  EXPECT_TRUE(shown.contains("Proposal tidak dapat lagi dikirim atau diubah."));
  // The terms proposals were made under stay; the rubric may still be refined.
  auto terms = c.save(c.organiser, id, "kelompok", kGroups);
  EXPECT_EQ(terms.status, 409);
  EXPECT_TRUE(terms.contains("Pendaftaran sudah ditutup: kelompok, kategori"));
  EXPECT_EQ(c.save(c.organiser, id, "rubrik", rubric("rubric", kCriteria)).status, 303);
  c.visitor.post("/bahasa", {{"lang", "en"}, {"next", c.url(id)}});
  auto english = c.visitor.get(c.url(id));
  EXPECT_TRUE(english.contains("Registration closed on"));
  EXPECT_TRUE(english.contains("At most 10 proposals from each agency."));
}

TEST_P(CompetitionsTest, TheDemoEditionsComeFromTheirSources) {
  Competitions c(GetParam());
  // KIPP 2021, 2022, 2023 and 2025 from their sources, and the two example hub competitions.
  EXPECT_EQ(competitions::seed_demo_editions(c.server.app().db(), SIMPUL_SOURCE_DIR), 6);
  EXPECT_EQ(competitions::seed_demo_editions(c.server.app().db(), SIMPUL_SOURCE_DIR), 0);
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM audit_events WHERE action = 'competition.seed'"), 6);
  auto list = c.visitor.get("/kompetisi");
  EXPECT_TRUE(list.contains("Kompetisi Inovasi Pelayanan Publik (KIPP) 2023"));
  auto kipp2023 = c.count("SELECT id FROM competition_editions WHERE year = 2023");
  auto shown = c.visitor.get(c.url(kipp2023));
  EXPECT_TRUE(shown.contains(
      "Batas pendaftaran diperpanjang dari 2 Mei 2023 ke 6 Mei 2023 pukul 23.59 WIB."));
  EXPECT_TRUE(shown.contains("B/188/PP.00.05/2023"));
  EXPECT_TRUE(shown.contains("Pendaftaran sudah ditutup pada 6 Mei 2023 pukul 23.59 WIB."));
  EXPECT_TRUE(shown.contains("Pedoman MenPANRB 3/2023"));
  auto kipp2022 = c.count("SELECT id FROM competition_editions WHERE year = 2022");
  auto rules = c.visitor.get(c.url(kipp2022));
  EXPECT_TRUE(rules.contains(
      "Inovasi sudah diterapkan paling sedikit 2 tahun sebelum penutupan pendaftaran 16 April "
      "2022 pukul 12.00 WIB, artinya mulai diterapkan paling lambat 16 April 2020."));
  EXPECT_TRUE(rules.contains("16 Maret 2022 sampai 16 April 2022 pukul 12.00 WIB"));
  EXPECT_TRUE(rules.contains("Ketahanan Institusi Publik di Masa Pandemi"));
  auto kipp2021 = c.count("SELECT id FROM competition_editions WHERE year = 2021");
  EXPECT_TRUE(
      c.visitor.get(c.url(kipp2021)).contains("Paling banyak 5 proposal dari setiap instansi."));
  // The example runs now, whenever the demo is loaded, owned by the hub of Kalimantan Utara.
  auto example = c.count("SELECT MIN(id) FROM competition_editions WHERE level = 'hub'");
  auto open = c.visitor.get(c.url(example));
  EXPECT_TRUE(open.contains("bukan kompetisi sungguhan"));
  EXPECT_TRUE(open.contains("Pendaftaran dibuka sampai")) << open.body.substr(0, 3000);
  EXPECT_EQ(c.count("SELECT owner_agency_id FROM competition_editions WHERE id = $1", {example}),
            c.kaltara);
  // The organiser copies last year's edition into next year's draft.
  // The past example always ended about a year ago: every stage of it is over.
  auto past = c.count("SELECT MAX(id) FROM competition_editions WHERE level = 'hub'");
  EXPECT_EQ(c.count("SELECT COUNT(*) FROM competition_stages WHERE edition_id = $1 AND ends_at "
                    "< $2",
                    {past, now_seconds() - 300 * 86400}),
            8);
  auto kipp2025 =
      c.count("SELECT id FROM competition_editions WHERE year = 2025 AND level = 'national'");
  auto copied = c.organiser.post(c.url(kipp2025, "/salin"), {{"year", "2026"}});
  ASSERT_EQ(copied.status, 303);
  EXPECT_TRUE(c.organiser.get(setup_url(id_from(copied))).contains("KIPP) 2026"));
}

SIMPUL_ENGINE_SUITE(CompetitionsTest);

}  // namespace
}  // namespace simpul::test
