#include "audit/store.hpp"

#include "core/util/clock.hpp"

namespace simpul::audit {
namespace {

db::Value json_or_null(const std::optional<nlohmann::json>& value) {
  return value ? db::Value{value->dump()} : db::Value{nullptr};
}

}  // namespace

void record(db::Transaction& tx, const kernel::Actor& actor, const Event& event) {
  db::Value actor_id = actor.user_id ? db::Value{*actor.user_id} : db::Value{nullptr};
  tx.execute(
      "INSERT INTO audit_events (at, actor_id, actor_name, action, entity, entity_id, "
      "before_json, after_json, request_id, remote_address) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {now_seconds(), actor_id, actor.name, event.action, event.entity, event.entity_id,
       json_or_null(event.before), json_or_null(event.after), actor.request_id,
       actor.remote_address});
}

std::vector<Entry> list(db::Transaction& tx, const Filter& filter) {
  // Empty filter values match everything, so one statement serves every combination.
  auto rows = tx.query(
      "SELECT id, at, actor_name, action, entity, entity_id, COALESCE(before_json, ''), "
      "COALESCE(after_json, ''), request_id, remote_address FROM audit_events "
      "WHERE ($1 = '' OR action = $1) AND ($2 = '' OR entity = $2) AND ($3 = '' OR actor_name = "
      "$3) "
      "AND ($4 = 0 OR id < $4) ORDER BY id DESC LIMIT $5",
      {filter.action, filter.entity, filter.actor, filter.before_id,
       static_cast<std::int64_t>(filter.limit)});
  std::vector<Entry> entries;
  entries.reserve(rows.size());
  for (auto row : rows) {
    entries.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.text(4),
                       row.text(5), row.text(6), row.text(7), row.text(8), row.text(9)});
  }
  return entries;
}

std::vector<std::string> distinct_actions(db::Transaction& tx) {
  std::vector<std::string> actions;
  for (auto row : tx.query("SELECT DISTINCT action FROM audit_events ORDER BY action")) {
    actions.push_back(row.text(0));
  }
  return actions;
}

}  // namespace simpul::audit
