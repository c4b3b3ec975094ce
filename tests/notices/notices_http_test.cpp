// Notices and the email outbox, on every engine: notify() fills the inbox (shown in the reader's
// language, marked read one by one or all at once, counted in the layout) and the outbox (the
// organiser's page); the sender delivers to a real SMTP server (aiosmtpd, plain and with
// STARTTLS and AUTH), records failures and retries them on the backoff schedule until it gives
// up, stops cleanly mid-transfer, and two senders on one database never send an email twice.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <set>

#include <nlohmann/json.hpp>

#include "core/mail/retry.hpp"
#include "core/util/clock.hpp"
#include "notices/sender.hpp"
#include "notices/service.hpp"
#include "support/harness.hpp"
#include "support/smtp_server.hpp"

namespace simpul::test {
namespace {

using auth::Role;
using nlohmann::json;
using namespace std::chrono_literals;

// The repository as the server's home, plus one message catalogue with the texts of the test
// notices: the notices module has no texts of its own to announce, its callers bring them.
class TestHome {
 public:
  TestHome() {
    static int counter = 0;
    folder_ =
        std::filesystem::temp_directory_path() /
        ("simpul-notices-home-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::path source = SIMPUL_SOURCE_DIR;
    std::filesystem::create_directories(folder_ / "i18n");
    for (const char* name : {"templates", "static", "migrations", "node_modules", "docs"}) {
      std::filesystem::create_directory_symlink(source / name, folder_ / name);
    }
    for (const auto& entry : std::filesystem::directory_iterator(source / "i18n")) {
      std::filesystem::create_symlink(entry.path(), folder_ / "i18n" / entry.path().filename());
    }
    write("noticetest.id.json",
          {{"noticetest.returned",
            "Usulan “{title}” dikembalikan untuk diperbaiki sebelum {edition} ditutup."}});
    write("noticetest.en.json", {{"noticetest.returned",
                                  "Your proposal “{title}” was returned for changes before "
                                  "{edition} closes."}});
  }
  ~TestHome() { std::filesystem::remove_all(folder_); }
  std::string path() const { return folder_.string(); }

 private:
  void write(const std::string& name, const json& messages) {
    std::ofstream(folder_ / "i18n" / name) << messages.dump();
  }
  std::filesystem::path folder_;
};

notices::Message returned(const std::string& title, int proposal = 17) {
  return {"noticetest.returned",
          {{"title", title}, {"edition", "KIPP 2025"}},
          "/kompetisi/3/usulan/" + std::to_string(proposal)};
}

// A port on which nothing listens: connecting is refused at once.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

void use_smtp(kernel::Config& config, int port, bool starttls = false) {
  config.smtp.host = "127.0.0.1";
  config.smtp.port = port;
  config.smtp.starttls = starttls;
  config.smtp.from = "Simpul KemenPAN-RB <no-reply@simpul.example.go.id>";
  config.smtp.poll = 50ms;
  config.public_url = "https://simpul.example.go.id/";
}

struct NoticeFixture {
  explicit NoticeFixture(const std::string& engine,
                         const std::function<void(kernel::Config&)>& adjust = {})
      : server(engine, [&](kernel::Config& config) {
          config.home = home.path();
          if (adjust) adjust(config);
        }) {}

  // A user whose setup is done, with an email address unless it is empty.
  std::int64_t add_user(const std::string& username, Role role,
                        std::optional<std::int64_t> agency_id = {},
                        const std::string& email = "default") {
    passwords[username] = server.add_user(username, role, agency_id);
    auto id = server.count("SELECT id FROM users WHERE username = $1", {username});
    std::string address = email == "default" ? username + "@example.go.id" : email;
    server.app().db().write([&](db::Transaction& tx) {
      tx.execute("UPDATE users SET email = $1 WHERE id = $2", {address, id});
    });
    return id;
  }
  Client sign_in(const std::string& username) {
    return server.signed_in(username, passwords.at(username));
  }
  void notify(std::int64_t user_id, const notices::Message& message) {
    server.app().db().write([&](db::Transaction& tx) { notices::notify(tx, user_id, message); });
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    return server.count(sql, params);
  }
  struct Email {
    std::string status;
    std::int64_t attempts;
    std::string last_error;
    std::optional<std::int64_t> next_attempt_at, sent_at, claimed_until;
  };
  std::vector<Email> outbox() {
    auto tx = server.app().db().begin_read();
    std::vector<Email> emails;
    for (auto row : tx.query("SELECT status, attempts, last_error, next_attempt_at, sent_at, "
                             "claimed_until FROM email_outbox ORDER BY id")) {
      emails.push_back({row.text(0), row.integer(1), row.text(2), row.optional_integer(3),
                        row.optional_integer(4), row.optional_integer(5)});
    }
    return emails;
  }

