// Proposals over HTTP, on every engine: the whole path from an edition's set-up through drafting,
// the agency's review, submission, screening and the announcement; every eligibility rule; the
// deadline by the server's clock; refusals by role, agency and state that change nothing; and two
// admins submitting at once.
#include <thread>

#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "support/competition_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

constexpr const char* kProposalPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
constexpr std::int64_t kYear = 365 * kDay;

std::string words(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += (i ? " " : "") + std::string("kata");
  return text;
}

// The date some whole years and days ago, YYYY-MM-DD.
std::string date_ago(std::int64_t seconds) {
  return competitions::iso_date(competitions::local_date(now_seconds() - seconds, view::Zone::wib));
}

std::int64_t proposal_from(const HttpResponse& response) {
  static const std::regex location(R"(^/usulan/(\d+))");
  std::smatch match;
  std::string target = response.header("location");
  EXPECT_TRUE(std::regex_search(target, match, location))
      << response.status << " " << response.body.substr(0, 3000);
  return match.size() > 1 ? std::stoll(match[1]) : 0;
}

struct Proposals {
  explicit Proposals(const std::string& engine)
      : server(engine),
        tarakan(server.agency_id(kTarakan)),
        kaltara(server.agency_id(kKaltara)),
        health(server.add_unit(tarakan, "Dinas Kesehatan")),
        roads(server.add_unit(tarakan, "Dinas Pekerjaan Umum")),
        kaltara_unit(server.add_unit(kaltara, "Biro Organisasi")),
        organiser(sign_in("kemenpan", Role::organiser)),
        operator_(sign_in("opkesehatan", Role::unit_operator, tarakan, health)),
        roads_operator(sign_in("oppu", Role::unit_operator, tarakan, roads)),
        admin(sign_in("admintarakan", Role::local_admin, tarakan)),
        second_admin(sign_in("admintarakan2", Role::local_admin, tarakan)),
        other_admin(sign_in("adminkaltara", Role::local_admin, kaltara)),
        evaluator(sign_in("penilai", Role::evaluator)),
        visitor(server.client()) {}

  Client sign_in(const std::string& username, Role role, std::optional<std::int64_t> agency = {},
                 std::optional<std::int64_t> unit = {}) {
    return server.signed_in(username, server.add_user(username, role, agency, unit));
  }

  // A published innovation of the unit, implemented `age` seconds ago.
  std::int64_t innovation(std::int64_t unit, const std::string& name, std::int64_t age,
                          const std::string& award_tier = "") {
    return server.app().db().write([&](db::Transaction& tx) {
      innovations::NewEntry entry;
      entry.where = *innovations::placement_of_unit(tx, unit);
      entry.fields.name = name;
      entry.fields.implementation_date = date_ago(age);
      entry.fields.stage = "penerapan";
      entry.publish = true;
      auto id = innovations::insert_new(tx, {std::nullopt, "test", "", ""}, entry, now_seconds());
      if (!award_tier.empty()) {
        innovations::insert_award(tx, id, {2021, award_tier, "Top 45 KIPP 2021", "uji"},
                                  now_seconds());
      }
      return id;
    });
  }

  // A national edition open now: KIPP 2021's groups (Umum 2 years and at most `umum_cap`,
  // Replikasi 1 year naming its source), two categories, clusters provinsi/kabupaten/kota, one
  // section of at most 50 words, the decree and a video of at most 3 minutes.
  std::int64_t edition(int year, const std::string& umum_cap = "10") {
    return edition_by(organiser, year, umum_cap);
  }
  // The same set-up run by whoever `runner` is: the organiser (national), a local admin (its
  // agency's internal selection).
  std::int64_t edition_by(Client& runner, int year, const std::string& umum_cap = "10") {
    auto id = create_edition(runner, general(year, "KIPP " + std::to_string(year)));
    EXPECT_EQ(save_part(runner, id, "tahapan",
                        {{"stage_registration_starts", days_from_now(-1, "08:00")},
                         {"stage_registration_ends", days_from_now(30, "23:59")}})
                  .status,
              303);
    FormFields groups = kGroups;
    for (auto& [name, value] : groups)
      if (name == "group_umum_max_per_agency") value = umum_cap;
    EXPECT_EQ(save_part(runner, id, "kelompok", groups).status, 303);
    EXPECT_EQ(save_part(runner, id, "kategori", kCategories).status, 303);
    EXPECT_EQ(save_part(runner, id, "formulir",
                        {{"section_1_code", "ringkasan"},
                         {"section_1_title", "Ringkasan"},
                         {"section_1_guidance", "Gambaran singkat."},
                         {"section_1_max_words", "50"}})
                  .status,
              303);
    EXPECT_EQ(save_part(runner, id, "lampiran",
                        {{"attachment_1_code", "sk"},
                         {"attachment_1_title", "SK inovator"},
                         {"attachment_1_kind", "file"},
                         {"attachment_1_required", "1"},
                         {"attachment_1_max_video_seconds", ""},
                         {"attachment_2_code", "video"},
                         {"attachment_2_title", "Video"},
                         {"attachment_2_kind", "video"},
                         {"attachment_2_required", "1"},
                         {"attachment_2_max_video_seconds", "180"}})
                  .status,
              303);
    EXPECT_EQ(save_part(runner, id, "rubrik", rubric("rubric", kCriteria)).status, 303);
    EXPECT_EQ(edition_action(runner, id, "terbitkan").status, 303);
    return id;
  }

