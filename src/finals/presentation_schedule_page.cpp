// Who sees which slots (/kompetisi/{id}/jadwal): an agency's local admins and unit operators see
// their own finalists' slots in their own zone and the edition's; a panelist sees the timetable of
// the panel they sit on, with a link to each interview sheet; whoever runs the edition sees every
// slot. Anyone else is refused.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "finals/paths.hpp"
#include "finals/presentation_service.hpp"
#include "finals/presentation_view.hpp"
#include "finals/routes.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Seen {
  Plan plan;
  std::optional<int> panel;                    // the panelist's
  std::map<std::int64_t, std::string> sheets;  // the panelist's sheets' states
};

bool agency_role(const kernel::CurrentUser& user) {
  return (user.is(auth::Role::local_admin) || user.is(auth::Role::unit_operator)) &&
         user.agency_id.has_value();
}

std::string sheet_state(const Context& context, const std::map<std::int64_t, std::string>& sheets,
                        std::int64_t proposal_id) {
  auto it = sheets.find(proposal_id);
  if (it == sheets.end()) return context.t("presentation.sheet.empty");
  return context.t(it->second == "submitted" ? "presentation.sheet.submitted"
                                             : "presentation.sheet.draft");
}

// The agency's own finalists, booked or not, in the reader's zone first.
Json agency_rows(const Context& context, const competitions::Edition& edition, const Plan& plan,
                 std::int64_t agency_id) {
  const auto zone = edition.setup.general.zone;
  Json rows = Json::array();
  for (const auto& f : plan.finalists) {
    if (f.agency_id != agency_id) continue;
    const SlotRow* s = plan.slot(f.proposal_id);
    Json row = {{"title", f.title}, {"booked", s != nullptr}};
    if (s) {
      row["own"] = slot_text(context, s->booking, context.zone());
      row["edition"] = slot_text(context, s->booking, zone);
      row["panel"] = panel_label(context, s->booking.panel_id);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Slots by time, of one panel or (no panel given) of all.
Json slot_rows(const Context& context, const competitions::Edition& edition, const Seen& seen,
               std::optional<int> only_panel) {
  const auto zone = edition.setup.general.zone;
  Json rows = Json::array();
  for (const auto& s : seen.plan.slots) {
    if (only_panel && s.booking.panel_id != *only_panel) continue;
    const NomineeRow& f = *seen.plan.finalist(s.booking.finalist_id);
    Json row = slot_json(context, s.booking, zone, zone_of(f, zone));
    row.update(
        {{"title", f.title},
         {"agency", f.agency_name},
         {"sheet_url",
          only_panel ? kernel::path(paths::kInterview, {edition.id, f.proposal_id}) : ""},
         {"sheet_state", only_panel ? sheet_state(context, seen.sheets, f.proposal_id) : ""}});
    rows.push_back(std::move(row));
  }
  return rows;
}

http::Response schedule_page(Context& context) {
  const auto& user = context.signed_in_user();
  auto edition = competitions::load_edition(context.db(), context.path_id());
  const bool organiser = runs(user, edition);
  const bool panelist = user.is(auth::Role::panelist);
  const bool agency = agency_role(user);
  if (!organiser && !panelist && !agency) throw forbidden();
  const auto now = now_seconds();
  Seen seen = context.db().read([&](db::Transaction& tx) {
    auto stage = find_stage(tx, edition.id);
    if (!stage || !stage->finalists_published_at)
      throw conflict("finals.error.finalists_not_published");
    Seen s{load_plan(tx, edition, now), std::nullopt, {}};
    if (panelist) {
      s.panel = panel_of(tx, edition.id, user.id);
      s.sheets = interview_states(tx, edition.id, user.id);
    }
    return s;
  });
  Json mine = agency ? agency_rows(context, edition, seen.plan, *user.agency_id) : Json::array();
  Json panel = seen.panel ? slot_rows(context, edition, seen, seen.panel) : Json::array();
  Json all = organiser ? slot_rows(context, edition, seen, std::nullopt) : Json::array();
  Json model = {
      {"title", context.t("presentation.schedule.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"agency", agency},
      {"mine", mine},
      {"has_mine", !mine.empty()},
      {"own_zone", view::zone_name(context.zone())},
      {"edition_zone", view::zone_name(edition.setup.general.zone)},
      {"panelist", panelist},
      {"panel_name", seen.panel ? panel_label(context, *seen.panel) : ""},
      {"panel_rows", panel},
      {"has_panel_rows", !panel.empty()},
      {"organiser", organiser},
      {"all", all},
      {"has_all", !all.empty()},
      {"manage_url",
       organiser || panelist ? kernel::path(paths::kPresentation, {edition.id}) : ""}};
  return context.page("finals/presentation_schedule", std::move(model));
}

}  // namespace

void register_presentation_schedule_routes(kernel::Routes& routes) {
  using auth::Role;
  routes.get(paths::kSchedule,
             kernel::Access::roles({Role::local_admin, Role::unit_operator, Role::panelist,
                                    Role::organiser, Role::hub_coordinator}),
             schedule_page);
}

}  // namespace simpul::finals
