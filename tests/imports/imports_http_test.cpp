// Importing innovations from CSV and XLSX over HTTP, on every engine: the dry run lists every
// problem by row and column and writes nothing; the import writes every row or none, once; hostile
// files and the wrong people are refused.
#include <nlohmann/json.hpp>

#include "core/sheet/write.hpp"
#include "imports/layout.hpp"
#include "innovations/model.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

std::string import_design_text() {
  std::string text = "Tim jemput bola.";
  for (int i = 0; i < 60; ++i) text += " Petugas datang ke kecamatan perbatasan.";
  return text;
}

innovations::Fields complete(const std::string& name) {
  innovations::Fields f;
  f.name = name;
  f.form = "pelayanan_publik";
  f.type = "non_digital";
  f.stage = "penerapan";
  f.initiator = "perangkat_daerah";
  f.affairs = {"adminduk"};
  f.sdgs = {16};
  f.trial_date = "2017-03-01";
  f.implementation_date = "2018-01-15";
  f.problem = "Warga perbatasan menempuh perjalanan berhari-hari.";
  f.design = import_design_text();
  f.goals = "Dokumen sampai ke pedalaman.";
  f.benefits = "Warga hemat ongkos.";
  f.results = {{"Waktu layanan", "14", "1", "hari"}};
  f.budget = 381900000;
  return f;
}

std::string csv(const std::vector<std::vector<std::string>>& rows) {
  return sheet::to_csv(imports::import_header(), rows);
}

struct ImportFixture {
  explicit ImportFixture(const std::string& engine)
      : server(engine),
        kaltara(server.agency_id(kKaltara)),
        unit(server.add_unit(kaltara, "Dinas Kependudukan dan Pencatatan Sipil")),
        admin(server.signed_in("adminkaltara",
                               server.add_user("adminkaltara", Role::local_admin, kaltara))) {}

  HttpResponse upload(Client& client, const std::string& file_name, const std::string& bytes,
                      const std::string& mode, bool publish = false) {
    if (client.csrf().empty()) client.get("/inovasi/impor");
    const std::string boundary = "----SimpulImpor7c1e";
    auto field = [&](const std::string& name, const std::string& value) {
      return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
             value + "\r\n";
    };
    std::string body = field("csrf", client.csrf()) + field("mode", mode);
    if (publish) body += field("terbitkan", "ya");
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" +
            file_name + "\"\r\nContent-Type: text/csv\r\n\r\n" + bytes + "\r\n--" + boundary +
            "--\r\n";
    return client.post_raw("/inovasi/impor", body, "multipart/form-data; boundary=" + boundary);
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }
  std::int64_t innovations() { return count("SELECT COUNT(*) FROM innovations"); }

  TestServer server;
  std::int64_t kaltara, unit;
  Client admin;
};

class Imports : public EngineTest {};

TEST_P(Imports, TheDryRunListsEveryProblemByRowAndColumnAndWritesNothing) {
  ImportFixture f(GetParam());
  auto bad = imports::row_cells("Dinas Kesehatan", complete("Baris Salah"));
  bad[5] = "selesai";  // tahap
  auto file = csv({imports::row_cells("Dinas Kependudukan dan Pencatatan Sipil", complete("Baik")),
                   bad, imports::row_cells("Dinas Baru", complete("Baik"))});
  auto units_before = f.count("SELECT COUNT(*) FROM units");
  auto page = f.upload(f.admin, "inovasi.csv", file, "periksa");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 3000);
  EXPECT_TRUE(page.has_cells("<td>3</td><td><code>tahap</code></td>")) << page.body;
  EXPECT_TRUE(page.has_cells("<td>4</td><td><code>nama</code></td>"));
  EXPECT_TRUE(page.contains("Nama ini sudah dipakai di baris 2"));
  EXPECT_TRUE(page.contains("Dinas Baru")) << "new units are named";
  EXPECT_EQ(f.innovations(), 0);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM units"), units_before);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'innovation.%'"), 0);
  // Asking to import the same file imports nothing either.
  auto refused = f.upload(f.admin, "inovasi.csv", file, "impor");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.has_cells("<td>3</td><td><code>tahap</code></td>"));
  EXPECT_EQ(f.innovations(), 0);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM units"), units_before);
}

