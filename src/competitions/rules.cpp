#include "competitions/rules.hpp"

namespace simpul::competitions {

using auth::Role;

std::optional<Level> level_run_by(Role role) {
  switch (role) {
    case Role::organiser:
      return Level::national;
    case Role::hub_coordinator:
      return Level::hub;
    case Role::local_admin:
      return Level::agency;
    case Role::unit_operator:
    case Role::evaluator:
    case Role::panelist:
      break;
  }
  return std::nullopt;
}

bool may_create(const Manager& manager) {
  if (!level_run_by(manager.role)) return false;
  return manager.role == Role::organiser || manager.agency_id.has_value();
}

std::optional<std::int64_t> owner_for(const Manager& manager) {
  if (manager.role == Role::organiser) return std::nullopt;
  return manager.agency_id;
}

bool may_manage(const Manager& manager, Level level, const std::optional<std::int64_t>& owner) {
  if (level_run_by(manager.role) != level) return false;
  if (level == Level::national) return true;
  return owner.has_value() && manager.agency_id == owner;
}

}  // namespace simpul::competitions
