// The innovation registry over HTTP, on every engine: drafting, review and publication, versions,
// optimistic locking, who is refused what, evidence uploads, hostile input and the portfolio.
#include <fstream>
#include <regex>

#include "innovations/service.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

const std::string kPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n";
const std::string kPng = std::string(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx"
    "\x9c\x63\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\0\0\0\0IEND\xae\x42\x60\x82",
    67);

std::string design_text(const std::string& opening = "Tim jemput bola") {
  std::string text = opening + ".";
  for (int i = 0; i < 60; ++i) text += " Petugas datang ke kecamatan perbatasan.";
  return text;  // 302 words or more
}

FormFields complete_form(const std::string& name, const std::string& form = "pelayanan_publik",
                         const std::string& stage = "penerapan") {
  return {{"name", name},
          {"form", form},
          {"type", "non_digital"},
          {"stage", stage},
          {"initiator", "perangkat_daerah"},
          {"affairs", "adminduk"},
          {"affairs", "kesehatan"},
          {"sdgs", "16"},
          {"sdgs", "3"},
          {"trial_date", "2017-03-01"},
          {"implementation_date", "2018-01-15"},
          {"problem", "Warga perbatasan menempuh perjalanan berhari-hari untuk mengurus KTP-el."},
          {"design", design_text()},
          {"goals", "Dokumen kependudukan sampai ke pedalaman."},
          {"benefits", "Warga tidak lagi menanggung ongkos perjalanan."},
          {"result_1_indicator", "Waktu layanan"},
          {"result_1_before", "14"},
          {"result_1_after", "1"},
          {"result_1_unit", "hari"},
          {"budget", "381.900.000"},
          {"video_url", "https://youtu.be/dQw4w9WgXcQ"},
          {"tags", "perbatasan, jemput bola"}};
}

FormFields with(FormFields fields, const FormFields& extra) {
  for (const auto& field : extra) {
    std::erase_if(fields, [&](const auto& existing) { return existing.first == field.first; });
  }
  fields.insert(fields.end(), extra.begin(), extra.end());
  return fields;
}

std::int64_t id_from_location(const HttpResponse& response) {
  static const std::regex edit_page(R"(^/inovasi/(\d+)/ubah)");
  std::smatch match;
  std::string location = response.header("location");
  EXPECT_TRUE(std::regex_search(location, match, edit_page)) << response.status << response.body;
  return match.size() > 1 ? std::stoll(match[1]) : 0;
}

