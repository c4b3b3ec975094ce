// Presentations and interviews over HTTP, on every engine, from published finalists: the grid
// saved and checked, panelists seated on panels, the timetable built within each finalist's hours
// in its own zone (Jayapura, in WIT, never after 17.00 WIT) and away from a panelist who declared a
// tie, a finalist moved by hand with a reason and kept by the next run, each agency told and shown
// its slot, the panel's interview sheets, and the interview mean on the decisions page. Wrong
// roles, bad input and steps out of order are refused and change nothing.
#include "support/finals_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

constexpr const char* kJayapura = "Pemerintah Kota Jayapura";
constexpr const char* kBandung = "Pemerintah Kota Bandung";
constexpr const char* kSurabaya = "Pemerintah Kota Surabaya";

// Four proposals every evaluator scores at or above the passing grade (85), so all four become
// finalists: Tarakan (WITA), Jayapura (WIT), Bandung and Surabaya (WIB).
const std::vector<Entry> kPresentationEntries = {
    {kTarakan, {10, 10, 10, 10, 10}},
    {kJayapura, {10, 10, 10, 10, 9}},
    {kBandung, {9, 10, 10, 9, 9}},
    {kSurabaya, {9, 9, 9, 9, 9}},
};

// Four finalist places, the presentation stage's dates and an interview rubric.
struct PresentationPath : ScoredEdition {
  explicit PresentationPath(const std::string& engine)
      : ScoredEdition(
            engine, 4, kPresentationEntries,
            {{"stage_presentation_starts", "2027-07-02T08:00"},
             {"stage_presentation_ends", "2027-07-06T16:00"}},
            {{"wawancara", rubric("interview", {{"Presentasi", 30}, {"Substansi", 70}})}}) {}

  void publish_finalists() {
    score_everything();
    close_evaluation();
    ASSERT_EQ(organiser.post(url("/nilai"), {{"metode", "mentah"}}).status, 303);
    ASSERT_EQ(organiser.post(url("/nominasi"), {{"aksi", "nominasi"}}).status, 303);
    ASSERT_EQ(organiser.post(url("/nominasi"), {{"aksi", "susun"}}).status, 303);
    ASSERT_EQ(organiser.post(url("/nominasi"), {{"aksi", "umumkan"}}).status, 303);
    ASSERT_EQ(server.count("SELECT COUNT(*) FROM nominees WHERE selected = 1"), 4);
  }

  std::int64_t user_id(const std::string& username) {
    return server.count("SELECT id FROM users WHERE username = $1", {username});
  }
  std::int64_t slot_panel(std::size_t index) {
    return server.count(
        "SELECT COALESCE(MAX(panel), 0) FROM presentation_slots WHERE proposal_id = $1",
        {proposals[index]});
  }
  std::int64_t slot_start(std::size_t index) {
    return server.count(
        "SELECT COALESCE(MAX(starts_at), 0) FROM presentation_slots WHERE proposal_id = $1",
        {proposals[index]});
  }
  std::int64_t slot_end(std::size_t index) {
    return server.count(
        "SELECT COALESCE(MAX(ends_at), 0) FROM presentation_slots WHERE proposal_id = $1",
        {proposals[index]});
  }
};

// 2027-07-05 is a Monday.
const FormFields kGrid = {{"aksi", "grid"},        {"hari", "2027-07-05"},   {"mulai", "14:00"},
                          {"selesai", "16:00"},    {"durasi", "20"},         {"jeda", "0"},
                          {"istirahat_mulai", ""}, {"istirahat_selesai", ""}};

FormFields with_field(FormFields fields, const std::string& name, const std::string& value) {
  for (auto& [n, v] : fields)
    if (n == name) v = value;
  return fields;
}

// Minutes of the local day in WIT (UTC+9).
std::int64_t wit_minutes(std::int64_t utc) { return ((utc + 9 * 3600) % 86400) / 60; }

class PresentationsTest : public EngineTest {};

