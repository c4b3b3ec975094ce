#pragma once
// The panel's stages as operations: each checks who asks and where the edition stands, writes,
// and records its audit event in one transaction. Failures are UserErrors: 404 no such edition,
// nominee or objection; 403 not the panel (a panelist or whoever runs the edition) or, for the
// organiser's steps (nominating, quotas, publishing), not whoever runs it; 409
// "finals.error.*" for a step out of order; 422 InvalidForm with the fields.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "core/db/database.hpp"
#include "core/util/errors.hpp"
#include "finals/model.hpp"
#include "judging/assignment.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {

// The panel: panelists, and whoever runs the edition.
bool is_panel(const kernel::CurrentUser& user, const competitions::Edition& edition);
bool runs(const kernel::CurrentUser& user, const competitions::Edition& edition);

// Nominees: the screened proposals whose score under the recorded method reaches the passing
// grade, once the evaluation stage has ended (409 "finals.error.evaluation_open" before its end).
// Returns how many.
std::size_t nominate(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now);

void save_quotas(db::Database& database, const kernel::Actor& actor,
                 const kernel::CurrentUser& user, std::int64_t edition_id,
                 const std::vector<std::pair<std::string, std::string>>& form);

struct PanelChoice {
  std::int64_t proposal_id = 0;
  std::string choice;  // "", include, exclude
  std::string reason;
  bool is_3t = false;
};
void choose(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
            std::int64_t edition_id, PanelChoice choice, std::int64_t now);

// Runs the shortlist helper on the nominees, quotas and choices, and stores its answer.
judging::ShortlistStatus run_shortlist(db::Database& database, const kernel::Actor& actor,
                                       const kernel::CurrentUser& user, std::int64_t edition_id,
                                       std::int64_t now);
// Makes the last shortlist public and opens the objection window. Returns the finalists' count.
std::size_t publish_finalists(db::Database& database, const kernel::Actor& actor,
                              const kernel::CurrentUser& user, std::int64_t edition_id,
                              std::int64_t now);

// Anyone, while the window is open, against a finalist; the objector keeps the receipt number.
struct FiledObjection {
  std::int64_t id = 0;
  std::string receipt;  // "SGH-7K2M-Q9XA"
};
FiledObjection file_objection(db::Database& database, const kernel::Actor& actor,
                              std::int64_t edition_id, std::int64_t proposal_id,
                              TypedObjection objection, std::int64_t now);
void decide_objection(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id,
                      std::int64_t objection_id, const std::string& decision, std::string note,
                      std::int64_t now);
void remove_finalist(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id,
                     std::int64_t proposal_id, std::string reason, std::int64_t now);

void add_verification_note(db::Database& database, const kernel::Actor& actor,
                           const kernel::CurrentUser& user, std::int64_t edition_id,
                           std::int64_t proposal_id, const std::string& visited_on,
                           std::string note, std::int64_t now);

// proposal id -> tier, for the finalists; after the objection window.
void save_decisions(db::Database& database, const kernel::Actor& actor,
                    const kernel::CurrentUser& user, std::int64_t edition_id,
                    const std::map<std::int64_t, std::string>& tiers, std::int64_t now);
// Publishes the results once every finalist has a decision and writes the awards. Returns the
// innovations awarded, for the catalogue to index again.
std::vector<std::int64_t> publish_results(db::Database& database, const kernel::Actor& actor,
                                          const kernel::CurrentUser& user, std::int64_t edition_id,
                                          std::string note, std::int64_t now);

}  // namespace simpul::finals
