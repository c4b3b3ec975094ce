#pragma once
// The evaluators' own declarations: where they work and their ties with agencies. Each operation
// checks its input, writes and records its audit event in one transaction. Failures are
// UserErrors: 422 InvalidForm (per form field, for every judging form), 409
// "judging.error.duplicate" for a tie already declared or "judging.error.too_many", 404 for another
// evaluator's declaration.
#include <cstdint>
#include <map>
#include <string>

#include "core/db/database.hpp"
#include "core/util/errors.hpp"
#include "judging/results.hpp"
#include "kernel/context.hpp"

namespace simpul::judging {

void save_profile(db::Database& database, const kernel::Actor& actor, std::int64_t user_id,
                  Profile profile, std::int64_t now);

struct NewDeclaration {
  std::string agency_id;  // as typed
  std::string kind;
  std::string ended_on;  // YYYY-MM-DD or empty
  std::string note;
};
std::int64_t declare_conflict(db::Database& database, const kernel::Actor& actor,
                              std::int64_t user_id, NewDeclaration typed, std::int64_t now);
void remove_conflict(db::Database& database, const kernel::Actor& actor, std::int64_t user_id,
                     std::int64_t id, std::int64_t now);

}  // namespace simpul::judging
