// Replication over HTTP, on every engine: a region records its replication of another's
// innovation from the letter of interest to "sustained", with mentoring and milestones; what is
// refused (its own innovation, a duplicate, a skipped stage, dates out of order, a stale page,
// the wrong agency or role) changes nothing; the profile, the IID indicator and the network
// page agree with the database.
#include <regex>

#include "competitions/calendar.hpp"
#include "competitions/model.hpp"
#include "core/util/clock.hpp"
#include "innovations/registry.hpp"
#include "innovations/service.hpp"
#include "support/competition_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

const std::string kLetterPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n";
constexpr const char* kPadang = "Pemerintah Kota Padang";

struct EvidenceFile {
  std::string name;
  std::string bytes;
};

// A form as a browser sends it when it carries a file.
HttpResponse post_with_file(Client& client, const std::string& target, const FormFields& fields,
                            const std::optional<EvidenceFile>& file = std::nullopt) {
  const std::string boundary = "----SimpulReplikasi41f";
  auto part = [&](const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
  };
  std::string body = part("csrf", client.csrf());
  for (const auto& [name, value] : fields) body += part(name, value);
  if (file) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" +
            file->name + "\"\r\nContent-Type: application/pdf\r\n\r\n" + file->bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return client.post_raw(target, body, "multipart/form-data; boundary=" + boundary);
}

std::int64_t record_id_of(const HttpResponse& response) {
  static const std::regex record(R"(^/replikasi/(\d+)$)");
  std::smatch match;
  std::string location = response.header("location");
  EXPECT_TRUE(std::regex_search(location, match, record)) << response.status << response.body;
  return match.size() > 1 ? std::stoll(match[1]) : 0;
}

FormFields with_unit(FormFields fields, std::int64_t unit) {
  fields.emplace_back("unit", std::to_string(unit));
  return fields;
}

std::string day_offset(int days) {
  auto date = competitions::civil_from_days(
      competitions::days_from_civil(competitions::local_date(now_seconds(), view::Zone::wita)) +
      days);
  return competitions::iso_date(date);
}

// Tarakan's published innovation, replicated by Kalimantan Utara (its local admin and the
// operator of the unit that runs it); Padang's admin, an evaluator and a visitor look on.
struct World {
  explicit World(const std::string& engine)
      : server(engine),
        kaltara(server.agency_id(kKaltara)),
        tarakan(server.agency_id(kTarakan)),
        padang(server.agency_id(kPadang)),
        dinkes(server.add_unit(kaltara, "Dinas Kesehatan")),
        tarakan_unit(server.add_unit(tarakan, "Dinas Kesehatan Kota Tarakan")),
        admin(sign_in("adminkaltara", Role::local_admin, kaltara)),
        unit(sign_in("dinkes", Role::unit_operator, kaltara, dinkes)),
        source_admin(sign_in("admintarakan", Role::local_admin, tarakan)),
        padang_admin(sign_in("adminpadang", Role::local_admin, padang)),
        evaluator(sign_in("penilai", Role::evaluator)),
        visitor(server.client()),
        source(publish(tarakan_unit, "Sistem Antrean Puskesmas Daring")) {}

  Client sign_in(const std::string& username, Role role, std::optional<std::int64_t> agency = {},
                 std::optional<std::int64_t> unit_id = {}) {
    return server.signed_in(username, server.add_user(username, role, agency, unit_id));
  }
  std::int64_t publish(std::int64_t unit_id, const std::string& name) {
    return server.app().db().write([&](db::Transaction& tx) {
      innovations::NewEntry entry;
      entry.where = *innovations::placement_of_unit(tx, unit_id);
      entry.fields.name = name;
      entry.fields.form = "pelayanan_publik";
      entry.fields.affairs = {"kesehatan"};
      entry.fields.goals = "Warga tidak lagi antre sejak subuh.";
      entry.publish = true;
      return innovations::insert_new(tx, {std::nullopt, "test", "", ""}, entry, now_seconds());
    });
  }
  std::string start_url() const { return "/replikasi/baru?sumber=" + std::to_string(source); }
  HttpResponse start(Client& client, FormFields fields,
                     const std::optional<EvidenceFile>& file = EvidenceFile{"surat minat.pdf",
                                                                            kLetterPdf}) {
    client.get(start_url());
    fields.emplace_back("sumber", std::to_string(source));
    return post_with_file(client, "/replikasi/baru", fields, file);
  }
  static FormFields plan(const std::string& date) {
    return {{"tetap", "Pendaftaran daring dan nomor antrean lewat SMS."},
            {"ubah", "Ditambah loket luring di puskesmas perbatasan yang tanpa sinyal."},
            {"tanggal", date}};
  }
  std::string url(std::int64_t id, const std::string& tail = "") {
    return "/replikasi/" + std::to_string(id) + tail;
  }
  // A form of the record's page, with the version the page shows.
  HttpResponse act(Client& client, std::int64_t id, const std::string& tail, FormFields fields,
                   const std::optional<EvidenceFile>& file = std::nullopt) {
    auto page = client.get(url(id));
    fields.emplace_back("version", version_on(page));
    if (tail == "/tahap") return post_with_file(client, url(id, tail), fields, file);
    return client.post(url(id, tail), fields);
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }

  TestServer server;
  std::int64_t kaltara, tarakan, padang, dinkes, tarakan_unit;
  Client admin, unit, source_admin, padang_admin, evaluator, visitor;
  std::int64_t source;
};

class Replication : public EngineTest {};

TEST_P(Replication, FromTheLetterOfInterestToSustained) {
  World n(GetParam());
  EXPECT_TRUE(n.visitor.get("/replikasi").contains("Belum ada replikasi tercatat"));
  auto form = n.admin.get(n.start_url());
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.contains("belum tercatat meraih penghargaan KIPP"));

  // The local admin starts it for the health office, with the letter of interest.
  auto started = n.start(n.admin, with_unit(World::plan(day_offset(-60)), n.dinkes));
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 3000);
  auto id = record_id_of(started);
  auto page = n.visitor.get(n.url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Surat minat"));
  EXPECT_TRUE(page.contains("surat minat.pdf"));
  EXPECT_TRUE(page.contains("Ditambah loket luring"));
  EXPECT_FALSE(page.contains("name=\"version\"")) << "a visitor reads, without forms";
  auto letter = n.visitor.get(n.url(id, "/berkas/minat"));
  EXPECT_EQ(letter.status, 200);
  EXPECT_EQ(letter.body, kLetterPdf);
  EXPECT_EQ(letter.header("content-type"), "application/pdf");

  // The unit that runs it records the next stages, in order.
  auto before = n.act(n.unit, id, "/tahap",
                      {{"tahap", "kaji_tiru"},
                       {"tanggal", day_offset(-61)},
                       {"tautan", "https://tarakankota.go.id/laporan-kaji-tiru"}});
  EXPECT_EQ(before.status, 422);
  EXPECT_TRUE(before.contains("lebih awal dari tahap sebelumnya"));
  EXPECT_TRUE(before.contains("https://tarakankota.go.id/laporan-kaji-tiru")) << "kept as typed";
  EXPECT_TRUE(before.contains("href=\"#tahap-tanggal\""));
  auto skipped = n.act(n.unit, id, "/tahap",
                       {{"tahap", "penerapan"},
                        {"tanggal", day_offset(-50)},
                        {"tautan", "https://x.go.id/sk"},
                        {"sk", "SK 1/2026"}});
  EXPECT_EQ(skipped.status, 422);
  EXPECT_TRUE(skipped.contains("tahap replikasi dicatat berurutan"));
  EXPECT_EQ(n.act(n.unit, id, "/tahap",
                  {{"tahap", "kaji_tiru"},
                   {"tanggal", day_offset(-50)},
                   {"tautan", "https://tarakankota.go.id/laporan-kaji-tiru"}})
                .status,
            303);
  EXPECT_EQ(n.act(n.unit, id, "/tahap", {{"tahap", "komitmen"}, {"tanggal", day_offset(-40)}},
                  EvidenceFile{"komitmen bertanda tangan.pdf", kLetterPdf})
                .status,
            303);

  // Mentoring and milestones, one late.
  EXPECT_EQ(n.act(n.unit, id, "/pendampingan",
                  {{"tanggal", day_offset(-45)},
                   {"jenis", "universitas"},
                   {"pendamping", "Universitas Borneo Tarakan"},
                   {"topik", "Menyesuaikan alur antrean"},
                   {"hadir", "23"},
                   {"catatan", "Butuh server cadangan."}})
                .status,
            303);
  auto bad_session = n.act(n.unit, id, "/pendampingan",
                           {{"tanggal", day_offset(2)},
                            {"jenis", "universitas"},
                            {"pendamping", "X"},
                            {"topik", "Y"},
                            {"hadir", "dua puluh"}});
  EXPECT_EQ(bad_session.status, 422);
  EXPECT_TRUE(bad_session.contains("belum terjadi"));
  EXPECT_TRUE(bad_session.contains("value=\"dua puluh\""));
  EXPECT_EQ(n.act(n.unit, id, "/target",
                  {{"judul", "Perbup replikasi terbit"}, {"target", day_offset(-5)}})
                .status,
            303);
  EXPECT_TRUE(n.visitor.get(n.url(id)).contains("1 target terlambat"));
  EXPECT_FALSE(n.visitor.get(n.url(id)).contains("Butuh server cadangan"))
      << "a session's notes are the adopter's";
  EXPECT_TRUE(n.unit.get(n.url(id)).contains("Butuh server cadangan"));
  auto milestone = n.count("SELECT id FROM replication_milestones WHERE replication_id = $1", {id});
  EXPECT_EQ(n.act(n.unit, id, "/target/" + std::to_string(milestone), {{"selesai", day_offset(-1)}})
                .status,
            303);
  EXPECT_TRUE(n.visitor.get(n.url(id)).contains("terlambat")) << "reached after its target";

  // Implementation: the decree, and the adopter's own draft started from the source.
  auto no_decree = n.act(n.unit, id, "/tahap",
                         {{"tahap", "penerapan"},
                          {"tanggal", day_offset(-30)},
                          {"tautan", "https://kaltaraprov.go.id/sk"}});
  EXPECT_EQ(no_decree.status, 422);
  EXPECT_EQ(n.act(n.unit, id, "/tahap",
                  {{"tahap", "penerapan"},
                   {"tanggal", day_offset(-30)},
                   {"tautan", "https://kaltaraprov.go.id/sk"},
                   {"sk", "SK Gubernur 188.44/2026"}})
                .status,
            303);
  auto adopted = n.count("SELECT adopted_innovation_id FROM replications WHERE id = $1", {id});
  EXPECT_EQ(n.count("SELECT agency_id FROM innovations WHERE id = $1", {adopted}), n.kaltara);
  EXPECT_EQ(n.count("SELECT unit_id FROM innovations WHERE id = $1", {adopted}), n.dinkes);
  EXPECT_EQ(
      n.count("SELECT COUNT(*) FROM innovations WHERE id = $1 AND status = 'draft'", {adopted}), 1);
  EXPECT_TRUE(n.unit.get(n.url(id)).contains("/inovasi/" + std::to_string(adopted) + "/ubah"));
  EXPECT_EQ(n.act(n.unit, id, "/tahap",
                  {{"tahap", "evaluasi"},
                   {"tanggal", day_offset(-10)},
                   {"tautan", "https://kaltaraprov.go.id/evaluasi"}})
                .status,
            303);
  auto unexplained =
      n.act(n.unit, id, "/tahap", {{"tahap", "berlanjut"}, {"tanggal", day_offset(0)}});
  EXPECT_EQ(unexplained.status, 422);
  EXPECT_EQ(n.act(n.unit, id, "/tahap",
                  {{"tahap", "berlanjut"},
                   {"tanggal", day_offset(0)},
                   {"catatan", "Masuk APBD 2027 dan Pergub layanan kesehatan."}})
                .status,
            303);

  // Every change a version and an audit event; the refusals left none.
  // Started, two stages, a session, a milestone and its completion, three stages more: nine.
  EXPECT_EQ(n.count("SELECT version FROM replications WHERE id = $1", {id}), 9);
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM replication_versions WHERE replication_id = $1", {id}),
            9);
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'replication' AND "
                    "entity_id = $1",
                    {std::to_string(id)}),
            9);
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM replication_steps WHERE replication_id = $1", {id}), 6);

  // The source's profile: replicated by one other region, IID 1 of 3, the record linked.
  auto profile = n.visitor.get("/inovasi/" + std::to_string(n.source));
  EXPECT_TRUE(profile.contains("Direplikasi oleh 1 daerah lain"));
  EXPECT_TRUE(profile.contains("skor indikator replikasi IID 1 dari 3"));
  EXPECT_TRUE(profile.contains("href=\"" + n.url(id) + "\""));
  EXPECT_TRUE(profile.contains("Berlanjut"));
  EXPECT_TRUE(n.padang_admin.get("/inovasi/" + std::to_string(n.source))
                  .contains("Replikasi inovasi ini di instansi Anda"));
  EXPECT_FALSE(n.source_admin.get("/inovasi/" + std::to_string(n.source))
                   .contains("Replikasi inovasi ini di instansi Anda"));

  // The catalogue: the replication facet and the "most replicated" order see the record.
  auto other = n.publish(n.tarakan_unit, "Layanan Antrean Balai Kota");
  n.server.app().reload_catalogue();
  auto replicated = n.visitor.get("/katalog?replikasi=sudah");
  EXPECT_TRUE(replicated.contains("Sistem Antrean Puskesmas Daring"));
  EXPECT_FALSE(replicated.contains("Layanan Antrean Balai Kota"));
  EXPECT_TRUE(n.visitor.get("/katalog?replikasi=belum").contains("Layanan Antrean Balai Kota"));
  auto ordered = n.visitor.get("/katalog?q=antrean&urut=replikasi").body;
  EXPECT_LT(ordered.find("Sistem Antrean Puskesmas Daring"),
            ordered.find("Layanan Antrean Balai Kota"))
      << "the replicated one first, although published earlier";
  EXPECT_GT(other, 0);

  // Open data: the CSV and the API say the same as the page.
  auto csv = n.visitor.get("/replikasi/ekspor.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.contains("id,inovasi_sumber_id,inovasi_sumber,instansi_sumber"));
  EXPECT_TRUE(
      csv.contains("Sistem Antrean Puskesmas Daring,Pemerintah Kota Tarakan,"
                   "Kalimantan Utara,Pemerintah Provinsi Kalimantan Utara"));
  EXPECT_TRUE(csv.contains(",berlanjut,,"));
  EXPECT_TRUE(csv.contains("SK Gubernur 188.44/2026"));
  auto xlsx = n.visitor.get("/replikasi/ekspor.xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << "a zip, as an XLSX is";
  auto list = nlohmann::json::parse(
      n.visitor.get("/api/v1/replications?sumber=" + std::to_string(n.source)).body);
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["stage"], "berlanjut");
  EXPECT_EQ(list["items"][0]["adopter"]["province_code"], "65");
  EXPECT_EQ(list["items"][0]["started_on"], day_offset(-60));
  auto one =
      nlohmann::json::parse(n.visitor.get("/api/v1/replications/" + std::to_string(id)).body);
  EXPECT_EQ(one["steps"].size(), 6u);
  EXPECT_EQ(one["mentoring"][0]["mentor"], "Universitas Borneo Tarakan");
  EXPECT_FALSE(one["mentoring"][0].contains("notes")) << "the adopter's notes stay its own";
  EXPECT_EQ(one["steps"][0]["file"]["url"], n.url(id, "/berkas/minat"));
  EXPECT_EQ(n.visitor.get("/api/v1/replications/999999").status, 404);
  EXPECT_EQ(
      nlohmann::json::parse(n.visitor.get("/api/v1/replications?halaman=99").body)["items"].size(),
      0u);

  // The network page counts what the database holds.
  auto network = n.visitor.get("/replikasi");
  EXPECT_TRUE(network.contains("Sistem Antrean Puskesmas Daring"));
  EXPECT_TRUE(network.has_cells("<td>Kalimantan Utara</td><td>1</td><td>1</td>"));
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM replications WHERE stage <> 'berhenti'"), 1);
}