  TestHome home;
  TestServer server;
  std::map<std::string, std::string> passwords;
};

// The configuration of a sender driven by a test, and the test's clock.
struct TestClock {
  std::int64_t now = now_seconds();
  notices::Sender::Clock clock() {
    return [this] { return now; };
  }
};

class Notices : public EngineTest {};

TEST_P(Notices, TheInboxShowsANoticeInTheReadersLanguage) {
  NoticeFixture f(GetParam());
  auto siti = f.add_user("siti", Role::evaluator);
  f.notify(siti, returned("Akta <b>Keliling</b> & \"Jemput\""));
  auto client = f.sign_in("siti");

  auto page = client.get("/kotak-masuk");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(
      page.contains("Usulan “Akta &lt;b&gt;Keliling&lt;/b&gt; &amp; &quot;Jemput&quot;” "
                    "dikembalikan untuk diperbaiki sebelum KIPP 2025 ditutup."))
      << page.body;
  EXPECT_FALSE(page.contains("<b>Keliling")) << "arguments are escaped";
  EXPECT_TRUE(page.contains("href=\"/kompetisi/3/usulan/17\""));
  EXPECT_TRUE(page.contains("Belum dibaca"));
  EXPECT_TRUE(page.contains("1 belum dibaca dari 1 pemberitahuan."));
  EXPECT_TRUE(page.contains(" WIB</p>")) << "the time, in the user's zone";
  // The layout counts the unread notice next to the inbox link, on every page.
  std::string badge = "<span class=\"badge\">1<span class=\"visually-hidden\"> belum dibaca";
  EXPECT_TRUE(page.contains(badge));
  auto account = client.get("/akun");
  EXPECT_TRUE(account.contains(badge));
  // Twice: next to the inbox link and on the folded menu's button; never beside another link.
  std::size_t badges = 0;
  for (auto at = account.body.find(badge); at != std::string::npos;
       at = account.body.find(badge, at + 1))
    ++badges;
  EXPECT_EQ(badges, 2u);

  client.set_cookie("simpul_lang", "en");
  auto english = client.get("/kotak-masuk");
  EXPECT_TRUE(
      english.contains("Your proposal “Akta &lt;b&gt;Keliling&lt;/b&gt; &amp; "
                       "&quot;Jemput&quot;” was returned for changes before KIPP 2025 "
                       "closes."))
      << english.body;
  EXPECT_TRUE(english.contains("1 unread of 1 notices."));
  EXPECT_TRUE(english.contains("<span class=\"badge\">1<span class=\"visually-hidden\"> unread"));

  // The notice is in the inbox and its email in the outbox; notify() writes no audit event (its
  // caller's change has one).
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM notices WHERE user_id = $1", {siti}), 1);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM email_outbox WHERE recipient = 'siti@example.go.id' "
                    "AND status = 'pending'"),
            1);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'notice%'"), 0);
}

TEST_P(Notices, AnEmptyInboxSaysSoAndShowsNoCount) {
  NoticeFixture f(GetParam());
  f.add_user("siti", Role::evaluator);
  auto page = f.sign_in("siti").get("/kotak-masuk");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(page.contains("Belum ada pemberitahuan untuk Anda."));
  EXPECT_TRUE(page.contains("href=\"/kotak-masuk\" aria-current=\"page\">Kotak masuk</a>"));
  EXPECT_FALSE(page.contains("class=\"badge\""));
  EXPECT_EQ(f.server.client().get("/kotak-masuk").status, 303) << "signed in only";
}

TEST_P(Notices, NoticesAreMarkedReadOneByOneOrAllAtOnce) {
  NoticeFixture f(GetParam());
  auto siti = f.add_user("siti", Role::evaluator);
  auto budi = f.add_user("budi", Role::evaluator);
  for (int i = 1; i <= 3; ++i) f.notify(siti, returned("Usulan " + std::to_string(i), i));
  f.notify(budi, returned("Usulan Budi"));
  auto first = f.count("SELECT MIN(id) FROM notices WHERE user_id = $1", {siti});
  auto budis = f.count("SELECT id FROM notices WHERE user_id = $1", {budi});
  auto client = f.sign_in("siti");
  client.get("/kotak-masuk");

  auto marked = client.post("/kotak-masuk/" + std::to_string(first) + "/dibaca", {});
  EXPECT_EQ(marked.status, 303);
  EXPECT_EQ(marked.header("location"), "/kotak-masuk");
  auto page = client.follow(marked);
  EXPECT_TRUE(page.contains("Pemberitahuan sudah ditandai dibaca."));
  EXPECT_TRUE(page.contains("2 belum dibaca dari 3 pemberitahuan."));
  EXPECT_TRUE(page.contains("<span class=\"badge\">2<span"));
  // Marking it again changes nothing; another user's notice, or none, is not found.
  EXPECT_EQ(client.post("/kotak-masuk/" + std::to_string(first) + "/dibaca", {}).status, 303);
  EXPECT_EQ(client.post("/kotak-masuk/" + std::to_string(budis) + "/dibaca", {}).status, 404);
  EXPECT_EQ(client.post("/kotak-masuk/999999/dibaca", {}).status, 404);
  EXPECT_EQ(client.post("/kotak-masuk/abc/dibaca", {}).status, 404);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM notices WHERE read_at IS NOT NULL"), 1);
  // Every form needs its CSRF token.
  EXPECT_EQ(client.post_raw("/kotak-masuk/dibaca-semua", "halaman=1").status, 403);

  auto all = client.post("/kotak-masuk/dibaca-semua", {{"halaman", "1"}});
  EXPECT_EQ(all.status, 303);
  page = client.follow(all);
  EXPECT_TRUE(page.contains("Semua pemberitahuan sudah ditandai dibaca."));
  EXPECT_TRUE(page.contains("0 belum dibaca dari 3 pemberitahuan."));
  EXPECT_FALSE(page.contains("class=\"badge\""));
  EXPECT_FALSE(page.contains("Tandai semua sudah dibaca"));
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM notices WHERE user_id = $1 AND read_at IS NULL", {budi}),
            1)
      << "only the reader's own notices";
}

