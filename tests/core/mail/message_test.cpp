// Building an email: addresses, RFC 2047 words, the base64 body, the header block, and that no
// text from users can add a header line.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "core/mail/message.hpp"

namespace simpul::mail {
namespace {

std::string unbase64(std::string_view text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    auto value = alphabet.find(c);
    if (value == std::string::npos) continue;  // '=', CR, LF
    bits = bits << 6 | static_cast<std::uint32_t>(value);
    if ((count += 6) >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

// The text of encoded words "=?UTF-8?B?...?=" separated by folding, decoded and joined.
std::string decode_words(const std::string& header) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  std::string out;
  for (std::sregex_iterator it(header.begin(), header.end(), word), end; it != end; ++it) {
    out += unbase64((*it)[1].str());
  }
  return out;
}

std::vector<std::string> header_lines(const std::string& message) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  for (;;) {
    auto end = message.find("\r\n", at);
    if (end == at) break;  // the blank line before the body
    lines.push_back(message.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

Message sample() {
  Message message;
  message.from = {"Simpul", "no-reply@simpul.go.id"};
  message.to = {"Siti Rahmawati", "siti@kaltaraprov.go.id"};
  message.subject = "Usulan dikembalikan";
  message.body = "Yth. Siti,\nUsulan Anda dikembalikan.\n";
  message.message_id = "4f2a9c@simpul.go.id";
  message.date = 1795842300;  // 2026-11-28 05:05:00 UTC
  return message;
}

TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64("\xff\xfe"), "//4=");
}

TEST(Addresses, AcceptOrdinaryAddressesAndRefuseTheRest) {
  for (const char* good : {"siti@kaltaraprov.go.id", "a.b+c@x.co", "o'brien@mail.example.org",
                           "no-reply@simpul.menpan.go.id"}) {
    EXPECT_TRUE(valid_address(good)) << good;
  }
  for (const char* bad :
       {"", "siti", "@x.id", "siti@", "siti@localhost", "si ti@x.id", "siti@x..id", ".siti@x.id",
        "siti.@x.id", "si..ti@x.id", "siti@x.id\r\nBcc: spy@evil.id", "siti@x.id\n", "<siti@x.id>",
        "siti@x.id>", "sïti@x.id", "siti@x_y.id", "a@b@x.id"}) {
    EXPECT_FALSE(valid_address(bad)) << bad;
  }
  EXPECT_FALSE(valid_address(std::string(65, 'a') + "@x.id"));
  EXPECT_FALSE(valid_address("a@" + std::string(250, 'b') + ".id"));
}

TEST(Addresses, ParseTheConfiguredSender) {
  auto plain = parse_mailbox("no-reply@simpul.go.id");
  EXPECT_EQ(plain.name, "");
  EXPECT_EQ(plain.email, "no-reply@simpul.go.id");
  auto named = parse_mailbox("Simpul KemenPAN-RB <no-reply@simpul.go.id>");
  EXPECT_EQ(named.name, "Simpul KemenPAN-RB");
  EXPECT_EQ(named.email, "no-reply@simpul.go.id");
  EXPECT_EQ(parse_mailbox("\"Simpul\" <a@b.id>").name, "Simpul");
  EXPECT_THROW(parse_mailbox("Simpul <no-reply>"), InvalidMessage);
  EXPECT_THROW(parse_mailbox("Simpul <a@b.id> x"), InvalidMessage);
  EXPECT_THROW(parse_mailbox("Simpul <a@b.id\r\nBcc: c@d.id>"), InvalidMessage);
}

TEST(HeaderText, ShortAsciiStaysReadableEverythingElseIsEncodedWords) {
  EXPECT_EQ(encode_header_text("Usulan dikembalikan"), "Usulan dikembalikan");
  std::string indonesian = "Usulan “Layanan Akta Keliling” dikembalikan — mohon diperbaiki";
  auto encoded = encode_header_text(indonesian);
  EXPECT_TRUE(encoded.starts_with("=?UTF-8?B?"));
  EXPECT_EQ(decode_words(encoded), indonesian);
  // A text that looks like an encoded word is encoded, not passed through.
  EXPECT_TRUE(encode_header_text("=?UTF-8?B?eA==?=").starts_with("=?UTF-8?B?"));
  EXPECT_EQ(decode_words(encode_header_text("=?UTF-8?B?eA==?=")), "=?UTF-8?B?eA==?=");
}

TEST(HeaderText, LongTextIsFoldedOnWholeCharacters) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Ké ";  // 'é' is two bytes: words must not split it
  auto encoded = encode_header_text(text);
  EXPECT_EQ(decode_words(encoded), text);
  std::size_t at = 0;
  bool first = true;
  while (at <= encoded.size()) {
    auto end = std::min(encoded.find("\r\n", at), encoded.size());
    auto line = encoded.substr(at, end - at);
    EXPECT_LE(line.size() + (first ? 9 : 0), 78u) << line;  // "Subject: " on the first
    if (!first) {
      EXPECT_EQ(line[0], ' ');
    }
    first = false;
    at = end + 2;
  }
  // Every word decodes to valid UTF-8 on its own.
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  for (std::sregex_iterator it(encoded.begin(), encoded.end(), word), end; it != end; ++it) {
    auto bytes = unbase64((*it)[1].str());
    EXPECT_NE(static_cast<unsigned char>(bytes.front()) & 0xc0, 0x80) << "starts mid-character";
  }
}

TEST(Date, IsRfc5322InUtc) {
  EXPECT_EQ(rfc5322_date(0), "Thu, 1 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(rfc5322_date(1795842300), "Sat, 28 Nov 2026 05:05:00 +0000");
}

TEST(Format, WritesTheHeadersAndABase64Body) {
  auto text = format(sample());
  auto headers = header_lines(text);
  std::vector<std::string> expected = {"Date: Sat, 28 Nov 2026 05:05:00 +0000",
                                       "From: \"Simpul\" <no-reply@simpul.go.id>",
                                       "To: \"Siti Rahmawati\" <siti@kaltaraprov.go.id>",
                                       "Subject: Usulan dikembalikan",
                                       "Message-ID: <4f2a9c@simpul.go.id>",
                                       "Auto-Submitted: auto-generated",
                                       "MIME-Version: 1.0",
                                       "Content-Type: text/plain; charset=utf-8",
                                       "Content-Transfer-Encoding: base64"};
  EXPECT_EQ(headers, expected);
  auto body = text.substr(text.find("\r\n\r\n") + 4);
  EXPECT_EQ(unbase64(body), "Yth. Siti,\r\nUsulan Anda dikembalikan.\r\n");
  // Only CRLF line ends, body lines of at most 76 characters.
  EXPECT_EQ(std::regex_search(text, std::regex("[^\r]\n")), false);
  for (std::size_t at = 0, end; (end = body.find("\r\n", at)) != std::string::npos; at = end + 2) {
    EXPECT_LE(end - at, 76u);
  }
}

TEST(Format, EncodesNamesThatAreNotPlainAscii) {
  auto message = sample();
  message.to.name = "Dr. Ni Wayan Sukarmi, M.Si. “Bu Wayan”";
  message.from.name = "Simpul \"KemenPAN\" \\ RB";
  auto headers = header_lines(format(message));
  EXPECT_EQ(headers[1], R"(From: "Simpul \"KemenPAN\" \\ RB" <no-reply@simpul.go.id>)");
  EXPECT_TRUE(headers[2].starts_with("To: =?UTF-8?B?"));
  EXPECT_TRUE(headers[2].ends_with(" <siti@kaltaraprov.go.id>"));
  EXPECT_EQ(decode_words(headers[2]), message.to.name);
}

TEST(Format, NoTextFromUsersAddsAHeader) {
  auto message = sample();
  message.subject = "Usulan\r\nBcc: spy@evil.id\r\n\r\nbody";
  message.to.name = "Siti\nBcc: spy@evil.id";
  auto text = format(message);
  auto headers = header_lines(text);
  EXPECT_EQ(headers.size(), 9u);
  for (const auto& line : headers) EXPECT_FALSE(line.starts_with("Bcc")) << line;
  EXPECT_EQ(headers[3], "Subject: Usulan  Bcc: spy@evil.id    body");
  EXPECT_EQ(headers[2], "To: \"Siti Bcc: spy@evil.id\" <siti@kaltaraprov.go.id>");
  // A non-ASCII subject with a line break is encoded with the break turned into a space.
  message.subject = "Usulan “A”\r\nBcc: spy@evil.id";
  EXPECT_EQ(decode_words(header_lines(format(message))[3]), "Usulan “A”  Bcc: spy@evil.id");
}

TEST(Format, RefusesBadAddressesAndMessageIds) {
  auto message = sample();
  message.to.email = "siti@kaltaraprov.go.id\r\nBcc: spy@evil.id";
  EXPECT_THROW(format(message), InvalidMessage);
  message = sample();
  message.from.email = "no-reply";
  EXPECT_THROW(format(message), InvalidMessage);
  message = sample();
  message.message_id = "abc@simpul.go.id>\r\nBcc: spy@evil.id";
  EXPECT_THROW(format(message), InvalidMessage);
  message.message_id = "no-domain";
  EXPECT_THROW(format(message), InvalidMessage);
}

TEST(Format, KeepsLineEndsOfAnyKindAsCrlf) {
  auto message = sample();
  message.body = "a\r\nb\nc\rd";
  auto text = format(message);
  EXPECT_EQ(unbase64(text.substr(text.find("\r\n\r\n") + 4)), "a\r\nb\r\nc\r\nd");
}

}  // namespace
}  // namespace simpul::mail
