// Commitment rounds over HTTP, on every engine: the ministry organises a signing for Sumatera
// Barat (seeds/004), offers innovations, records the regions' signed commitments, each of which
// starts or moves forward that region's replication record; the round's matrix follows the
// records; who may do what, duplicates, a region of another province, its own innovation and a
// closed round are refused without a change.
#include <regex>

#include "competitions/calendar.hpp"
#include "core/util/clock.hpp"
#include "innovations/registry.hpp"
#include "innovations/service.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

const std::string kSignedPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n";

std::string today_in_wib(int offset = 0) {
  auto days =
      competitions::days_from_civil(competitions::local_date(now_seconds(), view::Zone::wib));
  return competitions::iso_date(competitions::civil_from_days(days + offset));
}

HttpResponse post_commitment(Client& client, const std::string& target, const FormFields& fields,
                             bool with_file = true) {
  const std::string boundary = "----SimpulKomitmen77";
  std::string body;
  auto part = [&](const std::string& name, const std::string& value) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  };
  part("csrf", client.csrf());
  for (const auto& [name, value] : fields) part(name, value);
  if (with_file) {
    body += "--" + boundary +
            "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"komitmen.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n" +
            kSignedPdf + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return client.post_raw(target, body, "multipart/form-data; boundary=" + boundary);
}

struct Signing {
  explicit Signing(const std::string& engine)
      : server(engine),
        sumbar(server.agency_id("Pemerintah Provinsi Sumatera Barat")),
        padang(server.agency_id("Pemerintah Kota Padang")),
        solok(server.agency_id("Pemerintah Kota Solok")),
        bukittinggi(server.agency_id("Pemerintah Kota Bukittinggi")),
        kaltara(server.agency_id(kKaltara)),
        tarakan(server.agency_id(kTarakan)),
        organiser(sign_in("kemenpan", Role::organiser)),
        sumbar_hub(sign_in("hubsumbar", Role::hub_coordinator, sumbar)),
        kaltara_hub(sign_in("hubkaltara", Role::hub_coordinator, kaltara)),
        solok_admin(sign_in("adminsolok", Role::local_admin, solok)),
        padang_admin(sign_in("adminpadang", Role::local_admin, padang)),
        kaltara_admin(sign_in("adminkaltara", Role::local_admin, kaltara)),
        visitor(server.client()),
        ayo_ceting(publish(padang, "Ayo Cegah Stunting")),
        dokter(publish(tarakan, "si Dokter Serasi")) {}

  Client sign_in(const std::string& username, Role role, std::optional<std::int64_t> agency = {}) {
    return server.signed_in(username, server.add_user(username, role, agency));
  }
  std::int64_t publish(std::int64_t agency, const std::string& name) {
    auto unit = server.add_unit(agency, "Dinas " + name);
    return server.app().db().write([&](db::Transaction& tx) {
      innovations::NewEntry entry;
      entry.where = *innovations::placement_of_unit(tx, unit);
      entry.fields.name = name;
      entry.publish = true;
      return innovations::insert_new(tx, {std::nullopt, "test", "", ""}, entry, now_seconds());
    });
  }
  std::string url(std::int64_t id, const std::string& tail = "") {
    return "/replikasi/komitmen/" + std::to_string(id) + tail;
  }
  std::int64_t create(Client& client, const std::string& province, int expected = 303) {
    client.get("/replikasi/komitmen/baru");
    auto created = client.post("/replikasi/komitmen/baru",
                               {{"judul", "Penandatanganan Komitmen Replikasi Sumatera Barat"},
                                {"provinsi", province},
                                {"tanggal", today_in_wib()}});
    EXPECT_EQ(created.status, expected) << created.body.substr(0, 2000);
    static const std::regex round(R"(^/replikasi/komitmen/(\d+)$)");
    std::smatch match;
    std::string location = created.header("location");
    return std::regex_search(location, match, round) ? std::stoll(match[1]) : 0;
  }
  // The round's version as a page that shows forms carries it (a page without forms has none,
  // and the request is refused for who sends it, not for its version).
  std::string version(std::int64_t id) {
    return std::to_string(count("SELECT version FROM replication_rounds WHERE id = $1", {id}));
  }
  HttpResponse offer(Client& client, std::int64_t id, std::int64_t source) {
    client.get(url(id));
    return client.post(url(id, "/tawaran"),
                       {{"sumber", std::to_string(source)}, {"version", version(id)}});
  }
  HttpResponse commit(Client& client, std::int64_t id, std::int64_t agency,
                      const std::vector<std::int64_t>& sources, bool with_file = true) {
    client.get(url(id));
    FormFields fields = {{"instansi", std::to_string(agency)}, {"version", version(id)}};
    for (auto source : sources) fields.emplace_back("inovasi", std::to_string(source));
    return post_commitment(client, url(id, "/komitmen"), fields, with_file);
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }

  TestServer server;
  std::int64_t sumbar, padang, solok, bukittinggi, kaltara, tarakan;
  Client organiser, sumbar_hub, kaltara_hub, solok_admin, padang_admin, kaltara_admin, visitor;
  std::int64_t ayo_ceting, dokter;
};

class ReplicationRounds : public EngineTest {};

TEST_P(ReplicationRounds, ASigningStartsAndMovesTheRegionsRecords) {
  Signing s(GetParam());
  // Who organises: the ministry anywhere, a hub for its own province only.
  s.create(s.kaltara_hub, "13", 403);
  auto id = s.create(s.sumbar_hub, "13");
  ASSERT_GT(id, 0);
  EXPECT_EQ(s.offer(s.solok_admin, id, s.ayo_ceting).status, 403);
  EXPECT_EQ(s.offer(s.sumbar_hub, id, s.ayo_ceting).status, 303);
  EXPECT_EQ(s.offer(s.organiser, id, s.dokter).status, 303);
  EXPECT_EQ(s.offer(s.organiser, id, s.dokter).status, 409) << "offered once";

  // Solok had started replicating Tarakan's innovation on its own, at its letter of interest.
  s.solok_admin.get("/replikasi/baru?sumber=" + std::to_string(s.dokter));
  auto started = post_commitment(s.solok_admin, "/replikasi/baru",
                                 {{"sumber", std::to_string(s.dokter)},
                                  {"tetap", "Layanan dokter keliling"},
                                  {"ubah", "Jadwal mengikuti hari pasar"},
                                  {"tanggal", today_in_wib(-30)}});
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 2000);
  auto solok_record =
      s.count("SELECT id FROM replications WHERE adopter_agency_id = $1", {s.solok});

  // The organiser records Bukittinggi's commitment to both; Solok's admin records its own.
  EXPECT_EQ(s.commit(s.organiser, id, s.bukittinggi, {s.ayo_ceting, s.dokter}).status, 303);
  EXPECT_EQ(s.commit(s.solok_admin, id, s.solok, {s.dokter}).status, 303);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM replication_commitments WHERE round_id = $1", {id}), 3);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM replications WHERE adopter_agency_id = $1 AND "
                    "stage = 'komitmen'",
                    {s.bukittinggi}),
            2);
  // Solok's own record moved forward: the same record, one step more.
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM replications WHERE adopter_agency_id = $1", {s.solok}),
            1);
  EXPECT_EQ(s.count("SELECT stage = 'komitmen' FROM replications WHERE id = $1", {solok_record}),
            1);
  EXPECT_EQ(
      s.count("SELECT COUNT(*) FROM replication_steps WHERE replication_id = $1", {solok_record}),
      2);

  // The round's page: who committed to what, and each record's stage since.
  auto page = s.visitor.get(s.url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("2 dari 20 pemerintah daerah"));
  EXPECT_TRUE(page.contains("Pemerintah Kota Bukittinggi"));
  EXPECT_TRUE(page.contains("href=\"/replikasi/" + std::to_string(solok_record) + "\""));
  EXPECT_FALSE(page.contains("name=\"version\"")) << "a visitor reads, without forms";
  EXPECT_TRUE(s.visitor.get("/replikasi/komitmen").contains("Penandatanganan Komitmen Replikasi"));
  EXPECT_TRUE(s.visitor.get("/inovasi/" + std::to_string(s.dokter))
                  .contains("Direplikasi oleh 2 daerah lain"));

  // The network page counts what the database holds, filtered as asked.
  auto records = s.count(
      "SELECT COUNT(*) FROM replications r JOIN agencies a ON a.id = r.adopter_agency_id WHERE "
      "a.province_code = '13' AND r.stage <> 'berhenti'");
  EXPECT_EQ(records, 3);
  auto network = s.visitor.get("/replikasi");
  EXPECT_TRUE(network.contains("aria-label=\"SB Sumatera Barat: 3 replikasi oleh 2 instansi\""));
  EXPECT_TRUE(network.has_cells("<td>Sumatera Barat</td><td>3</td><td>2</td>"));
  auto from_tarakan = s.visitor.get("/replikasi?provinsi=65");
  EXPECT_TRUE(from_tarakan.has_cells("<td>Kalimantan Utara</td><td>Sumatera Barat</td><td>2</td>"))
      << "Tarakan's innovation, to Bukittinggi and Solok";
  EXPECT_FALSE(from_tarakan.has_cells("<td>Sumatera Barat</td><td>Sumatera Barat</td><td>1</td>"));
  auto this_year =
      s.visitor.get("/replikasi?tahun=" + today_in_wib().substr(0, 4) + "&urusan=kesehatan");
  EXPECT_TRUE(this_year.contains("Tidak ada replikasi untuk saringan ini"))
      << "the test's innovations name no affair";
  auto hostile = s.visitor.get("/replikasi?provinsi=%27%20OR%201%3D1&tahun=abc&urusan=%3Cx%3E");
  EXPECT_EQ(hostile.status, 200);
  EXPECT_TRUE(hostile.has_cells("<td>Sumatera Barat</td><td>3</td><td>2</td>"))
      << "an unknown filter is ignored";

  // Refused, changing nothing: the same commitment again, a region of another province, the
  // source's own region, another region's admin, no signed document, nothing chosen.
  auto version = s.count("SELECT version FROM replication_rounds WHERE id = $1", {id});
  auto twice = s.commit(s.organiser, id, s.bukittinggi, {s.ayo_ceting});
  EXPECT_EQ(twice.status, 422);
  EXPECT_TRUE(twice.contains("sudah berkomitmen pada inovasi ini"));
  EXPECT_TRUE(twice.contains("Ayo Cegah Stunting:")) << "the summary names the innovation";
  auto elsewhere = s.commit(s.kaltara_admin, id, s.kaltara, {s.ayo_ceting});
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_TRUE(elsewhere.contains("provinsi penandatanganan ini"));
  auto own = s.commit(s.padang_admin, id, s.padang, {s.ayo_ceting, s.dokter});
  EXPECT_EQ(own.status, 422);
  EXPECT_TRUE(own.contains("milik instansi Anda sendiri"));
  EXPECT_EQ(s.commit(s.solok_admin, id, s.padang, {s.dokter}).status, 403);
  EXPECT_EQ(s.commit(s.organiser, id, s.padang, {s.dokter}, false).status, 422);
  EXPECT_EQ(s.commit(s.organiser, id, s.padang, {}).status, 422);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM replication_commitments"), 3);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM replications WHERE adopter_agency_id = $1", {s.padang}),
            0)
      << "the refused commitment left no record, not even for the allowed innovation";
  EXPECT_EQ(s.count("SELECT version FROM replication_rounds WHERE id = $1", {id}), version);

  // Closed: no commitment after.
  auto round_page = s.sumbar_hub.get(s.url(id));
  EXPECT_TRUE(round_page.contains("Tutup penandatanganan"));
  EXPECT_EQ(s.sumbar_hub.post(s.url(id, "/tutup"), {{"version", s.version(id)}}).status, 303);
  auto closed = s.commit(s.organiser, id, s.padang, {s.dokter});
  EXPECT_EQ(closed.status, 409);
  EXPECT_TRUE(closed.contains("sudah ditutup"));
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_events WHERE entity = 'replication_round' AND "
                    "entity_id = $1",
                    {std::to_string(id)}),
            6)
      << "created, two offers, two commitments, closed";
}

SIMPUL_ENGINE_SUITE(ReplicationRounds);

}  // namespace
}  // namespace simpul::test
