#pragma once
// Every SQL statement about API tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::api_tokens {

struct TokenRow {
  std::int64_t id = 0;
  std::string label;
  std::string prefix;
  std::string created_by;  // username, empty when the account is gone
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
};

std::int64_t insert_token(db::Transaction& tx, std::int64_t agency_id, const std::string& label,
                          const std::string& token_hash, const std::string& prefix,
                          std::optional<std::int64_t> created_by, std::int64_t now);
// The agency's tokens, active ones first, newest first.
std::vector<TokenRow> tokens_of(db::Transaction& tx, std::int64_t agency_id);
std::int64_t active_token_count(db::Transaction& tx, std::int64_t agency_id);
bool label_in_use(db::Transaction& tx, std::int64_t agency_id, const std::string& label);
// The active token with this hash, with its agency and when it was last used; nullopt for an
// unknown or revoked one.
struct ActiveToken {
  kernel::ApiClient client;
  std::int64_t last_used_at = 0;
};
std::optional<ActiveToken> find_active(db::Transaction& tx, const std::string& token_hash);
// Returns false when no active token of the agency has this id.
bool revoke(db::Transaction& tx, std::int64_t agency_id, std::int64_t id,
            std::optional<std::int64_t> revoked_by, std::int64_t now);
// The agency's service units as (id, name), by name: the unit_id an API client writes into.
std::vector<std::pair<std::int64_t, std::string>> units_of(db::Transaction& tx,
                                                           std::int64_t agency_id);
void touch(db::Transaction& tx, std::int64_t id, std::int64_t now);

}  // namespace simpul::api_tokens
