#pragma once
// Who may create and manage which accounts. Pure functions, unit-tested.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/auth/roles.hpp"

namespace simpul::accounts {

// The organiser creates local admins and the ministry-side roles; a local admin creates unit
// operators. Nobody else creates accounts.
std::vector<auth::Role> creatable_roles(auth::Role creator);
bool may_create(auth::Role creator, auth::Role target);

struct Manager {
  std::int64_t id;
  auth::Role role;
  std::optional<std::int64_t> agency_id;
};
struct Managed {
  std::int64_t id;
  auth::Role role;
  std::optional<std::int64_t> agency_id;
};

// Whether manager may deactivate or reactivate the account: the organiser any account but its
// own; a local admin the unit operators of its own agency.
bool may_manage(const Manager& manager, const Managed& account);

}  // namespace simpul::accounts
