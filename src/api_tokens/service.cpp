#include "api_tokens/service.hpp"

#include "api_tokens/store.hpp"
#include "api_tokens/token.hpp"
#include "audit/audit.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"

namespace simpul::api_tokens {

NewToken create_token(db::Database& database, const kernel::Actor& actor, std::int64_t agency_id,
                      std::string label) {
  if (auto problem = check_label(label)) {
    throw Invalid(*problem, {{"max", std::to_string(kMaxLabelLength)}});
  }
  std::string token = new_token();
  auto id = database.write([&](db::Transaction& tx) {
    if (label_in_use(tx, agency_id, label)) throw conflict("api_tokens.error.label_taken");
    if (active_token_count(tx, agency_id) >= std::int64_t(kMaxActiveTokensPerAgency)) {
      throw conflict("api_tokens.error.too_many",
                     {{"max", std::to_string(kMaxActiveTokensPerAgency)}});
    }
    auto prefix = token.substr(0, kShownPrefixLength);
    auto new_id =
        insert_token(tx, agency_id, label, sha256_hex(token), prefix, actor.user_id, now_seconds());
    audit::record(tx, actor,
                  {"api_token.create", "api_token", std::to_string(new_id), std::nullopt,
                   nlohmann::json{{"agency_id", agency_id}, {"label", label}, {"prefix", prefix}}});
    return new_id;
  });
  return {id, token};
}

void revoke_token(db::Database& database, const kernel::Actor& actor, std::int64_t agency_id,
                  std::int64_t id) {
  database.write([&](db::Transaction& tx) {
    if (!revoke(tx, agency_id, id, actor.user_id, now_seconds())) throw not_found();
    audit::record(tx, actor,
                  {"api_token.revoke", "api_token", std::to_string(id),
                   nlohmann::json{{"revoked", false}}, nlohmann::json{{"revoked", true}}});
  });
}

std::optional<kernel::ApiClient> authenticate(db::Database& database,
                                              std::string_view authorization, std::int64_t now) {
  auto token = bearer_token(authorization);
  if (!token) return std::nullopt;
  auto hash = sha256_hex(*token);
  auto found = database.read([&](db::Transaction& tx) { return find_active(tx, hash); });
  if (!found) return std::nullopt;
  // Use is recorded at most once a minute, so a client's burst of calls costs one write.
  if (found->last_used_at < now - 60) {
    database.write([&](db::Transaction& tx) { touch(tx, found->client.token_id, now); });
  }
  return found->client;
}

}  // namespace simpul::api_tokens
