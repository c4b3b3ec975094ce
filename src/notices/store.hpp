#pragma once
// Every SQL statement about notices (the inbox) and the email outbox.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "notices/model.hpp"

namespace simpul::notices {

struct Recipient {
  std::int64_t user_id = 0;
  std::string email;  // may be empty
  std::string name;   // full name, or the username before the profile is complete
  bool active = true;
};

std::optional<Recipient> find_recipient(db::Transaction& tx, std::int64_t user_id);
// The active users of the role; of one agency when agency_id is given.
std::vector<Recipient> active_recipients(db::Transaction& tx, auth::Role role,
                                         std::optional<std::int64_t> agency_id);

// The message as stored: key, arguments as JSON, link.
struct StoredMessage {
  std::string key;
  std::string args_json;
  std::string link;
};

void insert_notice(db::Transaction& tx, std::int64_t user_id, const StoredMessage& message,
                   std::int64_t now);
void insert_email(db::Transaction& tx, const Recipient& recipient, const StoredMessage& message,
                  const std::string& message_id, std::int64_t now);

struct NoticeRow {
  std::int64_t id = 0;
  StoredMessage message;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};

// The user's notices, newest first.
std::vector<NoticeRow> notices_of(db::Transaction& tx, std::int64_t user_id, int limit,
                                  std::int64_t offset);
std::int64_t notice_count(db::Transaction& tx, std::int64_t user_id);
std::int64_t unread_count(db::Transaction& tx, std::int64_t user_id);
// Returns false when the user has no notice with this id; true when it is read now or was.
bool mark_read(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now);
void mark_all_read(db::Transaction& tx, std::int64_t user_id, std::int64_t now);

struct EmailRow {
  std::int64_t id = 0;
  std::string recipient;
  std::string recipient_name;
  StoredMessage message;
  std::string message_id;
  EmailStatus status = EmailStatus::pending;
  int attempts = 0;
  std::string last_error;
  std::optional<std::int64_t> next_attempt_at;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
};

// The outbox, newest first, of one status or all.
std::vector<EmailRow> emails(db::Transaction& tx, std::optional<EmailStatus> status, int limit,
                             std::int64_t offset);
std::int64_t email_count(db::Transaction& tx, std::optional<EmailStatus> status);

// The sender's steps. claim_due marks the oldest due email as claimed by claimer until
// claimed_until and returns it; nullopt when none is due or another sender claimed it first.
std::optional<EmailRow> claim_due(db::Transaction& tx, std::int64_t now, std::int64_t claimed_until,
                                  const std::string& claimer);
void record_sent(db::Transaction& tx, std::int64_t id, const std::string& claimer,
                 std::int64_t now);
// One more failed attempt: tried again at next_attempt_at, or failed for good when nullopt.
void record_failure(db::Transaction& tx, std::int64_t id, const std::string& claimer,
                    const std::string& error, std::optional<std::int64_t> next_attempt_at);
// Gives a claimed email back untouched (the server is stopping).
void release(db::Transaction& tx, std::int64_t id, const std::string& claimer);

}  // namespace simpul::notices