TEST_P(Imports, ACleanFileIsImportedWholeAndOnlyOnce) {
  ImportFixture f(GetParam());
  innovations::Fields draft;
  draft.name = "<script>alert(1)</script> Layanan";
  auto file = csv({imports::row_cells("Dinas Kependudukan dan Pencatatan Sipil", complete("Satu")),
                   imports::row_cells("Dinas Kesehatan", draft)});
  auto checked = f.upload(f.admin, "inovasi.csv", file, "periksa");
  ASSERT_EQ(checked.status, 200);
  EXPECT_TRUE(checked.contains("Semua 2 baris siap diimpor"));
  auto done = f.upload(f.admin, "inovasi.csv", file, "impor");
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 3000);
  EXPECT_EQ(done.header("location"), "/inovasi/saya");
  EXPECT_EQ(f.innovations(), 2);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM innovations WHERE status = 'draft'"), 2);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM units WHERE name = 'Dinas Kesehatan'"), 1);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM innovation_versions"), 2);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.import'"), 1);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.create'"), 2);
  // Text stays text.
  auto mine = f.admin.get("/inovasi/saya");
  EXPECT_TRUE(mine.contains("&lt;script&gt;alert(1)&lt;/script&gt; Layanan"));
  EXPECT_FALSE(mine.contains("<script>alert(1)"));
  // The same file again: every name exists now, nothing is added.
  auto again = f.upload(f.admin, "inovasi.csv", file, "impor");
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(again.contains("sudah punya inovasi dengan nama ini"));
  EXPECT_EQ(f.innovations(), 2);
}

TEST_P(Imports, PublishedRowsGoStraightToTheCatalogue) {
  ImportFixture f(GetParam());
  auto file = csv({imports::row_cells("Dinas Kependudukan dan Pencatatan Sipil",
                                      complete("Sipelandukilat Impor"))});
  auto done = f.upload(f.admin, "inovasi.csv", file, "impor", true);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 3000);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM innovation_published"), 1);
  auto found = nlohmann::json::parse(
      f.server.client().get("/api/v1/innovations?q=sipelandukilat+impor").body);
  EXPECT_EQ(found["total"], 1);
  // An incomplete row cannot be published: nothing of that file is written.
  innovations::Fields half;
  half.name = "Setengah";
  auto refused = f.upload(f.admin, "b.csv",
                          csv({imports::row_cells("Dinas Kesehatan", complete("Lengkap")),
                               imports::row_cells("Dinas Kesehatan", half)}),
                          "impor", true);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(refused.contains("Belum lengkap untuk terbit"));
  EXPECT_EQ(f.innovations(), 1);
}

TEST_P(Imports, ACatalogueExportImportsAgain) {
  ImportFixture f(GetParam());
  auto original = complete("Layanan -Bolak Balik");
  original.problem = "=1+1 bukan rumus";  // guarded with an apostrophe in the export
  original.tags = {"ekspor", "impor"};
  auto file = csv({imports::row_cells("Dinas Kependudukan dan Pencatatan Sipil", original)});
  ASSERT_EQ(f.upload(f.admin, "a.csv", file, "impor", true).status, 303);
  auto exported = f.server.client().get("/katalog/ekspor.csv?q=bolak+balik");
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.body.find("'=1+1"), std::string::npos);

  auto tarakan = f.server.agency_id("Pemerintah Kota Tarakan");
  auto other = f.server.signed_in("admintarakan",
                                  f.server.add_user("admintarakan", Role::local_admin, tarakan));
  auto done = f.upload(other, "ekspor.csv", exported.body, "impor", true);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 4000);
  auto copy = f.server.count("SELECT id FROM innovations WHERE agency_id = $1", {tarakan});
  auto original_id = f.server.count("SELECT id FROM innovations WHERE agency_id = $1", {f.kaltara});
  auto fields_of = [&](std::int64_t id) {
    auto body = nlohmann::json::parse(
        f.server.client().get("/api/v1/innovations/" + std::to_string(id)).body);
    return innovations::fields_from_json(body);
  };
  EXPECT_EQ(fields_of(copy), fields_of(original_id));
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM units WHERE agency_id = $1 AND name = $2",
                    {tarakan, "Dinas Kependudukan dan Pencatatan Sipil"}),
            1);
}

