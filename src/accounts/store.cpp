#include "accounts/store.hpp"

#include "core/db/like.hpp"

namespace simpul::accounts {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.username, u.role, u.agency_id, u.unit_id, COALESCE(a.name, ''), "
    "COALESCE(n.name, ''), u.full_name, u.email, u.phone, u.position, u.must_complete_profile, "
    "u.must_change_password, u.active, u.created_at";
constexpr const char* kUserJoins =
    " FROM users u LEFT JOIN agencies a ON a.id = u.agency_id LEFT JOIN units n ON n.id = "
    "u.unit_id ";

User user_from(const db::Result::Row& row) {
  User user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.role = auth::parse_role(row.text(2)).value_or(auth::Role::unit_operator);
  user.agency_id = row.optional_integer(3);
  user.unit_id = row.optional_integer(4);
  user.agency_name = row.text(5);
  user.unit_name = row.text(6);
  user.full_name = row.text(7);
  user.email = row.text(8);
  user.phone = row.text(9);
  user.position = row.text(10);
  user.must_complete_profile = row.integer(11) != 0;
  user.must_change_password = row.integer(12) != 0;
  user.active = row.integer(13) != 0;
  user.created_at = row.integer(14);
  return user;
}

}  // namespace

std::optional<SessionUser> find_session(db::Database& database, const std::string& id_hash,
                                        std::int64_t now, std::chrono::seconds idle,
                                        std::chrono::seconds absolute) {
  auto rows = database.read([&](db::Transaction& tx) {
    return tx.query(
        "SELECT s.created_at, s.last_seen_at, u.id, u.username, u.full_name, u.role, u.agency_id, "
        "u.unit_id, u.must_complete_profile, u.must_change_password, u.active, "
        "COALESCE(a.timezone, 'WIB') FROM sessions s JOIN users u ON u.id = s.user_id "
        "LEFT JOIN agencies a ON a.id = u.agency_id WHERE s.id_hash = $1",
        {id_hash});
  });
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  bool expired = now - row.integer(1) > idle.count() || now - row.integer(0) > absolute.count();
  if (expired || row.integer(10) == 0) {
    database.write([&](db::Transaction& tx) { delete_session(tx, id_hash); });
    return std::nullopt;
  }
  if (now - row.integer(1) > 60) {
    database.write([&](db::Transaction& tx) {
      tx.execute("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2", {now, id_hash});
    });
  }
  SessionUser found;
  found.user.id = row.integer(2);
  found.user.username = row.text(3);
  found.user.full_name = row.text(4);
  found.user.role = auth::parse_role(row.text(5)).value_or(auth::Role::unit_operator);
  found.user.agency_id = row.optional_integer(6);
  found.user.unit_id = row.optional_integer(7);
  found.user.must_complete_profile = row.integer(8) != 0;
  found.user.must_change_password = row.integer(9) != 0;
  found.user.session_hash = id_hash;
  found.zone = view::parse_zone(row.text(11)).value_or(view::Zone::wib);
  return found;
}

void create_session(db::Transaction& tx, const std::string& id_hash, std::int64_t user_id,
                    std::int64_t now, const std::string& remote_address) {
  tx.execute(
      "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, remote_address) "
      "VALUES ($1, $2, $3, $3, $4)",
      {id_hash, user_id, now, remote_address});
}

void delete_session(db::Transaction& tx, const std::string& id_hash) {
  tx.execute("DELETE FROM sessions WHERE id_hash = $1", {id_hash});
}

void delete_sessions_of(db::Transaction& tx, std::int64_t user_id, const std::string& except_hash) {
  tx.execute("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2", {user_id, except_hash});
}

std::optional<Credentials> find_credentials(db::Transaction& tx, const std::string& username) {
  return tx.first("SELECT id, password_hash, active FROM users WHERE username = $1", {username},
                  [&](const db::Result::Row& row) {
                    return Credentials{row.integer(0), row.text(1), row.integer(2) != 0};
                  });
}

std::string password_hash_of(db::Transaction& tx, std::int64_t user_id) {
  auto rows = tx.query("SELECT password_hash FROM users WHERE id = $1", {user_id});
  return rows.empty() ? std::string{} : rows.front().text(0);
}

std::int64_t recent_failures(db::Transaction& tx, const std::string& scope,
                             const std::string& subject, std::int64_t since) {
  return tx.scalar(
      "SELECT COUNT(*) FROM signin_failures WHERE scope = $1 AND subject = $2 AND at >= $3",
      {scope, subject, since});
}

std::int64_t oldest_recent_failure(db::Transaction& tx, const std::string& scope,
                                   const std::string& subject, std::int64_t since) {
  return tx.scalar(
      "SELECT COALESCE(MIN(at), 0) FROM signin_failures WHERE scope = $1 AND subject = $2 "
      "AND at >= $3",
      {scope, subject, since});
}

void record_failure(db::Transaction& tx, const std::string& scope, const std::string& subject,
                    std::int64_t now, std::int64_t forget_before) {
  tx.execute("DELETE FROM signin_failures WHERE scope = $1 AND subject = $2 AND at < $3",
             {scope, subject, forget_before});
  tx.execute("INSERT INTO signin_failures (scope, subject, at) VALUES ($1, $2, $3)",
             {scope, subject, now});
}