  HttpResponse start(Client& client, std::int64_t edition_id, std::int64_t innovation_id,
                     const std::string& group = "umum", const std::string& source = "") {
    std::string url = "/kompetisi/" + std::to_string(edition_id) + "/usulan/baru";
    client.get(url);
    return client.post(url, {{"inovasi", std::to_string(innovation_id)},
                             {"kelompok", group},
                             {"kategori", "efektivitas"},
                             {"sumber", source}});
  }
  std::string url(std::int64_t id, const std::string& rest = "") {
    return "/usulan/" + std::to_string(id) + rest;
  }
  // Posts from the proposal's page, with the version it shows.
  HttpResponse act(Client& client, std::int64_t id, const std::string& action,
                   FormFields fields = {}) {
    auto page = client.get(url(id));
    fields.emplace_back("version", version_on(page));
    return client.post(url(id, action.empty() ? "" : "/" + action), fields);
  }
  // The proposal form with a file chosen for one requirement, as a browser sends it, with what
  // else was typed.
  HttpResponse upload(Client& client, std::int64_t id, const std::string& name,
                      const std::string& bytes, const std::string& code = "sk",
                      FormFields typed = {}) {
    const std::string boundary = "----SimpulUsulan7c1d";
    auto part = [&](const std::string& field, const std::string& value) {
      return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field +
             "\"\r\n\r\n" + value + "\r\n";
    };
    auto page = client.get(url(id));
    std::string body = part("csrf", client.csrf()) + part("version", version_on(page));
    for (const auto& [field, value] : typed) body += part(field, value);
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas." + code +
            "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
            bytes + "\r\n--" + boundary + "--\r\n";
    return client.post_raw(url(id), body, "multipart/form-data; boundary=" + boundary);
  }
  HttpResponse video(Client& client, std::int64_t id, const std::string& link,
                     const std::string& seconds) {
    return act(client, id, "", {{"video_url.video", link}, {"video_seconds.video", seconds}});
  }
  // Everything the form asks for, as the unit fills it in.
  void complete(Client& client, std::int64_t id) {
    EXPECT_EQ(act(client, id, "", {{"bagian.ringkasan", words(40)}}).status, 303);
    EXPECT_EQ(upload(client, id, "SK Wali Kota.pdf", kProposalPdf).status, 303);
    EXPECT_EQ(video(client, id, "https://www.youtube.com/watch?v=abc", "2:45").status, 303);
  }
  std::string status(std::int64_t id) {
    auto tx = server.app().db().begin_read();
    return tx.query("SELECT status FROM proposals WHERE id = $1", {id}).front().text(0);
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }
  void close_registration(std::int64_t edition_id) {
    server.app().db().write([&](db::Transaction& tx) {
      tx.execute(
          "UPDATE competition_stages SET ends_at = $2 WHERE edition_id = $1 AND code = "
          "'registration'",
          {edition_id, now_seconds() - 1});
    });
  }

  TestServer server;
  std::int64_t tarakan, kaltara, health, roads, kaltara_unit;
  Client organiser, operator_, roads_operator, admin, second_admin, other_admin, evaluator, visitor;
};

class ProposalsTest : public EngineTest {};

