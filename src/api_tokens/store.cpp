#include "api_tokens/store.hpp"

namespace simpul::api_tokens {
namespace {

db::Value user_or_null(std::optional<std::int64_t> user_id) {
  return user_id ? db::Value{*user_id} : db::Value{nullptr};
}

}  // namespace

std::int64_t insert_token(db::Transaction& tx, std::int64_t agency_id, const std::string& label,
                          const std::string& token_hash, const std::string& prefix,
                          std::optional<std::int64_t> created_by, std::int64_t now) {
  return tx.scalar(
      "INSERT INTO api_tokens (agency_id, label, token_hash, prefix, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {agency_id, label, token_hash, prefix, user_or_null(created_by), now});
}

std::vector<TokenRow> tokens_of(db::Transaction& tx, std::int64_t agency_id) {
  auto rows = tx.query(
      "SELECT t.id, t.label, t.prefix, COALESCE(u.username, ''), t.created_at, t.last_used_at, "
      "t.revoked_at FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by "
      "WHERE t.agency_id = $1 ORDER BY (t.revoked_at IS NULL) DESC, t.id DESC",
      {agency_id});
  std::vector<TokenRow> tokens;
  for (auto row : rows) {
    tokens.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4),
                      row.optional_integer(5), row.optional_integer(6)});
  }
  return tokens;
}

std::int64_t active_token_count(db::Transaction& tx, std::int64_t agency_id) {
  return tx
      .query("SELECT COUNT(*) FROM api_tokens WHERE agency_id = $1 AND revoked_at IS NULL",
             {agency_id})
      .front()
      .integer(0);
}

bool label_in_use(db::Transaction& tx, std::int64_t agency_id, const std::string& label) {
  return !tx.query(
                "SELECT 1 FROM api_tokens WHERE agency_id = $1 AND label = $2 AND "
                "revoked_at IS NULL",
                {agency_id, label})
              .empty();
}

std::optional<ActiveToken> find_active(db::Transaction& tx, const std::string& token_hash) {
  return tx.first(
      "SELECT t.id, t.agency_id, t.label, COALESCE(t.last_used_at, 0) FROM api_tokens t "
      "JOIN agencies a ON a.id = t.agency_id "
      "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.active = 1",
      {token_hash}, [&](const db::Result::Row& row) {
        return ActiveToken{{row.integer(0), row.integer(1), row.text(2)}, row.integer(3)};
      });
}

bool revoke(db::Transaction& tx, std::int64_t agency_id, std::int64_t id,
            std::optional<std::int64_t> revoked_by, std::int64_t now) {
  return tx.execute(
             "UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 "
             "WHERE id = $3 AND agency_id = $4 AND revoked_at IS NULL",
             {now, user_or_null(revoked_by), id, agency_id}) == 1;
}

std::vector<std::pair<std::int64_t, std::string>> units_of(db::Transaction& tx,
                                                           std::int64_t agency_id) {
  std::vector<std::pair<std::int64_t, std::string>> units;
  for (auto row :
       tx.query("SELECT id, name FROM units WHERE agency_id = $1 ORDER BY name", {agency_id})) {
    units.emplace_back(row.integer(0), row.text(1));
  }
  return units;
}

void touch(db::Transaction& tx, std::int64_t id, std::int64_t now) {
  tx.execute("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", {now, id});
}

}  // namespace simpul::api_tokens
