#pragma once
// Putting the evaluators on the screened proposals of an edition: the automatic assignment
// (judging::assign over every active evaluator, the ties that still count, the manual pairs kept)
// and the organiser's manual moves, never onto a conflict. Each runs in one write transaction
// with its audit event. Failures: 404 no such edition or proposal; 403 not whoever runs the
// edition; 409 "judging.error.*" (nothing to assign, a conflict, a pair that is or is not there);
// 422 InvalidForm for a move without its reason.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "judging/aggregation.hpp"
#include "judging/assignment.hpp"
#include "judging/scoring.hpp"
#include "kernel/context.hpp"

namespace simpul::judging {

Result assign_edition(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now);

struct Move {
  std::int64_t proposal_id = 0;
  std::optional<std::int64_t> remove_evaluator;
  std::optional<std::int64_t> add_evaluator;
  std::string reason;
};
void move_evaluators(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id, Move move,
                     std::int64_t now);

// The organiser's settings of an evaluator for the edition, which the automatic assignment reads:
// the edition's categories the evaluator is expert in and the most proposals a run gives them.
// 404 no such edition or active evaluator; 403 not whoever runs the edition; 422 InvalidForm
// ("expertise": a code not among the edition's categories; "max_load": not a whole number from
// 1 to 1000).
struct TypedSetting {
  std::vector<std::string> expertise;  // category codes as posted
  std::string max_load;                // as typed; empty for no maximum
};
inline constexpr int kMaxLoadLimit = 1000;
void save_evaluator_setting(db::Database& database, const kernel::Actor& actor,
                            const kernel::CurrentUser& user, std::int64_t edition_id,
                            std::int64_t evaluator_id, TypedSetting typed, std::int64_t now);

// Sends a notice to every active evaluator of the edition who has assigned proposals without a
// submitted sheet: how many are left and the evaluation stage's deadline. Returns how many were
// reminded. 403 as above; 409 "judging.error.evaluation_closed" once the stage has closed, and
// "judging.error.reminded_recently" within kReminderPause of the last reminder of the edition (a
// second click would only repeat the notices and emails).
inline constexpr std::int64_t kReminderPause = 3600;
int remind_evaluators(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now);

// The evaluator's score sheet for an assigned proposal: saved as a draft, or submitted once every
// aspect is scored; 403 when not assigned, 409 outside the evaluation stage or once submitted,
// 422 InvalidForm with the fields ("score.<code>", "comment").
void save_sheet(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
                std::int64_t proposal_id, TypedSheet typed, bool submit, std::int64_t now);

// Records the method whose scores decide the evaluation, held against the edition's passing grade
// (85 when the edition states none); 403 for whoever does not run the edition; 409
// "judging.error.nominated" once nominees were set by the method recorded then.
void choose_method(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t edition_id, Method method,
                   std::int64_t now);
std::string_view method_name(Method method);                // raw, z_score, calibrated
std::optional<Method> method_named(std::string_view name);  // the inverse; nullopt when unknown
// The method as URLs and labels name it ("judging.results.method.<slug>"): mentah, z, kalibrasi.
std::string_view method_slug(Method method);
std::optional<Method> method_of_slug(std::string_view slug);

// Why the evaluator may not score the proposal, as an i18n key; nullopt when they may.
std::optional<std::string> conflict_reason(const Evaluator& evaluator, const Proposal& proposal);

}  // namespace simpul::judging
