// Notices without a database: what a message may be, its arguments as stored, the outbox states,
// the email a notice becomes, and the SMTP configuration (TOML and environment).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/config.hpp"
#include "core/util/crypto.hpp"
#include "notices/email.hpp"
#include "notices/model.hpp"
#include "notices/sender.hpp"

namespace simpul::notices {
namespace {

const std::string kHome = SIMPUL_SOURCE_DIR;

TEST(NoticeMessage, KeysAreCatalogueKeysAndLinksStayOnTheSite) {
  Message message{"competitions.notice.returned", {{"title", "x"}}, "/kompetisi/3/usulan/17?a=1#b"};
  EXPECT_NO_THROW(check(message));
  for (const char* link : {"", "kompetisi", "//evil.example", "/\\evil.example",
                           "https://evil.example/", "/a b", "/a\nb", "/a\"b", "/ä"}) {
    message.link = link;
    EXPECT_THROW(check(message), std::invalid_argument) << link;
  }
  message.link = "/";
  EXPECT_NO_THROW(check(message));
  for (const char* key : {"", "Competitions.x", "a-b", "a b", ".a", "a.", "a\"b"}) {
    message.key = key;
    EXPECT_THROW(check(message), std::invalid_argument) << key;
  }
  message.key = std::string(201, 'a');
  EXPECT_THROW(check(message), std::invalid_argument);
}

TEST(NoticeMessage, ArgumentsRoundTripThroughJson) {
  MessageArgs args = {{"title", "Akta “Keliling” <b>"}, {"edition", "KIPP 2025"}};
  auto back = args_from_json(args_to_json(args));
  std::sort(args.begin(), args.end());
  std::sort(back.begin(), back.end());
  EXPECT_EQ(back, args);
  EXPECT_EQ(args_from_json(args_to_json({})), MessageArgs{});
  // An invalid byte from a form is replaced rather than failing the caller's change.
  EXPECT_NO_THROW(args_to_json({{"title", std::string("a\xff")}}));
}

TEST(EmailStatus, HasCodesForTheDatabaseAndIndonesianSlugsForUrls) {
  for (auto status : kAllStatuses) {
    EXPECT_EQ(parse_status(status_code(status)), status);
    EXPECT_EQ(parse_status_slug(status_slug(status)), status);
  }
  EXPECT_EQ(status_slug(EmailStatus::pending), "menunggu");
  EXPECT_EQ(status_slug(EmailStatus::sent), "terkirim");
  EXPECT_EQ(status_slug(EmailStatus::failed), "gagal");
  EXPECT_FALSE(parse_status_slug("pending"));
  EXPECT_FALSE(parse_status(""));
}

view::Catalog catalog_with_test_message() {
  auto catalog = view::Catalog::load(kHome + "/i18n");
  catalog.add(view::Lang::id, "test.returned", "Usulan “{title}” dikembalikan.");
  catalog.add(view::Lang::en, "test.returned", "Proposal “{title}” was returned.");
  return catalog;
}

EmailRow email_row(const std::string& title) {
  EmailRow email;
  email.recipient = "siti@kaltaraprov.go.id";
  email.recipient_name = "Siti Rahmawati";
  email.message = {"test.returned", args_to_json({{"title", title}}), "/kompetisi/3/usulan/17"};
  email.message_id = "0123abcd";
  return email;
}

TEST(NoticeEmail, IsIndonesianFirstWithEnglishBelow) {
  auto catalog = catalog_with_test_message();
  mail::Address from{"Simpul", "no-reply@simpul.go.id"};
  auto message =
      compose_email(catalog, email_row("Akta Keliling"), from, "https://simpul.go.id/", 1000);
  EXPECT_EQ(message.subject, "Usulan “Akta Keliling” dikembalikan.");
  EXPECT_EQ(message.to.email, "siti@kaltaraprov.go.id");
  EXPECT_EQ(message.to.name, "Siti Rahmawati");
  EXPECT_EQ(message.message_id, "0123abcd@simpul.go.id");
  EXPECT_EQ(message.date, 1000);
  const auto& body = message.body;
  auto id = body.find("Yth. Siti Rahmawati,\n\nUsulan “Akta Keliling” dikembalikan.");
  auto en = body.find("Dear Siti Rahmawati,\n\nProposal “Akta Keliling” was returned.");
  EXPECT_NE(id, std::string::npos) << body;
  EXPECT_NE(en, std::string::npos) << body;
  EXPECT_LT(id, en);
  EXPECT_NE(body.find("https://simpul.go.id/kompetisi/3/usulan/17"), std::string::npos);
  // Without a public URL the email still names the page.
  auto relative = compose_email(catalog, email_row("x"), from, "", 1000);
  EXPECT_NE(relative.body.find(": /kompetisi/3/usulan/17"), std::string::npos) << relative.body;
}

TEST(NoticeEmail, LongSubjectsAreShortenedOnAWord) {
  auto catalog = catalog_with_test_message();
  std::string title;
  for (int i = 0; i < 30; ++i) title += "Pelayanan ";
  auto subject = email_subject(catalog, email_row(title).message);
  EXPECT_LE(subject.size(), 120u + std::string("…").size());
  EXPECT_TRUE(subject.ends_with("Pelayanan…")) << subject;
  auto broken = email_subject(catalog, email_row("a\r\nBcc: x@y.id").message);
  EXPECT_EQ(broken, "Usulan “a  Bcc: x@y.id” dikembalikan.");
}

TEST(SmtpConfig, ComesFromTomlAndTheEnvironment) {
  auto file = std::filesystem::temp_directory_path() / "simpul-notices-config-test.toml";
  std::ofstream(file) << "public_url = \"https://simpul.go.id\"\n"
                         "[smtp]\nhost = \"smtp.go.id\"\nport = 2525\nstarttls = false\n"
                         "username = \"simpul\"\npassword = \"dari-berkas\"\n"
                         "from = \"Simpul <no-reply@simpul.go.id>\"\nca_file = \"/etc/ca.pem\"\n"
                         "max_attempts = 3\npoll_milliseconds = 250\n";
  kernel::Config config;
  EXPECT_FALSE(config.smtp.configured());
  EXPECT_EQ(config.smtp.port, 587);
  EXPECT_TRUE(config.smtp.starttls);
  EXPECT_EQ(config.smtp.max_attempts, 6);
  app::load_toml(config, file.string());
  std::filesystem::remove(file);
  EXPECT_TRUE(config.smtp.configured());
  EXPECT_EQ(config.smtp.host, "smtp.go.id");
  EXPECT_EQ(config.smtp.port, 2525);
  EXPECT_FALSE(config.smtp.starttls);
  EXPECT_EQ(config.smtp.username, "simpul");
  EXPECT_EQ(config.smtp.password, "dari-berkas");
  EXPECT_EQ(config.smtp.from, "Simpul <no-reply@simpul.go.id>");
  EXPECT_EQ(config.smtp.ca_file, "/etc/ca.pem");
  EXPECT_EQ(config.smtp.max_attempts, 3);
  EXPECT_EQ(config.smtp.poll, std::chrono::milliseconds(250));
  EXPECT_EQ(config.public_url, "https://simpul.go.id");

  ::setenv("SIMPUL_SMTP_HOST", "relay.go.id", 1);
  ::setenv("SIMPUL_SMTP_PASSWORD", "dari-lingkungan", 1);
  ::setenv("SIMPUL_SMTP_PORT", "465", 1);
  app::read_environment(config);
  EXPECT_EQ(config.smtp.host, "relay.go.id");
  EXPECT_EQ(config.smtp.password, "dari-lingkungan");
  EXPECT_EQ(config.smtp.port, 465);
  EXPECT_EQ(config.smtp.username, "simpul") << "unset variables change nothing";
  ::setenv("SIMPUL_SMTP_PORT", "587x", 1);
  EXPECT_THROW(app::read_environment(config), std::runtime_error);
  for (const char* name : {"SIMPUL_SMTP_HOST", "SIMPUL_SMTP_PASSWORD", "SIMPUL_SMTP_PORT"}) {
    ::unsetenv(name);
  }
}

TEST(SmtpConfig, ASenderNeedsAFromAddress) {
  init_crypto();
  auto database = db::Database::open("sqlite::memory:");
  view::Catalog catalog;
  kernel::Config config;
  config.smtp.host = "smtp.go.id";
  for (const char* from : {"", "Simpul <no-reply@localhost>", "Simpul no-reply@simpul.go.id"}) {
    config.smtp.from = from;
    EXPECT_THROW(Sender(*database, catalog, config), std::runtime_error) << from;
  }
  config.smtp.from = "Simpul <no-reply@simpul.go.id>";
  EXPECT_NO_THROW(Sender(*database, catalog, config));
}

}  // namespace
}  // namespace simpul::notices
