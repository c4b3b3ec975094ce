#pragma once
// The append-only audit log, as every feature writes it. record() must be called inside the
// transaction of the change it describes, so the change and its record commit or vanish together.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::audit {

struct Event {
  std::string action;     // "user.create", "user.deactivate", "agency.create", ...
  std::string entity;     // "user", "agency", "unit", "session"
  std::string entity_id;  // the row's id
  std::optional<nlohmann::json> before;
  std::optional<nlohmann::json> after;
};

void record(db::Transaction& tx, const kernel::Actor& actor, const Event& event);

}  // namespace simpul::audit
