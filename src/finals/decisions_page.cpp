// The final decision (/kompetisi/{id}/keputusan): after the objection window, the panel gives
// each finalist its tier (Top Inovasi, Top 5 Replikasi, Top 5 Outstanding Achievement, or
// finalist only), with the counts against the programme's numbers; whoever runs the edition
// publishes the results, which writes the awards.
#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "finals/paths.hpp"
#include "finals/presentation_rules.hpp"
#include "finals/presentation_store.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Data {
  std::optional<Stage> stage;
  std::vector<NomineeRow> finalists;
  std::map<std::int64_t, std::string> tiers;
  std::map<std::int64_t, int> objections;       // per finalist
  std::vector<judging::ScoreSheet> interviews;  // submitted interview sheets
};

Data load_decisions(Context& context, std::int64_t edition_id) {
  return context.db().read([&](db::Transaction& tx) {
    Data d{find_stage(tx, edition_id), {}, decisions_of(tx, edition_id), {}};
    for (auto& n : nominees_of(tx, edition_id))
      if (n.finalist()) d.finalists.push_back(std::move(n));
    for (const auto& o : objections_of(tx, edition_id)) ++d.objections[o.proposal_id];
    d.interviews = submitted_interviews(tx, edition_id);
    return d;
  });
}

Json tier_options(const Context& context, const std::string& chosen) {
  Json options = Json::array();
  options.push_back(
      {{"value", ""}, {"label", context.t("finals.tier.none")}, {"selected", chosen.empty()}});
  for (auto tier : kTiers)
    options.push_back(
        {{"value", tier}, {"label", tier_label(context, tier)}, {"selected", chosen == tier}});
  return options;
}

Json counts_json(const Context& context, const Data& d, std::string_view level) {
  Json counts = Json::array();
  for (auto tier : kTiers) {
    int count = 0;
    for (const auto& [id, t] : d.tiers) count += t == tier;
    int target = tier_target(level, tier);
    counts.push_back({{"label", tier_label(context, tier)},
                      {"count", count},
                      {"target", target > 0 ? std::to_string(target) : ""}});
  }
  return counts;
}

http::Response render_decisions(Context& context, const competitions::Edition& edition,
                                const std::map<std::string, std::string>* typed,
                                const std::string& problem, int status) {
  Data d = load_decisions(context, edition.id);
  if (!d.stage || !d.stage->finalists_published_at) throw not_found();
  const auto now = now_seconds();
  const auto zone = edition.setup.general.zone;
  const auto interviews = interview_means(edition.setup.interview, d.interviews);
  Json rows = Json::array();
  for (const auto& f : d.finalists) {
    std::string chosen = d.tiers.contains(f.proposal_id) ? d.tiers.at(f.proposal_id) : "";
    std::string field = "tingkat." + std::to_string(f.proposal_id);
    if (typed && typed->contains(field)) chosen = typed->at(field);
    Json row = nominee_json(context, f);
    row["field"] = field;
    row["options"] = tier_options(context, chosen);
    row["objections"] = d.objections[f.proposal_id];
    auto interview = interviews.find(f.proposal_id);
    row["interview"] =
        interview == interviews.end() ? "–" : score_text(context, interview->second.mean);
    row["url"] = kernel::path(paths::kFinalist, {edition.id, f.proposal_id});
    rows.push_back(std::move(row));
  }
  bool window_over = !d.stage->objection_ends_at || now >= *d.stage->objection_ends_at;
  bool results = d.stage->results_published_at.has_value();
  Json model = {
      {"title", context.t("finals.decisions.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"action", kernel::path(paths::kDecisions, {edition.id})},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"counts", counts_json(context, d, competitions::level_code(edition.setup.general.level))},
      {"editable", window_over && !results},
      {"waiting", window_over
                      ? ""
                      : context.t("finals.decisions.waiting",
                                  {{"time", competitions::datetime_text(
                                                context, *d.stage->objection_ends_at, zone)}})},
      {"can_publish", window_over && !results && runs(context.signed_in_user(), edition)},
      {"results_url", results ? kernel::path(paths::kResults, {edition.id}) : ""},
      {"problem", problem},
  };
  return context.page("finals/decisions", std::move(model), status);
}

http::Response decisions_page(Context& context) {
  return render_decisions(context, panel_edition(context), nullptr, "", 200);
}

http::Response decisions_act(Context& context) {
  auto edition = panel_edition(context);
  const auto& form = context.request().form();
  std::map<std::string, std::string> typed;
  std::map<std::int64_t, std::string> tiers;
  for (const auto& [name, value] : form.pairs()) {
    if (!name.starts_with("tingkat.")) continue;
    typed[name] = value;
    auto id = parse_positive(std::string_view(name).substr(8));
    if (!id) throw bad_request("finals.error.tier");
    tiers[*id] = value;
  }
  std::string done = "finals.notice.saved";
  try {
    if (form.get("aksi") == "umumkan") {
      auto awarded = publish_results(context.db(), context.actor(), context.signed_in_user(),
                                     edition.id, form.get("catatan"), now_seconds());
      for (auto id : awarded) context.events().publish("innovation.published", std::to_string(id));
      done = "finals.notice.published";
    } else {
      save_decisions(context.db(), context.actor(), context.signed_in_user(), edition.id, tiers,
                     now_seconds());
    }
  } catch (const InvalidForm& error) {
    return render_decisions(context, edition, &typed,
                            context.explain(error.errors().begin()->second), 422);
  } catch (const Conflict& error) {
    return render_decisions(context, edition, &typed, context.t(error.key()), 409);
  } catch (const NotFound& error) {  // a finalist removed meanwhile
    return render_decisions(context, edition, &typed, context.t(error.key()), 404);
  }
  return context.redirect_with_notice(kernel::path(paths::kDecisions, {edition.id}), done);
}

}  // namespace

void register_decision_routes(kernel::Routes& routes) {
  routes.get(paths::kDecisions, panel_access(), decisions_page);
  routes.post(paths::kDecisions, panel_access(), decisions_act);
}

}  // namespace simpul::finals
