// The panel's side of the uji publik and of the field verification: every objection with the
// decision form (/kompetisi/{id}/sanggahan), and per finalist (/kompetisi/{id}/finalis/{proposal})
// its objections, the field verification notes with their form, and the removal of the finalist
// with a reason.
#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "finals/paths.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

Json objection_json(Context& context, const competitions::Edition& edition, const Objection& o) {
  const auto zone = edition.setup.general.zone;
  return {{"id", o.id},
          {"finalist", o.proposal_title},
          {"finalist_url", kernel::path(paths::kFinalist, {edition.id, o.proposal_id})},
          {"name", o.name},
          {"contact", o.contact},
          {"reason", competitions::paragraphs(o.reason)},
          {"filed_at", competitions::datetime_text(context, o.filed_at, zone)},
          {"decided", !o.decision.empty()},
          {"decision", o.decision.empty() ? "" : context.t("finals.decision." + o.decision)},
          {"decision_note", o.decision_note},
          {"action", kernel::path(paths::kObjection, {edition.id, o.id})}};
}

http::Response render_list(Context& context, const competitions::Edition& edition,
                           const std::string& problem, int status) {
  auto objections =
      context.db().read([&](db::Transaction& tx) { return objections_of(tx, edition.id); });
  auto stage = stage_of(context, edition.id);
  Json rows = Json::array();
  int pending = 0;
  for (const auto& o : objections) {
    rows.push_back(objection_json(context, edition, o));
    pending += o.decision.empty();
  }
  Json model = {
      {"title", context.t("finals.objections.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"published", stage && stage->finalists_published_at},
      {"editable", stage && stage->finalists_published_at && !stage->results_published_at},
      {"objections", rows},
      {"has_objections", !rows.empty()},
      {"pending", pending},
      {"finalists_url", kernel::path(paths::kFinalists, {edition.id})},
      {"problem", problem},
  };
  return context.page("finals/objections", std::move(model), status);
}

http::Response objections_list(Context& context) {
  return render_list(context, panel_edition(context), "", 200);
}

http::Response decide(Context& context) {
  auto edition = panel_edition(context);
  auto id = context.path_id("objection");
  const auto& form = context.request().form();
  try {
    decide_objection(context.db(), context.actor(), context.signed_in_user(), edition.id, id,
                     form.get("keputusan"), form.get("catatan"), now_seconds());
  } catch (const InvalidForm& error) {
    return render_list(context, edition, context.explain(error.errors().begin()->second), 422);
  } catch (const Conflict& error) {
    return render_list(context, edition, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kObjections, {edition.id}),
                                      "finals.notice.saved");
}

http::Response render_finalist(Context& context, const competitions::Edition& edition,
                               std::int64_t proposal_id, const FieldErrors& errors,
                               const std::string& problem, int status) {
  struct Data {
    std::optional<NomineeRow> nominee;
    std::vector<Objection> objections;
    std::vector<VerificationNote> notes;
  };
  Data d = context.db().read([&](db::Transaction& tx) {
    Data data{find_nominee(tx, edition.id, proposal_id), {}, notes_of(tx, proposal_id)};
    for (auto& o : objections_of(tx, edition.id))
      if (o.proposal_id == proposal_id) data.objections.push_back(std::move(o));
    return data;
  });
  if (!d.nominee || !d.nominee->selected) throw not_found();
  auto stage = stage_of(context, edition.id);
  Json model = nominee_json(context, *d.nominee);
  model["page_title"] = d.nominee->title;
  model["title"] = d.nominee->title + " · " + context.t("finals.finalist.title");
  model["edition_title"] = edition.setup.general.title;
  model["decisions_url"] = kernel::path(paths::kDecisions, {edition.id});
  model["dossier_url"] = kernel::path(paths::kDossier, {edition.id, proposal_id});
  model["action"] = kernel::path(paths::kFinalist, {edition.id, proposal_id});
  model["editable"] = stage && stage->finalists_published_at && !stage->results_published_at &&
                      !d.nominee->removed_reason;
  Json objections = Json::array();
  for (const auto& o : d.objections) objections.push_back(objection_json(context, edition, o));
  model["objections"] = objections;
  model["has_objections"] = !objections.empty();
  Json notes = Json::array();
  for (const auto& n : d.notes)
    notes.push_back({{"author", n.author},
                     {"visited_on", n.visited_on},
                     {"note", competitions::paragraphs(n.note)}});
  model["notes"] = notes;
  model["has_notes"] = !notes.empty();
  const auto& f = context.request().form();
  model["typed_date"] = status == 200 ? "" : f.get("tanggal");
  model["typed_note"] = status == 200 ? "" : f.get("catatan");
  model["errors"] = context.translated(errors);
  model["problem"] = problem;
  return context.page("finals/finalist", std::move(model), status);
}

http::Response finalist(Context& context) {
  return render_finalist(context, panel_edition(context), context.path_id("proposal"), {}, "", 200);
}

// Adds a verification note (aksi=catat) or removes the finalist (aksi=coret).
http::Response finalist_act(Context& context) {
  auto edition = panel_edition(context);
  auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  std::string done = "finals.notice.saved";
  try {
    if (form.get("aksi") == "coret") {
      remove_finalist(context.db(), context.actor(), context.signed_in_user(), edition.id,
                      proposal_id, form.get("alasan"), now_seconds());
      done = "finals.notice.removed";
    } else {
      add_verification_note(context.db(), context.actor(), context.signed_in_user(), edition.id,
                            proposal_id, form.get("tanggal"), form.get("catatan"), now_seconds());
    }
  } catch (const InvalidForm& error) {
    return render_finalist(context, edition, proposal_id, error.errors(), context.t(error.key()),
                           422);
  } catch (const Conflict& error) {
    return render_finalist(context, edition, proposal_id, {}, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kFinalist, {edition.id, proposal_id}),
                                      done);
}

}  // namespace

void register_objection_routes(kernel::Routes& routes) {
  routes.get(paths::kObjections, panel_access(), objections_list);
  routes.post(paths::kObjection, panel_access(), decide);
  routes.get(paths::kFinalist, panel_access(), finalist);
  routes.post(paths::kFinalist, panel_access(), finalist_act);
}

}  // namespace simpul::finals
