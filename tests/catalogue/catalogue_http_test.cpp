// The public catalogue over HTTP on every engine: Indonesian search, facet counts checked against
// direct SQL counts, phrases, prefixes, sorting, pagination, htmx fragments and the CSV export.
#include <regex>

#include "samples/loader.hpp"
#include "support/harness.hpp"
#include "synthetic/seed.hpp"

namespace simpul::test {
namespace {

class Catalogue : public EngineTest {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    samples::seed_demo_innovations(server_->app().db(), SIMPUL_SOURCE_DIR);
    synthetic::seed_synthetic(server_->app().db(), SIMPUL_SOURCE_DIR, 300, 11);
    server_->app().reload_catalogue();
  }
  // The numbers shown next to one facet's values, by value code.
  static std::map<std::string, std::int64_t> facet_counts(const HttpResponse& page,
                                                          const std::string& param) {
    std::map<std::string, std::int64_t> counts;
    std::regex value(
        R"re(name=")re" + param +
        R"re(" value="([^"]+)"[^>]*><label[^>]*>[^<]*<span class="count">\(([0-9.]+)\))re");
    for (std::sregex_iterator it(page.body.begin(), page.body.end(), value), end; it != end; ++it) {
      std::string digits = (*it)[2];
      digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
      counts[(*it)[1]] = std::stoll(digits);
    }
    return counts;
  }
  static std::int64_t total(const HttpResponse& page) {
    std::smatch match;
    EXPECT_TRUE(
        std::regex_search(page.body, match, std::regex(R"re(<strong>([0-9.]+)</strong>)re")));
    std::string digits = match[1];
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    return std::stoll(digits);
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(Catalogue, IndonesianSearchFindsTheBorderRegistryService) {
  Client client = server_->client();
  auto page = client.get("/katalog?q=pelayanan+kependudukan+perbatasan");
  ASSERT_EQ(page.status, 200);
  auto first = page.body.find("<h3>");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(page.body.find("Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan "
                           "Perbatasan",
                           first),
            std::string::npos);
  EXPECT_TRUE(page.contains("<mark>")) << "matches are highlighted";
  // Stopwords do not decide the ranking.
  auto with_stopwords = client.get("/katalog?q=pelayanan+yang+kependudukan+di+perbatasan");
  EXPECT_EQ(total(with_stopwords), total(page));
}

TEST_P(Catalogue, PhrasePrefixAndExclusion) {
  Client client = server_->client();
  EXPECT_TRUE(client.get("/katalog?q=%22dokter+terbang%22").contains("Pro Lantera KU"));
  EXPECT_EQ(total(client.get("/katalog?q=%22terbang+dokter%22")), 0);
  EXPECT_TRUE(client.get("/katalog?q=kependu*").contains("Sipelandukilat"));
  auto excluded = client.get("/katalog?q=kependudukan+-smart");
  EXPECT_TRUE(excluded.contains("(Sipelandukilat)"));
  EXPECT_FALSE(excluded.contains("Sipelandukilat Smart"));
  auto broken = client.get("/katalog?q=%22dokter+terbang");
  EXPECT_EQ(broken.status, 200);
  EXPECT_TRUE(broken.contains("Tanda kutip tidak berpasangan"));
  auto nothing = client.get("/katalog?q=zzzqqqxxx");
  EXPECT_TRUE(nothing.contains("Tidak ada inovasi yang cocok"));
  EXPECT_TRUE(nothing.contains("Periksa ejaan"));
}

TEST_P(Catalogue, FacetCountsMatchDirectCounts) {
  Client client = server_->client();
  auto all = client.get("/katalog");
  EXPECT_EQ(total(all), server_->count("SELECT COUNT(*) FROM innovation_published"));
  for (auto [code, count] : facet_counts(all, "bentuk")) {
    EXPECT_EQ(count,
              server_->count("SELECT COUNT(*) FROM innovation_published WHERE form = $1", {code}))
        << code;
  }
  // With a form chosen, province counts follow it, while the form counts still show every form
  // (a visitor can see what choosing another form would give).
  auto governance = client.get("/katalog?bentuk=tata_kelola");
  EXPECT_EQ(total(governance), server_->count("SELECT COUNT(*) FROM innovation_published WHERE "
                                              "form = 'tata_kelola'"));
  auto provinces = facet_counts(governance, "provinsi");
  ASSERT_FALSE(provinces.empty());
  for (auto [code, count] : provinces) {
    EXPECT_EQ(count, server_->count("SELECT COUNT(*) FROM innovation_published WHERE form = "
                                    "'tata_kelola' AND province_code = $1",
                                    {code}))
        << code;
  }
  EXPECT_EQ(
      facet_counts(governance, "bentuk")["pelayanan_publik"],
      server_->count("SELECT COUNT(*) FROM innovation_published WHERE form = 'pelayanan_publik'"));
  auto kaltara = client.get("/katalog?provinsi=65&tahap=penerapan");
  EXPECT_EQ(total(kaltara), server_->count("SELECT COUNT(*) FROM innovation_published WHERE "
                                           "province_code = '65' AND stage = 'penerapan'"));
}

TEST_P(Catalogue, TheAwardFacetCountsAwardedInnovations) {
  Client client = server_->client();
  auto all = client.get("/katalog");
  auto awards = facet_counts(all, "penghargaan");
  ASSERT_FALSE(awards.empty());
  for (auto [tier, count] : awards) {
    EXPECT_EQ(count, server_->count("SELECT COUNT(DISTINCT a.innovation_id) FROM innovation_awards "
                                    "a JOIN innovation_published p ON p.innovation_id = "
                                    "a.innovation_id WHERE a.tier = $1",
                                    {tier}))
        << tier;
  }
  // Sipelandukilat (2019), Poltabes and Dokter Terbang (2020, seeds/001).
  EXPECT_EQ(awards["top_inovasi"], 3);
  // Two tiers chosen: innovations with either.
  auto either = nlohmann::json::parse(
      client.get("/api/v1/innovations?penghargaan=top_inovasi&penghargaan=replikasi").body);
  EXPECT_EQ(either["total"], 4);
  // With a province, the award counts follow it.
  auto kaltara = facet_counts(client.get("/katalog?provinsi=65"), "penghargaan");
  EXPECT_EQ(kaltara["top_inovasi"], 2);
  EXPECT_EQ(kaltara.count("replikasi"), 0u);
}

TEST_P(Catalogue, SortingPaginationAndForgivingUrls) {
  Client client = server_->client();
  auto first = client.get("/katalog?urut=terbaru");
  auto second = client.get("/katalog?urut=terbaru&halaman=2");
  EXPECT_EQ(second.status, 200);
  EXPECT_NE(first.body, second.body);
  EXPECT_TRUE(first.contains("rel=\"next\""));
  EXPECT_EQ(client.get("/katalog?halaman=abc").status, 200);
  EXPECT_EQ(client.get("/katalog?provinsi=tidak-ada&urut=aneh").status, 200);
  auto hostile = client.get("/katalog?q=%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_EQ(hostile.status, 200);
  EXPECT_FALSE(hostile.contains("<script>alert(1)"));
  EXPECT_EQ(client.get("/katalog?q=%FF").status, 400);
}

TEST_P(Catalogue, HtmxGetsTheChangingPartOnly) {
  Client client = server_->client();
  auto fragment = client.get("/katalog?q=kesehatan", "HX-Request: true\r\n");
  EXPECT_EQ(fragment.status, 200);
  EXPECT_FALSE(fragment.contains("<html"));
  EXPECT_TRUE(fragment.contains("id=\"katalog\""));
  EXPECT_NE(fragment.header("vary").find("HX-Request"), std::string::npos);
}

TEST_P(Catalogue, CsvExportHasEveryResultInAStableLayout) {
  Client client = server_->client();
  auto csv = client.get("/katalog/ekspor.csv?bentuk=pelayanan_publik");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFid,nama,nama_singkat,instansi,klaster,provinsi,", 0), 0u);
  auto lines = std::count(csv.body.begin(), csv.body.end(), '\n');
  // Rows may hold line breaks inside quotes, so count record starts: "\r\n<digits>,".
  std::regex record_start("\r\n[0-9]+,");
  auto records = std::distance(std::sregex_iterator(csv.body.begin(), csv.body.end(), record_start),
                               std::sregex_iterator());
  EXPECT_GE(lines, records);
  EXPECT_EQ(
      records,
      server_->count("SELECT COUNT(*) FROM innovation_published WHERE form = 'pelayanan_publik'"));
  EXPECT_NE(csv.body.find("Sipelandukilat"), std::string::npos);
}

TEST_P(Catalogue, XlsxExportIsAWorkbook) {
  Client client = server_->client();
  auto xlsx = client.get("/katalog/ekspor.xlsx?q=kependudukan");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u) << "a zip container";
  EXPECT_NE(xlsx.body.find("xl/worksheets/sheet1.xml"), std::string::npos);
  // The temporary file is gone once the response is built.
  auto temp = std::filesystem::path(server_->app().config().data_dir) / "tmp";
  EXPECT_TRUE(!std::filesystem::exists(temp) || std::filesystem::is_empty(temp));
}

TEST_P(Catalogue, JsonApiSearchesAndGetsPublishedInnovations) {
  Client client = server_->client();
  auto found =
      client.get("/api/v1/innovations?q=kependudukan&bentuk=pelayanan_publik&per_halaman=5");
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.header("content-type").rfind("application/json", 0), 0u);
  auto body = nlohmann::json::parse(found.body);
  EXPECT_LE(body["items"].size(), 5u);
  EXPECT_EQ(body["per_page"], 5);
  ASSERT_FALSE(body["items"].empty());
  EXPECT_TRUE(body["facets"].contains("provinsi"));
  auto first = body["items"][0];
  EXPECT_EQ(first["form"], "pelayanan_publik");
  auto all = nlohmann::json::parse(client.get("/api/v1/innovations").body);
  EXPECT_EQ(all["total"].get<std::int64_t>(),
            server_->count("SELECT COUNT(*) FROM innovation_published"));

  auto one = client.get(first["api_url"].get<std::string>());
  ASSERT_EQ(one.status, 200);
  auto innovation = nlohmann::json::parse(one.body);
  EXPECT_EQ(innovation["name"], first["name"]);
  EXPECT_TRUE(innovation.contains("design"));
  auto missing = client.get("/api/v1/innovations/999999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "not_found");
  auto warned = nlohmann::json::parse(client.get("/api/v1/innovations?q=%22dokter").body);
  EXPECT_EQ(warned["warnings"][0]["code"], "search.unbalanced_quote");
  auto page = client.get("/data-terbuka");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("/api/v1/openapi.json"));
  auto spec = nlohmann::json::parse(client.get("/api/v1/openapi.json").body);
  EXPECT_EQ(spec["openapi"], "3.0.3");
  EXPECT_TRUE(spec["paths"].contains("/innovations/{id}"));
}