void clear_failures(db::Transaction& tx, const std::string& scope, const std::string& subject) {
  tx.execute("DELETE FROM signin_failures WHERE scope = $1 AND subject = $2", {scope, subject});
}

std::int64_t insert_user(db::Transaction& tx, const NewAccount& account,
                         const std::string& password_hash, std::optional<std::int64_t> created_by,
                         std::int64_t now, bool setup_done) {
  std::int64_t pending = setup_done ? 0 : 1;
  return tx.scalar(
      "INSERT INTO users (username, role, agency_id, unit_id, full_name, password_hash, "
      "must_complete_profile, must_change_password, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9) RETURNING id",
      {account.username, std::string(auth::role_code(account.role)),
       db::optional_integer(account.agency_id), db::optional_integer(account.unit_id),
       account.full_name, password_hash, pending, db::optional_integer(created_by), now});
}

std::optional<User> find_user(db::Transaction& tx, std::int64_t id) {
  return tx.first(std::string("SELECT ") + kUserColumns + kUserJoins + "WHERE u.id = $1", {id},
                  user_from);
}

std::optional<User> find_user_by_username(db::Transaction& tx, const std::string& username) {
  return tx.first(std::string("SELECT ") + kUserColumns + kUserJoins + "WHERE u.username = $1",
                  {username}, user_from);
}

bool username_taken(db::Transaction& tx, const std::string& username) {
  return tx.scalar("SELECT COUNT(*) FROM users WHERE username = $1", {username}) > 0;
}

void update_profile(db::Transaction& tx, std::int64_t id, const Profile& profile) {
  tx.execute(
      "UPDATE users SET full_name = $1, position = $2, email = $3, phone = $4, "
      "must_complete_profile = 0 WHERE id = $5",
      {profile.full_name, profile.position, profile.email, profile.phone, id});
}

void update_password(db::Transaction& tx, std::int64_t id, const std::string& password_hash,
                     std::int64_t now) {
  tx.execute(
      "UPDATE users SET password_hash = $1, must_change_password = 0, password_changed_at = $2 "
      "WHERE id = $3",
      {password_hash, now, id});
}

void reset_demo_password(db::Transaction& tx, std::int64_t id, const std::string& password_hash) {
  tx.execute(
      "UPDATE users SET password_hash = $1, must_complete_profile = 0, must_change_password = 0, "
      "active = 1 WHERE id = $2",
      {password_hash, id});
}

void set_active(db::Transaction& tx, std::int64_t id, bool active) {
  tx.execute("UPDATE users SET active = $1 WHERE id = $2", {std::int64_t{active ? 1 : 0}, id});
}

namespace {

// The WHERE clause shared by list_users and count_users; empty filters match everything.
constexpr const char* kUserFilter =
    "WHERE ($1 = 0 OR u.agency_id = $1) AND ($2 = '' OR u.role = $2) AND "
    "($3 = '' OR LOWER(u.username) LIKE $3 OR LOWER(u.full_name) LIKE $3) ";

db::Params filter_params(const UserFilter& filter) {
  return {filter.agency_id.value_or(0), filter.role, db::contains_pattern(filter.text)};
}

}  // namespace

std::vector<User> list_users(db::Transaction& tx, const UserFilter& filter) {
  auto params = filter_params(filter);
  params.push_back(static_cast<std::int64_t>(filter.limit));
  params.push_back(static_cast<std::int64_t>(filter.offset));
  auto rows = tx.query(std::string("SELECT ") + kUserColumns + kUserJoins + kUserFilter +
                           "ORDER BY u.active DESC, u.username LIMIT $4 OFFSET $5",
                       params);
  std::vector<User> users;
  for (auto row : rows) users.push_back(user_from(row));
  return users;
}

std::int64_t count_users(db::Transaction& tx, const UserFilter& filter) {
  return tx.scalar(std::string("SELECT COUNT(*) FROM users u ") + kUserFilter,
                   filter_params(filter));
}

std::optional<std::string> agency_name(db::Transaction& tx, std::int64_t agency_id) {
  return tx.first("SELECT name FROM agencies WHERE id = $1", {agency_id},
                  [](const db::Result::Row& row) { return row.text(0); });
}

std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id) {
  return tx.first("SELECT agency_id FROM units WHERE id = $1", {unit_id},
                  [](const db::Result::Row& row) { return row.integer(0); });
}

std::vector<UnitOption> units_of(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<UnitOption> units;
  for (auto row :
       tx.query("SELECT id, name FROM units WHERE agency_id = $1 ORDER BY name", {agency_id})) {
    units.push_back({row.integer(0), row.text(1)});
  }
  return units;
}

std::optional<std::int64_t> agency_id_by_name(db::Transaction& tx, const std::string& name) {
  return tx.first("SELECT id FROM agencies WHERE name = $1", {name},
                  [](const db::Result::Row& row) { return row.integer(0); });
}

}  // namespace simpul::accounts
