#pragma once
// One email as RFC 5322 text: UTF-8 plain text in base64, a subject and display names encoded as
// RFC 2047 words where they are not plain ASCII, Date, Message-ID, From and To. Pure: no I/O.
//
// Header injection is impossible by construction: addresses with anything but the characters of
// an address are refused, and display texts (subject, names) have their control characters
// replaced by spaces before they are quoted or encoded, so no CR or LF of theirs reaches a header.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace simpul::mail {

// The message cannot be built (a bad address, a bad Message-ID): sending it again will not help.
class InvalidMessage : public std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct Address {
  std::string name;   // display name, UTF-8, may be empty
  std::string email;  // local@domain, ASCII
};

struct Message {
  Address from;
  Address to;
  std::string subject;     // UTF-8, one line
  std::string body;        // UTF-8 text; "\n" or "\r\n" line ends
  std::string message_id;  // "unique@domain", without the angle brackets
  std::int64_t date = 0;   // UTC seconds
};

// An ASCII address an SMTP server accepts without SMTPUTF8: a dot-atom local part of at most 64
// characters, '@', a domain of letters, digits, '-' and '.'; 254 characters at most.
bool valid_address(std::string_view email);
// "Simpul <no-reply@example.go.id>" or "no-reply@example.go.id"; throws InvalidMessage.
Address parse_mailbox(std::string_view text);
// The message, CRLF line ends throughout; throws InvalidMessage.
std::string format(const Message& message);

// The building blocks, public for tests.
std::string base64(std::string_view bytes);
// A header's text: as it is when short printable ASCII, else RFC 2047 B-encoded words of whole
// UTF-8 characters, folded so no line exceeds 78 characters.
std::string encode_header_text(std::string_view text);
// "Tue, 22 Nov 2026 07:05:00 +0000".
std::string rfc5322_date(std::int64_t utc_seconds);

}  // namespace simpul::mail
