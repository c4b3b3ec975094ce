// Public pages, language, reference data, agencies, health and metrics over HTTP.
#include <regex>

#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

class Site : public EngineTest {};

TEST_P(Site, HomePageSpeaksIndonesianWithTheProgrammeParts) {
  TestServer server(GetParam());
  Client client = server.client();
  auto home = client.get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(home.contains("<html lang=\"id\">"));
  for (const char* part : {"Katalog Inovasi", "Kompetisi", "Replikasi", "Forum Konsultasi Publik",
                           "Survei Kepuasan", "Statistik"}) {
    EXPECT_TRUE(home.contains(part)) << part;
  }
  for (const char* path : {"/katalog", "/kompetisi", "/replikasi", "/fkp", "/skm", "/statistik"}) {
    EXPECT_EQ(client.get(path).status, 200) << path;
  }
  auto signin = client.get("/masuk");
  EXPECT_FALSE(signin.contains("Akun demo")) << "demo accounts are shown only in demo mode";
  auto about = client.get("/tentang");
  EXPECT_TRUE(about.contains("idn-area-data"));
  EXPECT_TRUE(about.contains("Open Database License"));
}

// The one-time notice travels in a cookie the visitor can change: only a message of the catalogue
// is shown, its arguments escaped, and only once.
TEST_P(Site, ANoticeCookieShowsOnlyACatalogueMessageOnce) {
  TestServer server(GetParam());
  Client client = server.client();
  client.set_cookie("simpul_notice", "evil.unknown");
  auto unknown = client.get("/");
  EXPECT_FALSE(unknown.contains("class=\"notice\""));
  EXPECT_FALSE(unknown.contains("evil"));
  client.set_cookie("simpul_notice", "%zz");
  EXPECT_EQ(client.get("/").status, 200) << "a broken cookie is ignored, not a 400";
  client.set_cookie("simpul_notice", "judging.remind.done&n=%3Cb%3E7");
  auto shown = client.get("/");
  EXPECT_TRUE(shown.contains("Pengingat terkirim kepada &lt;b&gt;7 evaluator."));
  EXPECT_FALSE(shown.contains("<b>7"));
  EXPECT_FALSE(client.get("/").contains("Pengingat terkirim")) << "shown once";
}

TEST_P(Site, LanguageSwitchIsRememberedAndRedirectsOnlyLocally) {
  TestServer server(GetParam());
  Client client = server.client();
  client.get("/tentang");
  auto switched = client.post("/bahasa", {{"lang", "en"}, {"next", "/tentang"}});
  EXPECT_EQ(switched.status, 303);
  EXPECT_EQ(switched.header("location"), "/tentang");
  EXPECT_EQ(client.cookie("simpul_lang"), "en");
  auto about = client.get("/tentang");
  EXPECT_TRUE(about.contains("<html lang=\"en\">"));
  EXPECT_TRUE(about.contains("About Simpul"));
  EXPECT_TRUE(client.get("/").contains("Innovation Catalogue"));
  EXPECT_TRUE(client.get("/tidak-ada").contains("Page not found"));
  auto evil = client.post("/bahasa", {{"lang", "id"}, {"next", "//evil.example/"}});
  EXPECT_EQ(evil.header("location"), "/");
  EXPECT_TRUE(client.get("/").contains("Katalog Inovasi"));
}

TEST_P(Site, ErrorsArePagesInTheUsersLanguageOrJson) {
  TestServer server(GetParam());
  Client client = server.client();
  auto missing = client.get("/tidak-ada");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.contains("Halaman tidak ditemukan"));
  EXPECT_FALSE(missing.header("x-request-id").empty());
  auto api = client.get("/api/v1/tidak-ada");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type").rfind("application/json", 0), 0u);
  auto error = nlohmann::json::parse(api.body);
  EXPECT_EQ(error["error"]["code"], "not_found");
  auto wrong_method = client.send("DELETE", "/", "", "", "");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_NE(wrong_method.header("allow").find("GET"), std::string::npos);
}

TEST_P(Site, EveryResponseCarriesSecurityHeaders) {
  TestServer server(GetParam());
  Client client = server.client();
  for (const char* path : {"/", "/masuk", "/tidak-ada"}) {
    auto response = client.get(path);
    EXPECT_NE(response.header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos)
        << path;
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << path;
    EXPECT_FALSE(response.header("referrer-policy").empty()) << path;
    EXPECT_EQ(response.header("x-request-id").size(), 16u) << path;
  }
}

