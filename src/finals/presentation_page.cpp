// The timetable of presentations and interviews (/kompetisi/{id}/presentasi): whoever runs the
// edition sets the grid (days, daily window, slot and break minutes, lunch), seats the panelists
// on panels, builds the timetable and moves a finalist by hand with a reason
// (/kompetisi/{id}/presentasi/{proposal}); panelists read it. Between the finalists' publication
// and the results.
#include <set>

#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "finals/paths.hpp"
#include "finals/presentation_service.hpp"
#include "finals/presentation_view.hpp"
#include "finals/routes.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Viewer {
  competitions::Edition edition;
  Stage stage;
  bool organiser = false;
  bool editable() const { return organiser && !stage.results_published_at; }
};

// The panel reads the page once the finalists are public; 409 before.
Viewer viewer(Context& context) {
  auto edition = panel_edition(context);
  auto stage = stage_of(context, edition.id);
  if (!stage || !stage->finalists_published_at)
    throw conflict("finals.error.finalists_not_published");
  bool organiser = runs(context.signed_in_user(), edition);
  return {std::move(edition), *stage, organiser};
}

struct PresentationInput {
  FieldErrors errors;
  std::optional<TypedGrid> grid;
  std::map<std::int64_t, std::string> panels;  // as typed, when the panel form failed
  std::string problem;
  int status = 200;
};

std::string error_text(const Context& context, const FieldErrors& errors, const std::string& f) {
  auto it = errors.find(f);
  return it == errors.end() ? "" : context.explain(it->second);
}

std::string default_days_hint(const Context& context, const competitions::Edition& edition) {
  const auto* stage = competitions::find_stage(edition.setup, "presentation");
  if (!stage || !stage->starts_at || !stage->ends_at)
    return context.t("presentation.grid.no_stage");
  const auto zone = edition.setup.general.zone;
  return context.t("presentation.grid.default_days",
                   {{"from", competitions::date_text(context, *stage->starts_at, zone)},
                    {"to", competitions::date_text(context, *stage->ends_at, zone)}});
}

Json presentation_grid_json(const Context& context, const competitions::Edition& edition,
                            const Plan& plan, const PresentationInput& in) {
  const TypedGrid typed = in.grid.value_or(typed_from(plan.grid.settings));
  Json days = Json::array();
  for (const auto& d : plan.request.grid.days)
    days.push_back(day_text(context,
                            competitions::instant_of(d, 12 * 60, edition.setup.general.zone),
                            edition.setup.general.zone));
  const std::size_t per_day =
      plan.request.grid.days.empty() ? 0 : plan.grid_slots.size() / plan.request.grid.days.size();
  Json errors = Json::object();
  for (const char* field :
       {"hari", "mulai", "selesai", "durasi", "jeda", "istirahat_mulai", "istirahat_selesai"})
    errors[field] = error_text(context, in.errors, field);
  return {{"days", typed.days},
          {"from", typed.from},
          {"to", typed.to},
          {"slot_minutes", typed.slot_minutes},
          {"break_minutes", typed.break_minutes},
          {"lunch_from", typed.lunch_from},
          {"lunch_to", typed.lunch_to},
          {"errors", errors},
          {"default_hint", default_days_hint(context, edition)},
          {"zone", view::zone_name(edition.setup.general.zone)},
          {"effective_days", days},
          {"has_days", !days.empty()},
          {"slots_per_day", per_day},
          {"seats", plan.grid_slots.size() * plan.request.panels.size()}};
}

Json panelists_json(const Context& context, const Plan& plan, const PresentationInput& in) {
  const int choices = panel_choices(plan.panelists.size());
  Json rows = Json::array();
  for (const auto& p : plan.panelists) {
    const std::string field = "panel." + std::to_string(p.id);
    std::string chosen = p.panel ? std::to_string(*p.panel) : "";
    if (auto it = in.panels.find(p.id); it != in.panels.end()) chosen = it->second;
    Json options = Json::array();
    options.push_back({{"value", ""},
                       {"label", context.t("presentation.panel.none")},
                       {"selected", chosen.empty()}});
    for (int n = 1; n <= choices; ++n)
      options.push_back({{"value", std::to_string(n)},
                         {"label", panel_label(context, n)},
                         {"selected", chosen == std::to_string(n)}});
    rows.push_back({{"id", p.id},
                    {"name", p.name.empty() ? p.username : p.name},
                    {"username", p.username},
                    {"field", field},
                    {"options", options},
                    {"error", error_text(context, in.errors, field)}});
  }
  return rows;
}