TEST_P(PresentationsTest, TimetableMovesNoticesAndInterviews) {
  PresentationPath p(GetParam());
  EXPECT_EQ(p.organiser.get(p.url("/presentasi")).status, 409) << "no finalists published yet";
  p.publish_finalists();

  // Two more panelists; the second declares a tie with Jayapura on /penilai/konflik.
  Client dua = p.server.signed_in("panel.dua", p.server.add_user("panel.dua", Role::panelist));
  Client tiga = p.server.signed_in("panel.tiga", p.server.add_user("panel.tiga", Role::panelist));
  auto jayapura_id = p.server.agency_id(kJayapura);
  dua.get("/penilai/konflik");
  ASSERT_EQ(dua.post("/penilai/konflik", {{"agency", std::to_string(jayapura_id)},
                                          {"kind", "advisory"},
                                          {"ended_on", ""},
                                          {"note", "Pendamping inovasi 2026"}})
                .status,
            303);

  // The page: defaults from the presentation stage (Friday 2, Monday 5, Tuesday 6 July).
  auto page = p.organiser.get(p.url("/presentasi"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Jumat, 2 Juli 2027") && page.contains("Selasa, 6 Juli 2027"));
  EXPECT_FALSE(page.contains("Sabtu, 3 Juli 2027"));
  EXPECT_EQ(p.panelist.get(p.url("/presentasi")).status, 200) << "panelists may read it";
  EXPECT_EQ(p.panelist.post(p.url("/presentasi"), kGrid).status, 403);

  // The grid: bad input is named and changes nothing.
  auto bad = p.organiser.post(p.url("/presentasi"), with_field(kGrid, "selesai", "13:00"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(bad.contains("Jam selesai harus setelah jam mulai."));
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), with_field(kGrid, "mulai", "pagi")).status, 422);
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), with_field(kGrid, "hari", "5 Juli")).status,
            422);
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), with_field(kGrid, "durasi", "0")).status, 422);
  EXPECT_EQ(
      p.organiser.post(p.url("/presentasi"), with_field(kGrid, "istirahat_mulai", "12:00")).status,
      422)
      << "a lunch break needs its end";
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM presentation_settings"), 0);
  EXPECT_EQ(p.audits("presentation.grid"), 0);
  // One hour at the end of a WIB afternoon: 17.00–18.00 in Jayapura.
  auto late = with_field(with_field(kGrid, "mulai", "15:00"), "selesai", "16:00");
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), late).status, 303);

  // Building needs panels; then the panels, one select per panelist.
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 409);
  auto satu_id = p.user_id("panel.satu"), dua_id = p.user_id("panel.dua"),
       tiga_id = p.user_id("panel.tiga");
  auto panels = [&](const std::string& satu, const std::string& dua_panel,
                    const std::string& tiga_panel) {
    return FormFields{{"aksi", "panel"},
                      {"panel." + std::to_string(satu_id), satu},
                      {"panel." + std::to_string(dua_id), dua_panel},
                      {"panel." + std::to_string(tiga_id), tiga_panel}};
  };
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), panels("1", "1", "9")).status, 422)
      << "three panelists make at most three panels";
  EXPECT_EQ(p.organiser
                .post(p.url("/presentasi"),
                      {{"aksi", "panel"}, {"panel." + std::to_string(p.user_id("kemenpan")), "1"}})
                .status,
            422)
      << "an organiser is no panelist";
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM panel_members"), 0);
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), panels("1", "1", "2")).status, 303);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM panel_members WHERE edition_id = $1", {p.edition}),
            3);

  // Jayapura cannot be seen between 15.00 and 16.00 WIB: it is named, with why.
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_EQ(p.slot_panel(1), 0) << "no slot for Jayapura";
  page = p.organiser.get(p.url("/presentasi"));
  EXPECT_TRUE(page.contains("Finalis tanpa jadwal"));
  EXPECT_TRUE(page.contains("tidak ada sesi di jam kerjanya (08.00–17.00 WIT)")) << page.body;

  // Two hours from 14.00 WIB: every finalist booked, Jayapura by 17.00 WIT, never before panel.dua;
  // Jayapura's local admin is told.
  Client jayapura_admin = p.server.signed_in(
      "admin.jayapura", p.server.add_user("admin.jayapura", Role::local_admin, jayapura_id));
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), kGrid).status, 303);
  EXPECT_TRUE(p.organiser.get(p.url("/presentasi")).contains("Susun jadwal lagi"))
      << "the grid changed after the timetable";
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_EQ(
      p.server.count("SELECT COUNT(*) FROM presentation_slots WHERE edition_id = $1", {p.edition}),
      4);
  EXPECT_EQ(p.slot_panel(1), 2) << "panel 1 has panel.dua, who declared a tie with Jayapura";
  EXPECT_LE(wit_minutes(p.slot_end(1)), 17 * 60);
  EXPECT_GE(wit_minutes(p.slot_start(1)), 8 * 60);
  page = p.organiser.get(p.url("/presentasi"));
  EXPECT_TRUE(page.contains("Senin, 5 Juli 2027"));
  EXPECT_TRUE(page.contains("WIT")) << "Jayapura's own time beside the edition's";
  EXPECT_FALSE(page.contains("Finalis tanpa jadwal"));

  // A manual move: a reason is required; a taken seat or a conflicted panel is refused.
  std::string move_url = p.url("/presentasi/" + std::to_string(p.proposals[0]));
  auto move_page = p.organiser.get(move_url);
  ASSERT_EQ(move_page.status, 200);
  const std::int64_t last = competitions::instant_of({2027, 7, 5}, 15 * 60 + 40, view::Zone::wib);
  const std::string free_seat = "2@" + std::to_string(last);
  EXPECT_TRUE(move_page.contains("value=\"" + free_seat + "\"")) << "15.40 on panel 2 is free";
  auto before_move = p.slot_start(0);
  EXPECT_EQ(p.organiser.post(move_url, {{"ke", free_seat}, {"alasan", ""}}).status, 422);
  EXPECT_EQ(p.slot_start(0), before_move);
  std::string taken = std::to_string(p.slot_panel(1)) + "@" + std::to_string(p.slot_start(1));
  EXPECT_EQ(p.organiser.post(move_url, {{"ke", taken}, {"alasan", "Bentrok rapat"}}).status, 422);
  std::string jayapura_move = p.url("/presentasi/" + std::to_string(p.proposals[1]));
  auto conflicted =
      p.organiser.post(jayapura_move, {{"ke", "1@" + std::to_string(last)}, {"alasan", "Coba"}});
  EXPECT_EQ(conflicted.status, 422);
  EXPECT_TRUE(conflicted.contains("berkonflik kepentingan"));
  EXPECT_EQ(p.panelist.post(move_url, {{"ke", free_seat}, {"alasan", "Bentrok rapat"}}).status,
            403);
  ASSERT_EQ(
      p.organiser.post(move_url, {{"ke", free_seat}, {"alasan", "Bupati hadir sore hari"}}).status,
      303);
  EXPECT_EQ(p.slot_start(0), last);
  EXPECT_EQ(p.slot_panel(0), 2);
  EXPECT_EQ(p.audits("presentation.move"), 1);
  // The next run keeps the move.
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_EQ(p.slot_start(0), last);
  EXPECT_EQ(p.server.count("SELECT COUNT(*) FROM presentation_slots WHERE method = 'manual'"), 1);
  EXPECT_TRUE(p.organiser.get(p.url("/presentasi")).contains("Bupati hadir sore hari"));

  // Each agency's local admin sees its own slot in its own zone, and is told of a move.
  auto told = [&](const std::string& username) {
    return p.server.count(
        "SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id "
        "WHERE u.username = $1 AND n.message_key = 'presentation.notice.slot'",
        {username});
  };
  EXPECT_EQ(told("admin.jayapura"), 1) << "set once, kept since";
  auto mine = jayapura_admin.get(p.url("/jadwal"));
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(mine.contains("Inovasi finalis 2") && mine.contains("WIT"));
  EXPECT_FALSE(mine.contains("Inovasi finalis 1")) << "another agency's finalist";
  Client tarakan_admin = p.server.signed_in(
      "admin.tarakan",
      p.server.add_user("admin.tarakan", Role::local_admin, p.server.agency_id(kTarakan)));
  ASSERT_EQ(
      p.organiser.post(move_url, {{"ke", "1@" + std::to_string(last)}, {"alasan", "Panel 2 penuh"}})
          .status,
      303);
  EXPECT_EQ(told("admin.tarakan"), 1);
  EXPECT_TRUE(tarakan_admin.get("/kotak-masuk").contains("5 Juli 2027 pukul 16.40 WITA"))
      << "15.40 WIB in Tarakan's zone";
  Client evaluator = std::move(p.evaluators.begin()->second);
  EXPECT_EQ(evaluator.get(p.url("/jadwal")).status, 403);
  EXPECT_EQ(evaluator.get(p.url("/presentasi")).status, 403);

  // The panel's interview sheets: panel 2 (panel.tiga) interviews Jayapura.
  auto own_panel = tiga.get(p.url("/jadwal"));
  ASSERT_EQ(own_panel.status, 200);
  std::string sheet = p.url("/wawancara/" + std::to_string(p.proposals[1]));
  EXPECT_TRUE(own_panel.contains("href=\"" + sheet + "\""));
  EXPECT_EQ(p.panelist.get(sheet).status, 403) << "panel.satu sits on panel 1";
  EXPECT_EQ(p.organiser.get(sheet).status, 403) << "the organiser is no panelist";
  ASSERT_EQ(tiga.get(sheet).status, 200);
  auto incomplete =
      tiga.post(sheet, {{"aksi", "kirim"}, {"nilai.presentasi", "10"}, {"komentar", "Jelas."}});
  EXPECT_EQ(incomplete.status, 422);
  ASSERT_EQ(tiga.post(sheet, {{"aksi", "simpan"}, {"nilai.presentasi", "10"}}).status, 303);
  FormFields complete{{"aksi", "kirim"},
                      {"nilai.presentasi", "10"},
                      {"nilai.substansi", "7"},
                      {"komentar", "Jelas dan berdampak."}};
  // "Periksa lalu kirim" saves the draft and shows it with the one button that sends it.
  FormFields to_check = complete;
  to_check.front().second = "periksa";
  auto review = tiga.post(sheet, to_check);
  EXPECT_EQ(review.status, 200) << review.header("location");
  EXPECT_TRUE(review.contains("Periksa nilai wawancara sebelum dikirim"));
  EXPECT_TRUE(review.contains("name=\"nilai.substansi\" value=\"7\""));
  EXPECT_EQ(p.audits("interview.submit"), 0);
  ASSERT_EQ(tiga.post(sheet, complete).status, 303);
  EXPECT_EQ(tiga.post(sheet, complete).status, 409) << "submitted once";
  EXPECT_EQ(p.audits("interview.save"), 2);
  EXPECT_EQ(p.audits("interview.submit"), 1);

  // The decisions page: 30 × 1 + 70 × 6/9 = 76.7 for Jayapura, "–" for the others.
  auto decisions = p.panelist.get(p.url("/keputusan"));
  ASSERT_EQ(decisions.status, 200);
  EXPECT_TRUE(decisions.contains("Nilai wawancara") && decisions.contains("76,7"));
  EXPECT_TRUE(decisions.has_cells("<td>–</td>"));

  // panel.dua, tied to Jayapura, seated on Jayapura's panel after the timetable: still refused.
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), panels("1", "2", "2")).status, 303);
  auto tied_sheet = dua.get(sheet);
  EXPECT_EQ(tied_sheet.status, 403);
  EXPECT_TRUE(tied_sheet.contains("konflik kepentingan"));

  // After the results nothing changes.
  p.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE finals SET results_published_at = $2 WHERE edition_id = $1",
               {p.edition, now_seconds()});
  });
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), kGrid).status, 409);
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 409);
  std::string bandung_sheet = p.url("/wawancara/" + std::to_string(p.proposals[2]));
  Client& bandung_panelist = p.slot_panel(2) == 2 ? tiga : p.panelist;
  EXPECT_EQ(bandung_panelist.post(bandung_sheet, complete).status, 409);
  for (const char* action :
       {"presentation.grid", "presentation.panels", "presentation.schedule", "presentation.move"})
    EXPECT_GT(p.audits(action), 0) << action;
}