TEST_P(Catalogue, ProfilesSuggestSimilarInnovations) {
  Client client = server_->client();
  auto id = server_->count("SELECT innovation_id FROM innovation_published WHERE name = $1",
                           {"Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan "
                            "Perbatasan"});
  auto profile = client.get("/inovasi/" + std::to_string(id));
  ASSERT_EQ(profile.status, 200);
  auto similar = profile.body.find("Inovasi serupa");
  ASSERT_NE(similar, std::string::npos);
  EXPECT_NE(profile.body.find("Perbatasan Smart", similar), std::string::npos);
}

TEST_P(Catalogue, ProfilesListTheirAwardsWithSources) {
  Client client = server_->client();
  auto id = server_->count("SELECT innovation_id FROM innovation_published WHERE name = $1",
                           {"Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan "
                            "Perbatasan"});
  auto profile = client.get("/inovasi/" + std::to_string(id));
  EXPECT_TRUE(profile.contains("Top 45 KIPP 2019")) << profile.body;
  EXPECT_TRUE(profile.contains("sumber: metrokaltara.com"));
  auto api = nlohmann::json::parse(client.get("/api/v1/innovations/" + std::to_string(id)).body);
  EXPECT_EQ(api["awards"][0]["tier"], "top_inovasi");
  EXPECT_EQ(api["awards"][0]["year"], 2019);
  // Ayo Ceting: two awards, the newest first.
  auto ayo = server_->count("SELECT innovation_id FROM innovation_published WHERE name = $1",
                            {"Ayo Cegah Stunting"});
  auto page = client.get("/inovasi/" + std::to_string(ayo)).body;
  auto newer = page.find("Kelompok Keberlanjutan 2024");
  auto older = page.find("Finalis KIPP 2020");
  ASSERT_NE(newer, std::string::npos);
  ASSERT_NE(older, std::string::npos);
  EXPECT_LT(newer, older);
  // An innovation without awards says so.
  auto plain =
      server_->count("SELECT MIN(innovation_id) FROM innovation_published WHERE is_sample = 1");
  EXPECT_TRUE(client.get("/inovasi/" + std::to_string(plain)).contains("<dd>belum ada</dd>"));
}

SIMPUL_ENGINE_SUITE(Catalogue);

}  // namespace
}  // namespace simpul::test
