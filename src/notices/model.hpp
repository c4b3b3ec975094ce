#pragma once
// A notice's message (an i18n key, its arguments, a link) and the states of an outbox email.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/errors.hpp"

namespace simpul::notices {

struct Message {
  std::string key;   // i18n key of the text, in the caller's catalogue, with {placeholders}
  MessageArgs args;  // the placeholders' values
  std::string link;  // the site path the notice opens, e.g. "/kompetisi/3/usulan/17"
};

// Throws std::invalid_argument for a message no page could show: a key that is not a catalogue
// key, or a link that is not a path of this site ("//host/..." would leave it).
void check(const Message& message);

// Arguments as stored: a JSON object of strings.
std::string args_to_json(const MessageArgs& args);
MessageArgs args_from_json(const std::string& json);

enum class EmailStatus { pending, sent, failed };
std::string_view status_code(EmailStatus status);  // "pending", "sent", "failed"
std::optional<EmailStatus> parse_status(std::string_view code);
// The outbox page's filter names the states in Indonesian: "menunggu", "terkirim", "gagal".
std::string_view status_slug(EmailStatus status);
std::optional<EmailStatus> parse_status_slug(std::string_view slug);
inline constexpr EmailStatus kAllStatuses[] = {EmailStatus::pending, EmailStatus::sent,
                                               EmailStatus::failed};

}  // namespace simpul::notices
