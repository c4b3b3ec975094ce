#pragma once
// Creating, revoking and checking API tokens. Each change is audited in its own transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::api_tokens {

struct NewToken {
  std::int64_t id = 0;
  std::string token;  // shown once, never stored
};

// A local admin's new token for the agency. UserError 422 for a bad label (field "label"), 409
// when the label is already used by an active token or the agency has kMaxActiveTokensPerAgency.
NewToken create_token(db::Database& database, const kernel::Actor& actor, std::int64_t agency_id,
                      std::string label);
// 404 when the agency has no active token with this id.
void revoke_token(db::Database& database, const kernel::Actor& actor, std::int64_t agency_id,
                  std::int64_t id);
// The client of an Authorization header value; nullopt for a missing, malformed, unknown or
// revoked token.
std::optional<kernel::ApiClient> authenticate(db::Database& database,
                                              std::string_view authorization, std::int64_t now);

}  // namespace simpul::api_tokens
