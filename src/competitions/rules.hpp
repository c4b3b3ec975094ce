#pragma once
// Who runs which competitions: pure decisions, unit-tested.
//
// The organiser (the ministry's secretariat) runs the national editions; a hub coordinator the
// provincial competitions of its hub, owned by its province's government; a local admin its own
// agency's internal selection. Each creates editions of its own level only, and manages an
// edition of that level when it owns it (the organiser: every national edition).
#include <cstdint>
#include <optional>

#include "competitions/model.hpp"
#include "core/auth/roles.hpp"

namespace simpul::competitions {

struct Manager {
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
};

// The level the role runs; nullopt for roles that run no competition.
std::optional<Level> level_run_by(auth::Role role);
// Whether the person may create an edition, and which owner it then has (its agency, or none for
// the organiser).
bool may_create(const Manager& manager);
std::optional<std::int64_t> owner_for(const Manager& manager);
bool may_manage(const Manager& manager, Level level, const std::optional<std::int64_t>& owner);

}  // namespace simpul::competitions
