#include "finals/interview_service.hpp"

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"
#include "competitions/editions.hpp"
#include "core/util/clock.hpp"
#include "finals/nominees.hpp"
#include "finals/presentation_service.hpp"
#include "finals/service.hpp"

namespace simpul::finals {

InterviewSeat interview_seat(db::Transaction& tx, const kernel::CurrentUser& user,
                             std::int64_t edition_id, std::int64_t proposal_id) {
  auto edition = competitions::find_edition(tx, edition_id);
  auto stage = find_stage(tx, edition_id);
  auto finalist = find_nominee(tx, edition_id, proposal_id);
  if (!edition || !stage || !finalist || !finalist->finalist()) throw not_found();
  auto slot = find_slot(tx, proposal_id);
  auto panel = user.is(auth::Role::panelist) ? panel_of(tx, edition_id, user.id) : std::nullopt;
  if (!slot || !panel || slot->booking.panel_id != *panel) throw forbidden();
  // Seated on the panel after the timetable was built, or tied to the agency since.
  if (panelist_conflicted(tx, user, *edition, *finalist, now_seconds()))
    throw forbidden("finals.error.conflicted");
  return {std::move(*edition), std::move(*finalist), std::move(*slot), std::move(*stage)};
}

bool interview_open(const InterviewSeat& seat, const std::optional<InterviewSheet>& sheet) {
  return seat.stage.finalists_published_at && !seat.stage.results_published_at &&
         !seat.edition.setup.interview.empty() && !(sheet && sheet->status == "submitted");
}

void save_interview(db::Database& database, const kernel::Actor& actor,
                    const kernel::CurrentUser& user, std::int64_t edition_id,
                    std::int64_t proposal_id, judging::TypedSheet typed, bool submit,
                    std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto seat = interview_seat(tx, user, edition_id, proposal_id);
    finals_running(tx, edition_id);
    const auto& rubric = seat.edition.setup.interview;
    if (rubric.empty()) throw conflict("presentation.error.no_rubric");
    auto before = find_interview(tx, proposal_id, user.id);
    if (before && before->status == "submitted") throw conflict("presentation.error.submitted");
    auto checked = judging::check_sheet(rubric, std::move(typed), submit);
    if (!checked.errors.empty()) throw InvalidForm(checked.errors);
    InterviewSheet sheet{checked.scores, checked.comment, submit ? "submitted" : "draft", now};
    write_interview(tx, edition_id, proposal_id, user.id, sheet, now);
    std::optional<nlohmann::json> was;
    if (before) was = nlohmann::json{{"scores", before->scores}, {"status", before->status}};
    audit::record(
        tx, actor,
        {submit ? "interview.submit" : "interview.save", "proposal", std::to_string(proposal_id),
         was,
         nlohmann::json{
             {"scores", sheet.scores}, {"comment", sheet.comment}, {"status", sheet.status}}});
  });
}

}  // namespace simpul::finals
