// The panel's page of nominees (/kompetisi/{id}/nominasi): whoever runs the edition nominates the
// proposals that reach the passing grade and sets the quotas; the panel runs the shortlist helper
// and adjusts it nominee by nominee with reasons (/kompetisi/{id}/nominasi/{proposal}); whoever
// runs the edition then publishes the finalists, which opens the objection window.
#include <set>

#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "finals/paths.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "judging/evaluation.hpp"
#include "judging/paths.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

std::string quota_value_label(const Context& context, const competitions::Edition& edition,
                              const std::vector<NomineeRow>& nominees, const QuotaField& f) {
  using D = judging::QuotaDimension;
  switch (f.dimension) {
    case D::category:
      for (const auto& c : edition.setup.categories)
        if (c.code == f.value) return c.name;
      return f.value;
    case D::group:
      return competitions::label(context, "group", f.value);
    case D::cluster:
      return competitions::label(context, "cluster", f.value);
    case D::province:
      for (const auto& n : nominees)
        if (n.province_code == f.value) return n.province_name;
      return f.value;
    case D::region_3t:
      return context.t("finals.quota.region_3t");
  }
  return f.value;
}

Json quotas_json(const Context& context, const competitions::Edition& edition,
                 const std::vector<NomineeRow>& nominees, const std::vector<judging::Quota>& quotas,
                 const FieldErrors& errors, const std::map<std::string, std::string>* typed) {
  Json groups = Json::array();
  for (const auto& f : quota_fields(edition, nominees)) {
    std::string dimension(dimension_code(f.dimension));
    if (groups.empty() || groups.back()["code"] != dimension)
      groups.push_back({{"code", dimension},
                        {"label", context.t("finals.quota.dimension." + dimension)},
                        {"rows", Json::array()}});
    std::string min_name = "min." + dimension + "." + f.value;
    std::string max_name = "max." + dimension + "." + f.value;
    std::string min, max;
    if (typed) {
      if (auto it = typed->find(min_name); it != typed->end()) min = it->second;
      if (auto it = typed->find(max_name); it != typed->end()) max = it->second;
    } else {
      for (const auto& q : quotas) {
        if (q.dimension != f.dimension || q.value != f.value) continue;
        if (q.min > 0) min = std::to_string(q.min);
        if (q.max) max = std::to_string(*q.max);
      }
    }
    auto error_of = [&](const std::string& name) {
      auto it = errors.find(name);
      return it == errors.end() ? std::string() : context.explain(it->second);
    };
    groups.back()["rows"].push_back({{"label", quota_value_label(context, edition, nominees, f)},
                                     {"min_name", min_name},
                                     {"max_name", max_name},
                                     {"min", min},
                                     {"max", max},
                                     {"min_error", error_of(min_name)},
                                     {"max_error", error_of(max_name)}});
  }
  return groups;
}

std::string infeasible_text(const Context& context, const Stage& stage) {
  if (stage.shortlist_status != "infeasible" || stage.shortlist_problem.empty()) return "";
  auto problem = Json::parse(stage.shortlist_problem, nullptr, false);
  if (problem.is_discarded()) return "";
  return context.t("finals.infeasible." + std::to_string(problem.value("cause", 6)),
                   {{"needed", std::to_string(problem.value("needed", 0))},
                    {"available", std::to_string(problem.value("available", 0))}});
}

struct PageInput {
  const FieldErrors* errors = nullptr;
  const std::map<std::string, std::string>* typed = nullptr;
  std::string problem;
  int status = 200;
};

void add_stage(Context& context, Json& model, const competitions::Edition& edition,
               const Stage& stage, bool organiser) {
  bool published = stage.finalists_published_at.has_value();
  bool fresh = !stage.shortlist_stale && !stage.shortlist_status.empty();
  model["nominated"] = true;
  auto method = judging::method_named(stage.method).value_or(judging::Method::raw);
  model["method"] =
      context.t("judging.results.method." + std::string(judging::method_slug(method)));
  model["run_status"] = stage.shortlist_status.empty()
                            ? context.t("finals.run.none")
                            : context.t("finals.run." + stage.shortlist_status);
  model["stale"] = stage.shortlist_stale && !stage.shortlist_status.empty() && !published;
  model["infeasible"] = infeasible_text(context, stage);
  model["can_run"] = !published;
  model["can_edit_quotas"] = organiser && !published;
  model["can_publish"] = organiser && !published && fresh && stage.shortlist_status != "infeasible";
  model["published"] = published;
  if (published) {
    const auto zone = edition.setup.general.zone;
    model["published_at"] =
        competitions::datetime_text(context, *stage.finalists_published_at, zone);
    model["objection_ends"] =
        competitions::datetime_text(context, stage.objection_ends_at.value_or(0), zone);
  }
}

