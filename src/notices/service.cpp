#include "notices/service.hpp"

#include <stdexcept>

#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "notices/store.hpp"

namespace simpul::notices {
namespace {

StoredMessage stored(const Message& message) {
  check(message);
  return {message.key, args_to_json(message.args), message.link};
}

void deliver(db::Transaction& tx, const Recipient& recipient, const StoredMessage& message,
             std::int64_t now) {
  insert_notice(tx, recipient.user_id, message, now);
  // A deactivated account keeps its inbox (it may come back) but is not written to.
  if (!recipient.active || recipient.email.empty()) return;
  // The local part of the Message-ID; the sender adds "@" and its own domain.
  insert_email(tx, recipient, message, random_hex(16), now);
}

}  // namespace

void notify(db::Transaction& tx, std::int64_t user_id, const Message& message) {
  auto message_row = stored(message);
  auto recipient = find_recipient(tx, user_id);
  if (!recipient) {
    throw std::invalid_argument("notice for an unknown user " + std::to_string(user_id));
  }
  deliver(tx, *recipient, message_row, now_seconds());
}

void notify_role(db::Transaction& tx, auth::Role role, std::optional<std::int64_t> agency_id,
                 const Message& message) {
  auto message_row = stored(message);
  auto now = now_seconds();
  for (const auto& recipient : active_recipients(tx, role, agency_id)) {
    deliver(tx, recipient, message_row, now);
  }
}

std::int64_t unread_notices(db::Database& database, std::int64_t user_id) {
  return database.read([&](db::Transaction& tx) { return unread_count(tx, user_id); });
}

}  // namespace simpul::notices