TEST_P(Site, UnsafeRequestsWithoutAValidCsrfTokenAreRefused) {
  TestServer server(GetParam());
  auto password = server.add_user("org", Role::organiser);
  Client client = server.signed_in("org", password);
  auto agencies_before = server.count("SELECT COUNT(*) FROM agencies");
  auto missing = client.post_raw("/instansi/baru", "name=Kementerian+Contoh&type=kementerian");
  EXPECT_EQ(missing.status, 403);
  EXPECT_TRUE(missing.contains("Formulir ini kedaluwarsa atau tidak sah"));
  auto forged = client.post_raw(
      "/instansi/baru", "name=Kementerian+Contoh&type=kementerian&csrf=" + std::string(64, 'a'));
  EXPECT_EQ(forged.status, 403);
  // A token valid for another visitor's cookie is useless here.
  Client other = server.client();
  other.get("/");
  auto borrowed = client.post_raw("/instansi/baru",
                                  "name=Kementerian+Contoh&type=kementerian&csrf=" + other.csrf());
  EXPECT_EQ(borrowed.status, 403);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies"), agencies_before);
  // htmx sends the token as a header.
  auto with_header =
      client.send("POST", "/instansi/baru", "name=Kementerian+Contoh&type=kementerian",
                  "application/x-www-form-urlencoded", "X-CSRF-Token: " + client.csrf() + "\r\n");
  EXPECT_EQ(with_header.status, 303);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies"), agencies_before + 1);
}

TEST_P(Site, ReferenceDataComesFromIdnAreaData) {
  TestServer server(GetParam());
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM provinces"), 38);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM regencies"), 514);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies WHERE type = 'provinsi'"), 38);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies WHERE type IN ('kabupaten', 'kota')"), 514);
  auto zone_of = [&](const std::string& name) {
    auto tx = server.app().db().begin_read();
    return tx.query("SELECT timezone FROM agencies WHERE name = $1", {name}).front().text(0);
  };
  EXPECT_EQ(zone_of("Pemerintah Provinsi Kalimantan Utara"), "WITA");
  EXPECT_EQ(zone_of("Pemerintah Kota Tarakan"), "WITA");
  EXPECT_EQ(zone_of("Pemerintah Kota Jayapura"), "WIT");
  EXPECT_EQ(zone_of("Pemerintah Kabupaten Malinau"), "WITA");
  EXPECT_EQ(zone_of("Pemerintah Provinsi Jawa Barat"), "WIB");
  EXPECT_EQ(zone_of("Pemerintah Kota Palembang"), "WIB");
}

TEST_P(Site, OrganiserAddsAgenciesWithClearErrors) {
  TestServer server(GetParam());
  Client client = server.signed_in("org", server.add_user("org", Role::organiser));
  auto list = client.get("/instansi?jenis=kota&provinsi=65");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(list.contains("Pemerintah Kota Tarakan"));
  EXPECT_FALSE(list.contains("Pemerintah Kabupaten Malinau"));
  client.get("/instansi/baru");
  auto bad =
      client.post("/instansi/baru", {{"name", "<script>alert(1)</script>"}, {"type", "kota"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(bad.contains("Pilih jenis instansi"));
  EXPECT_FALSE(bad.contains("<script>alert(1)</script>"));
  EXPECT_TRUE(bad.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  auto bumd = client.post("/instansi/baru", {{"name", "PDAM Contoh"}, {"type", "bumd"}});
  EXPECT_EQ(bumd.status, 422);
  EXPECT_TRUE(bumd.contains("BUMD memerlukan provinsi"));
  auto ok = client.post("/instansi/baru", {{"name", "Kementerian Pendayagunaan Aparatur Negara"},
                                           {"type", "kementerian"}});
  EXPECT_EQ(ok.status, 303);
  auto duplicate =
      client.post("/instansi/baru",
                  {{"name", "kementerian pendayagunaan aparatur negara"}, {"type", "kementerian"}});
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies WHERE type = 'kementerian'"), 1);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'agency.create'"), 1);
}

TEST_P(Site, HealthAndMetrics) {
  TestServer server(GetParam());
  Client client = server.client();
  auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 200);
  auto body = nlohmann::json::parse(health.body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["engine"], GetParam());
  client.get("/");
  auto metrics = client.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_TRUE(metrics.contains("simpul_http_requests_total{route=\"GET /\""));
  EXPECT_TRUE(metrics.contains("simpul_http_request_duration_seconds_bucket"));
  EXPECT_TRUE(metrics.contains("simpul_db_pool_in_use"));
}

TEST_P(Site, StaticAssetsAreFingerprintedAndCached) {
  TestServer server(GetParam());
  Client client = server.client();
  auto home = client.get("/");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(home.body, match,
                                std::regex(R"re(href="(/static/css/simpul\.[0-9a-f]+\.css)")re")));
  auto css = client.get(match[1]);
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
  auto etag = css.header("etag");
  auto again = client.get(match[1], "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  auto gz = client.get(match[1], "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
}

SIMPUL_ENGINE_SUITE(Site);

}  // namespace
}  // namespace simpul::test
