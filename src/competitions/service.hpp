#pragma once
// Operations on competition editions, shared by the web pages and the demo data. Each checks the
// rules against the edition as it is inside its own write transaction, writes, and records its
// audit event in that same transaction, so a refused or failed operation changes nothing.
//
// Failures are UserErrors: 404 no such edition; 403 not the caller's to run (rules.hpp); 409
// "competition.error.stale" when the edition moved past the version the caller started from, or
// a state that does not allow it now; 422 InvalidForm (field errors) or NotReady (what
// publishing still needs).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "competitions/editions.hpp"
#include "competitions/model.hpp"
#include "competitions/rules.hpp"
#include "core/db/database.hpp"
#include "core/util/errors.hpp"
#include "kernel/context.hpp"

namespace simpul::competitions {

class NotReady : public Invalid {
 public:
  explicit NotReady(std::vector<Problem> problems)
      : Invalid("competition.error.not_ready"), problems_(std::move(problems)) {}
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// 404 when there is no such edition.
Edition load_edition(db::Database& database, std::int64_t id);

// A new draft of the manager's level and owner, from the general part; returns its id.
std::int64_t create_edition(db::Database& database, const kernel::Actor& actor,
                            const Manager& manager, General general);
// Saves one part of the set-up from `typed` (the other parts of typed are ignored); a category
// the later stages still name stays.
void save_part(db::Database& database, const kernel::Actor& actor, const Manager& manager,
               const LaterStages& stages, std::int64_t id, std::int64_t based_on_version, Part part,
               Setup typed);
void publish_edition(db::Database& database, const kernel::Actor& actor, const Manager& manager,
                     std::int64_t id, std::int64_t based_on_version);
// Moves a published stage deadline later, recording the old and new deadline and the reason.
void extend_deadline(db::Database& database, const kernel::Actor& actor, const Manager& manager,
                     std::int64_t id, std::int64_t based_on_version, const std::string& stage,
                     std::optional<std::int64_t> new_ends_at, std::string reason);
// A new draft for another year from the edition's set-up (copied_setup); returns its id.
std::int64_t copy_edition(db::Database& database, const kernel::Actor& actor,
                          const Manager& manager, std::int64_t id, int to_year);

// A published edition from the demo data, with its recorded extensions, inside the caller's
// transaction. Throws std::invalid_argument naming the field when the set-up is not valid.
std::int64_t insert_published(db::Transaction& tx, const kernel::Actor& actor, Setup setup,
                              const std::vector<Extension>& extensions, std::int64_t now);

}  // namespace simpul::competitions