TEST_P(ProposalsTest, FromDraftThroughTheAgencyToScreeningAndTheAnnouncement) {
  Proposals p(GetParam());
  auto edition = p.edition(2027);
  auto innovation = p.innovation(p.health, "Sipandu Sehat Tarakan", 3 * kYear);
  auto edition_page = p.operator_.get("/kompetisi/" + std::to_string(edition));
  EXPECT_TRUE(edition_page.contains("/usulan/baru")) << "an open edition invites the unit";

  auto started = p.start(p.operator_, edition, innovation);
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 3000);
  auto id = proposal_from(started);
  auto page = p.operator_.follow(started);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Usulan dibuat"));
  EXPECT_TRUE(page.contains("Inovasi ini memenuhi syarat kelompoknya."));
  EXPECT_TRUE(page.contains("0 dari 50 kata"));

  // Not complete yet: sending is refused with what is missing, and nothing changes.
  auto early = p.act(p.operator_, id, "kirim");
  EXPECT_EQ(early.status, 422);
  EXPECT_TRUE(early.contains("Usulan belum lengkap"));
  EXPECT_TRUE(early.contains("Lampiran: SK inovator"));
  EXPECT_EQ(p.status(id), "draft");

  // An answer over the limit is saved, and counted, but blocks sending.
  ASSERT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", words(60)}}).status, 303);
  EXPECT_TRUE(p.operator_.get(p.url(id)).contains("60 dari 50 kata"));
  EXPECT_TRUE(p.operator_.get(p.url(id)).contains("Ringkasan: 60 kata, melebihi batas 50 kata"));
  // Bad attachments are refused with the reason next to them.
  auto exe = p.upload(p.operator_, id, "virus.exe", std::string("MZ\x90\x00\x03", 5) + "program");
  EXPECT_EQ(exe.status, 422);
  EXPECT_TRUE(exe.contains("Jenis berkas ini tidak diterima"));
  auto bad_url = p.video(p.operator_, id, "javascript:alert(1)", "60");
  EXPECT_EQ(bad_url.status, 422);
  EXPECT_TRUE(bad_url.contains("diawali https://"));
  auto too_long = p.video(p.operator_, id, "https://youtu.be/x1", "4:00");
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(too_long.contains("Video lebih panjang dari batas"));
  // Nothing typed is lost to a refusal: the link and the length come back as typed, with the
  // summary of errors linking to the field.
  EXPECT_TRUE(too_long.contains("value=\"https://youtu.be/x1\""));
  EXPECT_TRUE(too_long.contains("value=\"4:00\""));
  EXPECT_TRUE(too_long.contains("href=\"#video-seconds-video\""));
  // A file chosen with an answer over the section's size: neither is saved, the answer comes
  // back as typed and the page asks for the file again.
  auto typed = words(12) + " kalimat-khusus-yang-diketik";
  auto oversize = p.upload(p.operator_, id, "SK.pdf", kProposalPdf, "sk",
                           {{"bagian.ringkasan", std::string(70000, 'x')}});
  EXPECT_EQ(oversize.status, 422);
  EXPECT_TRUE(oversize.contains("pilih berkasnya lagi"));
  auto with_exe = p.upload(p.operator_, id, "virus.exe", std::string("MZ\x90\x00\x03", 5) + "x",
                           "sk", {{"bagian.ringkasan", typed}});
  EXPECT_EQ(with_exe.status, 422);
  EXPECT_TRUE(with_exe.contains(typed)) << "typed text survives a refused upload";
  EXPECT_FALSE(p.operator_.get(p.url(id)).contains(typed)) << "and nothing was saved";
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM proposal_files WHERE proposal_id = $1", {id}), 0);
  // The file and the typed answer go in together, as one version.
  ASSERT_EQ(p.upload(p.operator_, id, "SK Wali Kota.pdf", kProposalPdf, "sk",
                     {{"bagian.ringkasan", typed}})
                .status,
            303);
  auto both = p.operator_.get(p.url(id));
  EXPECT_TRUE(both.contains(typed));
  EXPECT_TRUE(both.contains("SK Wali Kota.pdf"));

  p.complete(p.operator_, id);
  // Complete but over the word limit: not sent.
  ASSERT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", words(51)}}).status, 303);
  auto over = p.act(p.operator_, id, "kirim");
  EXPECT_EQ(over.status, 422);
  EXPECT_TRUE(over.contains("Ringkasan: 51 kata, melebihi batas 50 kata"));
  EXPECT_EQ(p.status(id), "draft");
  ASSERT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", words(40)}}).status, 303);
  auto filled = p.operator_.get(p.url(id));
  EXPECT_TRUE(filled.contains("40 dari 50 kata"));
  EXPECT_TRUE(filled.contains("SK Wali Kota.pdf"));
  EXPECT_TRUE(filled.contains("2:45"));
  // The replaced file is gone; the one that replaced it downloads.
  auto file = "/berkas/" +
              std::to_string(p.count("SELECT id FROM proposal_files WHERE proposal_id = $1 AND "
                                     "attachment_code = 'sk'",
                                     {id}));
  auto download = p.operator_.get(p.url(id, file));
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kProposalPdf);
  EXPECT_EQ(p.visitor.get(p.url(id, file)).status, 303) << "signed-in only";

  // The unit sends it; the local admin is told; the unit can no longer change it.
  auto sent = p.act(p.operator_, id, "kirim");
  ASSERT_EQ(sent.status, 303) << sent.body.substr(sent.body.find("<main"), 3000);
  EXPECT_EQ(p.status(id), "at_admin");
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id WHERE "
                    "u.username = 'admintarakan' AND n.message_key = 'proposal.notice.sent'"),
            1);
  EXPECT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", "ubah"}}).status, 409);

  // The admin returns it: notes are required; then the unit fixes and sends it again.
  auto no_notes = p.act(p.admin, id, "kembalikan", {{"catatan", "  "}});
  EXPECT_EQ(no_notes.status, 422);
  EXPECT_TRUE(no_notes.contains("Tulis catatan untuk unit"));
  ASSERT_EQ(p.act(p.admin, id, "kembalikan", {{"catatan", "Perjelas dampaknya."}}).status, 303);
  EXPECT_EQ(p.status(id), "returned");
  EXPECT_TRUE(p.operator_.get(p.url(id)).contains("Perjelas dampaknya."));
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM notices WHERE message_key = 'proposal.notice.returned'"),
            1);
  ASSERT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", words(45)}}).status, 303);
  ASSERT_EQ(p.act(p.operator_, id, "kirim").status, 303);

  // The three counts, as SINOVIK shows them, for the admin and the organiser.
  auto second = p.innovation(p.roads, "Jalan Mulus Tarakan", 4 * kYear);
  ASSERT_EQ(p.start(p.roads_operator, edition, second).status, 303);
  auto admin_list = p.admin.get("/kompetisi/" + std::to_string(edition) + "/usulan");
  ASSERT_EQ(admin_list.status, 200);
  EXPECT_TRUE(admin_list.contains("<strong>1</strong> di unit"));
  EXPECT_TRUE(admin_list.contains("<strong>1</strong> di admin instansi"));
  EXPECT_TRUE(admin_list.contains("<strong>0</strong> diajukan ke penyelenggara"));
  auto unit_list = p.operator_.get("/kompetisi/" + std::to_string(edition) + "/usulan");
  EXPECT_TRUE(unit_list.contains("Sipandu Sehat Tarakan"));
  EXPECT_FALSE(unit_list.contains("Jalan Mulus Tarakan")) << "a unit sees its own proposals";
  EXPECT_EQ(p.organiser.get(p.url(id)).status, 403) << "the organiser sees submitted ones only";

  // The admin submits; an older version of the page is refused.
  auto stale_version = version_on(p.admin.get(p.url(id)));
  ASSERT_EQ(p.act(p.admin, id, "ajukan").status, 303);
  EXPECT_EQ(p.status(id), "submitted");
  auto again = p.admin.post(p.url(id, "/ajukan"), {{"version", stale_version}});
  EXPECT_EQ(again.status, 409);
  auto organiser_list = p.organiser.get("/kompetisi/" + std::to_string(edition) + "/usulan");
  EXPECT_TRUE(organiser_list.contains("Sipandu Sehat Tarakan"));
  EXPECT_FALSE(organiser_list.contains("Jalan Mulus Tarakan")) << "drafts stay with the agency";
  EXPECT_TRUE(organiser_list.contains("<strong>1</strong> diajukan ke penyelenggara"));
  EXPECT_TRUE(organiser_list.contains("Jumlah: <strong>1</strong>"));
  auto past_the_end =
      p.organiser.get("/kompetisi/" + std::to_string(edition) + "/usulan?halaman=9");
  EXPECT_TRUE(past_the_end.contains("Jumlah: <strong>1</strong>")) << "counted past the last page";
  EXPECT_TRUE(p.organiser.get("/kompetisi/" + std::to_string(edition) + "/usulan?q=sipandu")
                  .contains("Sipandu Sehat Tarakan"));
  EXPECT_TRUE(p.organiser.get("/kompetisi/" + std::to_string(edition) + "/usulan?q=tarakan")
                  .contains("Sipandu Sehat Tarakan"));
  EXPECT_FALSE(p.organiser.get("/kompetisi/" + std::to_string(edition) + "/usulan?q=bandung")
                   .contains("Sipandu Sehat Tarakan"));
  EXPECT_EQ(p.organiser.get(p.url(id)).status, 200);

  // The dashboard counts them: both started today, one submitted, from Kalimantan Utara.
  std::string dashboard = "/kompetisi/" + std::to_string(edition) + "/dasbor";
  auto counts = p.organiser.get(dashboard);
  ASSERT_EQ(counts.status, 200);
  EXPECT_TRUE(counts.contains("Menurut provinsi"));
  EXPECT_TRUE(counts.contains("Kalimantan Utara"));
  EXPECT_TRUE(counts.contains("Efektivitas Institusi Publik untuk Mencapai TPB/SDGs"));
  EXPECT_EQ(p.admin.get(dashboard).status, 403) << "for whoever runs the edition";
  EXPECT_EQ(p.visitor.get(dashboard).status, 303);
  // The second one is submitted by the admin straight from its draft, after completion.
  auto second_id = *p.server.app().db().read([&](db::Transaction& tx) {
    return std::optional<std::int64_t>(
        tx.scalar("SELECT id FROM proposals WHERE innovation_id = $1", {second}));
  });
  p.complete(p.admin, second_id);
  ASSERT_EQ(p.act(p.admin, second_id, "ajukan").status, 303);

  // Screening: a failure needs a reason; decisions go by the version the organiser saw.
  std::string list_url = "/kompetisi/" + std::to_string(edition) + "/usulan";
  std::string screen_url = "/kompetisi/" + std::to_string(edition) + "/seleksi";
  auto choice = [&](std::int64_t pid) {
    return std::to_string(pid) + ":" +
           std::to_string(p.count("SELECT version FROM proposals WHERE id = $1", {pid}));
  };
  p.organiser.get(list_url);
  auto no_reason =
      p.organiser.post(screen_url, {{"pilih", choice(second_id)}, {"keputusan", "tidak"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(no_reason.contains("Pilih alasan tidak lolos."));
  EXPECT_EQ(p.status(second_id), "submitted");
  EXPECT_EQ(p.admin.post(screen_url, {{"pilih", choice(id)}, {"keputusan", "lulus"}}).status, 403);
  auto passed = p.organiser.post(screen_url, {{"pilih", choice(id)}, {"keputusan", "lulus"}});
  EXPECT_EQ(passed.status, 303) << passed.body.substr(0, 2000);
  EXPECT_EQ(p.status(id), "passed");

  // The announcement waits for every submitted proposal to be screened.
  std::string announcement = "/kompetisi/" + std::to_string(edition) + "/pengumuman";
  EXPECT_EQ(p.visitor.get(announcement).status, 404) << "not public before it is published";
  auto early_announcement = p.organiser.post(announcement, {{"catatan", ""}});
  EXPECT_EQ(early_announcement.status, 409);
  EXPECT_TRUE(early_announcement.contains("Masih ada 1 usulan yang belum diseleksi."));
  ASSERT_EQ(p.organiser
                .post(screen_url, {{"pilih", choice(second_id)},
                                   {"keputusan", "tidak"},
                                   {"alasan", "careless"},
                                   {"catatan", "Jawaban tidak sesuai pertanyaan."}})
                .status,
            303);
  EXPECT_FALSE(p.admin.get(p.url(second_id)).contains("Jawaban tidak sesuai pertanyaan."))
      << "the agency learns its results from the announcement";
  ASSERT_EQ(p.organiser.post(announcement, {{"catatan", "Selamat kepada yang lolos."}}).status,
            303);
  auto public_page = p.visitor.get(announcement);
  ASSERT_EQ(public_page.status, 200);
  EXPECT_TRUE(public_page.contains("Sipandu Sehat Tarakan"));
  EXPECT_FALSE(public_page.contains("Jalan Mulus Tarakan"));
  EXPECT_TRUE(public_page.contains("Selamat kepada yang lolos."));
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM notices n JOIN users u ON u.id = n.user_id WHERE "
                    "n.message_key = 'proposal.notice.announced' AND u.agency_id = $1",
                    {p.tarakan}),
            2)
      << "each local admin of the agency is told";
  EXPECT_TRUE(p.admin.get(p.url(second_id)).contains("Jawaban tidak sesuai pertanyaan."));
  auto after = p.organiser.post(screen_url, {{"pilih", choice(second_id)}, {"keputusan", "lulus"}});
  EXPECT_EQ(after.status, 409);
  EXPECT_EQ(p.status(second_id), "failed");

  for (const char* action :
       {"proposal.create", "proposal.save", "proposal.attach", "proposal.send", "proposal.return",
        "proposal.submit", "proposal.screen", "proposal.announce"}) {
    EXPECT_GT(p.count("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action}), 0)
        << action;
  }
}

TEST_P(ProposalsTest, EveryEligibilityRuleIsExplainedBeforeSubmission) {
  Proposals p(GetParam());
  auto edition = p.edition(2027, "1");
  // Too young for Umum (2 years): the reason names the rule.
  auto young = p.innovation(p.health, "Inovasi Muda", kYear);
  auto refused = p.start(p.operator_, edition, young);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("Inovasi ini belum dapat masuk kelompok itu"));
  EXPECT_TRUE(refused.contains("2 tahun")) << refused.body.substr(0, 4000);
  // Khusus is not offered by this edition.
  auto old = p.innovation(p.health, "Inovasi Lama", 5 * kYear);
  EXPECT_EQ(p.start(p.operator_, edition, old, "khusus").status, 422);
  // Replikasi must name the top innovation it adapts; a named one that won enters.
  EXPECT_EQ(p.start(p.operator_, edition, young, "replikasi").status, 422);
  auto winner = p.innovation(p.kaltara_unit, "Inovasi Teladan Kaltara", 6 * kYear, "top_inovasi");
  auto replica = p.start(p.operator_, edition, young, "replikasi",
                         "https://simpul.example/inovasi/" + std::to_string(winner));
  EXPECT_EQ(replica.status, 303) << replica.body.substr(0, 3000);
  // An earlier top winner is not for Umum.
  auto refused_winner = p.start(p.other_admin, edition, winner);
  EXPECT_EQ(refused_winner.status, 422);
  // No duplicate titles in an edition: "SIPANDU online!" is "Sipandu Online".
  auto first = p.innovation(p.health, "Sipandu Online", 3 * kYear);
  auto twin = p.innovation(p.kaltara_unit, "SIPANDU  online!", 3 * kYear);
  ASSERT_EQ(p.start(p.operator_, edition, first).status, 303);
  auto duplicate = p.start(p.other_admin, edition, twin);
  EXPECT_EQ(duplicate.status, 422);
  EXPECT_TRUE(duplicate.contains("Judul ini sudah dipakai")) << duplicate.body.substr(0, 4000);
  // A cluster the edition does not admit (a ministry).
  std::int64_t ministry = p.server.app().db().write([&](db::Transaction& tx) {
    return tx.scalar(
        "INSERT INTO agencies (name, type, timezone, created_at) VALUES ('Kementerian Uji', "
        "'kementerian', 'WIB', 0) RETURNING id");
  });
  auto ministry_unit = p.server.add_unit(ministry, "Biro Umum");
  auto ministry_admin = p.sign_in("adminkementerian", Role::local_admin, ministry);
  auto ministry_innovation = p.innovation(ministry_unit, "Layanan Kementerian", 3 * kYear);
  auto cluster = p.start(ministry_admin, edition, ministry_innovation);
  EXPECT_EQ(cluster.status, 422);
  EXPECT_TRUE(cluster.contains("Kementerian")) << cluster.body.substr(0, 4000);

  // The cap (1 Umum per agency here) is checked at submission and explained on the page.
  auto second = p.innovation(p.roads, "Jalan Mulus Tarakan", 3 * kYear);
  ASSERT_EQ(p.start(p.roads_operator, edition, second).status, 303);
  auto first_id = p.count("SELECT id FROM proposals WHERE innovation_id = $1", {first});
  auto second_id = p.count("SELECT id FROM proposals WHERE innovation_id = $1", {second});
  p.complete(p.admin, first_id);
  p.complete(p.admin, second_id);
  ASSERT_EQ(p.act(p.admin, first_id, "ajukan").status, 303);
  auto capped = p.act(p.admin, second_id, "ajukan");
  EXPECT_EQ(capped.status, 422);
  EXPECT_TRUE(capped.contains("batasnya 1 proposal")) << capped.body.substr(0, 5000);
  EXPECT_EQ(p.status(second_id), "draft");
  EXPECT_TRUE(p.admin.get(p.url(second_id)).contains("batasnya 1 proposal"));
  // Withdrawing the first frees the place.
  ASSERT_EQ(p.act(p.admin, first_id, "tarik", {{"yakin", "1"}}).status, 303);
  EXPECT_EQ(p.status(first_id), "withdrawn");
  EXPECT_EQ(p.act(p.admin, second_id, "ajukan").status, 303);
}

TEST_P(ProposalsTest, AfterTheCloseNothingIsSubmittedOrChanged) {
  Proposals p(GetParam());
  auto edition = p.edition(2027);
  auto first = p.innovation(p.health, "Sipandu Sehat", 3 * kYear);
  auto second = p.innovation(p.health, "Klinik Keliling", 3 * kYear);
  auto id = proposal_from(p.start(p.operator_, edition, first));
  p.complete(p.operator_, id);
  auto submitted = proposal_from(p.start(p.admin, edition, second));
  p.complete(p.admin, submitted);
  ASSERT_EQ(p.act(p.admin, submitted, "ajukan").status, 303);
  auto audit_before = p.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'proposal.%'");
  p.close_registration(edition);

  auto page = p.operator_.get(p.url(id));
  EXPECT_TRUE(page.contains("Pendaftaran ditutup")) << page.body.substr(0, 3000);
  EXPECT_FALSE(page.contains("Kirim ke admin instansi"));
  EXPECT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", "terlambat"}}).status, 409);
  auto late = p.act(p.operator_, id, "kirim");
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(late.contains("Pendaftaran usulan sudah ditutup"));
  EXPECT_EQ(p.act(p.admin, id, "ajukan").status, 409);
  EXPECT_EQ(p.upload(p.operator_, id, "lagi.pdf", kProposalPdf).status, 409);
  auto third = p.innovation(p.health, "Posyandu Digital", 3 * kYear);
  EXPECT_EQ(p.start(p.operator_, edition, third).status, 409);
  EXPECT_EQ(p.status(id), "draft");
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'proposal.%'"),
            audit_before);
  // Withdrawal before screening stays possible.
  EXPECT_EQ(p.act(p.admin, submitted, "tarik", {{"yakin", "1"}}).status, 303);
}