TEST_P(Notices, TheInboxIsPaginatedNewestFirst) {
  NoticeFixture f(GetParam());
  auto siti = f.add_user("siti", Role::evaluator);
  f.server.app().db().write([&](db::Transaction& tx) {
    for (int i = 1; i <= 25; ++i) {
      notices::notify(tx, siti, returned("Nomor " + std::to_string(i), i));
    }
  });
  auto client = f.sign_in("siti");
  auto first = client.get("/kotak-masuk");
  EXPECT_TRUE(first.contains("Nomor 25”"));
  EXPECT_TRUE(first.contains("Nomor 6”"));
  EXPECT_FALSE(first.contains("Nomor 5”"));
  EXPECT_TRUE(first.contains("href=\"/kotak-masuk?halaman=2\" rel=\"next\""));
  auto second = client.get("/kotak-masuk?halaman=2");
  EXPECT_TRUE(second.contains("Nomor 5”"));
  EXPECT_TRUE(second.contains("Nomor 1”"));
  EXPECT_FALSE(second.contains("Nomor 6”"));
  EXPECT_TRUE(second.contains("href=\"/kotak-masuk?halaman=1\" rel=\"prev\""));
  // Marking read on page 2 comes back to page 2.
  auto one = f.count("SELECT MIN(id) FROM notices");
  auto marked = client.post("/kotak-masuk/" + std::to_string(one) + "/dibaca", {{"halaman", "2"}});
  EXPECT_EQ(marked.header("location"), "/kotak-masuk?halaman=2");
}

