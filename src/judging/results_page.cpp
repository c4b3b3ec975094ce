// The evaluation's scores side by side (/kompetisi/{id}/nilai), for whoever runs the edition:
// per proposal the raw mean, the z-score mean and the calibrated score of its submitted sheets,
// ranked by the method chosen on the page and held against the edition's passing grade; each
// evaluator's leniency and spread; the proposals whose evaluators disagree; and those that would
// cross the passing grade if the method changed.
#include <algorithm>

#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "judging/aggregation.hpp"
#include "judging/evaluation.hpp"
#include "judging/feature.hpp"
#include "judging/paths.hpp"
#include "judging/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::judging {
namespace {

using kernel::Context;
using kernel::Json;

constexpr double kDisagreement = 20;  // points between a proposal's lowest and highest total
// Scores as the reader writes decimals: 78,9 in Indonesian, 78.9 in English.

struct Inputs {
  std::vector<ScoreSheet> sheets;
  std::map<std::int64_t, ProposalName> proposals;
  std::map<std::int64_t, std::string> evaluators;
};

std::string decimal(double value, view::Lang lang) { return view::format_decimal(value, 1, lang); }

// The three scores of a proposal, as a row shows them.
void add_scores(Json& row, const ProposalResult& p, view::Lang lang) {
  row["raw"] = decimal(p.raw, lang);
  row["z"] = decimal(p.z_score, lang);
  row["calibrated"] = decimal(p.calibrated, lang);
}

Json results_proposals_json(const Aggregation& a, const Inputs& in, Method chosen, double grade,
                            view::Lang lang) {
  std::vector<ProposalResult> ranked = a.proposals;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const auto& x, const auto& y) { return x.score(chosen) > y.score(chosen); });
  Json rows = Json::array();
  int rank = 0;
  for (const auto& p : ranked) {
    auto name = in.proposals.find(p.proposal_id);
    rows.push_back({{"rank", ++rank},
                    {"title", name == in.proposals.end() ? "" : name->second.title},
                    {"agency", name == in.proposals.end() ? "" : name->second.agency_name},
                    {"sheets", p.sheets},
                    {"passes", passes(p.score(chosen), grade)},
                    {"disagree", p.disagreement() > kDisagreement},
                    {"range", decimal(p.disagreement(), lang)}});
    add_scores(rows.back(), p, lang);
  }
  return rows;
}

Json evaluators_json(Context& context, const Aggregation& a, const Inputs& in) {
  const view::Lang lang = context.lang();
  Json rows = Json::array();
  for (const auto& e : a.evaluators) {
    auto name = in.evaluators.find(e.evaluator_id);
    std::string note;
    if (e.z_treatment == ZTreatment::single_sheet) note = context.t("judging.results.single_sheet");
    if (e.z_treatment == ZTreatment::constant) note = context.t("judging.results.constant");
    rows.push_back({{"name", name == in.evaluators.end() ? "" : name->second},
                    {"sheets", e.sheets},
                    {"mean", decimal(e.mean, lang)},
                    {"spread", decimal(e.spread, lang)},
                    {"leniency", (e.leniency >= 0 ? "+" : "") + decimal(e.leniency, lang)},
                    {"note", note}});
  }
  return rows;
}

Json crossings_json(const Aggregation& a, const Inputs& in, Method chosen, double grade,
                    view::Lang lang) {
  Json rows = Json::array();
  for (const auto& c : cutoff_crossings(a, grade, chosen)) {
    auto name = in.proposals.find(c.proposal.proposal_id);
    rows.push_back({{"title", name == in.proposals.end() ? "" : name->second.title},
                    {"passes_chosen", c.passes_chosen}});
    add_scores(rows.back(), c.proposal, lang);
  }
  return rows;
}

http::Response results(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  double grade =
      edition.setup.general.passing_grade.value_or(competitions::programme::kPassingGrade);
  std::optional<MethodChoice> recorded;
  Inputs in = context.db().read([&](db::Transaction& tx) {
    recorded = find_method_choice(tx, edition.id);
    return Inputs{submitted_sheets(tx, edition.id), screened_names(tx, edition.id),
                  evaluator_names(tx)};
  });
  // The page shows the method asked for, else the one recorded, else the raw mean.
  std::string asked = context.request().query().get("metode");
  auto shown = method_of_slug(asked);
  if (!shown && recorded) shown = method_named(recorded->method);
  Method chosen = shown.value_or(Method::raw);
  Json model = {
      {"title", context.t("judging.results.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"action", kernel::path(paths::kResults, {edition.id})},
      {"grade", decimal(grade, context.lang())},
      {"chosen", method_slug(chosen)},
      {"recorded",
       recorded
           ? context.t(
                 "judging.results.recorded",
                 {{"method", context.t("judging.results.method." +
                                       std::string(method_slug(
                                           method_named(recorded->method).value_or(Method::raw))))},
                  {"time", context.format_datetime(recorded->chosen_at)}})
           : context.t("judging.results.not_recorded")},
      {"sheets", in.sheets.size()}};
  Json methods = Json::array();
  for (Method m : kMethods) {
    methods.push_back(
        {{"value", method_slug(m)},
         {"label", context.t("judging.results.method." + std::string(method_slug(m)))},
         {"selected", m == chosen}});
  }
  model["methods"] = methods;
  try {
    Aggregation a = aggregate(marks(edition.setup.rubric, in.sheets));
    model["proposals"] = results_proposals_json(a, in, chosen, grade, context.lang());
    model["evaluators"] = evaluators_json(context, a, in);
    model["crossings"] = crossings_json(a, in, chosen, grade, context.lang());
    model["components"] = a.components;
  } catch (const std::invalid_argument&) {
    // A sheet that no longer fits the rubric (the rubric changed after it was submitted).
    model["problem"] = context.t("judging.results.rubric_changed");
  }
  for (const char* list : {"proposals", "evaluators", "crossings"}) {
    if (!model.contains(list)) model[list] = Json::array();
    model[std::string("has_") + list] = !model[list].empty();
  }
  return context.page("judging/results", std::move(model));
}

http::Response record(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  std::string code = context.request().form().get("metode");
  auto method = method_of_slug(code);
  if (!method) throw Invalid("judging.error.method");
  choose_method(context.db(), context.actor(), context.signed_in_user(), edition.id, *method,
                now_seconds());
  return http::Response::redirect(kernel::path(paths::kResults, {edition.id}) + "?metode=" + code);
}

}  // namespace

void register_results_routes(kernel::Routes& routes) {
  auto organisers = competitions::edition_runners();
  routes.get(paths::kResults, organisers, results);
  routes.post(paths::kResults, organisers, record);
}

}  // namespace simpul::judging