std::string own_executable() {
  std::ifstream in("/proc/self/exe", std::ios::binary);
  std::string bytes(4096, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

struct FilePart {
  std::string name;
  std::string bytes;
};

// The edit form as a browser sends it when it carries files: multipart, the CSRF token in its
// "csrf" field, what was typed, and the chosen files under "berkas".
HttpResponse post_multipart(Client& client, const std::string& target, const FormFields& typed,
                            const std::vector<FilePart>& files) {
  const std::string boundary = "----SimpulUjiBatas9f3a";
  auto part = [&](const std::string& field, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" +
           value + "\r\n";
  };
  std::string body = part("csrf", client.csrf());
  for (const auto& [field, value] : typed) body += part(field, value);
  for (const auto& file : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" +
            file.name + "\"\r\nContent-Type: application/pdf\r\n\r\n" + file.bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return client.post_raw(target, body, "multipart/form-data; boundary=" + boundary);
}

// Two agencies, two units in the first, and one signed-in client per role.
struct Registry {
  explicit Registry(const std::string& engine,
                    const std::function<void(kernel::Config&)>& adjust = {})
      : server(engine, adjust),
        kaltara(server.agency_id(kKaltara)),
        tarakan(server.agency_id(kTarakan)),
        dinkes(server.add_unit(kaltara, "Dinas Kesehatan")),
        disdukcapil(server.add_unit(kaltara, "Dinas Kependudukan dan Pencatatan Sipil")),
        tarakan_unit(server.add_unit(tarakan, "Dinas Kesehatan Kota Tarakan")),
        unit(sign_in("dinkes", Role::unit_operator, kaltara, dinkes)),
        other_unit(sign_in("dukcapil", Role::unit_operator, kaltara, disdukcapil)),
        admin(sign_in("adminkaltara", Role::local_admin, kaltara)),
        other_admin(sign_in("admintarakan", Role::local_admin, tarakan)),
        organiser(sign_in("kemenpan", Role::organiser)),
        evaluator(sign_in("penilai", Role::evaluator)) {}

  Client sign_in(const std::string& username, Role role, std::optional<std::int64_t> agency = {},
                 std::optional<std::int64_t> unit_id = {}) {
    return server.signed_in(username, server.add_user(username, role, agency, unit_id));
  }

  // A draft of the Dinas Kesehatan unit, created by its operator.
  std::int64_t draft(const FormFields& fields) {
    unit.get("/inovasi/baru");
    auto created = unit.post("/inovasi/baru", fields);
    EXPECT_EQ(created.status, 303) << created.body;
    return id_from_location(created);
  }
  std::string edit_url(std::int64_t id) { return "/inovasi/" + std::to_string(id) + "/ubah"; }
  std::string action(std::int64_t id, const std::string& name) {
    return "/inovasi/" + std::to_string(id) + "/" + name;
  }
  // Posts an action from the edit page, with the version shown there.
  HttpResponse act(Client& client, std::int64_t id, const std::string& name,
                   FormFields fields = {}) {
    auto page = client.get(edit_url(id));
    fields.emplace_back("version", version_on(page));
    return client.post(action(id, name), fields);
  }
  HttpResponse save(Client& client, std::int64_t id, const FormFields& fields) {
    auto page = client.get(edit_url(id));
    return client.post(edit_url(id), with(fields, {{"version", version_on(page)}}));
  }
  // The edit form saved with files chosen, and the fields as typed.
  HttpResponse upload(Client& client, std::int64_t id, const FormFields& typed,
                      const std::vector<FilePart>& files) {
    auto page = client.get(edit_url(id));
    return post_multipart(client, edit_url(id), with(typed, {{"version", version_on(page)}}),
                          files);
  }
  // Created by the local admin and published at once.
  std::int64_t published(const FormFields& fields, std::int64_t unit_id) {
    admin.get("/inovasi/baru");
    auto created =
        admin.post("/inovasi/baru", with(fields, {{"unit_id", std::to_string(unit_id)}}));
    EXPECT_EQ(created.status, 303) << created.body;
    auto id = id_from_location(created);
    EXPECT_EQ(act(admin, id, "terbitkan").status, 303);
    return id;
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }

  TestServer server;
  std::int64_t kaltara, tarakan, dinkes, disdukcapil, tarakan_unit;
  Client unit, other_unit, admin, other_admin, organiser, evaluator;
};

class InnovationRegistry : public EngineTest {};

TEST_P(InnovationRegistry, DraftSendReturnReviseAndPublish) {
  Registry r(GetParam());
  auto id = r.draft({{"name", "Pro Lantera KU"}, {"note", "draf pertama"}});
  auto created = r.unit.get(r.edit_url(id));
  ASSERT_EQ(created.status, 200);
  EXPECT_TRUE(created.contains("Draf inovasi dibuat"));
  EXPECT_TRUE(created.contains("Belum: Rancang bangun dan pokok perubahan, minimal 300 kata"));

  // Sending an incomplete draft lists every missing item and changes nothing.
  auto incomplete = r.act(r.unit, id, "kirim");
  EXPECT_EQ(incomplete.status, 422);
  EXPECT_TRUE(incomplete.contains("Belum dapat dikirim atau diterbitkan"));
  EXPECT_TRUE(incomplete.contains("minimal 300 kata (sekarang 0 kata)"));
  EXPECT_TRUE(incomplete.contains("Tujuan inovasi"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations WHERE status = 'draft'"), 1);

  auto saved = r.save(r.unit, id, complete_form("Pro Lantera KU (Dokter Terbang)"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(r.act(r.unit, id, "kirim").status, 303);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations WHERE status = 'submitted'"), 1);
  // While the local admin has it, the unit cannot change it.
  auto locked = r.unit.get(r.edit_url(id));
  EXPECT_TRUE(locked.contains("sedang diperiksa admin lokal"));
  EXPECT_EQ(r.unit
                .post(r.edit_url(id),
                      with(complete_form("Diubah diam-diam"), {{"version", version_on(locked)}}))
                .status,
            409);
  auto admin_list = r.admin.get("/inovasi/saya?posisi=admin");
  EXPECT_TRUE(admin_list.contains("Pro Lantera KU (Dokter Terbang)"));

  // Returned with notes: the notes are required, then the unit sees them.
  EXPECT_EQ(r.act(r.admin, id, "kembalikan", {{"notes", "  "}}).status, 422);
  auto returned =
      r.act(r.admin, id, "kembalikan", {{"notes", "Lengkapi jumlah pasien tahun 2022."}});
  EXPECT_EQ(returned.status, 303);
  auto with_notes = r.unit.get(r.edit_url(id));
  EXPECT_TRUE(with_notes.contains("Lengkapi jumlah pasien tahun 2022."));
  EXPECT_TRUE(with_notes.contains("Dikembalikan ke unit"));

  auto revised = complete_form("Pro Lantera KU (Dokter Terbang)");
  revised = with(revised, {{"result_2_indicator", "Pasien dilayani"},
                           {"result_2_before", "0"},
                           {"result_2_after", "652"},
                           {"result_2_unit", "orang"}});
  EXPECT_EQ(r.save(r.unit, id, revised).status, 303);
  EXPECT_EQ(r.act(r.unit, id, "kirim").status, 303);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  EXPECT_EQ(r.count("SELECT version FROM innovation_published WHERE innovation_id = $1", {id}), 3);

  Client visitor = r.server.client();
  auto profile = visitor.get("/inovasi/" + std::to_string(id));
  ASSERT_EQ(profile.status, 200);
  EXPECT_TRUE(profile.contains("Pro Lantera KU (Dokter Terbang)"));
  EXPECT_TRUE(profile.contains("652"));
  EXPECT_TRUE(profile.contains("Rp381.900.000"));
  EXPECT_TRUE(profile.contains("16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh"));
  EXPECT_TRUE(profile.contains("Riwayat penghargaan"));
  EXPECT_TRUE(profile.contains("belum ada"));
  EXPECT_FALSE(profile.contains("data contoh"));
  // Publication reaches the catalogue's search index at once.
  EXPECT_TRUE(visitor.get("/katalog?q=dokter+terbang").contains("/inovasi/" + std::to_string(id)));

  // A revision in progress stays private until the local admin publishes it.
  EXPECT_EQ(r.save(r.unit, id, complete_form("Pro Lantera KU Generasi Dua")).status, 303);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations WHERE status = 'draft'"), 1);
  auto still_public = visitor.get("/inovasi/" + std::to_string(id));
  EXPECT_TRUE(still_public.contains("Pro Lantera KU (Dokter Terbang)"));
  EXPECT_FALSE(still_public.contains("Generasi Dua"));
  EXPECT_FALSE(visitor.get("/katalog?q=generasi").contains("Generasi Dua"));
  EXPECT_FALSE(visitor.get("/instansi/" + std::to_string(r.kaltara) + "/portofolio")
                   .contains("Generasi Dua"));
  EXPECT_TRUE(r.unit.get("/inovasi/saya").contains("versi terbit tetap tampil untuk publik"));
  EXPECT_EQ(r.act(r.unit, id, "kirim").status, 303);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  EXPECT_TRUE(visitor.get("/inovasi/" + std::to_string(id)).contains("Generasi Dua"));
  EXPECT_TRUE(visitor.get("/katalog?q=generasi").contains("Generasi Dua"));

  for (const char* event : {"innovation.create", "innovation.save", "innovation.submit",
                            "innovation.return", "innovation.publish"}) {
    EXPECT_GT(r.count("SELECT COUNT(*) FROM audit_events WHERE action = $1 AND entity_id = $2",
                      {event, std::to_string(id)}),
              0)
        << event;
  }
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.return' AND "
                    "after_json LIKE '%Lengkapi jumlah pasien%'"),
            1);
}

TEST_P(InnovationRegistry, TheLocalAdminEditsAndPublishesDirectly) {
  Registry r(GetParam());
  auto id = r.published(complete_form("Sipelandukilat"), r.disdukcapil);
  EXPECT_EQ(r.count("SELECT unit_id FROM innovation_published WHERE innovation_id = $1", {id}),
            r.disdukcapil);
  // The admin's own revision waits at the admin, and can be published again.
  EXPECT_EQ(r.save(r.admin, id, complete_form("Sipelandukilat Smart")).status, 303);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations WHERE status = 'submitted'"), 1);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  EXPECT_TRUE(
      r.server.client().get("/inovasi/" + std::to_string(id)).contains("Sipelandukilat Smart"));
  // Publishing again without a change is refused: nothing new to publish.
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 409);
  auto mine = r.admin.get("/inovasi/saya");
  EXPECT_TRUE(mine.contains("Sipelandukilat Smart"));
}

TEST_P(InnovationRegistry, VersionsAndAReadableDiff) {
  Registry r(GetParam());
  auto id = r.draft(with(complete_form("Ayo Ceting"), {{"note", "awal"}}));
  auto second = complete_form("Ayo Ceting");
  second = with(second, {{"design", design_text("Grup WhatsApp ibu hamil <b>bersama</b> bidan")},
                         {"affairs", "kesehatan"},
                         {"note", "rancang bangun diperjelas"}});
  EXPECT_EQ(r.save(r.unit, id, second).status, 303);
  auto third = with(second, {{"name", "Ayo Cegah Stunting"}, {"budget", "25.000.000"}});
  EXPECT_EQ(r.save(r.admin, id, with(third, {{"note", "nama lengkap"}})).status, 303);

  auto versions = r.unit.get(r.action(id, "versi"));
  ASSERT_EQ(versions.status, 200);
  EXPECT_TRUE(versions.contains("rancang bangun diperjelas"));
  EXPECT_TRUE(versions.contains("nama lengkap"));
  EXPECT_TRUE(versions.contains("Nama adminkaltara"));  // who saved, by full name
  EXPECT_TRUE(versions.contains("Nama dinkes"));
  // The default comparison is the latest version against the one before.
  EXPECT_TRUE(versions.contains("Perbedaan versi 2 dan versi 3"));
  EXPECT_TRUE(versions.contains("<del>Ayo Ceting</del> → <ins>Ayo Cegah Stunting</ins>"));
  EXPECT_TRUE(versions.contains("<ins>Rp25.000.000</ins>"));

  auto first_to_second = r.unit.get(r.action(id, "versi") + "?dari=1&ke=2");
  EXPECT_TRUE(first_to_second.contains("<del>Tim jemput bola.</del>"));
  EXPECT_TRUE(first_to_second.contains(
      "<ins>Grup WhatsApp ibu hamil &lt;b&gt;bersama&lt;/b&gt; bidan.</ins>"));
  EXPECT_TRUE(
      first_to_second.contains("<del>Administrasi kependudukan dan pencatatan sipil</del>"));
  EXPECT_FALSE(first_to_second.contains("<b>bersama"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions WHERE innovation_id = $1", {id}), 3);
}

TEST_P(InnovationRegistry, ASaveBasedOnAnOldVersionIsRefused) {
  Registry r(GetParam());
  auto id = r.draft(complete_form("Poltabes"));
  auto unit_page = r.unit.get(r.edit_url(id));
  auto admin_page = r.admin.get(r.edit_url(id));
  ASSERT_EQ(version_on(unit_page), version_on(admin_page));
  auto admin_saved = r.admin.post(r.edit_url(id), with(complete_form("Poltabes (koreksi admin)"),
                                                       {{"version", version_on(admin_page)}}));
  EXPECT_EQ(admin_saved.status, 303);
  auto stale = r.unit.post(r.edit_url(id), with(complete_form("Poltabes (versi unit)"),
                                                {{"version", version_on(unit_page)}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(stale.contains("sudah disimpan orang lain (sekarang versi 2)"));
  EXPECT_TRUE(stale.contains("value=\"Poltabes (versi unit)\""));  // what was typed is kept
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations WHERE name = 'Poltabes (koreksi admin)'"), 1);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions WHERE innovation_id = $1", {id}), 2);
  // A stale publication is refused as well.
  EXPECT_EQ(r.admin.post(r.action(id, "terbitkan"), {{"version", "1"}}).status, 409);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_published"), 0);
}

TEST_P(InnovationRegistry, EachRoleIsRefusedWhatItMayNotDo) {
  Registry r(GetParam());
  auto id = r.draft(complete_form("SIP BANGET"));
  auto edit = r.edit_url(id);
  auto form = with(complete_form("Dibajak"), {{"version", "1"}});
  auto expect_status = [](const HttpResponse& response, int status, const std::string& what) {
    EXPECT_EQ(response.status, status) << what;
  };
  // Another unit of the same agency.
  expect_status(r.other_unit.get(edit), 403, "other unit: edit page");
  r.other_unit.get("/inovasi/saya");
  expect_status(r.other_unit.post(edit, form), 403, "other unit: save");
  expect_status(r.other_unit.post(r.action(id, "kirim"), {{"version", "1"}}), 403,
                "other unit: send");
  expect_status(r.other_unit.get(r.action(id, "versi")), 403, "other unit: versions");
  expect_status(r.other_unit.get(r.action(id, "pratinjau")), 403, "other unit: preview");
  // Another agency's local admin.
  expect_status(r.other_admin.get(edit), 403, "other admin: edit page");
  r.other_admin.get("/inovasi/saya");
  expect_status(r.other_admin.post(edit, form), 403, "other admin: save");
  expect_status(r.other_admin.post(r.action(id, "terbitkan"), {{"version", "1"}}), 403,
                "other admin: publish");
  expect_status(r.other_admin.post(r.action(id, "kembalikan"), {{"version", "1"}, {"notes", "x"}}),
                403, "other admin: return");
  EXPECT_FALSE(r.other_admin.get("/inovasi/saya").contains("SIP BANGET"));
  // The unit cannot publish or return its own innovation.
  r.unit.get(edit);
  expect_status(r.unit.post(r.action(id, "terbitkan"), {{"version", "1"}}), 403, "unit: publish");
  expect_status(r.unit.post(r.action(id, "kembalikan"), {{"version", "1"}, {"notes", "x"}}), 403,
                "unit: return");
  // An evaluator has no part in the registry.
  expect_status(r.evaluator.get("/inovasi/saya"), 403, "evaluator: my innovations");
  expect_status(r.evaluator.get("/inovasi/baru"), 403, "evaluator: new");
  expect_status(r.evaluator.get(edit), 403, "evaluator: edit page");
  r.evaluator.get("/akun");
  expect_status(r.evaluator.post("/inovasi/baru", complete_form("Titipan")), 403,
                "evaluator: create");
  // The organiser sees everything and changes nothing.
  auto organiser_view = r.organiser.get(edit);
  expect_status(organiser_view, 200, "organiser: edit page");
  EXPECT_TRUE(organiser_view.contains("tidak mengubahnya"));
  EXPECT_FALSE(organiser_view.contains("Simpan draf"));
  EXPECT_TRUE(r.organiser.get("/inovasi/saya").contains("SIP BANGET"));
  expect_status(r.organiser.post(edit, form), 403, "organiser: save");
  // Anonymous visitors: sent to sign in, refused posts, and no unpublished profile.
  Client visitor = r.server.client();
  auto mine = visitor.get("/inovasi/saya");
  EXPECT_EQ(mine.status, 303);
  EXPECT_EQ(mine.header("location").rfind("/masuk?next=", 0), 0u);
  expect_status(visitor.post(edit, form), 401, "anonymous: save");
  expect_status(visitor.get("/inovasi/" + std::to_string(id)), 404, "anonymous: draft profile");
  expect_status(visitor.get("/inovasi/999999"), 404, "anonymous: unknown");

  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions"), 1);
  EXPECT_EQ(
      r.count("SELECT COUNT(*) FROM innovations WHERE name = 'SIP BANGET' AND status = 'draft'"),
      1);
}

TEST_P(InnovationRegistry, HtmlInEveryTextFieldRendersAsText) {
  Registry r(GetParam());
  const std::string script = "<script>alert('x')</script>";
  auto fields = complete_form("Inovasi " + script);
  fields = with(fields, {{"short_name", "<b>SIP</b>"},
                         {"problem", script},
                         {"design", design_text(script)},
                         {"goals", script},
                         {"benefits", script},
                         {"result_1_indicator", script},
                         {"result_1_before", "<i>1</i>"},
                         {"result_1_after", "<u>2</u>"},
                         {"result_1_unit", "<s>x</s>"},
                         {"tags", "<img src=x onerror=alert(1)>"},
                         {"note", script}});
  auto id = r.draft(fields);
  EXPECT_EQ(r.save(r.unit, id, with(fields, {{"name", "Inovasi kedua " + script}})).status, 303);
  EXPECT_EQ(r.act(r.unit, id, "kirim").status, 303);
  EXPECT_EQ(r.act(r.admin, id, "kembalikan", {{"notes", script}}).status, 303);
  EXPECT_EQ(r.act(r.unit, id, "kirim").status, 303);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  Client visitor = r.server.client();
  for (auto* client : {&r.unit, &r.admin, &visitor}) {
    for (const std::string& path :
         std::vector<std::string>{r.edit_url(id), r.action(id, "versi") + "?dari=1&ke=2",
                                  "/inovasi/" + std::to_string(id), "/inovasi/saya",
                                  "/instansi/" + std::to_string(r.kaltara) + "/portofolio"}) {
      auto page = client->get(path);
      if (page.status != 200) continue;  // the visitor is sent to sign in for private pages
      EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << path;
      EXPECT_EQ(page.body.find("<img src=x"), std::string::npos) << path;
      EXPECT_EQ(page.body.find("<b>SIP"), std::string::npos) << path;
    }
  }
  auto profile = visitor.get("/inovasi/" + std::to_string(id));
  EXPECT_TRUE(profile.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_TRUE(profile.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

TEST_P(InnovationRegistry, InvalidUtf8AndBadValuesAreRefusedClearly) {
  Registry r(GetParam());
  r.unit.get("/inovasi/baru");
  auto bad_utf8 = r.unit.post_raw("/inovasi/baru", "csrf=" + r.unit.csrf() + "&name=Inovasi%FF%FE");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_TRUE(bad_utf8.contains("UTF-8"));
  auto bad_values = r.unit.post("/inovasi/baru", with(complete_form("Si Dokter Serasi"),
                                                      {{"budget", "-5"},
                                                       {"video_url", "https://vimeo.com/123"},
                                                       {"implementation_date", "2016-01-01"},
                                                       {"tags", "a,b,c,d,e,f,g,h,i,j,k"},
                                                       {"form", "bukan_bentuk"}}));
  EXPECT_EQ(bad_values.status, 422);
  EXPECT_TRUE(bad_values.contains("bilangan bulat tidak negatif"));
  EXPECT_TRUE(bad_values.contains("Hanya tautan YouTube https"));
  EXPECT_TRUE(bad_values.contains("tidak boleh sebelum tanggal uji coba"));
  EXPECT_TRUE(bad_values.contains("Paling banyak 10 tag"));
  EXPECT_TRUE(bad_values.contains("aria-invalid=\"true\" aria-describedby=\"form-error\""));
  EXPECT_TRUE(bad_values.contains("value=\"https://vimeo.com/123\""));  // shown again as typed
  EXPECT_TRUE(bad_values.contains("value=\"-5\""));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovations"), 0);
  // The Indonesian grouping is read back as a number.
  auto id = r.draft(with(complete_form("Si Dokter Serasi"), {{"budget", "Rp 1.500.000"}}));
  EXPECT_EQ(r.count("SELECT budget FROM innovations WHERE id = $1", {id}), 1500000);
  EXPECT_TRUE(r.unit.get(r.edit_url(id)).contains("value=\"1.500.000\""));
}

TEST_P(InnovationRegistry, UploadsAreSniffedLimitedAndStoredOnce) {
  Registry r(GetParam());
  auto typed = complete_form("siJempol");
  auto id = r.draft(typed);
  auto other = r.draft(complete_form("Pikobar"));
  auto uploaded = r.upload(r.unit, id, typed, {{"laporan akhir.pdf", kPdf}, {"foto.png", kPng}});
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;
  std::string location = uploaded.header("location");
  EXPECT_EQ(location, r.edit_url(id) + "#berkas");
  auto page = r.unit.get(location.substr(0, location.find('#')));  // browsers keep the fragment
  EXPECT_TRUE(page.contains("Perubahan dan berkas tersimpan"));
  EXPECT_TRUE(page.contains("laporan akhir.pdf"));
  EXPECT_TRUE(page.contains("application/pdf"));
  EXPECT_TRUE(page.contains("image/png"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_blobs"), 2);
  // One save, one version: the files' names in its note.
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions WHERE innovation_id = $1 AND "
                    "note = '+ laporan akhir.pdf, foto.png'",
                    {id}),
            1);

  // The same bytes again: not attached twice, not stored twice, even for another innovation.
  auto again = r.upload(r.unit, id, typed, {{"salinan.pdf", kPdf}});
  EXPECT_EQ(again.header("location"), r.edit_url(id) + "#berkas");
  // The next page says so, once (the notice travels in a one-time cookie, not in the address).
  EXPECT_TRUE(r.unit.get(r.edit_url(id)).contains("sudah terlampir pada inovasi ini"));
  EXPECT_FALSE(r.unit.get(r.edit_url(id)).contains("sudah terlampir pada inovasi ini"));
  EXPECT_EQ(r.upload(r.unit, other, complete_form("Pikobar"), {{"laporan.pdf", kPdf}}).status, 303);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_blobs"), 2);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_files"), 3);

  // An executable renamed .pdf is refused, and so is anything past the limits; what was typed
  // with it comes back, and nothing is saved.
  auto executable = r.upload(r.unit, id, with(typed, {{"goals", "Tujuan yang baru diketik"}}),
                             {{"laporan.pdf", own_executable()}});
  EXPECT_EQ(executable.status, 415);
  EXPECT_TRUE(executable.contains("Berkas laporan.pdf ditolak"));
  EXPECT_TRUE(executable.contains("aria-invalid=\"true\""));
  EXPECT_TRUE(executable.contains("href=\"#berkas-input\""));  // in the error summary
  EXPECT_TRUE(executable.contains("Tujuan yang baru diketik"));
  EXPECT_FALSE(r.unit.get(r.edit_url(id)).contains("Tujuan yang baru diketik"));
  std::vector<FilePart> many;
  for (int i = 0; i < 19; ++i)
    many.push_back({"catatan" + std::to_string(i) + ".txt",
                    "Catatan lapangan nomor " + std::to_string(i) + "\n"});
  auto too_many = r.upload(r.unit, id, typed, many);
  EXPECT_EQ(too_many.status, 409);
  EXPECT_TRUE(too_many.contains("paling banyak memiliki 20 berkas"));
  // A broken body (the token in the header, as htmx sends it, so the parser is reached).
  auto broken = r.unit.send("POST", r.edit_url(id), "--tidakada\r\nrusak",
                            "multipart/form-data; boundary=tidakada",
                            "X-CSRF-Token: " + r.unit.csrf() + "\r\n");
  EXPECT_EQ(broken.status, 400);
  EXPECT_TRUE(broken.contains("Unggahan rusak"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_files WHERE innovation_id = $1", {id}), 2);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_blobs"), 2);

  // Downloads: the original name, the sniffed type, no sniffing by the browser.
  auto file_id = r.count("SELECT MIN(id) FROM innovation_files WHERE innovation_id = $1", {id});
  std::string url = "/inovasi/" + std::to_string(id) + "/berkas/" + std::to_string(file_id);
  auto download = r.unit.get(url);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_EQ(download.header("content-disposition"),
            "attachment; filename=\"laporan akhir.pdf\"; filename*=UTF-8''laporan%20akhir.pdf");
  EXPECT_EQ(download.header("x-content-type-options"), "nosniff");
  auto png =
      r.unit.get("/inovasi/" + std::to_string(id) + "/berkas/" + std::to_string(file_id + 1));
  EXPECT_EQ(png.body, kPng);  // binary bytes, NUL included, come back exactly
  EXPECT_EQ(png.header("content-type"), "image/png");
  // A draft's file is for its owners only; once published, for everyone.
  Client visitor = r.server.client();
  EXPECT_EQ(visitor.get(url).status, 403);
  EXPECT_EQ(r.other_unit.get(url).status, 403);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  auto public_download = visitor.get(url);
  EXPECT_EQ(public_download.status, 200);
  EXPECT_EQ(public_download.body, kPdf);
  EXPECT_TRUE(visitor.get("/inovasi/" + std::to_string(id)).contains(url));
  // Removing it from a revision (its button sends the form, with what was typed) keeps it in the
  // published version.
  std::string remove_button = "name=\"hapus\" value=\"" + std::to_string(file_id) + "\"";
  EXPECT_TRUE(r.unit.get(r.edit_url(id)).contains(remove_button));
  auto removed = r.save(
      r.unit, id,
      with(typed, {{"hapus", std::to_string(file_id)}, {"benefits", "Manfaat yang diperbarui"}}));
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(visitor.get(url).status, 200);
  auto revision = r.unit.get(r.edit_url(id));
  EXPECT_FALSE(revision.contains(remove_button));
  EXPECT_TRUE(revision.contains("Berkas dihapus dari draf"));
  EXPECT_TRUE(revision.contains("Manfaat yang diperbarui"));
  EXPECT_GT(r.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.file_add'"), 0);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.file_remove'"),
            1);
}

TEST_P(InnovationRegistry, ChosenFilesNeverCostWhatWasTyped) {
  Registry r(GetParam());
  // A new innovation takes its files with its first save.
  r.unit.get("/inovasi/baru");
  auto created =
      post_multipart(r.unit, "/inovasi/baru", complete_form("Sipelandukilat"), {{"SK.pdf", kPdf}});
  ASSERT_EQ(created.status, 303) << created.body;
  auto id = id_from_location(created);
  auto page = r.unit.get(r.edit_url(id));
  EXPECT_TRUE(page.contains("berkasnya terlampir"));
  EXPECT_TRUE(page.contains("SK.pdf"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions WHERE innovation_id = $1", {id}), 1);

  // A field refused while a file is chosen: the typed text comes back, the page says the file
  // was not kept and links to the chooser; nothing is written.
  auto typed = with(complete_form("Sipelandukilat"),
                    {{"goals", "Tujuan panjang yang baru saja diketik"}, {"video_url", "bukan"}});
  auto refused = r.upload(r.unit, id, typed, {{"laporan.png", kPng}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("Tujuan panjang yang baru saja diketik"));
  EXPECT_TRUE(refused.contains("pilih berkasnya lagi"));
  EXPECT_TRUE(refused.contains("href=\"#berkas-input\""));
  EXPECT_TRUE(refused.contains("href=\"#video_url\""));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_files WHERE innovation_id = $1", {id}), 1);
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_versions WHERE innovation_id = $1", {id}), 1);

  // Removing a file another tab removed first: the version moved on, so the save is refused as
  // stale with what was typed kept.
  auto file_id = r.count("SELECT id FROM innovation_files WHERE innovation_id = $1", {id});
  auto stale_page = r.unit.get(r.edit_url(id));
  EXPECT_EQ(r.save(r.unit, id,
                   with(complete_form("Sipelandukilat"), {{"hapus", std::to_string(file_id)}}))
                .status,
            303);
  auto stale = r.unit.post(r.edit_url(id), with(typed, {{"video_url", ""},
                                                        {"hapus", std::to_string(file_id)},
                                                        {"version", version_on(stale_page)}}));
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(stale.contains("Tujuan panjang yang baru saja diketik"));
}

TEST_P(InnovationRegistry, OversizedUploadsAreRefused) {
  Registry r(GetParam(), [](kernel::Config& config) { config.server.max_body_bytes = 12 << 20; });
  auto id = r.draft(complete_form("Dokter Terbang"));
  r.unit.get(r.edit_url(id));
  std::string big = kPdf + std::string((10 << 20) - kPdf.size() + 1, 'x');
  auto refused = r.upload(r.unit, id,
                          with(complete_form("Dokter Terbang"), {{"goals", "Tujuan yang diketik"}}),
                          {{"video.pdf", big}});
  EXPECT_EQ(refused.status, 413);
  EXPECT_TRUE(refused.contains("Tujuan yang diketik")) << "typed text survives an oversized file";
  EXPECT_TRUE(refused.contains("Berkas video.pdf melebihi batas ukuran 10 MB"));
  EXPECT_EQ(r.count("SELECT COUNT(*) FROM innovation_blobs"), 0);
  EXPECT_EQ(r.unit.get("/").status, 200);
}

TEST_P(InnovationRegistry, SampleDataIsBadged) {
  Registry r(GetParam());
  kernel::Actor system{std::nullopt, "system:demo", "", ""};
  innovations::Editor editor{Role::local_admin, r.kaltara, std::nullopt};
  innovations::Fields fields;
  fields.name = "Inovasi Contoh Kaltara";
  auto& db = r.server.app().db();
  auto id = innovations::create_innovation(db, system, editor, r.dinkes, fields, "", true);
  auto page = r.server.client().get("/inovasi/" + std::to_string(id));
  EXPECT_EQ(page.status, 404);  // not published yet
  r.admin.get(r.edit_url(id));
  auto blocked = r.act(r.admin, id, "terbitkan");
  EXPECT_EQ(blocked.status, 422);
  EXPECT_EQ(r.save(r.admin, id, complete_form("Inovasi Contoh Kaltara")).status, 303);
  EXPECT_EQ(r.act(r.admin, id, "terbitkan").status, 303);
  page = r.server.client().get("/inovasi/" + std::to_string(id));
  EXPECT_TRUE(page.contains("data contoh"));
  EXPECT_EQ(r.count("SELECT is_sample FROM innovation_published WHERE innovation_id = $1", {id}),
            1);
}

TEST_P(InnovationRegistry, PortfolioCountsMatchTheDatabase) {
  Registry r(GetParam());
  r.published(complete_form("Sipelandukilat"), r.disdukcapil);
  r.published(complete_form("Dokter Terbang"), r.dinkes);
  r.published(complete_form("E-Planning Kaltara", "tata_kelola", "uji_coba"), r.dinkes);
  r.published(with(complete_form("Bank Sampah Digital", "lainnya", "inisiatif"),
                   {{"type", "digital"}, {"affairs", "lingkungan_hidup"}}),
              r.dinkes);
  r.draft(complete_form("Draf yang belum terbit"));
  auto page = r.server.client().get("/instansi/" + std::to_string(r.kaltara) + "/portofolio");
  ASSERT_EQ(page.status, 200);
  auto count = [&](const std::string& where) {
    return std::to_string(r.count(
        "SELECT COUNT(*) FROM innovation_published WHERE agency_id = $1" + where, {r.kaltara}));
  };
  std::string summary = count("") + " inovasi: " + count(" AND form = 'pelayanan_publik'") +
                        " pelayanan publik, " + count(" AND form = 'tata_kelola'") +
                        " tata kelola pemerintahan, " + count(" AND form = 'lainnya'") +
                        " bentuk lainnya";
  EXPECT_EQ(summary, "4 inovasi: 2 pelayanan publik, 1 tata kelola pemerintahan, 1 bentuk lainnya");
  EXPECT_TRUE(page.contains(summary)) << page.body;
  auto row = [](const std::string& label, const std::string& n) {
    return "<th scope=\"row\">" + label + "</th><td>" + n + "</td>";
  };
  EXPECT_TRUE(page.contains(row("Penerapan", count(" AND stage = 'penerapan'"))));
  EXPECT_TRUE(page.contains(row("Uji coba", count(" AND stage = 'uji_coba'"))));
  EXPECT_TRUE(page.contains(row("Digital (daring)", count(" AND type = 'digital'"))));
  EXPECT_TRUE(page.contains(row("Non-digital (luring)", count(" AND type = 'non_digital'"))));
  // adminduk is bit 11 of the affair mask; the innovation that changed its affairs has only one.
  EXPECT_TRUE(page.contains(row("Administrasi kependudukan dan pencatatan sipil",
                                count(" AND (affair_mask / 2048) % 2 = 1"))));
  EXPECT_TRUE(page.contains(row("Lingkungan hidup", "1")));
  EXPECT_FALSE(page.contains("Draf yang belum terbit"));
  EXPECT_TRUE(page.contains("Bank Sampah Digital"));
  auto empty = r.server.client().get("/instansi/" + std::to_string(r.tarakan) + "/portofolio");
  EXPECT_TRUE(empty.contains("0 inovasi: 0 pelayanan publik, 0 tata kelola pemerintahan"));
  EXPECT_EQ(r.server.client().get("/instansi/999999/portofolio").status, 404);
}

TEST_P(InnovationRegistry, MyInnovationsCountsByPosition) {
  Registry r(GetParam());
  r.draft(complete_form("Draf satu"));
  auto sent = r.draft(complete_form("Terkirim"));
  EXPECT_EQ(r.act(r.unit, sent, "kirim").status, 303);
  r.published(complete_form("Sudah terbit"), r.dinkes);
  r.published(complete_form("Unit lain terbit"), r.disdukcapil);
  auto counts = [](const HttpResponse& page) {
    static const std::regex card(R"(<strong>(\d+)</strong> <span>([^<]+)</span>)");
    std::string out;
    for (std::sregex_iterator it(page.body.begin(), page.body.end(), card), end; it != end; ++it)
      out += (*it)[1].str() + " " + (*it)[2].str() + "; ";
    return out;
  };
  EXPECT_EQ(counts(r.unit.get("/inovasi/saya")), "1 di unit; 1 di admin lokal; 1 terbit; ");
  EXPECT_EQ(counts(r.admin.get("/inovasi/saya")), "1 di unit; 1 di admin lokal; 2 terbit; ");
  EXPECT_EQ(counts(r.other_admin.get("/inovasi/saya")), "0 di unit; 0 di admin lokal; 0 terbit; ");
  auto at_admin = r.unit.get("/inovasi/saya?posisi=admin");
  EXPECT_TRUE(at_admin.contains("Terkirim"));
  EXPECT_FALSE(at_admin.contains("Draf satu"));
}

SIMPUL_ENGINE_SUITE(InnovationRegistry);

}  // namespace
}  // namespace simpul::test
