#pragma once
// The roles of the SINOVIK flow (ARCHITECTURE.md, "Users and roles").
#include <optional>
#include <string_view>

namespace simpul::auth {

enum class Role { organiser, local_admin, unit_operator, hub_coordinator, evaluator, panelist };
inline constexpr Role kAllRoles[] = {Role::organiser,       Role::local_admin, Role::unit_operator,
                                     Role::hub_coordinator, Role::evaluator,   Role::panelist};

std::string_view role_code(Role role);  // "organiser", "local_admin", ...
std::optional<Role> parse_role(std::string_view code);
// The i18n key of the role's name: "role.organiser".
std::string_view role_label_key(Role role);
// Whether the role belongs to an agency (local admins, unit operators and hub coordinators do).
bool role_needs_agency(Role role);

}  // namespace simpul::auth
