// The organiser's settings of one evaluator for an edition
// (/kompetisi/{id}/penugasan/penilai/{user}): the edition's categories the evaluator is expert in
// and the most proposals an automatic run gives them.
#include <algorithm>

#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "judging/evaluation.hpp"
#include "judging/feature.hpp"
#include "judging/paths.hpp"
#include "judging/service.hpp"
#include "judging/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::judging {
namespace {

using kernel::Context;
using kernel::Json;

struct Current {
  std::string name;
  EvaluatorSetting setting;
};

Current current(Context& context, const competitions::Edition& edition, std::int64_t user_id) {
  auto today = competitions::local_date(now_seconds(), edition.setup.general.zone);
  auto found = context.db().read([&](db::Transaction& tx) -> std::optional<Current> {
    if (!active_evaluator(tx, user_id, today)) return std::nullopt;
    auto settings = evaluator_settings(tx, edition.id);
    auto setting = settings.find(user_id);
    return Current{evaluator_names(tx)[user_id],
                   setting == settings.end() ? EvaluatorSetting{} : setting->second};
  });
  if (!found) throw not_found();
  return *found;
}

// The form as typed, when it comes back with errors; else as stored.
Json categories_json(const competitions::Setup& setup, const Current& stored,
                     const TypedSetting* typed) {
  Json rows = Json::array();
  for (const auto& category : setup.categories) {
    bool checked = typed ? std::find(typed->expertise.begin(), typed->expertise.end(),
                                     category.code) != typed->expertise.end()
                         : stored.setting.expertise.contains(category.code);
    rows.push_back({{"code", category.code}, {"name", category.name}, {"checked", checked}});
  }
  return rows;
}

http::Response render_evaluator(Context& context, const competitions::Edition& edition,
                                std::int64_t user_id, const TypedSetting* typed,
                                const FieldErrors& errors, int status) {
  Current stored = current(context, edition, user_id);
  Json error_texts = context.translated(errors);
  std::string max_load = typed                     ? typed->max_load
                         : stored.setting.max_load ? std::to_string(*stored.setting.max_load)
                                                   : "";
  Json model = {{"title", context.t("judging.evaluator.title") + " · " + stored.name},
                {"name", stored.name},
                {"edition_title", edition.setup.general.title},
                {"board_url", kernel::path(paths::kBoard, {edition.id})},
                {"action", kernel::path(paths::kEvaluator, {edition.id, user_id})},
                {"categories", categories_json(edition.setup, stored, typed)},
                {"has_categories", !edition.setup.categories.empty()},
                {"max_load", max_load},
                {"limit", kMaxLoadLimit},
                {"errors", error_texts},
                {"error_summary", context.error_summary(errors, {})}};
  return context.page("judging/evaluator", std::move(model), status);
}

http::Response page(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  return render_evaluator(context, edition, context.path_id("user"), nullptr, {}, 200);
}

http::Response save_evaluator(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  auto user_id = context.path_id("user");
  const auto& form = context.request().form();
  TypedSetting typed{form.all("keahlian"), form.get("beban_maks")};
  try {
    save_evaluator_setting(context.db(), context.actor(), context.signed_in_user(), edition.id,
                           user_id, typed, now_seconds());
  } catch (const InvalidForm& error) {
    return render_evaluator(context, edition, user_id, &typed, error.errors(), 422);
  }
  return context.redirect_with_notice(kernel::path(paths::kBoard, {edition.id}),
                                      "notice.judging_evaluator_saved");
}

}  // namespace

void register_evaluator_routes(kernel::Routes& routes) {
  auto organisers = competitions::edition_runners();
  routes.get(paths::kEvaluator, organisers, page);
  routes.post(paths::kEvaluator, organisers, save_evaluator);
}

}  // namespace simpul::judging
