#pragma once
// Every SQL statement of the evaluators' profiles and declared conflicts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::judging {

struct Profile {
  std::string institution;
  std::string province_code;  // "" when not given
};
std::optional<Profile> find_profile(db::Transaction& tx, std::int64_t user_id);
void write_profile(db::Transaction& tx, std::int64_t user_id, const Profile& profile,
                   std::int64_t now);

struct Declaration {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string kind;
  std::string ended_on;  // YYYY-MM-DD or ""
  std::string note;
  std::int64_t declared_at = 0;
};
// The evaluator's declarations not removed, newest first.
std::vector<Declaration> declarations_of(db::Transaction& tx, std::int64_t user_id);
std::int64_t insert_declaration(db::Transaction& tx, std::int64_t user_id,
                                const Declaration& declaration, std::int64_t now);
// False when the evaluator has no such declaration (or it is already removed).
bool mark_removed(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now);

bool agency_exists(db::Transaction& tx, std::int64_t agency_id);
bool province_exists(db::Transaction& tx, const std::string& code);
// Active agencies and provinces by name, for the forms' choices.
std::vector<std::pair<std::int64_t, std::string>> agency_choices(db::Transaction& tx);
std::vector<std::pair<std::string, std::string>> province_choices(db::Transaction& tx);

}  // namespace simpul::judging
