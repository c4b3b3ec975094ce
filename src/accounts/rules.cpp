#include "accounts/rules.hpp"

#include <algorithm>

namespace simpul::accounts {

using auth::Role;

std::vector<Role> creatable_roles(Role creator) {
  switch (creator) {
    case Role::organiser:
      return {Role::local_admin, Role::hub_coordinator, Role::evaluator, Role::panelist,
              Role::organiser};
    case Role::local_admin:
      return {Role::unit_operator};
    default:
      return {};
  }
}

bool may_create(Role creator, Role target) {
  auto roles = creatable_roles(creator);
  return std::find(roles.begin(), roles.end(), target) != roles.end();
}

bool may_manage(const Manager& manager, const Managed& account) {
  if (manager.id == account.id) return false;
  if (manager.role == Role::organiser) return true;
  return manager.role == Role::local_admin && account.role == Role::unit_operator &&
         manager.agency_id && manager.agency_id == account.agency_id;
}

}  // namespace simpul::accounts
