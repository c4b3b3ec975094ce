#include "core/mail/message.hpp"

#include <cstdint>
#include <cstdio>
#include <ctime>

namespace simpul::mail {
namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// 42 bytes make 56 base64 characters, so "Subject: =?UTF-8?B?…?=" stays within 78 characters.
constexpr std::size_t kBytesPerEncodedWord = 42;
constexpr std::size_t kBodyLineLength = 76;  // RFC 2045's limit for base64 lines

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 atext, the characters of a dot-atom besides '.'.
bool is_atext(char c) {
  return is_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
    return false;
  }
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '.' ? local[i + 1] == '.' : !is_atext(local[i])) return false;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' ||
      domain.find('.') == std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < domain.size(); ++i) {
    char c = domain[i];
    if (c == '.' ? domain[i + 1] == '.' : !(is_alnum(c) || c == '-')) return false;
  }
  return true;
}

// Control characters (CR and LF among them) become spaces: display texts are one line.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) c = ' ';
  }
  return out;
}

bool printable_ascii(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

// The length of the longest prefix of at most max bytes that ends on a UTF-8 character boundary.
std::size_t utf8_prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text.size();
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
  return end > 0 ? end : max;  // invalid UTF-8: split anywhere rather than loop
}

std::string encoded_words(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    std::size_t take = utf8_prefix(text, kBytesPerEncodedWord);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(0, take)) + "?=";
    text.remove_prefix(take);
  }
  return out;
}

// A display name: a quoted string when it is printable ASCII, encoded words otherwise.
std::string phrase(std::string_view name) {
  std::string text = one_line(name);
  if (!printable_ascii(text) || text.find("=?") != std::string::npos) return encoded_words(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string mailbox(const Address& address) {
  if (!valid_address(address.email)) {
    throw InvalidMessage("not a valid email address: " + one_line(address.email));
  }
  if (address.name.empty()) return "<" + address.email + ">";
  return phrase(address.name) + " <" + address.email + ">";
}

std::string checked_message_id(std::string_view id) {
  auto at = id.find('@');
  bool ok = at != std::string_view::npos && at > 0 && valid_domain(id.substr(at + 1));
  for (char c : id.substr(0, at)) ok = ok && (is_alnum(c) || c == '.' || c == '-' || c == '_');
  if (!ok) throw InvalidMessage("not a valid Message-ID: " + one_line(id));
  return "<" + std::string(id) + ">";
}

// The body with CRLF line ends (the canonical form of text before base64), in 76-character lines.
std::string encoded_body(std::string_view body) {
  std::string canonical;
  canonical.reserve(body.size() + body.size() / 32);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      canonical += "\r\n";
    } else if (body[i] == '\n') {
      canonical += "\r\n";
    } else {
      canonical += body[i];
    }
  }
  std::string encoded = base64(canonical);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += kBodyLineLength) {
    out += encoded.substr(at, kBodyLineLength) + "\r\n";
  }
  return out;
}

}  // namespace

bool valid_address(std::string_view email) {
  auto at = email.rfind('@');
  if (email.size() > 254 || at == std::string_view::npos) return false;
  return valid_local_part(email.substr(0, at)) && valid_domain(email.substr(at + 1));
}

Address parse_mailbox(std::string_view text) {
  auto open = text.find('<');
  Address address;
  if (open == std::string_view::npos) {
    address.email = std::string(text);
  } else {
    auto close = text.find('>', open);
    if (close != text.size() - 1) {
      throw InvalidMessage("expected \"Name <address>\": " + one_line(text));
    }
    address.email = std::string(text.substr(open + 1, close - open - 1));
    auto name = text.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    address.name = std::string(name);
  }
  if (!valid_address(address.email)) {
    throw InvalidMessage("not a valid email address: " + one_line(address.email));
  }
  return address;
}

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    auto n = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
             std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 | std::uint8_t(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kBase64Alphabet[(n >> shift) & 63];
  }
  if (std::size_t rest = bytes.size() - i) {
    std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    if (rest == 2) n |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string encode_header_text(std::string_view text) {
  std::string line = one_line(text);
  // Short enough that "Subject: " and the text fit in 78 characters; "=?" would read as a word.
  if (printable_ascii(line) && line.size() <= 68 && line.find("=?") == std::string::npos) {
    return line;
  }
  return encoded_words(line);
}

std::string rfc5322_date(std::int64_t utc_seconds) {
  std::time_t time = static_cast<std::time_t>(utc_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %d %s %d %02d:%02d:%02d +0000", kDays[parts.tm_wday],
                parts.tm_mday, kMonths[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour,
                parts.tm_min, parts.tm_sec);
  return text;
}

std::string format(const Message& message) {
  std::string out;
  out += "Date: " + rfc5322_date(message.date) + "\r\n";
  out += "From: " + mailbox(message.from) + "\r\n";
  out += "To: " + mailbox(message.to) + "\r\n";
  out += "Subject: " + encode_header_text(message.subject) + "\r\n";
  out += "Message-ID: " + checked_message_id(message.message_id) + "\r\n";
  // RFC 3834: out-of-office replies and the like are not sent back to a notice.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += encoded_body(message.body);
  return out;
}

}  // namespace simpul::mail