TEST_P(Notices, NotifyRoleReachesTheActiveUsersOfTheRole) {
  NoticeFixture f(GetParam());
  auto kaltara = f.server.agency_id(kKaltara);
  auto tarakan = f.server.agency_id(kTarakan);
  auto admin = f.add_user("adminkaltara", Role::local_admin, kaltara);
  auto without_email = f.add_user("adminkaltara2", Role::local_admin, kaltara, "");
  auto gone = f.add_user("adminlama", Role::local_admin, kaltara);
  auto other = f.add_user("admintarakan", Role::local_admin, tarakan);
  auto organiser = f.add_user("penyelenggara", Role::organiser);
  auto organiser2 = f.add_user("penyelenggara2", Role::organiser);
  f.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE users SET active = 0 WHERE id = $1", {gone});
  });

  f.server.app().db().write([&](db::Transaction& tx) {
    notices::notify_role(tx, Role::local_admin, kaltara, returned("Untuk admin Kaltara"));
    notices::notify_role(tx, Role::organiser, std::nullopt, returned("Untuk penyelenggara"));
  });
  auto notices_of = [&](std::int64_t user) {
    return f.count("SELECT COUNT(*) FROM notices WHERE user_id = $1", {user});
  };
  auto emails_of = [&](std::int64_t user) {
    return f.count("SELECT COUNT(*) FROM email_outbox WHERE user_id = $1", {user});
  };
  EXPECT_EQ(notices_of(admin), 1);
  EXPECT_EQ(emails_of(admin), 1);
  EXPECT_EQ(notices_of(without_email), 1);
  EXPECT_EQ(emails_of(without_email), 0) << "no address, no email";
  EXPECT_EQ(notices_of(gone), 0) << "deactivated accounts are not among a role's users";
  EXPECT_EQ(notices_of(other), 0) << "another agency";
  EXPECT_EQ(notices_of(organiser), 1);
  EXPECT_EQ(notices_of(organiser2), 1);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM notices"), 4);

  // notify() to a deactivated account keeps the inbox entry but sends nothing.
  f.notify(gone, returned("Untuk akun nonaktif"));
  EXPECT_EQ(notices_of(gone), 1);
  EXPECT_EQ(emails_of(gone), 0);
}

TEST_P(Notices, ANoticeCommitsOrVanishesWithTheCallersChange) {
  NoticeFixture f(GetParam());
  auto siti = f.add_user("siti", Role::evaluator);
  auto& database = f.server.app().db();
  EXPECT_THROW(database.write([&](db::Transaction& tx) {
    notices::notify(tx, siti, returned("Dibatalkan"));
    throw Conflict("error.conflict");
  }),
               UserError);
  // Malformed messages and unknown users are the caller's bug: they undo the whole change.
  auto refused = [&](const notices::Message& message, std::int64_t user) {
    EXPECT_THROW(database.write([&](db::Transaction& tx) {
      tx.execute("UPDATE users SET position = 'diubah' WHERE id = $1", {siti});
      notices::notify(tx, user, message);
    }),
                 std::invalid_argument)
        << message.key << " " << message.link;
  };
  auto message = returned("x");
  refused(message, 999999);
  for (const char* link : {"", "kompetisi/3", "//evil.example/", "/\\evil.example", "/a b",
                           "/a\r\nSet-Cookie: x", "https://evil.example/"}) {
    message.link = link;
    refused(message, siti);
  }
  message = returned("x");
  for (const char* key : {"", "Noticetest.returned", "noticetest returned", "a\"b", ".x"}) {
    message.key = key;
    refused(message, siti);
  }
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM notices"), 0);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM email_outbox"), 0);
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM users WHERE position = 'diubah'"), 0);
}

TEST_P(Notices, TheOutboxIsTheOrganisersAndSaysWhetherEmailsGoOut) {
  NoticeFixture f(GetParam());
  auto siti = f.add_user("siti", Role::evaluator);
  f.add_user("penyelenggara", Role::organiser);
  f.add_user("adminkaltara", Role::local_admin, f.server.agency_id(kKaltara));
  f.notify(siti, returned("Akta Keliling"));
  auto organiser = f.sign_in("penyelenggara");

  auto page = organiser.get("/email-keluar");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.contains("Server SMTP belum diatur"));
  EXPECT_TRUE(page.contains("siti@example.go.id"));
  EXPECT_TRUE(page.contains("Nama siti"));
  EXPECT_TRUE(page.contains("Usulan “Akta Keliling” dikembalikan"));
  EXPECT_TRUE(page.has_cells("<td>Menunggu"));
  EXPECT_TRUE(page.contains("<option value=\"menunggu\">Menunggu (1)</option>"));
  EXPECT_TRUE(page.contains("href=\"/email-keluar\" aria-current=\"page\">Email keluar</a>"))
      << "in the account menu";
  auto sent = organiser.get("/email-keluar?status=terkirim");
  EXPECT_TRUE(sent.contains("Tidak ada email dengan status ini."));
  EXPECT_TRUE(sent.contains("<option value=\"terkirim\" selected>Terkirim (0)</option>"));
  organiser.set_cookie("simpul_lang", "en");
  EXPECT_TRUE(organiser.get("/email-keluar").contains("No SMTP server is configured"));

  auto admin = f.sign_in("adminkaltara");
  EXPECT_EQ(admin.get("/email-keluar").status, 403);
  EXPECT_FALSE(admin.get("/akun").contains("/email-keluar"));
  EXPECT_EQ(f.sign_in("siti").get("/email-keluar").status, 403);
  EXPECT_EQ(f.server.client().get("/email-keluar").status, 303);
}

