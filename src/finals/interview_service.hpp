#pragma once
// The panel's interview sheets: each panelist of the panel a finalist is booked with scores the
// interview on the edition's interview rubric (a score per aspect and a comment), saves drafts as
// often as needed and submits once. The panel is not blind: it has just heard the finalist.
//
// Failures are UserErrors: 404 no such edition or finalist; 403 not a panelist of the panel the
// finalist is booked with (organisers included); 409 no interview rubric, the sheet already
// submitted, the finalists not published or the results published; 422 InvalidForm by
// "score.<code>" and "comment".
#include <cstdint>
#include <optional>

#include "competitions/model.hpp"
#include "core/db/database.hpp"
#include "finals/presentation_store.hpp"
#include "finals/store.hpp"
#include "judging/scoring.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {

struct InterviewSeat {
  competitions::Edition edition;
  NomineeRow finalist;
  SlotRow slot;
  Stage stage;
};
// The edition, finalist and booking when the user sits on the finalist's panel.
InterviewSeat interview_seat(db::Transaction& tx, const kernel::CurrentUser& user,
                             std::int64_t edition_id, std::int64_t proposal_id);
// Whether a sheet may still change: the finals running, a rubric, not yet submitted.
bool interview_open(const InterviewSeat& seat, const std::optional<InterviewSheet>& sheet);

void save_interview(db::Database& database, const kernel::Actor& actor,
                    const kernel::CurrentUser& user, std::int64_t edition_id,
                    std::int64_t proposal_id, judging::TypedSheet typed, bool submit,
                    std::int64_t now);

}  // namespace simpul::finals