// A KIPP proposal in the Replikasi group names its source: it shows on the record of its agency
// and source, and what it wins shows on the source's profile beside the adopter.
TEST_P(Replication, AReplicationProposalAndItsAwardShowOnBothSides) {
  World n(GetParam());
  auto started = n.start(n.admin, with_unit(World::plan(day_offset(-60)), n.dinkes));
  auto id = record_id_of(started);
  Client organiser = n.sign_in("kemenpan", Role::organiser);
  auto edition = create_edition(organiser, general(2026, "KIPP 2026"));
  ASSERT_EQ(save_part(organiser, edition, "kelompok", kGroups).status, 303);
  auto adopted = n.publish(n.dinkes, "Antrean Puskesmas Kaltara");
  auto proposal = n.server.app().db().write([&](db::Transaction& tx) {
    auto proposal_id = tx.scalar(
        "INSERT INTO proposals (edition_id, innovation_id, agency_id, unit_id, province_code, "
        "cluster, group_code, title, title_key, source_innovation_id, status, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, '65', 'provinsi', 'replikasi', $5, $6, $7, "
        "'passed', 0, 0) RETURNING id",
        {edition, adopted, n.kaltara, n.dinkes, "Antrean Puskesmas Kaltara",
         competitions::title_key("Antrean Puskesmas Kaltara"), n.source});
    innovations::insert_award(tx, adopted,
                              {2026, "replikasi", "Top 5 Replikasi · KIPP 2026",
                               "/kompetisi/" + std::to_string(edition) + "/hasil"},
                              now_seconds());
    return proposal_id;
  });
  auto record = n.visitor.get(n.url(id));
  EXPECT_TRUE(record.contains("Usulan KIPP Kelompok Replikasi"));
  EXPECT_TRUE(record.contains("Antrean Puskesmas Kaltara"));
  EXPECT_TRUE(record.contains("Top 5 Replikasi · KIPP 2026"));
  EXPECT_FALSE(record.contains("/usulan/" + std::to_string(proposal))) << "the proposal is private";
  EXPECT_TRUE(n.admin.get(n.url(id)).contains("/usulan/" + std::to_string(proposal)));
  auto profile = n.visitor.get("/inovasi/" + std::to_string(n.source));
  EXPECT_TRUE(profile.contains("Pemerintah Provinsi Kalimantan Utara</a> · Surat minat · "))
      << profile.body.substr(0, 200);
  EXPECT_TRUE(profile.contains("Top 5 Replikasi · KIPP 2026"));
  // A proposal of another source, or withdrawn, is not this record's.
  n.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE proposals SET status = 'withdrawn' WHERE id = $1", {proposal});
  });
  EXPECT_FALSE(n.visitor.get(n.url(id)).contains("Usulan KIPP Kelompok Replikasi"));
}