TEST_P(Notices, TheSenderDeliversToAPlainSmtpServer) {
  SmtpServer smtp;
  NoticeFixture f(GetParam(), [&](kernel::Config& config) { use_smtp(config, smtp.port()); });
  auto siti = f.add_user("siti", Role::evaluator);
  f.server.app().db().write([&](db::Transaction& tx) {
    tx.execute("UPDATE users SET full_name = 'Siti Rahmawati, S.Sos.' WHERE id = $1", {siti});
  });
  f.notify(siti, returned("Akta Keliling Sebatik"));

  ASSERT_TRUE(smtp.wait_for(1));
  auto message = smtp.received()[0];
  EXPECT_EQ(message["mail_from"], "no-reply@simpul.example.go.id");
  EXPECT_EQ(message["rcpt_tos"], json::array({"siti@example.go.id"}));
  EXPECT_EQ(message["from"], "Simpul KemenPAN-RB <no-reply@simpul.example.go.id>");
  EXPECT_EQ(message["to"], "\"Siti Rahmawati, S.Sos.\" <siti@example.go.id>");
  EXPECT_EQ(message["subject"],
            "Usulan “Akta Keliling Sebatik” dikembalikan untuk diperbaiki sebelum KIPP 2025 "
            "ditutup.");
  EXPECT_TRUE(message["message_id"].get<std::string>().ends_with("@simpul.example.go.id>"));
  EXPECT_EQ(message["content_type"], "text/plain");
  EXPECT_EQ(message["charset"], "utf-8");
  EXPECT_EQ(message["tls"], false);
  std::string body = message["body"];
  auto indonesian = body.find("Yth. Siti Rahmawati, S.Sos.,");
  auto english = body.find("Your proposal “Akta Keliling Sebatik” was returned");
  EXPECT_NE(indonesian, std::string::npos) << body;
  EXPECT_NE(english, std::string::npos) << body;
  EXPECT_LT(indonesian, english) << "Indonesian first";
  EXPECT_NE(body.find("https://simpul.example.go.id/kompetisi/3/usulan/17"), std::string::npos);

  // Recorded as sent, once; the organiser sees it and where emails go.
  for (int i = 0;
       i < 100 && f.count("SELECT COUNT(*) FROM email_outbox WHERE status = 'sent'") == 0; ++i) {
    std::this_thread::sleep_for(20ms);
  }
  auto rows = f.outbox();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "sent");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_TRUE(rows[0].sent_at);
  EXPECT_FALSE(rows[0].claimed_until) << "no claim left behind";
  f.add_user("penyelenggara", Role::organiser);
  auto page = f.sign_in("penyelenggara").get("/email-keluar?status=terkirim");
  EXPECT_TRUE(
      page.contains("server SMTP 127.0.0.1:" + std::to_string(smtp.port()) + " tanpa enkripsi"))
      << page.body;
  EXPECT_TRUE(page.has_cells("<td>Terkirim<br><small>"));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(smtp.received().size(), 1u) << "sent once";
}

TEST_P(Notices, TheSenderUsesStartTlsAndCredentials) {
  SmtpServer smtp({.starttls = true, .username = "simpul", .password = "rahasia-smtp"});
  NoticeFixture f(GetParam(), [&](kernel::Config& config) {
    use_smtp(config, smtp.port(), true);
    config.smtp.username = "simpul";
    config.smtp.password = "rahasia-smtp";
    config.smtp.ca_file = smtp.ca_file();
  });
  f.notify(f.add_user("siti", Role::evaluator), returned("Lewat TLS"));
  ASSERT_TRUE(smtp.wait_for(1));
  auto message = smtp.received()[0];
  EXPECT_EQ(message["tls"], true);
  EXPECT_EQ(message["login"], "simpul");
  EXPECT_EQ(message["subject"],
            "Usulan “Lewat TLS” dikembalikan untuk diperbaiki sebelum KIPP 2025 ditutup.");
}

