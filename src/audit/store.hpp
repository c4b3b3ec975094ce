#pragma once
// The append-only audit log. record() must be called inside the transaction of the change it
// describes, so the change and its record commit or vanish together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.hpp"
#include "core/db/database.hpp"

namespace simpul::audit {

struct Event {
  std::string action;     // "user.create", "user.deactivate", "agency.create", ...
  std::string entity;     // "user", "agency", "unit", "session"
  std::string entity_id;  // the row's id
  std::optional<nlohmann::json> before;
  std::optional<nlohmann::json> after;
};

void record(db::Transaction& tx, const app::Actor& actor, const Event& event);

struct Entry {
  std::int64_t id;
  std::int64_t at;
  std::string actor_name;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
  std::string request_id;
  std::string remote_address;
};

struct Filter {
  std::string action;  // exact match when not empty
  std::string entity;
  std::string actor;           // actor_name exact match
  std::int64_t before_id = 0;  // keyset pagination: entries with id < before_id (0: newest)
  int limit = 50;
};

std::vector<Entry> list(db::Transaction& tx, const Filter& filter);
std::vector<std::string> distinct_actions(db::Transaction& tx);

}  // namespace simpul::audit
