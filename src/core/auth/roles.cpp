#include "core/auth/roles.hpp"

namespace simpul::auth {

std::string_view role_code(Role role) {
  switch (role) {
    case Role::organiser:
      return "organiser";
    case Role::local_admin:
      return "local_admin";
    case Role::unit_operator:
      return "unit_operator";
    case Role::hub_coordinator:
      return "hub_coordinator";
    case Role::evaluator:
      return "evaluator";
    case Role::panelist:
      return "panelist";
  }
  return "";
}

std::optional<Role> parse_role(std::string_view code) {
  for (Role role : kAllRoles) {
    if (role_code(role) == code) return role;
  }
  return std::nullopt;
}

std::string_view role_label_key(Role role) {
  switch (role) {
    case Role::organiser:
      return "role.organiser";
    case Role::local_admin:
      return "role.local_admin";
    case Role::unit_operator:
      return "role.unit_operator";
    case Role::hub_coordinator:
      return "role.hub_coordinator";
    case Role::evaluator:
      return "role.evaluator";
    case Role::panelist:
      return "role.panelist";
  }
  return "";
}

bool role_needs_agency(Role role) {
  return role == Role::local_admin || role == Role::unit_operator || role == Role::hub_coordinator;
}

}  // namespace simpul::auth
