// The SINOVIK account flow over HTTP, on every engine: the organiser creates a local admin, who
// completes the first sign-in, adds a service unit and creates a unit operator.
#include <regex>

#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

std::string temporary_password(const HttpResponse& response) {
  static const std::regex secret(R"re(<code class="secret">([^<]+)</code>)re");
  std::smatch match;
  EXPECT_TRUE(std::regex_search(response.body, match, secret)) << response.body;
  return match.size() > 1 ? match[1].str() : "";
}

// Signs in with a temporary password and walks the forced setup: profile, then password.
Client complete_first_signin(TestServer& server, const std::string& username,
                             const std::string& temporary, const std::string& new_password) {
  Client client = server.signed_in(username, temporary);
  auto home = client.get("/akun");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.header("location"), "/akun/profil");
  // The password comes after the profile, as in SINOVIK.
  EXPECT_EQ(client.get("/akun/sandi").header("location"), "/akun/profil");
  client.get("/akun/profil");
  auto saved = client.post("/akun/profil", {{"full_name", "Siti Rahma"},
                                            {"position", "Kepala Bagian Organisasi"},
                                            {"email", username + "@kaltaraprov.go.id"},
                                            {"phone", "0812 3456 7890"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), "/akun/sandi");
  // Nothing else opens until the password is changed.
  EXPECT_EQ(client.get("/pengguna").header("location"), "/akun/sandi");
  client.get("/akun/sandi");
  auto changed = client.post("/akun/sandi", {{"current_password", temporary},
                                             {"new_password", new_password},
                                             {"confirmation", new_password}});
  EXPECT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(changed.header("location"), "/akun");
  return client;
}

class AccountFlow : public EngineTest {};

