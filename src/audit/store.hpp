#pragma once
// Reading the audit log, for the organiser's page.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/db/database.hpp"

namespace simpul::audit {

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
