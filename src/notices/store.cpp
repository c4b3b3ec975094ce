#include "notices/store.hpp"

namespace simpul::notices {
namespace {

constexpr const char* kEmailColumns =
    "id, recipient, recipient_name, message_key, args_json, link, message_id, status, attempts, "
    "last_error, next_attempt_at, created_at, sent_at";

Recipient recipient_of(const db::Result::Row& row) {
  return {row.integer(0), row.text(1), row.text(2), row.integer(3) != 0};
}

EmailRow email_of(const db::Result::Row& row) {
  EmailRow email;
  email.id = row.integer(0);
  email.recipient = row.text(1);
  email.recipient_name = row.text(2);
  email.message = {row.text(3), row.text(4), row.text(5)};
  email.message_id = row.text(6);
  email.status = parse_status(row.text(7)).value_or(EmailStatus::pending);
  email.attempts = static_cast<int>(row.integer(8));
  email.last_error = row.text(9);
  email.next_attempt_at = row.optional_integer(10);
  email.created_at = row.integer(11);
  email.sent_at = row.optional_integer(12);
  return email;
}

// The CASTs in "(CAST($1 AS TEXT) IS NULL OR status = $1)" tell PostgreSQL the type of a
// parameter that may be NULL.
db::Value status_or_null(std::optional<EmailStatus> status) {
  return status ? db::Value{std::string(status_code(*status))} : db::Value{nullptr};
}

}  // namespace

std::optional<Recipient> find_recipient(db::Transaction& tx, std::int64_t user_id) {
  return tx.first(
      "SELECT id, email, CASE WHEN full_name = '' THEN username ELSE full_name END, active "
      "FROM users WHERE id = $1",
      {user_id}, recipient_of);
}

std::vector<Recipient> active_recipients(db::Transaction& tx, auth::Role role,
                                         std::optional<std::int64_t> agency_id) {
  auto rows = tx.query(
      "SELECT id, email, CASE WHEN full_name = '' THEN username ELSE full_name END, active "
      "FROM users WHERE role = $1 AND active = 1 "
      "AND (CAST($2 AS BIGINT) IS NULL OR agency_id = $2) ORDER BY id",
      {std::string(auth::role_code(role)), agency_id ? db::Value{*agency_id} : db::Value{nullptr}});
  std::vector<Recipient> recipients;
  for (auto row : rows) recipients.push_back(recipient_of(row));
  return recipients;
}

void insert_notice(db::Transaction& tx, std::int64_t user_id, const StoredMessage& message,
                   std::int64_t now) {
  tx.execute(
      "INSERT INTO notices (user_id, message_key, args_json, link, created_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {user_id, message.key, message.args_json, message.link, now});
}

void insert_email(db::Transaction& tx, const Recipient& recipient, const StoredMessage& message,
                  const std::string& message_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO email_outbox (user_id, recipient, recipient_name, message_key, args_json, link, "
      "message_id, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
      {recipient.user_id, recipient.email, recipient.name, message.key, message.args_json,
       message.link, message_id, now});
}

std::vector<NoticeRow> notices_of(db::Transaction& tx, std::int64_t user_id, int limit,
                                  std::int64_t offset) {
  auto rows = tx.query(
      "SELECT id, message_key, args_json, link, created_at, read_at FROM notices "
      "WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
      {user_id, std::int64_t{limit}, offset});
  std::vector<NoticeRow> notices;
  for (auto row : rows) {
    notices.push_back({row.integer(0),
                       {row.text(1), row.text(2), row.text(3)},
                       row.integer(4),
                       row.optional_integer(5)});
  }
  return notices;
}

std::int64_t notice_count(db::Transaction& tx, std::int64_t user_id) {
  return tx.scalar("SELECT COUNT(*) FROM notices WHERE user_id = $1", {user_id});
}

std::int64_t unread_count(db::Transaction& tx, std::int64_t user_id) {
  return tx.scalar("SELECT COUNT(*) FROM notices WHERE user_id = $1 AND read_at IS NULL",
                   {user_id});
}

bool mark_read(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now) {
  tx.execute("UPDATE notices SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL",
             {now, id, user_id});
  return !tx.query("SELECT 1 FROM notices WHERE id = $1 AND user_id = $2", {id, user_id}).empty();
}

void mark_all_read(db::Transaction& tx, std::int64_t user_id, std::int64_t now) {
  tx.execute("UPDATE notices SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
             {now, user_id});
}

std::vector<EmailRow> emails(db::Transaction& tx, std::optional<EmailStatus> status, int limit,
                             std::int64_t offset) {
  auto rows = tx.query(std::string("SELECT ") + kEmailColumns +
                           " FROM email_outbox WHERE (CAST($1 AS TEXT) IS NULL OR status = $1) "
                           "ORDER BY id DESC LIMIT $2 OFFSET $3",
                       {status_or_null(status), std::int64_t{limit}, offset});
  std::vector<EmailRow> result;
  for (auto row : rows) result.push_back(email_of(row));
  return result;
}

std::int64_t email_count(db::Transaction& tx, std::optional<EmailStatus> status) {
  return tx.scalar(
      "SELECT COUNT(*) FROM email_outbox WHERE (CAST($1 AS TEXT) IS NULL OR status = $1)",
      {status_or_null(status)});
}

// One UPDATE picks and claims the row. Two senders may pick the same id; the first to update
// wins and the second finds the row claimed when its WHERE is checked again (SQLite writers take
// turns; PostgreSQL re-reads a row another transaction changed), so it claims nothing.
std::optional<EmailRow> claim_due(db::Transaction& tx, std::int64_t now, std::int64_t claimed_until,
                                  const std::string& claimer) {
  return tx.first(
      std::string("UPDATE email_outbox SET claimed_until = $1, claimed_by = $2 "
                  "WHERE id = (SELECT id FROM email_outbox WHERE status = 'pending' "
                  "AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3) "
                  "ORDER BY next_attempt_at, id LIMIT 1) "
                  "AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < $3) "
                  "RETURNING ") +
          kEmailColumns,
      {claimed_until, claimer, now}, email_of);
}

void record_sent(db::Transaction& tx, std::int64_t id, const std::string& claimer,
                 std::int64_t now) {
  tx.execute(
      "UPDATE email_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $1, "
      "next_attempt_at = NULL, claimed_until = NULL, claimed_by = NULL "
      "WHERE id = $2 AND claimed_by = $3",
      {now, id, claimer});
}

void record_failure(db::Transaction& tx, std::int64_t id, const std::string& claimer,
                    const std::string& error, std::optional<std::int64_t> next_attempt_at) {
  tx.execute(
      "UPDATE email_outbox SET status = $1, attempts = attempts + 1, last_error = $2, "
      "next_attempt_at = $3, claimed_until = NULL, claimed_by = NULL "
      "WHERE id = $4 AND claimed_by = $5",
      {std::string(next_attempt_at ? "pending" : "failed"), error,
       next_attempt_at ? db::Value{*next_attempt_at} : db::Value{nullptr}, id, claimer});
}

void release(db::Transaction& tx, std::int64_t id, const std::string& claimer) {
  tx.execute(
      "UPDATE email_outbox SET claimed_until = NULL, claimed_by = NULL "
      "WHERE id = $1 AND claimed_by = $2",
      {id, claimer});
}

}  // namespace simpul::notices