// Senders driven by the test's clock, against servers that fail in different ways.
notices::Sender test_sender(NoticeFixture& f, TestClock& clock, int port,
                            const std::function<void(kernel::Config&)>& adjust = {}) {
  kernel::Config config;
  use_smtp(config, port);
  if (adjust) adjust(config);
  return {f.server.app().db(), f.server.app().catalog(), config, clock.clock()};
}

TEST_P(Notices, FailuresAreRetriedOnTheScheduleThenTheEmailFails) {
  NoticeFixture f(GetParam());
  f.notify(f.add_user("siti", Role::evaluator), returned("Tidak sampai"));
  TestClock clock;
  auto sender = test_sender(f, clock, closed_port());

  for (int attempt = 1; attempt <= 6; ++attempt) {
    EXPECT_EQ(sender.send_due(), 1u) << "attempt " << attempt;
    auto row = f.outbox()[0];
    EXPECT_EQ(row.attempts, attempt);
    EXPECT_NE(row.last_error.find("connect"), std::string::npos) << row.last_error;
    if (attempt < 6) {
      EXPECT_EQ(row.status, "pending");
      auto wait = mail::retry_delay(attempt).count();
      EXPECT_EQ(*row.next_attempt_at, clock.now + wait);
      clock.now += wait - 1;
      EXPECT_EQ(sender.send_due(), 0u) << "not due yet";
      clock.now += 1;
    } else {
      EXPECT_EQ(row.status, "failed");
      EXPECT_FALSE(row.next_attempt_at);
    }
  }
  clock.now += 7 * 24 * 3600;
  EXPECT_EQ(sender.send_due(), 0u) << "a failed email is not tried again";

  f.add_user("penyelenggara", Role::organiser);
  auto page = f.sign_in("penyelenggara").get("/email-keluar?status=gagal");
  EXPECT_TRUE(page.has_cells("<td>Gagal</td>")) << page.body;
  EXPECT_TRUE(page.has_cells("<td>6</td>"));
  EXPECT_TRUE(page.contains("connect"));
}

TEST_P(Notices, AnEmailGoesOutWhenTheServerComesBack) {
  NoticeFixture f(GetParam());
  f.notify(f.add_user("siti", Role::evaluator), returned("Akhirnya sampai"));
  TestClock clock;
  EXPECT_EQ(test_sender(f, clock, closed_port()).send_due(), 1u);
  SmtpServer smtp;
  auto sender = test_sender(f, clock, smtp.port());
  EXPECT_EQ(sender.send_due(), 0u) << "waits for its next attempt";
  clock.now += 60;
  EXPECT_EQ(sender.send_due(), 1u);
  EXPECT_EQ(smtp.received().size(), 1u);
  auto row = f.outbox()[0];
  EXPECT_EQ(row.status, "sent");
  EXPECT_EQ(row.attempts, 2);
  EXPECT_NE(row.last_error.find("connect"), std::string::npos) << "the earlier error is kept";
}

TEST_P(Notices, RefusalsOfTheServerAreRecorded) {
  SmtpServer smtp({.starttls = true,
                   .username = "simpul",
                   .password = "rahasia-smtp",
                   .reject = "hilang@example.go.id"});
  NoticeFixture f(GetParam());
  f.notify(f.add_user("siti", Role::evaluator), returned("Sertifikat"));
  TestClock clock;
  auto tls = [&](kernel::Config& config) {
    config.smtp.starttls = true;
    config.smtp.username = "simpul";
    config.smtp.password = "rahasia-smtp";
  };
  // A certificate the system does not trust, a wrong password, a recipient the server refuses.
  test_sender(f, clock, smtp.port(), tls).send_due();
  EXPECT_NE(f.outbox()[0].last_error.find("certificate"), std::string::npos)
      << f.outbox()[0].last_error;
  clock.now += 60;
  test_sender(f, clock, smtp.port(), [&](kernel::Config& config) {
    tls(config);
    config.smtp.ca_file = smtp.ca_file();
    config.smtp.password = "salah";
  }).send_due();
  EXPECT_NE(f.outbox()[0].last_error.find("535"), std::string::npos) << f.outbox()[0].last_error;
  f.notify(f.add_user("hilang", Role::evaluator), returned("Penerima ditolak"));
  clock.now += 300;
  test_sender(f, clock, smtp.port(), [&](kernel::Config& config) {
    tls(config);
    config.smtp.ca_file = smtp.ca_file();
  }).send_due();
  auto rows = f.outbox();
  EXPECT_EQ(rows[0].status, "sent");
  EXPECT_EQ(rows[0].attempts, 3);
  EXPECT_EQ(rows[1].status, "pending");
  EXPECT_NE(rows[1].last_error.find("550"), std::string::npos) << rows[1].last_error;
  EXPECT_EQ(smtp.received().size(), 1u);
}

