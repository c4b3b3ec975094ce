// Writing through the JSON API with per-agency tokens, on every engine: the local admin's token
// page (created once, listed, revoked), create and update with and without publication, and every
// refusal (no token, a revoked one, another agency's unit or innovation, bad JSON, unknown
// fields, a stale version), each leaving the data as it was.
#include <regex>

#include <nlohmann/json.hpp>

#include "core/util/crypto.hpp"
#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;
using nlohmann::json;

json complete_fields(const std::string& name) {
  std::string design = "Tim jemput bola.";
  for (int i = 0; i < 60; ++i) design += " Petugas datang ke kecamatan perbatasan.";
  return {{"name", name},
          {"form", "pelayanan_publik"},
          {"type", "digital"},
          {"stage", "penerapan"},
          {"initiator", "perangkat_daerah"},
          {"affairs", {"adminduk"}},
          {"sdgs", {16}},
          {"trial_date", "2019-02-01"},
          {"implementation_date", "2020-01-06"},
          {"problem", "Warga menunggu berminggu-minggu."},
          {"design", design},
          {"goals", "Layanan satu hari."},
          {"benefits", "Warga hemat ongkos."},
          {"results",
           {{{"indicator", "Waktu layanan"}, {"before", "14"}, {"after", "1"}, {"unit", "hari"}}}},
          {"budget", 250000000},
          {"tags", {"sinkronisasi"}}};
}

struct ApiFixture {
  explicit ApiFixture(const std::string& engine)
      : server(engine),
        kaltara(server.agency_id(kKaltara)),
        tarakan(server.agency_id(kTarakan)),
        unit(server.add_unit(kaltara, "Dinas Kependudukan")),
        tarakan_unit(server.add_unit(tarakan, "Dinas Kesehatan Kota Tarakan")),
        admin(server.signed_in("adminkaltara",
                               server.add_user("adminkaltara", Role::local_admin, kaltara))),
        other_admin(server.signed_in(
            "admintarakan", server.add_user("admintarakan", Role::local_admin, tarakan))) {}

  // A new token through the page, as the local admin sees it once.
  std::string new_token(Client& client, const std::string& label) {
    client.get("/token-api");
    auto page = client.post("/token-api", {{"label", label}});
    EXPECT_EQ(page.status, 201) << page.body.substr(0, 2000);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    static const std::regex token(R"(simpul_[0-9a-f]{48})");
    std::smatch match;
    EXPECT_TRUE(std::regex_search(page.body, match, token));
    return match.size() ? match[0].str() : "";
  }
  HttpResponse call(const std::string& method, const std::string& target, const std::string& token,
                    const std::string& body = "",
                    const std::string& content_type = "application/json") {
    Client client = server.client();
    std::string headers = token.empty() ? "" : "Authorization: Bearer " + token + "\r\n";
    return client.send(method, target, body, body.empty() ? "" : content_type, headers);
  }
  HttpResponse create(const std::string& token, const json& body) {
    return call("POST", "/api/v1/innovations", token, body.dump());
  }
  HttpResponse update(const std::string& token, std::int64_t id, const json& body) {
    return call("PUT", "/api/v1/innovations/" + std::to_string(id), token, body.dump());
  }
  std::int64_t innovations() { return server.count("SELECT COUNT(*) FROM innovations"); }

  TestServer server;
  std::int64_t kaltara, tarakan, unit, tarakan_unit;
  Client admin, other_admin;
};

class ApiWrites : public EngineTest {};

TEST_P(ApiWrites, ALocalAdminCreatesATokenThatIsShownOnceAndListed) {
  ApiFixture f(GetParam());
  auto token = f.new_token(f.admin, "Pusat Data Kaltara");
  ASSERT_FALSE(token.empty());
  auto list = f.admin.get("/token-api");
  EXPECT_TRUE(list.contains("Pusat Data Kaltara"));
  EXPECT_TRUE(list.contains(token.substr(0, 12)));
  EXPECT_FALSE(list.contains(token)) << "the whole token is shown only once";
  // Only its hash is stored.
  EXPECT_EQ(
      f.server.count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1", {sha256_hex(token)}),
      1);
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'api_token.create'"),
            1);
  // The same label twice among active tokens, an empty one, and one too long are refused.
  EXPECT_EQ(f.admin.post("/token-api", {{"label", "Pusat Data Kaltara"}}).status, 409);
  EXPECT_EQ(f.admin.post("/token-api", {{"label", "  "}}).status, 422);
  EXPECT_EQ(f.admin.post("/token-api", {{"label", std::string(81, 'x')}}).status, 422);
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM api_tokens"), 1);
  // Another agency's admin does not see it.
  EXPECT_FALSE(f.other_admin.get("/token-api").contains("Pusat Data Kaltara"));
}