TEST_P(PresentationsTest, OnlyThePanelAndTheFinalistsAgenciesSeeTheTimetable) {
  PresentationPath p(GetParam());
  p.publish_finalists();
  auto bandung = p.server.agency_id(kBandung);
  auto unit = p.server.add_unit(bandung, "Dinas Kesehatan");
  Client operator_client =
      p.server.signed_in("operator.bandung",
                         p.server.add_user("operator.bandung", Role::unit_operator, bandung, unit));
  Client hub = p.server.signed_in(
      "hub.kaltara",
      p.server.add_user("hub.kaltara", Role::hub_coordinator, p.server.agency_id(kKaltara)));
  EXPECT_EQ(operator_client.get(p.url("/presentasi")).status, 403);
  EXPECT_EQ(hub.get(p.url("/presentasi")).status, 403);
  EXPECT_EQ(hub.get(p.url("/jadwal")).status, 403);
  auto anonymous = p.public_visitor.get(p.url("/jadwal"));
  EXPECT_TRUE(anonymous.status == 303 || anonymous.status == 401) << anonymous.status;
  auto unbooked = operator_client.get(p.url("/jadwal"));
  ASSERT_EQ(unbooked.status, 200);
  EXPECT_TRUE(unbooked.contains("Inovasi finalis 3") && unbooked.contains("Belum dijadwalkan"));
  EXPECT_EQ(p.panelist.get(p.url("/jadwal")).status, 200);
  EXPECT_TRUE(p.panelist.get(p.url("/jadwal")).contains("belum ditempatkan di panel"));
  EXPECT_EQ(p.panelist.get(p.url("/wawancara/" + std::to_string(p.proposals[0]))).status, 403)
      << "not booked with the panelist's panel";
  EXPECT_EQ(p.organiser.get("/kompetisi/999999/presentasi").status, 404);
  EXPECT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "hapus-semua"}}).status, 400);
  EXPECT_TRUE(p.organiser.get(p.url("")).contains("href=\"" + p.url("/presentasi") + "\""))
      << "the edition's page links it";
}