TEST_P(Replication, WhatIsRefusedChangesNothing) {
  World n(GetParam());
  // Its own innovation, by the source's agency.
  auto own = n.start(n.source_admin, World::plan(day_offset(-3)));
  EXPECT_EQ(own.status, 409);
  EXPECT_TRUE(own.contains("milik instansi Anda sendiri"));
  // No evidence, a future date, an empty plan: all said at once, the typed text kept.
  auto empty = n.start(
      n.admin, {{"tetap", ""}, {"ubah", "Loket luring"}, {"tanggal", day_offset(3)}}, std::nullopt);
  EXPECT_EQ(empty.status, 422);
  for (const char* link : {"href=\"#tetap\"", "href=\"#tanggal\"", "href=\"#berkas\""})
    EXPECT_TRUE(empty.contains(link)) << link;
  EXPECT_TRUE(empty.contains("Loket luring"));
  // An executable called a letter: refused by its bytes, the plan kept, the file asked again.
  auto exe = n.start(n.admin, World::plan(day_offset(-3)),
                     EvidenceFile{"surat.pdf", std::string("\x7f"
                                                           "ELF\x02\x01\x01\0\0\0",
                                                           10)});
  EXPECT_EQ(exe.status, 422);
  EXPECT_TRUE(exe.contains("Berkas ditolak"));
  EXPECT_TRUE(exe.contains("pilih berkasnya lagi"));
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM replications"), 0);
  EXPECT_EQ(n.count("SELECT COUNT(*) FROM innovation_blobs"), 0);

  auto started = n.start(n.admin, World::plan(day_offset(-3)));
  ASSERT_EQ(started.status, 303);
  auto id = record_id_of(started);
  // A second record of the same source by the same agency.
  auto twice = n.start(n.admin, World::plan(day_offset(-2)));
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(twice.contains("sudah mencatat replikasi inovasi ini"));
  EXPECT_TRUE(n.admin.get(n.start_url()).contains("href=\"" + n.url(id) + "\""))
      << "the start page leads to the record under way";
  // The wrong agency, the wrong role, nobody: refused.
  auto page = n.admin.get(n.url(id));
  FormFields step = {{"tahap", "komitmen"},
                     {"tanggal", day_offset(-1)},
                     {"tautan", "https://x.go.id/komitmen"},
                     {"version", version_on(page)}};
  n.padang_admin.get(n.url(id));
  EXPECT_EQ(post_with_file(n.padang_admin, n.url(id, "/tahap"), step).status, 403);
  n.evaluator.get(n.url(id));
  EXPECT_EQ(post_with_file(n.evaluator, n.url(id, "/tahap"), step).status, 403);
  // No unit named yet: the unit operator may not record it; the local admin may.
  EXPECT_EQ(post_with_file(n.unit, n.url(id, "/tahap"), step).status, 403);
  n.visitor.get(n.url(id));
  EXPECT_EQ(n.visitor.post(n.url(id, "/rencana"), {{"tetap", "x"}, {"ubah", "y"}}).status, 401);
  // A form without the version it was shown with, evidence of a stage never recorded.
  auto versionless = n.admin.post(n.url(id, "/rencana"), {{"tetap", "x"}, {"ubah", "y"}});
  EXPECT_EQ(versionless.status, 400);
  EXPECT_TRUE(versionless.contains("Muat ulang halaman"));
  EXPECT_EQ(n.visitor.get(n.url(id, "/berkas/kaji_tiru")).status, 404);
  EXPECT_EQ(n.visitor.get(n.url(id, "/berkas/..%2Fminat")).status, 404);
  // A stale page: refused with what was typed.
  EXPECT_EQ(post_with_file(n.admin, n.url(id, "/tahap"), step).status, 303);
  auto stale = n.admin.post(
      n.url(id, "/rencana"),
      {{"tetap", "Tetap versi lama"}, {"ubah", "Ubah versi lama"}, {"version", version_on(page)}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(stale.contains("sudah diubah orang lain"));
  EXPECT_TRUE(stale.contains("Tetap versi lama"));
  // Hostile text is stored as text and escaped; control characters are refused.
  auto script = n.act(n.admin, id, "/rencana",
                      {{"tetap", "<script>alert(1)</script>"}, {"ubah", "Loket luring"}});
  EXPECT_EQ(script.status, 303);
  auto shown = n.visitor.get(n.url(id));
  EXPECT_FALSE(shown.contains("<script>alert(1)</script>"));
  EXPECT_TRUE(shown.contains("&lt;script&gt;"));
  auto control = n.act(n.admin, id, "/rencana", {{"tetap", "ada\x01kontrol"}, {"ubah", "x"}});
  EXPECT_EQ(control.status, 422);
  // The adopter's innovation must be its own, and not the source.
  auto version_before = n.count("SELECT version FROM replications WHERE id = $1", {id});
  auto source_as_own = n.act(n.admin, id, "/tahap",
                             {{"tahap", "penerapan"},
                              {"tanggal", day_offset(0)},
                              {"tautan", "https://x.go.id/sk"},
                              {"sk", "SK 2/2026"},
                              {"inovasi", std::to_string(n.source)}});
  EXPECT_EQ(source_as_own.status, 422);
  EXPECT_EQ(n.count("SELECT version FROM replications WHERE id = $1", {id}), version_before);
  // Stopped, with its reason: the record ends, and the agency may start again.
  EXPECT_EQ(n.act(n.admin, id, "/tahap",
                  {{"tahap", "berhenti"},
                   {"tanggal", day_offset(0)},
                   {"catatan", "Anggaran dialihkan untuk penanganan banjir."}})
                .status,
            303);
  auto stopped = n.visitor.get(n.url(id));
  EXPECT_TRUE(stopped.contains("berhenti pada tahap"));
  EXPECT_FALSE(n.admin.get(n.url(id)).contains("Catat tahap berikutnya"));
  EXPECT_TRUE(n.visitor.get("/inovasi/" + std::to_string(n.source))
                  .contains("skor indikator "
                            "replikasi IID 0"))
      << "stopped before implementation: not counted";
  EXPECT_EQ(n.start(n.admin, World::plan(day_offset(0))).status, 303);
}

SIMPUL_ENGINE_SUITE(Replication);

}  // namespace
}  // namespace simpul::test
