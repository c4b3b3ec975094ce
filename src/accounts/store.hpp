#pragma once
// Every SQL statement about accounts, sessions and sign-in failures.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "core/db/database.hpp"
#include "core/view/format.hpp"
#include "kernel/context.hpp"

#include "accounts/feature.hpp"

namespace simpul::accounts {

void create_session(db::Transaction& tx, const std::string& id_hash, std::int64_t user_id,
                    std::int64_t now, const std::string& remote_address);
void delete_session(db::Transaction& tx, const std::string& id_hash);
// Signs the user out everywhere except, optionally, one session.
void delete_sessions_of(db::Transaction& tx, std::int64_t user_id,
                        const std::string& except_hash = "");

struct Credentials {
  std::int64_t id;
  std::string password_hash;
  bool active;
};
std::optional<Credentials> find_credentials(db::Transaction& tx, const std::string& username);
std::string password_hash_of(db::Transaction& tx, std::int64_t user_id);

// Sign-in failures inside a sliding window; scope is "account" or "address".
std::int64_t recent_failures(db::Transaction& tx, const std::string& scope,
                             const std::string& subject, std::int64_t since);
std::int64_t oldest_recent_failure(db::Transaction& tx, const std::string& scope,
                                   const std::string& subject, std::int64_t since);
void record_failure(db::Transaction& tx, const std::string& scope, const std::string& subject,
                    std::int64_t now, std::int64_t forget_before);
void clear_failures(db::Transaction& tx, const std::string& scope, const std::string& subject);

std::int64_t insert_user(db::Transaction& tx, const NewAccount& account,
                         const std::string& password_hash, std::optional<std::int64_t> created_by,
                         std::int64_t now, bool setup_done);
std::optional<User> find_user(db::Transaction& tx, std::int64_t id);
std::optional<User> find_user_by_username(db::Transaction& tx, const std::string& username);
bool username_taken(db::Transaction& tx, const std::string& username);
void update_profile(db::Transaction& tx, std::int64_t id, const Profile& profile);
void update_password(db::Transaction& tx, std::int64_t id, const std::string& password_hash,
                     std::int64_t now);
// For demo accounts: a new password with the first-login setup already done.
void reset_demo_password(db::Transaction& tx, std::int64_t id, const std::string& password_hash);
void set_active(db::Transaction& tx, std::int64_t id, bool active);

struct UserFilter {
  std::optional<std::int64_t> agency_id;  // only this agency's accounts
  std::string role;                       // exact role code when not empty
  std::string text;                       // part of username or name
  int limit = 50;
  int offset = 0;
};
std::vector<User> list_users(db::Transaction& tx, const UserFilter& filter);
std::int64_t count_users(db::Transaction& tx, const UserFilter& filter);

// Agencies and units as accounts see them: names for display, and where a unit belongs.
std::optional<std::string> agency_name(db::Transaction& tx, std::int64_t agency_id);
std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id);
struct UnitOption {
  std::int64_t id;
  std::string name;
};
std::vector<UnitOption> units_of(db::Transaction& tx, std::int64_t agency_id);
std::optional<std::int64_t> agency_id_by_name(db::Transaction& tx, const std::string& name);

}  // namespace simpul::accounts
