// A panelist's interview sheet (/kompetisi/{id}/wawancara/{proposal}): the finalist, its slot, a
// score per aspect of the edition's interview rubric with its guidance, a comment, "save draft"
// and "submit". Only the panelists of the panel the finalist is booked with reach it.
#include "core/util/clock.hpp"
#include "finals/interview_service.hpp"
#include "finals/paths.hpp"
#include "finals/presentation_view.hpp"
#include "finals/routes.hpp"
#include "judging/sheet_form.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Loaded {
  InterviewSeat seat;
  std::optional<InterviewSheet> sheet;
};

Loaded load_interview(Context& context, std::int64_t edition_id, std::int64_t proposal_id) {
  const auto& user = context.signed_in_user();
  return context.db().read([&](db::Transaction& tx) {
    auto seat = interview_seat(tx, user, edition_id, proposal_id);
    auto sheet = find_interview(tx, proposal_id, user.id);
    return Loaded{std::move(seat), std::move(sheet)};
  });
}

std::string state_text(const Context& context, const Loaded& l) {
  if (l.seat.edition.setup.interview.empty()) return context.t("presentation.error.no_rubric");
  if (!l.sheet) return context.t("presentation.sheet.empty");
  return context.t(l.sheet->status == "submitted" ? "presentation.sheet.submitted"
                                                  : "presentation.sheet.draft");
}

http::Response render_interview(Context& context, std::int64_t edition_id, std::int64_t proposal_id,
                                const judging::TypedSheet* typed, const FieldErrors& errors,
                                const std::string& problem, int status) {
  Loaded l = load_interview(context, edition_id, proposal_id);
  const auto& f = l.seat.finalist;
  const auto zone = l.seat.edition.setup.general.zone;
  auto comment_error = errors.find("comment");
  Json model = {{"title", context.t("presentation.interview.title") + " · " + f.title},
                {"finalist", f.title},
                {"agency", f.agency_name},
                {"province", f.province_name},
                {"category", f.category_name},
                {"edition_title", l.seat.edition.setup.general.title},
                {"schedule_url", kernel::path(paths::kSchedule, {edition_id})},
                {"slot", slot_json(context, l.seat.slot.booking, zone, zone_of(f, zone))},
                {"aspects", judging::aspect_fields(context, l.seat.edition.setup.interview, typed,
                                                   l.sheet ? &l.sheet->scores : nullptr, errors)},
                {"comment_label", context.t("presentation.interview.comment")},
                {"has_rubric", !l.seat.edition.setup.interview.empty()},
                {"comment", typed     ? typed->comment
                            : l.sheet ? l.sheet->comment
                                      : ""},
                {"comment_error",
                 comment_error == errors.end() ? "" : context.explain(comment_error->second)},
                {"state", state_text(context, l)},
                {"editable", interview_open(l.seat, l.sheet)},
                {"action", kernel::path(paths::kInterview, {edition_id, proposal_id})},
                {"problem", problem},
                {"error_summary", context.error_summary(errors, {})}};
  return context.page("finals/interview", std::move(model), status);
}

// The saved draft as it will be sent: each aspect's score, the comment, and the one button that
// sends it (the draft's values as the form), or what is missing.
http::Response render_check(Context& context, std::int64_t edition_id, std::int64_t proposal_id) {
  Loaded l = load_interview(context, edition_id, proposal_id);
  Json aspects = Json::array();
  bool complete = l.sheet.has_value();
  for (const auto& a : l.seat.edition.setup.interview) {
    std::string value;
    if (l.sheet) {
      if (auto it = l.sheet->scores.find(a.code); it != l.sheet->scores.end())
        value = std::to_string(it->second);
    }
    complete = complete && !value.empty();
    aspects.push_back({{"code", a.code},
                       {"title", a.title},
                       {"scale", std::to_string(a.scale_min) + "–" + std::to_string(a.scale_max)},
                       {"value", value}});
  }
  Json model = {{"title", context.t("presentation.check.title")},
                {"subject", l.seat.finalist.title},
                {"aspects", aspects},
                {"comment", l.sheet ? l.sheet->comment : ""},
                {"complete", complete},
                {"action", kernel::path(paths::kInterview, {edition_id, proposal_id})},
                {"words",
                 {{"comment", context.t("presentation.interview.comment")},
                  {"submit_hint", context.t("presentation.interview.submit_hint")},
                  {"submit", context.t("presentation.interview.submit")},
                  {"back", context.t("presentation.check.back")}}}};
  return context.page("score_check", std::move(model));
}

std::int64_t edition_param(Context& context) { return context.path_id("id"); }

http::Response sheet(Context& context) {
  return render_interview(context, edition_param(context), context.path_id("proposal"), nullptr, {},
                          "", 200);
}

http::Response save(Context& context) {
  const auto edition_id = edition_param(context);
  const auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  judging::TypedSheet typed;
  for (const auto& [name, value] : form.pairs())
    if (name.starts_with("nilai.")) typed.scores[name.substr(6)] = value;
  typed.comment = form.get("komentar");
  // "periksa" saves a draft and shows it for a last look before the irreversible "kirim".
  const std::string action = form.get("aksi");
  const bool submit = action == "kirim";
  try {
    save_interview(context.db(), context.actor(), context.signed_in_user(), edition_id, proposal_id,
                   typed, submit, now_seconds());
  } catch (const InvalidForm& error) {
    return render_interview(context, edition_id, proposal_id, &typed, error.errors(), "", 422);
  } catch (const Conflict& error) {
    return render_interview(context, edition_id, proposal_id, &typed, {}, context.t(error.key()),
                            409);
  }
  if (action == "periksa") return render_check(context, edition_id, proposal_id);
  return context.redirect_with_notice(
      kernel::path(paths::kInterview, {edition_id, proposal_id}),
      submit ? "presentation.interview.sent" : "finals.notice.saved");
}

}  // namespace

void register_interview_routes(kernel::Routes& routes) {
  auto panelists = kernel::Access::roles({auth::Role::panelist});
  routes.get(paths::kInterview, panelists, sheet);
  routes.post(paths::kInterview, panelists, save);
}

}  // namespace simpul::finals