// A rebuild that leaves a finalist without a slot tells its agency, which would otherwise wait for
// the slot it was first given.
TEST_P(PresentationsTest, AFinalistThatLosesItsSlotIsTold) {
  PresentationPath p(GetParam());
  p.publish_finalists();
  Client admin = p.server.signed_in(
      "admin.jayapura",
      p.server.add_user("admin.jayapura", Role::local_admin, p.server.agency_id(kJayapura)));
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), kGrid).status, 303);
  ASSERT_EQ(
      p.organiser
          .post(p.url("/presentasi"),
                {{"aksi", "panel"}, {"panel." + std::to_string(p.user_id("panel.satu")), "1"}})
          .status,
      303);
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 303);
  ASSERT_NE(p.slot_panel(1), 0) << "Jayapura has a slot from 14.00 WIB";
  auto told = [&](const std::string& key) {
    return p.server.count(
        "SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id "
        "WHERE u.username = 'admin.jayapura' AND n.message_key = $1",
        {key});
  };
  EXPECT_EQ(told("presentation.notice.slot"), 1);
  // From 15.20 WIB only: 17.20 WIT and later is past Jayapura's working day.
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), with_field(kGrid, "mulai", "15:20")).status,
            303);
  ASSERT_EQ(p.organiser.post(p.url("/presentasi"), {{"aksi", "susun"}}).status, 303);
  EXPECT_EQ(p.slot_panel(1), 0);
  EXPECT_EQ(told("presentation.notice.unscheduled"), 1);
  EXPECT_TRUE(admin.get("/kotak-masuk").contains("dibatalkan"));
}

SIMPUL_ENGINE_SUITE(PresentationsTest);

}  // namespace
}  // namespace simpul::test