TEST_P(ProposalsTest, WrongRolesAgenciesAndInputAreRefused) {
  Proposals p(GetParam());
  auto edition = p.edition(2027);
  auto innovation = p.innovation(p.health, "Sipandu Sehat", 3 * kYear);
  auto id = proposal_from(p.start(p.operator_, edition, innovation));
  std::string list = "/kompetisi/" + std::to_string(edition) + "/usulan";
  EXPECT_EQ(p.evaluator.get(list).status, 403);
  EXPECT_EQ(p.visitor.get(list).status, 303) << "sign in first";
  EXPECT_EQ(p.other_admin.get(p.url(id)).status, 403);
  EXPECT_EQ(p.roads_operator.get(p.url(id)).status, 403) << "another unit's proposal";
  EXPECT_EQ(
      p.roads_operator.post(p.url(id), {{"version", "1"}, {"bagian.ringkasan", "bukan milik saya"}})
          .status,
      403);
  EXPECT_EQ(p.act(p.operator_, id, "ajukan").status, 403) << "only the local admin submits";
  EXPECT_EQ(p.other_admin.post(p.url(id, "/tarik"), {{"version", "1"}, {"yakin", "1"}}).status,
            403);
  // Another unit's innovation cannot be proposed by this unit.
  auto roads_innovation = p.innovation(p.roads, "Jalan Mulus", 3 * kYear);
  EXPECT_EQ(p.start(p.operator_, edition, roads_innovation).status, 403);
  // The same innovation twice.
  auto twice = p.start(p.admin, edition, innovation);
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(twice.contains("sudah diusulkan"));
  // Malformed input.
  EXPECT_EQ(p.act(p.operator_, id, "", {{"kelompok", "rahasia"}}).status, 422);
  EXPECT_EQ(p.act(p.operator_, id, "", {{"kategori", "tidak_ada"}}).status, 422);
  EXPECT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", std::string("a\x01") + "b"}}).status,
            422);
  EXPECT_EQ(p.act(p.operator_, id, "", {{"bagian.ringkasan", std::string(70000, 'x')}}).status,
            422);
  EXPECT_EQ(p.operator_.post(p.url(id), {{"version", "x"}}).status, 400);
  EXPECT_EQ(p.operator_.get("/usulan/999999").status, 404);
  EXPECT_EQ(p.operator_.get("/usulan/abc").status, 404);
  EXPECT_EQ(p.start(p.operator_, edition, 999999).status, 422);
  EXPECT_EQ(p.count("SELECT version FROM proposals WHERE id = $1", {id}), 1);
  // A category a proposal chose cannot vanish under it.
  auto removal = save_part(p.organiser, edition, "kategori",
                           {{"category_1_code", ""},
                            {"category_1_name", "Pelayanan Publik yang Inklusif dan Berkeadilan"},
                            {"clusters", "provinsi"},
                            {"clusters", "kabupaten"},
                            {"clusters", "kota"}});
  EXPECT_EQ(removal.status, 409);
  EXPECT_TRUE(removal.contains("sudah dipilih usulan")) << removal.body.substr(0, 3000);
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM competition_categories WHERE edition_id = $1", {edition}),
            2);
  // A withdrawal needs its confirmation.
  EXPECT_EQ(p.act(p.admin, id, "tarik").status, 422);
  EXPECT_EQ(p.status(id), "draft");
}