TEST_P(Notices, AnAddressNoServerTakesFailsAtOnce) {
  NoticeFixture f(GetParam());
  f.notify(f.add_user("siti", Role::evaluator, std::nullopt, "siti@example.go.id\r\nBcc: x@y.id"),
           returned("Alamat rusak"));
  SmtpServer smtp;
  TestClock clock;
  EXPECT_EQ(test_sender(f, clock, smtp.port()).send_due(), 1u);
  auto row = f.outbox()[0];
  EXPECT_EQ(row.status, "failed");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_NE(row.last_error.find("not a valid email address"), std::string::npos) << row.last_error;
  EXPECT_TRUE(smtp.received().empty());
}

TEST_P(Notices, ASenderStopsMidTransferAndLeavesTheEmailDue) {
  // A server that accepts connections and never greets: the transfer waits for its timeout.
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::listen(listener, 8);
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);

  NoticeFixture f(GetParam());
  f.notify(f.add_user("siti", Role::evaluator), returned("Server diam"));
  TestClock clock;
  auto sender = std::make_unique<notices::Sender>(
      f.server.app().db(), f.server.app().catalog(),
      [&] {
        kernel::Config config;
        use_smtp(config, ntohs(address.sin_port));
        return config;
      }(),
      clock.clock());
  sender->start();
  for (int i = 0; i < 200 && !f.outbox()[0].claimed_until; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(f.outbox()[0].claimed_until) << "claimed";
  std::this_thread::sleep_for(300ms);
  auto started = std::chrono::steady_clock::now();
  sender.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  ::close(listener);
  auto row = f.outbox()[0];
  EXPECT_EQ(row.status, "pending");
  EXPECT_EQ(row.attempts, 0) << "an abandoned transfer is not a failed attempt";
  EXPECT_FALSE(row.claimed_until) << "and its claim is given back";
}

TEST_P(Notices, TwoSendersOnOneDatabaseNeverSendAnEmailTwice) {
  SmtpServer smtp;
  NoticeFixture f(GetParam());
  constexpr int kEmails = 40;
  std::vector<std::int64_t> users;
  for (int i = 0; i < 4; ++i)
    users.push_back(f.add_user("user" + std::to_string(i), Role::evaluator));
  f.server.app().db().write([&](db::Transaction& tx) {
    for (int i = 0; i < kEmails; ++i) {
      notices::notify(tx, users[i % users.size()], returned("Nomor " + std::to_string(i), i));
    }
  });
  // Two app servers: two connection pools on the same database, each with its sender.
  auto second_database = db::Database::open(f.server.app().config().database_url());
  kernel::Config config;
  use_smtp(config, smtp.port());
  notices::Sender first(f.server.app().db(), f.server.app().catalog(), config);
  notices::Sender second(*second_database, f.server.app().catalog(), config);
  std::atomic<std::size_t> tried{0};
  auto drain = [&](notices::Sender& sender) {
    while (f.count("SELECT COUNT(*) FROM email_outbox WHERE status = 'pending'") > 0) {
      tried += sender.send_due();
    }
  };
  std::thread a([&] { drain(first); });
  std::thread b([&] { drain(second); });
  a.join();
  b.join();

  EXPECT_EQ(tried.load(), std::size_t(kEmails));
  auto received = smtp.received();
  EXPECT_EQ(received.size(), std::size_t(kEmails));
  std::set<std::string> ids;
  for (const auto& message : received) ids.insert(message["message_id"].get<std::string>());
  EXPECT_EQ(ids.size(), std::size_t(kEmails)) << "every email once";
  EXPECT_EQ(f.count("SELECT COUNT(*) FROM email_outbox WHERE status = 'sent' AND attempts = 1"),
            kEmails);
}

}  // namespace

SIMPUL_ENGINE_SUITE(Notices);

}  // namespace simpul::test