http::Response render_nomination(Context& context, const competitions::Edition& edition,
                                 const PageInput& input) {
  bool organiser = runs(context.signed_in_user(), edition);
  struct Data {
    std::optional<Stage> stage;
    std::vector<NomineeRow> nominees;
    std::vector<judging::Quota> quotas;
  };
  Data data = context.db().read([&](db::Transaction& tx) {
    return Data{find_stage(tx, edition.id), nominees_of(tx, edition.id), quotas_of(tx, edition.id)};
  });
  Json model = {
      {"title", context.t("finals.nomination.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"action", kernel::path(paths::kNomination, {edition.id})},
      {"finalists_url", kernel::path(paths::kFinalists, {edition.id})},
      {"objections_url", kernel::path(paths::kObjections, {edition.id})},
      {"decisions_url", kernel::path(paths::kDecisions, {edition.id})},
      {"results_url", kernel::path(judging::paths::kResults, {edition.id})},
      {"places",
       edition.setup.general.finalist_count.value_or(competitions::programme::kFinalists)},
      {"grade",
       edition.setup.general.passing_grade.value_or(competitions::programme::kPassingGrade)},
      {"can_nominate", organiser && !data.stage},
      {"organiser", organiser},
      {"exports",
       {{"proposals_csv", kernel::path(paths::kProposalsCsv, {edition.id})},
        {"proposals_xlsx", kernel::path(paths::kProposalsXlsx, {edition.id})},
        {"sheets_csv", kernel::path(paths::kSheetsCsv, {edition.id})},
        {"sheets_xlsx", kernel::path(paths::kSheetsXlsx, {edition.id})}}},
      {"nominated", false},
      {"problem", input.problem},
  };
  if (data.stage) add_stage(context, model, edition, *data.stage, organiser);
  static const FieldErrors kNone;
  model["quotas"] = quotas_json(context, edition, data.nominees, data.quotas,
                                input.errors ? *input.errors : kNone, input.typed);
  Json rows = Json::array();
  int selected = 0;
  for (const auto& n : data.nominees) {
    rows.push_back(nominee_json(context, n));
    rows.back()["url"] = kernel::path(paths::kNominee, {edition.id, n.proposal_id});
    selected += n.selected;
  }
  model["nominees"] = rows;
  model["has_nominees"] = !rows.empty();
  model["nominee_count"] = rows.size();
  model["selected_count"] = selected;
  return context.page("finals/nomination", std::move(model), input.status);
}

http::Response nomination_page(Context& context) {
  return render_nomination(context, panel_edition(context), {});
}

http::Response nomination_act(Context& context) {
  auto edition = panel_edition(context);
  const auto& form = context.request().form();
  const std::string action = form.get("aksi");
  const auto& user = context.signed_in_user();
  std::string notice = "finals.notice.saved";
  std::map<std::string, std::string> typed;
  try {
    if (action == "nominasi") {
      nominate(context.db(), context.actor(), user, edition.id, now_seconds());
    } else if (action == "kuota") {
      for (const auto& [name, value] : form.pairs()) typed[name] = value;
      save_quotas(context.db(), context.actor(), user, edition.id, form.pairs());
    } else if (action == "susun") {
      run_shortlist(context.db(), context.actor(), user, edition.id, now_seconds());
    } else if (action == "umumkan") {
      publish_finalists(context.db(), context.actor(), user, edition.id, now_seconds());
      notice = "finals.notice.published";
    } else {
      throw bad_request("finals.error.action");
    }
  } catch (const InvalidForm& error) {
    return render_nomination(context, edition,
                             {&error.errors(), &typed, context.t(error.key()), 422});
  } catch (const Conflict& error) {
    return render_nomination(context, edition, {nullptr, nullptr, context.t(error.key()), 409});
  }
  return context.redirect_with_notice(kernel::path(paths::kNomination, {edition.id}), notice);
}

// One nominee: its facts, the helper's explanation and the panel's choice.
http::Response render_nominee(Context& context, const competitions::Edition& edition,
                              std::int64_t proposal_id, const PanelChoice* typed,
                              const FieldErrors& errors, const std::string& problem, int status) {
  auto nominee = context.db().read(
      [&](db::Transaction& tx) { return find_nominee(tx, edition.id, proposal_id); });
  if (!nominee) throw not_found();
  auto stage = stage_of(context, edition.id);
  Json model = nominee_json(context, *nominee);
  model["page_title"] = nominee->title;
  model["title"] = nominee->title + " · " + context.t("finals.nomination.title");
  model["back_url"] = kernel::path(paths::kNomination, {edition.id});
  model["dossier_url"] = kernel::path(paths::kDossier, {edition.id, proposal_id});
  model["action"] = kernel::path(paths::kNominee, {edition.id, proposal_id});
  model["editable"] = stage && !stage->finalists_published_at;
  // A refused form shows what was typed, not what is stored.
  const std::string& choice = typed ? typed->choice : nominee->panel_choice;
  model["choice_none"] = choice.empty();
  model["choice_include"] = choice == "include";
  model["choice_exclude"] = choice == "exclude";
  if (typed) {
    model["panel_reason"] = typed->reason;
    model["is_3t"] = typed->is_3t;
  }
  model["errors"] = context.translated(errors);
  model["problem"] = problem;
  return context.page("finals/nominee", std::move(model), status);
}

http::Response nominee(Context& context) {
  return render_nominee(context, panel_edition(context), context.path_id("proposal"), nullptr, {},
                        "", 200);
}

http::Response adjust(Context& context) {
  auto edition = panel_edition(context);
  auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  PanelChoice choice{proposal_id, form.get("pilihan"), form.get("alasan"), form.get("3t") == "1"};
  try {
    choose(context.db(), context.actor(), context.signed_in_user(), edition.id, choice,
           now_seconds());
  } catch (const InvalidForm& error) {
    return render_nominee(context, edition, proposal_id, &choice, error.errors(),
                          context.t(error.key()), 422);
  } catch (const Conflict& error) {
    return render_nominee(context, edition, proposal_id, &choice, {}, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kNomination, {edition.id}),
                                      "finals.notice.saved");
}

}  // namespace

void register_nomination_routes(kernel::Routes& routes) {
  routes.get(paths::kNomination, panel_access(), nomination_page);
  routes.post(paths::kNomination, panel_access(), nomination_act);
  routes.get(paths::kNominee, panel_access(), nominee);
  routes.post(paths::kNominee, panel_access(), adjust);
}

}  // namespace simpul::finals
