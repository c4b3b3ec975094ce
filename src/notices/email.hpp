#pragma once
// An outbox row as the email its recipient reads: Indonesian first, English below, both rendered
// from the stored key and arguments with the server's catalogues.
#include <string>

#include "core/mail/message.hpp"
#include "core/view/i18n.hpp"
#include "notices/store.hpp"

namespace simpul::notices {

// The subject: the Indonesian text on one line, shortened to about 120 bytes.
std::string email_subject(const view::Catalog& catalog, const StoredMessage& message);
// The whole message. public_url ("https://simpul.example.go.id") makes the link absolute; empty,
// the email names the path. Throws mail::InvalidMessage for an address no server would take.
mail::Message compose_email(const view::Catalog& catalog, const EmailRow& email,
                            const mail::Address& from, const std::string& public_url,
                            std::int64_t now);

}  // namespace simpul::notices