TEST_P(AccountFlow, OrganiserToLocalAdminToUnitOperator) {
  TestServer server(GetParam());
  auto organiser_password = server.add_user("kemenpan", Role::organiser);
  auto kaltara = server.agency_id(kKaltara);
  Client organiser = server.signed_in("kemenpan", organiser_password);

  organiser.get("/pengguna/baru?instansi=" + std::to_string(kaltara) + "&peran=local_admin");
  auto created = organiser.post("/pengguna/baru", {{"role", "local_admin"},
                                                   {"agency_id", std::to_string(kaltara)},
                                                   {"username", "Admin.Kaltara"},
                                                   {"full_name", "Admin Kaltara"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.contains("admin.kaltara"));  // usernames are lower-cased
  EXPECT_EQ(created.header("cache-control"), "no-store");
  std::string temporary = temporary_password(created);

  Client admin = complete_first_signin(server, "admin.kaltara", temporary, "KaltaraMaju2026");
  auto home = admin.get("/akun");
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(home.contains("Siti Rahma"));
  EXPECT_TRUE(home.contains(kKaltara));

  auto unit_added =
      admin.post("/instansi/" + std::to_string(kaltara) + "/unit", {{"name", "Dinas Kesehatan"}});
  EXPECT_EQ(unit_added.status, 303);
  auto unit_id = server.count("SELECT id FROM units WHERE name = 'Dinas Kesehatan'");
  admin.get("/pengguna/baru");
  auto operator_created = admin.post("/pengguna/baru", {{"role", "unit_operator"},
                                                        {"unit_id", std::to_string(unit_id)},
                                                        {"username", "dinkes.kaltara"}});
  ASSERT_EQ(operator_created.status, 201) << operator_created.body;
  EXPECT_EQ(server.count("SELECT agency_id FROM users WHERE username = 'dinkes.kaltara'"), kaltara);
  complete_first_signin(server, "dinkes.kaltara", temporary_password(operator_created),
                        "DokterTerbang2026");

  // Every change left its audit event.
  for (const char* action :
       {"user.create", "user.profile", "user.password", "unit.create", "session.signin"}) {
    EXPECT_GT(server.count("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action}), 0)
        << action;
  }
  auto log = organiser.get("/audit");
  EXPECT_EQ(log.status, 200);
  EXPECT_TRUE(log.contains("user.create"));
  EXPECT_TRUE(log.contains("dinkes.kaltara"));
  EXPECT_TRUE(log.contains("pukul")) << "times in Indonesian format";
  EXPECT_TRUE(log.contains(" WIB")) << "the organiser has no agency: Jakarta time";
}

TEST_P(AccountFlow, ProfileAndPasswordRulesAreEnforced) {
  TestServer server(GetParam());
  auto password = server.add_user("baru", Role::evaluator, {}, {}, false);
  Client client = server.signed_in("baru", password);
  auto bad =
      client.post("/akun/profil", {{"full_name", "A"}, {"position", ""}, {"email", "tanpa-at.id"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(bad.contains("Alamat surel tidak sah"));
  EXPECT_TRUE(bad.contains("value=\"A\""));  // what was typed is shown again
  EXPECT_EQ(server.count("SELECT must_complete_profile FROM users WHERE username = 'baru'"), 1);

  client.post("/akun/profil",
              {{"full_name", "Budi Santoso"}, {"position", "Dosen"}, {"email", "budi@univ.ac.id"}});
  struct Case {
    const char* fresh;
    const char* message;
  };
  for (auto [fresh, message] :
       {Case{"Pendek1", "minimal 10 karakter"}, Case{"semuakecil123", "huruf besar"},
        Case{"SEMUABESAR123", "huruf kecil"}, Case{"TanpaAngkaSama", "memuat angka"}}) {
    auto response = client.post(
        "/akun/sandi",
        {{"current_password", password}, {"new_password", fresh}, {"confirmation", fresh}});
    EXPECT_EQ(response.status, 422) << fresh;
    EXPECT_TRUE(response.contains(message)) << fresh;
  }
  auto wrong_current = client.post("/akun/sandi", {{"current_password", "salah"},
                                                   {"new_password", "BenarSekali2026"},
                                                   {"confirmation", "BenarSekali2026"}});
  EXPECT_EQ(wrong_current.status, 422);
  EXPECT_TRUE(wrong_current.contains("Kata sandi saat ini salah"));
  EXPECT_EQ(server.count("SELECT must_change_password FROM users WHERE username = 'baru'"), 1);
}

TEST_P(AccountFlow, EachRoleIsRefusedWhatItMayNotDo) {
  TestServer server(GetParam());
  auto kaltara = server.agency_id(kKaltara);
  auto tarakan = server.agency_id("Pemerintah Kota Tarakan");
  auto unit = server.add_unit(kaltara, "Disdukcapil");
  struct Who {
    const char* username;
    Role role;
  };
  std::map<std::string, Client> clients;
  for (auto [username, role] : {Who{"org", Role::organiser}, Who{"lokal", Role::local_admin},
                                Who{"unit", Role::unit_operator}, Who{"hub", Role::hub_coordinator},
                                Who{"eval", Role::evaluator}, Who{"panel", Role::panelist}}) {
    std::optional<std::int64_t> agency, unit_id;
    if (auth::role_needs_agency(role)) agency = kaltara;
    if (role == Role::unit_operator) unit_id = unit;
    auto password = server.add_user(username, role, agency, unit_id);
    clients.emplace(username, server.signed_in(username, password));
  }
  auto organiser_id = server.count("SELECT id FROM users WHERE username = 'org'");
  auto expect_forbidden = [](const HttpResponse& response, const std::string& what) {
    EXPECT_EQ(response.status, 403) << what;
    EXPECT_TRUE(response.contains("tidak berwenang")) << what;
  };
  for (const char* who : {"unit", "hub", "eval", "panel"}) {
    expect_forbidden(clients.at(who).get("/pengguna"), std::string(who) + " lists users");
    expect_forbidden(
        clients.at(who).post("/pengguna/baru", {{"role", "unit_operator"}, {"username", "x.y"}}),
        std::string(who) + " creates a user");
    expect_forbidden(clients.at(who).get("/audit"), std::string(who) + " reads the audit log");
  }
  for (const char* who : {"unit", "eval", "panel"}) {
    expect_forbidden(clients.at(who).get("/instansi"), std::string(who) + " lists agencies");
  }
  Client& lokal = clients.at("lokal");
  expect_forbidden(lokal.get("/audit"), "local admin reads the audit log");
  expect_forbidden(lokal.get("/instansi/baru"), "local admin adds an agency");
  expect_forbidden(lokal.get("/instansi/" + std::to_string(tarakan)),
                   "local admin sees another agency");
  expect_forbidden(lokal.post("/pengguna/baru", {{"role", "local_admin"}, {"username", "lokal2"}}),
                   "local admin creates a local admin");
  expect_forbidden(lokal.post("/pengguna/" + std::to_string(organiser_id) + "/nonaktifkan", {}),
                   "local admin deactivates the organiser");
  expect_forbidden(lokal.post("/instansi/" + std::to_string(tarakan) + "/unit", {{"name", "X"}}),
                   "local admin adds a unit elsewhere");
  expect_forbidden(
      clients.at("hub").post("/instansi/" + std::to_string(kaltara) + "/unit", {{"name", "Y"}}),
      "hub coordinator adds a unit");
  // A local admin's unit operator lands in the admin's own agency whatever the form says.
  auto foreign_unit = server.add_unit(tarakan, "Dinas Tarakan");
  auto refused = lokal.post("/pengguna/baru", {{"role", "unit_operator"},
                                               {"agency_id", std::to_string(tarakan)},
                                               {"unit_id", std::to_string(foreign_unit)},
                                               {"username", "penyusup"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(refused.contains("bukan milik instansi ini"));
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM users WHERE username = 'penyusup'"), 0);

  Client anonymous = server.client();
  auto redirect = anonymous.get("/akun");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.header("location"), "/masuk?next=%2Fakun");
  EXPECT_EQ(
      anonymous.post("/pengguna/baru", {{"role", "organiser"}, {"username", "hacker"}}).status,
      401);
  EXPECT_EQ(
      server.count("SELECT COUNT(*) FROM users WHERE username IN ('x.y', 'lokal2', 'hacker')"), 0);
}

TEST_P(AccountFlow, DeactivationEndsSessionsAndBlocksSignIn) {
  TestServer server(GetParam());
  auto kaltara = server.agency_id(kKaltara);
  Client organiser = server.signed_in("org", server.add_user("org", Role::organiser));
  auto password = server.add_user("lokal", Role::local_admin, kaltara);
  Client lokal = server.signed_in("lokal", password);
  ASSERT_EQ(lokal.get("/akun").status, 200);
  auto id = server.count("SELECT id FROM users WHERE username = 'lokal'");

  organiser.get("/pengguna");
  auto deactivated = organiser.post("/pengguna/" + std::to_string(id) + "/nonaktifkan", {});
  EXPECT_EQ(deactivated.status, 303);
  EXPECT_EQ(lokal.get("/akun").status, 303);  // the open session is gone
  Client again = server.client();
  again.get("/masuk");
  auto refused = again.post("/masuk", {{"username", "lokal"}, {"password", password}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(refused.contains("dinonaktifkan"));
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.deactivate' AND "
                         "before_json LIKE '%true%' AND after_json LIKE '%false%'"),
            1);
  // A second click changes nothing and records nothing.
  organiser.post("/pengguna/" + std::to_string(id) + "/nonaktifkan", {});
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user.deactivate'"), 1);
  organiser.post("/pengguna/" + std::to_string(id) + "/aktifkan", {});
  EXPECT_EQ(server.signed_in("lokal", password).get("/akun").status, 200);
}

TEST_P(AccountFlow, SignInIsRateLimitedPerAccountAndPerAddress) {
  TestServer server(GetParam(), [](kernel::Config& config) {
    config.signin_failures_per_account = 3;
    config.signin_failures_per_address = 6;
  });
  auto password = server.add_user("target", Role::evaluator);
  Client attacker = server.client();
  attacker.get("/masuk");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(attacker.post("/masuk", {{"username", "target"}, {"password", "tebak"}}).status, 401);
  }
  auto locked = attacker.post("/masuk", {{"username", "target"}, {"password", password}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_TRUE(locked.contains("Terlalu banyak percobaan masuk"));
  EXPECT_TRUE(locked.contains("menit"));
  EXPECT_EQ(attacker.get("/akun").status, 303);  // still not signed in

  // The same address trying other names is stopped too.
  for (int i = 0; i < 3; ++i) {
    attacker.post("/masuk", {{"username", "nama" + std::to_string(i)}, {"password", "x"}});
  }
  auto by_address = attacker.post("/masuk", {{"username", "lain"}, {"password", "x"}});
  EXPECT_EQ(by_address.status, 429);
}

TEST_P(AccountFlow, SignOutAndExpiredSessions) {
  TestServer server(GetParam());
  auto password = server.add_user("eval", Role::evaluator);
  Client client = server.signed_in("eval", password);
  ASSERT_EQ(client.get("/akun").status, 200);
  auto out = client.post("/keluar", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(client.get("/akun").status, 303);

  Client again = server.signed_in("eval", password);
  server.app().db().write([](db::Transaction& tx) {
    tx.execute("UPDATE sessions SET last_seen_at = last_seen_at - 100000");
  });
  auto expired = again.get("/akun");
  EXPECT_EQ(expired.status, 303);
  EXPECT_EQ(expired.header("location"), "/masuk?next=%2Fakun");
  auto notice = again.follow(expired);
  EXPECT_TRUE(notice.contains("Sesi Anda telah berakhir"));

  Client stale = server.signed_in("eval", password);
  server.app().db().write([](db::Transaction& tx) {
    tx.execute("UPDATE sessions SET created_at = created_at - 100000");
  });
  auto post = stale.post("/akun/profil", {{"full_name", "X Y Z"}});
  EXPECT_EQ(post.status, 401);
  EXPECT_TRUE(post.contains("Sesi Anda telah berakhir"));
}

TEST_P(AccountFlow, AuditLogIsAppendOnly) {
  TestServer server(GetParam());
  server.add_user("org", Role::organiser);
  ASSERT_GT(server.count("SELECT COUNT(*) FROM audit_events"), 0);
  EXPECT_THROW(server.app().db().write([](db::Transaction& tx) {
    tx.execute("UPDATE audit_events SET actor_name = 'someone else'");
  }),
               db::Error);
  EXPECT_THROW(
      server.app().db().write([](db::Transaction& tx) { tx.execute("DELETE FROM audit_events"); }),
      db::Error);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM audit_events WHERE actor_name = 'someone else'"), 0);
}

SIMPUL_ENGINE_SUITE(AccountFlow);

}  // namespace
}  // namespace simpul::test