TEST_P(ApiWrites, OnlyLocalAdminsManageTokensAndEveryFormNeedsCsrf) {
  ApiFixture f(GetParam());
  auto operator_password = f.server.add_user("operator", Role::unit_operator, f.kaltara, f.unit);
  auto unit_operator = f.server.signed_in("operator", operator_password);
  EXPECT_EQ(unit_operator.get("/token-api").status, 403);
  EXPECT_EQ(unit_operator.post("/token-api", {{"label", "x"}}).status, 403);
  Client anonymous = f.server.client();
  EXPECT_EQ(anonymous.get("/token-api").status, 303);
  f.admin.get("/token-api");
  auto forged = f.admin.post_raw("/token-api", "label=tanpa-csrf");
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM api_tokens"), 0);
}

TEST_P(ApiWrites, ATokenCreatesADraftThenUpdatesAndPublishesIt) {
  ApiFixture f(GetParam());
  auto token = f.new_token(f.admin, "SIINOVDA");
  json draft = {{"unit_id", f.unit}, {"fields", {{"name", "Layanan Adminduk Keliling"}}}};
  auto created = f.create(token, draft);
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = json::parse(created.body);
  auto id = body.at("id").get<std::int64_t>();
  EXPECT_EQ(body.at("status"), "draft");
  EXPECT_EQ(body.at("version"), 1);
  EXPECT_EQ(created.header("location"), "/api/v1/innovations/" + std::to_string(id));
  // Drafts stay private.
  EXPECT_EQ(f.server.client().get("/api/v1/innovations/" + std::to_string(id)).status, 404);
  // The audit log names the token.
  auto token_id = f.server.count("SELECT id FROM api_tokens");
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'innovation.create' "
                           "AND actor_name = $1",
                           {"api-token:" + std::to_string(token_id)}),
            1);
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM api_tokens WHERE last_used_at IS NOT NULL"), 1);
  // The agency's list shows it with the version to update from.
  auto list = json::parse(f.call("GET", "/api/v1/agency/innovations", token).body);
  ASSERT_EQ(list.at("total"), 1);
  EXPECT_EQ(list.at("items")[0].at("id"), id);

  auto updated = f.update(token, id,
                          {{"version", 1},
                           {"fields", complete_fields("Layanan Adminduk Keliling")},
                           {"note", "lengkap"},
                           {"publish", true}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(json::parse(updated.body).at("status"), "published");
  auto published = f.server.client().get("/api/v1/innovations/" + std::to_string(id));
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(json::parse(published.body).at("budget"), 250000000);
  // The catalogue follows at once.
  auto found = json::parse(f.server.client().get("/api/v1/innovations?q=adminduk+keliling").body);
  EXPECT_EQ(found.at("total"), 1);
  // An update from the old version is refused and changes nothing.
  auto stale = f.update(token, id, {{"version", 1}, {"fields", {{"name", "Nama lain"}}}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(json::parse(stale.body).at("error").at("code"), "conflict");
  EXPECT_EQ(f.server.count("SELECT version FROM innovations WHERE id = $1", {id}), 2);
}

TEST_P(ApiWrites, CreateAndPublishInOneCallOrNothing) {
  ApiFixture f(GetParam());
  auto token = f.new_token(f.admin, "SIINOVDA");
  auto created = f.create(
      token,
      {{"unit_id", f.unit}, {"fields", complete_fields("Sipelandukilat API")}, {"publish", true}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body).at("status"), "published");
  auto before = f.innovations();
  // Incomplete: refused with the list of what is missing, nothing written.
  auto incomplete = f.create(
      token, {{"unit_id", f.unit}, {"fields", {{"name", "Setengah jadi"}}}, {"publish", true}});
  ASSERT_EQ(incomplete.status, 422) << incomplete.body;
  EXPECT_FALSE(json::parse(incomplete.body).at("error").at("missing").empty());
  EXPECT_EQ(f.innovations(), before);
}

TEST_P(ApiWrites, MalformedRequestsAreRefusedWithDetailsAndChangeNothing) {
  ApiFixture f(GetParam());
  auto token = f.new_token(f.admin, "SIINOVDA");
  auto before = f.innovations();
  auto fields_of = [](const HttpResponse& response) {
    std::map<std::string, std::string> out;
    auto body = json::parse(response.body);
    for (const auto& item : body.at("error").at("fields")) {
      out[item.at("field").get<std::string>()] = item.at("message").get<std::string>();
    }
    return out;
  };
  auto misspelt = f.create(token, {{"unit_id", f.unit}, {"fields", {{"nama", "Salah kunci"}}}});
  ASSERT_EQ(misspelt.status, 422) << misspelt.body;
  EXPECT_TRUE(fields_of(misspelt).count("nama"));
  auto wrong_types =
      f.create(token, {{"unit_id", f.unit},
                       {"fields", {{"name", "Tipe"}, {"sdgs", {"16"}}, {"budget", "banyak"}}}});
  ASSERT_EQ(wrong_types.status, 422);
  auto problems = fields_of(wrong_types);
  EXPECT_TRUE(problems.count("sdgs") && problems.count("budget"));
  auto bad_values = f.create(
      token,
      {{"unit_id", f.unit},
       {"fields", {{"name", "Nilai"}, {"form", "bukan_bentuk"}, {"trial_date", "2020-02-30"}}}});
  ASSERT_EQ(bad_values.status, 422);
  problems = fields_of(bad_values);
  EXPECT_TRUE(problems.count("form") && problems.count("trial_date"));
  // Another agency's unit.
  auto foreign = f.create(token, {{"unit_id", f.tarakan_unit}, {"fields", {{"name", "Asing"}}}});
  ASSERT_EQ(foreign.status, 422);
  EXPECT_TRUE(fields_of(foreign).count("unit_id"));
  // Not JSON, not an object, not declared as JSON.
  EXPECT_EQ(f.call("POST", "/api/v1/innovations", token, "{\"unit_id\":").status, 400);
  EXPECT_EQ(f.call("POST", "/api/v1/innovations", token, "[1,2]").status, 400);
  EXPECT_EQ(f.call("POST", "/api/v1/innovations", token, "unit_id=1", "text/plain").status, 415);
  // Invalid UTF-8 inside a string.
  EXPECT_EQ(f.call("POST", "/api/v1/innovations", token,
                   "{\"unit_id\":" + std::to_string(f.unit) + ",\"fields\":{\"name\":\"\xff\"}}")
                .status,
            400);
  EXPECT_EQ(f.innovations(), before);
}

TEST_P(ApiWrites, NoOtherCredentialThanAnActiveTokenOfTheAgencyWorks) {
  ApiFixture f(GetParam());
  auto token = f.new_token(f.admin, "SIINOVDA");
  auto other_token = f.new_token(f.other_admin, "Tarakan");
  json draft = {{"unit_id", f.unit}, {"fields", {{"name", "Milik Kaltara"}}}};
  auto id = json::parse(f.create(token, draft).body).at("id").get<std::int64_t>();
  auto before = f.innovations();

  auto none = f.call("POST", "/api/v1/innovations", "", draft.dump());
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer");
  EXPECT_EQ(json::parse(none.body).at("error").at("code"), "unauthorized");
  EXPECT_EQ(f.create("simpul_" + std::string(48, '0'), draft).status, 401);
  EXPECT_EQ(f.create("bukan-token", draft).status, 401);
  // A signed-in local admin's browser session is no API credential.
  auto session = f.admin.send("POST", "/api/v1/innovations", draft.dump(), "application/json", "");
  EXPECT_EQ(session.status, 401);
  // Another agency's token cannot touch this innovation.
  auto foreign = f.update(other_token, id, {{"version", 1}, {"fields", {{"name", "Dibajak"}}}});
  EXPECT_EQ(foreign.status, 403);
  // Revoked: refused from then on.
  f.admin.get("/token-api");
  auto token_id = f.server.count("SELECT id FROM api_tokens WHERE label = 'SIINOVDA'");
  auto revoked = f.admin.post("/token-api/" + std::to_string(token_id) + "/cabut", {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(f.create(token, draft).status, 401);
  EXPECT_EQ(f.update(token, id, {{"version", 1}, {"fields", {{"name", "Sesudah dicabut"}}}}).status,
            401);
  // The other admin cannot revoke Kaltara's tokens.
  f.other_admin.get("/token-api");
  auto other_id = f.server.count("SELECT id FROM api_tokens WHERE label = 'Tarakan'");
  EXPECT_EQ(f.admin.post("/token-api/" + std::to_string(other_id) + "/cabut", {}).status, 404);
  EXPECT_EQ(f.innovations(), before);
  EXPECT_EQ(f.server.count("SELECT version FROM innovations WHERE id = $1", {id}), 1);
  EXPECT_EQ(f.server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'api_token.revoke'"),
            1);
}

TEST_P(ApiWrites, ErrorsSpeakEnglishWhenAskedTo) {
  ApiFixture f(GetParam());
  Client client = f.server.client();
  auto english = client.send("POST", "/api/v1/innovations", "{}", "application/json",
                             "Accept-Language: en-GB,en;q=0.8\r\n");
  EXPECT_EQ(english.status, 401);
  EXPECT_TRUE(english.contains("Unknown or revoked API token")) << english.body;
  auto indonesian = f.call("POST", "/api/v1/innovations", "", "{}");
  EXPECT_TRUE(indonesian.contains("Token API tidak dikenal")) << indonesian.body;
}

SIMPUL_ENGINE_SUITE(ApiWrites);

}  // namespace
}  // namespace simpul::test
