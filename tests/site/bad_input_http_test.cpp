// Hostile and broken input, and a database that is locked or unreachable: each gets a clear error,
// the server keeps serving, and nothing half-done is committed.
#include <sqlite3.h>

#include "support/harness.hpp"

namespace simpul::test {
namespace {

using auth::Role;

class BadInput : public EngineTest {};

TEST_P(BadInput, MalformedHttpGets400AndTheServerKeepsServing) {
  TestServer server(GetParam());
  auto garbage = parse_response(exchange_raw(server.port(), "\x01\x02 nonsense\r\n\r\n"));
  EXPECT_EQ(garbage.status, 400);
  auto no_version = parse_response(exchange_raw(server.port(), "GET /\r\n\r\n"));
  EXPECT_EQ(no_version.status, 400);
  EXPECT_EQ(server.client().get("/").status, 200);
}

TEST_P(BadInput, OversizedHeadersAndBodiesAreRefused) {
  TestServer server(GetParam(),
                    [](kernel::Config& config) { config.server.max_body_bytes = 64 * 1024; });
  std::string huge_header =
      "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(64 * 1024, 'a') +
      "\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(parse_response(exchange_raw(server.port(), huge_header)).status, 431);
  Client client = server.client();
  client.get("/masuk");
  auto big = client.post("/masuk", {{"username", "x"}, {"password", std::string(100 * 1024, 'p')}});
  EXPECT_EQ(big.status, 413);
  EXPECT_TRUE(big.contains("terlalu besar"));
  EXPECT_EQ(client.get("/").status, 200);
}

TEST_P(BadInput, BadFormEncodingAndInvalidUtf8AreRefusedClearly) {
  TestServer server(GetParam());
  Client client = server.signed_in("org", server.add_user("org", Role::organiser));
  client.get("/instansi/baru");
  auto before = server.count("SELECT COUNT(*) FROM agencies");
  auto bad_escape =
      client.post_raw("/instansi/baru", "csrf=" + client.csrf() + "&name=Dinas%zzX&type=lembaga");
  EXPECT_EQ(bad_escape.status, 400);
  EXPECT_TRUE(bad_escape.contains("rusak"));
  auto bad_utf8 = client.post_raw("/instansi/baru",
                                  "csrf=" + client.csrf() + "&name=Dinas%FF%FEX&type=lembaga");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_TRUE(bad_utf8.contains("UTF-8"));
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies"), before);
  auto bad_query = client.get("/pengguna?cari=%FF");
  EXPECT_EQ(bad_query.status, 400);
}

TEST_P(BadInput, HtmlInEveryFieldRendersAsText) {
  TestServer server(GetParam());
  auto password = server.add_user("eval", Role::evaluator, {}, {}, false);
  Client client = server.signed_in("eval", password);
  const std::string script = "<script>alert('x')</script>";
  client.post(
      "/akun/profil",
      {{"full_name", "Nama " + script}, {"position", script}, {"email", "a@b.id"}, {"phone", ""}});
  client.post("/akun/sandi", {{"current_password", password},
                              {"new_password", "AmanSekali2026"},
                              {"confirmation", "AmanSekali2026"}});
  auto home = client.get("/akun");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(home.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos)
      << home.body;
}

TEST_P(BadInput, DatabaseUnavailableGets503AndChangesNothing) {
  TestServer server(GetParam(), [](kernel::Config& config) {
    config.pool.busy_timeout = std::chrono::milliseconds(200);
    config.pool.acquire_timeout = std::chrono::milliseconds(500);
  });
  Client client = server.signed_in("org", server.add_user("org", Role::organiser));
  client.get("/instansi/baru");
  auto before = server.count("SELECT COUNT(*) FROM agencies");
  auto add_agency = [&](const std::string& name) {
    return client.post("/instansi/baru", {{"name", name}, {"type", "lembaga"}});
  };

  if (GetParam() == "sqlite") {
    // Another process holds the write lock longer than the busy timeout.
    sqlite3* other = nullptr;
    auto path = server.database().url().substr(std::string("sqlite:").size());
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    auto locked = add_agency("Badan Terkunci");
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(locked.status, 503);
    EXPECT_TRUE(locked.contains("Basis data sedang tidak dapat dijangkau atau terkunci"));
  } else {
    // The database refuses connections and the open ones are cut, as in a failover.
    auto name = server.database().url().substr(server.database().url().rfind('/') + 1);
    TestDatabase::admin_execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
    TestDatabase::admin_execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    auto unreachable = add_agency("Badan Terputus");
    EXPECT_EQ(unreachable.status, 503);
    EXPECT_TRUE(unreachable.contains("Basis data sedang tidak dapat dijangkau"));
    EXPECT_EQ(client.get("/healthz").status, 503);
    TestDatabase::admin_execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
  }
  // The server recovers by itself once the database answers again.
  int status = 0;
  for (int attempt = 0; attempt < 3 && status != 200; ++attempt)
    status = client.get("/healthz").status;
  EXPECT_EQ(status, 200);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies"), before);
  EXPECT_EQ(add_agency("Badan Pulih").status, 303);
  EXPECT_EQ(server.count("SELECT COUNT(*) FROM agencies"), before + 1);
}

SIMPUL_ENGINE_SUITE(BadInput);
SIMPUL_TEST_REPORT_SKIPPED_ENGINES()

}  // namespace
}  // namespace simpul::test