TEST_P(Imports, AnXlsxWorkbookImportsLikeACsv) {
  ImportFixture f(GetParam());
  auto temp = f.server.app().config().data_dir + "/tmp";
  auto workbook =
      sheet::to_xlsx(imports::import_header(),
                     {imports::row_cells("Dinas Kesehatan", complete("Dari Excel Satu")),
                      imports::row_cells("Dinas Kesehatan", complete("Dari Excel Dua"))},
                     temp);
  auto done = f.upload(f.admin, "inovasi.xlsx", workbook, "impor");
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 3000);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM innovations WHERE name LIKE 'Dari Excel%'"), 2);
  EXPECT_EQ(f.count("SELECT budget FROM innovations WHERE name = 'Dari Excel Dua'"), 381900000);
}

TEST_P(Imports, FilesThatCannotBeReadAreExplainedAndChangeNothing) {
  ImportFixture f(GetParam());
  std::string latin1 = "nama,unit\r\nPelayanan Caf\xe9,Dinas\r\n";
  auto page = f.upload(f.admin, "latin.csv", latin1, "impor");
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(page.contains("CSV UTF-8")) << page.body.substr(0, 3000);
  auto wrong_columns = f.upload(f.admin, "x.csv", "judul,kantor\r\na,b\r\n", "periksa");
  EXPECT_EQ(wrong_columns.status, 200);
  EXPECT_TRUE(wrong_columns.contains("Kolom ini tidak dikenal"));
  EXPECT_TRUE(wrong_columns.contains("Kolom wajib ini tidak ada"));
  auto fake_xlsx = f.upload(f.admin, "x.xlsx", std::string("PK\x03\x04garbage", 11), "impor");
  EXPECT_EQ(fake_xlsx.status, 422);
  auto empty = f.upload(f.admin, "kosong.csv", "", "impor");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(f.innovations(), 0);
}

TEST_P(Imports, OnlyTheLocalAdminImportsAndEveryUploadNeedsCsrf) {
  ImportFixture f(GetParam());
  auto file = csv({imports::row_cells("Dinas Kesehatan", complete("Terlarang"))});
  auto unit_operator = f.server.signed_in(
      "operator", f.server.add_user("operator", Role::unit_operator, f.kaltara, f.unit));
  EXPECT_EQ(unit_operator.get("/inovasi/impor").status, 403);
  unit_operator.get("/inovasi/saya");
  EXPECT_EQ(f.upload(unit_operator, "a.csv", file, "impor").status, 403);
  auto organiser = f.server.signed_in("kemenpan", f.server.add_user("kemenpan", Role::organiser));
  EXPECT_EQ(organiser.get("/inovasi/impor").status, 403);
  Client anonymous = f.server.client();
  anonymous.get("/");
  EXPECT_EQ(f.upload(anonymous, "a.csv", file, "impor").status, 401);
  f.admin.get("/inovasi/impor");
  Client forged = f.admin;
  forged.forget_cookie("simpul_csrf");
  EXPECT_EQ(f.upload(forged, "a.csv", file, "impor").status, 403);
  EXPECT_EQ(f.innovations(), 0);
  // The page documents the layout and offers the templates.
  auto page = f.admin.get("/inovasi/impor");
  EXPECT_TRUE(page.contains("rancang_bangun"));
  auto xlsx = f.admin.get("/inovasi/impor/templat.xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  auto template_csv = f.admin.get("/inovasi/impor/templat.csv");
  EXPECT_TRUE(template_csv.body.starts_with("\xEF\xBB\xBFnama,nama_singkat,unit,"));
}

SIMPUL_ENGINE_SUITE(Imports);

}  // namespace
}  // namespace simpul::test