TEST_P(ProposalsTest, TwoAdminsSubmittingAtOnceCannotBothTakeTheLastPlace) {
  Proposals p(GetParam());
  auto edition = p.edition(2027, "1");
  auto first = proposal_from(p.start(p.admin, edition, p.innovation(p.health, "Satu", 3 * kYear)));
  auto second = proposal_from(p.start(p.admin, edition, p.innovation(p.roads, "Dua", 3 * kYear)));
  p.complete(p.admin, first);
  p.complete(p.admin, second);
  auto first_version = version_on(p.admin.get(p.url(first)));
  auto second_version = version_on(p.second_admin.get(p.url(second)));
  HttpResponse a, b;
  std::thread one([&] { a = p.admin.post(p.url(first, "/ajukan"), {{"version", first_version}}); });
  std::thread two([&] {
    b = p.second_admin.post(p.url(second, "/ajukan"), {{"version", second_version}});
  });
  one.join();
  two.join();
  EXPECT_EQ((a.status == 303) + (b.status == 303), 1) << a.status << " " << b.status;
  EXPECT_EQ((a.status == 422) + (b.status == 422), 1);
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM proposals WHERE status = 'submitted'"), 1);

  // The same proposal by both admins at once: one wins, the other is told it changed.
  p.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE competition_groups SET max_per_agency = 10 WHERE edition_id = $1",
               {edition});
  });
  auto third = proposal_from(p.start(p.admin, edition, p.innovation(p.health, "Tiga", 3 * kYear)));
  p.complete(p.admin, third);
  auto version = version_on(p.admin.get(p.url(third)));
  p.second_admin.get(p.url(third));
  std::thread three([&] { a = p.admin.post(p.url(third, "/ajukan"), {{"version", version}}); });
  std::thread four([&] {
    b = p.second_admin.post(p.url(third, "/ajukan"), {{"version", version}});
  });
  three.join();
  four.join();
  EXPECT_EQ((a.status == 303) + (b.status == 303), 1) << a.status << " " << b.status;
  EXPECT_EQ((a.status == 409) + (b.status == 409), 1);
  EXPECT_EQ(p.count("SELECT version FROM proposals WHERE id = $1", {third}),
            std::stoll(version) + 1);
}