// One table per day with a booking: a row per slot start, a column per panel.
Json timetable_json(const Context& context, const competitions::Edition& edition, const Plan& plan,
                    bool organiser) {
  const auto zone = edition.setup.general.zone;
  std::set<competitions::LocalDate> booked_days;
  std::set<std::int64_t> panels;
  for (const auto& p : plan.request.panels) panels.insert(p.id);
  for (const auto& s : plan.slots) {
    booked_days.insert(competitions::local_date(s.booking.starts_at, zone));
    panels.insert(s.booking.panel_id);
  }
  std::map<competitions::LocalDate, std::map<std::int64_t, std::int64_t>> starts;  // start -> end
  for (const auto& slot : plan.grid_slots) {
    const auto day = competitions::local_date(slot.starts_at, zone);
    if (booked_days.contains(day)) starts[day].emplace(slot.starts_at, slot.ends_at);
  }
  std::map<std::pair<std::int64_t, std::int64_t>, const SlotRow*> at;  // (panel, start)
  for (const auto& s : plan.slots) {
    starts[competitions::local_date(s.booking.starts_at, zone)].emplace(s.booking.starts_at,
                                                                        s.booking.ends_at);
    at[{s.booking.panel_id, s.booking.starts_at}] = &s;
  }
  Json days = Json::array();
  for (const auto& [day, times] : starts) {
    Json heads = Json::array(), rows = Json::array();
    for (auto panel : panels) heads.push_back(panel_label(context, panel));
    for (const auto& [start, end] : times) {
      Json cells = Json::array();
      for (auto panel : panels) {
        auto found = at.find({panel, start});
        if (found == at.end()) {
          cells.push_back({{"booked", false}});
          continue;
        }
        const SlotRow& s = *found->second;
        const NomineeRow& f = *plan.finalist(s.booking.finalist_id);
        Json cell = slot_json(context, s.booking, zone, zone_of(f, zone));
        cell.update(
            {{"booked", true},
             {"title", f.title},
             {"agency", f.agency_name},
             {"manual", s.method == "manual"},
             {"url", organiser ? kernel::path(paths::kPresentationMove, {edition.id, f.proposal_id})
                               : ""}});
        cells.push_back(std::move(cell));
      }
      rows.push_back({{"time", time_range(context, {0, 0, start, end}, zone)}, {"cells", cells}});
    }
    days.push_back({{"label", day_text(context, times.begin()->first, zone)},
                    {"panels", heads},
                    {"rows", rows}});
  }
  return days;
}

// Why each finalist without a slot has none: a trial run around the current bookings.
std::map<std::int64_t, Unplaced> explain_unplaced(const Plan& plan) {
  std::map<std::int64_t, Unplaced> why;
  if (plan.request.panels.empty() || plan.grid_slots.empty()) return why;
  if (plan.slots.size() == plan.finalists.size()) return why;
  ScheduleRequest trial = plan.request;
  trial.kept = usable_kept(plan.request, plan.current()).kept;
  try {
    for (const auto& u : schedule(trial).unplaced) why[u.finalist_id] = u;
  } catch (const std::invalid_argument&) {
  }
  return why;
}

std::string unplaced_text(const Context& context, const Plan& plan, const NomineeRow& f,
                          const std::map<std::int64_t, Unplaced>& why) {
  if (plan.request.panels.empty()) return context.t("presentation.unplaced.no_panels");
  if (plan.grid_slots.empty()) return context.t("presentation.unplaced.no_days");
  auto it = why.find(f.proposal_id);
  if (it == why.end()) return context.t("presentation.unplaced.pending");
  const Unplaced& u = it->second;
  return context.t("presentation.unplaced." + std::string(unplaced_code(u.reason)),
                   {{"zone", f.agency_zone},
                    {"count", std::to_string(u.competing_ids.size())},
                    {"seats", std::to_string(u.competing_seats)}});
}

Json finalists_json(const Context& context, const competitions::Edition& edition, const Plan& plan,
                    bool editable, Json& unplaced) {
  const auto zone = edition.setup.general.zone;
  const auto why = explain_unplaced(plan);
  Json rows = Json::array();
  for (const auto& f : plan.finalists) {
    Json row = {
        {"title", f.title},
        {"agency", f.agency_name},
        {"zone", f.agency_zone},
        {"move_url",
         editable ? kernel::path(paths::kPresentationMove, {edition.id, f.proposal_id}) : ""}};
    if (const SlotRow* s = plan.slot(f.proposal_id)) {
      row["slot"] = slot_json(context, s->booking, zone, zone_of(f, zone));
      row["manual_reason"] = s->method == "manual" ? s->reason : "";
    } else {
      row["slot"] = nullptr;
      unplaced.push_back({{"title", f.title},
                          {"agency", f.agency_name},
                          {"reason", unplaced_text(context, plan, f, why)}});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

http::Response render_presentation(Context& context, const Viewer& v, const PresentationInput& in) {
  const auto now = now_seconds();
  Plan plan = context.db().read([&](db::Transaction& tx) { return load_plan(tx, v.edition, now); });
  Json unplaced = Json::array();
  Json finalists = finalists_json(context, v.edition, plan, v.editable(), unplaced);
  Json days = timetable_json(context, v.edition, plan, v.organiser);
  Json model = {
      {"title", context.t("presentation.title") + " · " + v.edition.setup.general.title},
      {"edition_title", v.edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {v.edition.id})},
      {"schedule_url", kernel::path(paths::kSchedule, {v.edition.id})},
      {"action", kernel::path(paths::kPresentation, {v.edition.id})},
      {"editable", v.editable()},
      {"results_published", v.stage.results_published_at.has_value()},
      {"grid", presentation_grid_json(context, v.edition, plan, in)},
      {"panelists", panelists_json(context, plan, in)},
      {"has_panelists", !plan.panelists.empty()},
      {"panel_count", plan.request.panels.size()},
      {"finalist_count", plan.finalists.size()},
      {"booked_count", plan.slots.size()},
      {"stale", !plan.slots.empty() && plan.stale},
      {"finalists", finalists},
      {"has_finalists", !plan.finalists.empty()},
      {"unplaced", unplaced},
      {"has_unplaced", !unplaced.empty()},
      {"days", days},
      {"has_days", !days.empty()},
      {"problem", in.problem},
      {"error_summary", context.error_summary(in.errors, {})},
  };
  return context.page("finals/presentation", std::move(model), in.status);
}

http::Response presentation_page(Context& context) {
  return render_presentation(context, viewer(context), {});
}

TypedGrid typed_grid(const http::Form& form) {
  return {form.get("hari"),
          form.get("mulai"),
          form.get("selesai"),
          form.get("durasi"),
          form.get("jeda"),
          form.get("istirahat_mulai"),
          form.get("istirahat_selesai")};
}

std::map<std::int64_t, std::string> typed_panels(const http::Form& form) {
  std::map<std::int64_t, std::string> typed;
  for (const auto& [name, value] : form.pairs()) {
    if (!name.starts_with("panel.")) continue;
    auto id = parse_positive(std::string_view(name).substr(6));
    if (!id) throw bad_request("presentation.error.panelist");
    typed[*id] = value;
  }
  return typed;
}

http::Response presentation_act(Context& context) {
  Viewer v = viewer(context);
  if (!v.organiser) throw forbidden();
  const auto& form = context.request().form();
  const std::string action = form.get("aksi");
  PresentationInput in;
  std::string done = "finals.notice.saved";
  try {
    if (action == "grid") {
      in.grid = typed_grid(form);
      save_grid(context.db(), context.actor(), context.signed_in_user(), v.edition.id, *in.grid,
                now_seconds());
    } else if (action == "panel") {
      in.panels = typed_panels(form);
      save_panels(context.db(), context.actor(), context.signed_in_user(), v.edition.id, in.panels,
                  now_seconds());
    } else if (action == "susun") {
      build_timetable(context.db(), context.actor(), context.signed_in_user(), v.edition.id,
                      now_seconds());
      done = "presentation.notice.built";
    } else {
      throw bad_request("finals.error.action");
    }
  } catch (const InvalidForm& error) {
    in.errors = error.errors();
    in.status = 422;
    return render_presentation(context, v, in);
  } catch (const Conflict& error) {
    in.problem = context.t(error.key());
    in.status = 409;
    return render_presentation(context, v, in);
  }
  return context.redirect_with_notice(kernel::path(paths::kPresentation, {v.edition.id}), done);
}

// The move form of one finalist: every seat check_move allows.
struct MoveInput {
  std::string target;
  std::string reason;
  FieldErrors errors;
  std::string problem;
  int status = 200;
};

Json seat_options(const Context& context, const competitions::Edition& edition, const Plan& plan,
                  const NomineeRow& f, const std::string& chosen) {
  Json options = Json::array();
  if (plan.request.panels.empty() || plan.grid_slots.empty()) return options;
  const auto zone = edition.setup.general.zone;
  const auto own = zone_of(f, zone);
  for (const auto& seat : move_options(plan.request, plan.current(), f.proposal_id)) {
    std::string label =
        panel_label(context, seat.panel_id) + " · " + slot_text(context, seat, zone);
    if (own != zone) label += " (" + time_range(context, seat, own) + ")";
    options.push_back(
        {{"value", seat_value(seat)}, {"label", label}, {"selected", chosen == seat_value(seat)}});
  }
  return options;
}

http::Response render_move(Context& context, const Viewer& v, std::int64_t proposal_id,
                           const MoveInput& in) {
  const auto now = now_seconds();
  Plan plan = context.db().read([&](db::Transaction& tx) { return load_plan(tx, v.edition, now); });
  const NomineeRow* f = plan.finalist(proposal_id);
  if (!f) throw not_found();
  const auto zone = v.edition.setup.general.zone;
  const SlotRow* current = plan.slot(proposal_id);
  Json options = seat_options(context, v.edition, plan, *f, in.target);
  Json model = {
      {"title", context.t("presentation.move.title") + " · " + f->title},
      {"finalist", f->title},
      {"agency", f->agency_name},
      {"zone", f->agency_zone},
      {"edition_title", v.edition.setup.general.title},
      {"back_url", kernel::path(paths::kPresentation, {v.edition.id})},
      {"action", kernel::path(paths::kPresentationMove, {v.edition.id, proposal_id})},
      {"slot", current ? slot_json(context, current->booking, zone, zone_of(*f, zone)) : Json()},
      {"manual_reason", current && current->method == "manual" ? current->reason : ""},
      {"options", options},
      {"has_options", !options.empty()},
      {"editable", v.editable()},
      {"reason", in.reason},
      {"target_error", error_text(context, in.errors, "ke")},
      {"reason_error", error_text(context, in.errors, "alasan")},
      {"error_summary", context.error_summary(in.errors, {})},
      {"problem", in.problem}};
  return context.page("finals/presentation_move", std::move(model), in.status);
}

Viewer organiser_viewer(Context& context) {
  Viewer v = viewer(context);
  if (!v.organiser) throw forbidden();
  return v;
}

http::Response move_page(Context& context) {
  return render_move(context, organiser_viewer(context), context.path_id("proposal"), {});
}

http::Response move(Context& context) {
  Viewer v = organiser_viewer(context);
  auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  MoveInput in{form.get("ke"), form.get("alasan"), {}, "", 200};
  try {
    move_finalist(context.db(), context.actor(), context.signed_in_user(), v.edition.id,
                  proposal_id, in.target, in.reason, now_seconds());
  } catch (const InvalidForm& error) {
    in.errors = error.errors();
    in.status = 422;
    return render_move(context, v, proposal_id, in);
  } catch (const Conflict& error) {
    in.problem = context.t(error.key());
    in.status = 409;
    return render_move(context, v, proposal_id, in);
  }
  return context.redirect_with_notice(kernel::path(paths::kPresentation, {v.edition.id}),
                                      "presentation.notice.moved");
}

}  // namespace

void register_presentation_routes(kernel::Routes& routes) {
  routes.get(paths::kPresentation, panel_access(), presentation_page);
  routes.post(paths::kPresentation, panel_access(), presentation_act);
  routes.get(paths::kPresentationMove, panel_access(), move_page);
  routes.post(paths::kPresentationMove, panel_access(), move);
  register_presentation_schedule_routes(routes);
  register_interview_routes(routes);
}

}  // namespace simpul::finals