TEST_P(ProposalsTest, AnAgencysInternalSelectionIsRunByItsLocalAdmin) {
  Proposals p(GetParam());
  auto edition = p.edition_by(p.admin, 2027);
  EXPECT_EQ(p.count("SELECT COUNT(*) FROM competition_editions WHERE id = $1 AND level = 'agency' "
                    "AND owner_agency_id = $2",
                    {edition, p.tarakan}),
            1);
  auto own = p.innovation(p.health, "Sipandu Sehat", 3 * kYear);
  auto id = proposal_from(p.start(p.operator_, edition, own));
  p.complete(p.operator_, id);
  ASSERT_EQ(p.act(p.operator_, id, "kirim").status, 303);
  std::string list = "/kompetisi/" + std::to_string(edition) + "/usulan";
  auto waiting = p.admin.get(list);
  EXPECT_TRUE(waiting.contains("Sipandu Sehat")) << "its own drafts and those at the admin show";
  ASSERT_EQ(p.act(p.admin, id, "ajukan").status, 303);
  auto version = p.count("SELECT version FROM proposals WHERE id = $1", {id});
  auto screened = p.admin.post(
      "/kompetisi/" + std::to_string(edition) + "/seleksi",
      {{"pilih", std::to_string(id) + ":" + std::to_string(version)}, {"keputusan", "lulus"}});
  EXPECT_EQ(screened.status, 303) << screened.body.substr(0, 2000);
  EXPECT_EQ(p.status(id), "passed");
  // Another agency may not enter an agency's internal selection.
  auto outsider = p.innovation(p.kaltara_unit, "Layanan Kaltara", 3 * kYear);
  auto refused = p.start(p.other_admin, edition, outsider);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("tidak termasuk peserta kompetisi ini"));
  EXPECT_EQ(p.other_admin.get(list).status, 200) << "its list is empty, not an error";
  EXPECT_FALSE(p.other_admin.get(list).contains("Sipandu Sehat"));
}

SIMPUL_ENGINE_SUITE(ProposalsTest);

}  // namespace
}  // namespace simpul::test
