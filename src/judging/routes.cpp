// The evaluator's own page (/penilai/konflik): where they work and the agencies they declare
// ties with, which the assignment of proposals will never cross.
#include "competitions/calendar.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "judging/conflicts.hpp"
#include "judging/feature.hpp"
#include "judging/paths.hpp"
#include "judging/service.hpp"
#include "judging/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::judging {
namespace {

using auth::Role;
using kernel::Access;
using kernel::Context;
using kernel::Json;

Json options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::string& chosen) {
  Json out = Json::array();
  for (const auto& [value, label] : values)
    out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
  return out;
}

std::string date_text(const Context& context, const std::string& iso) {
  auto date = competitions::parse_date(iso);
  if (!date) return iso;
  return view::format_date(competitions::instant_of(*date, 12 * 60, view::Zone::wib),
                           view::Zone::wib, context.lang());
}

Json declarations_json(Context& context, const std::vector<Declaration>& declarations) {
  auto today = competitions::local_date(now_seconds(), context.zone());
  Json rows = Json::array();
  for (const auto& d : declarations) {
    auto ended = competitions::parse_date(d.ended_on);
    std::string state =
        !ended ? context.t("judging.conflict.ongoing")
        : still_counts(ended, today)
            ? context.t("judging.conflict.ended_counts", {{"date", date_text(context, d.ended_on)}})
            : context.t("judging.conflict.ended_expired",
                        {{"date", date_text(context, d.ended_on)}});
    rows.push_back({{"id", d.id},
                    {"agency", d.agency_name},
                    {"kind", context.t("judging.conflict.kind." + d.kind)},
                    {"state", state},
                    {"note", d.note},
                    {"remove_url", kernel::path(paths::kRemoveConflict, {d.id})}});
  }
  return rows;
}

struct Typed {
  Profile profile;
  NewDeclaration declaration;
};

http::Response render(Context& context, const Typed* typed, const FieldErrors& errors,
                      const std::string& problem, int status) {
  const auto user_id = context.signed_in_user().id;
  struct Data {
    Profile profile;
    std::vector<Declaration> declarations;
    std::vector<std::pair<std::string, std::string>> agencies, provinces;
  };
  Data data = context.db().read([&](db::Transaction& tx) {
    Data d{find_profile(tx, user_id).value_or(Profile{}), declarations_of(tx, user_id), {}, {}};
    for (const auto& [id, name] : agency_choices(tx))
      d.agencies.emplace_back(std::to_string(id), name);
    d.provinces = province_choices(tx);
    return d;
  });
  const Profile& profile = typed ? typed->profile : data.profile;
  NewDeclaration draft = typed ? typed->declaration : NewDeclaration{};
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto kind : kConflictKinds)
    kinds.emplace_back(kind, context.t("judging.conflict.kind." + std::string(kind)));
  Json error_texts = context.translated(errors);
  Json model = {{"title", context.t("judging.conflicts.title")},
                {"institution", profile.institution},
                {"provinces", options(data.provinces, profile.province_code)},
                {"declarations", declarations_json(context, data.declarations)},
                {"has_declarations", !data.declarations.empty()},
                {"agencies", options(data.agencies, draft.agency_id)},
                {"kinds", options(kinds, draft.kind)},
                {"ended_on", draft.ended_on},
                {"note", draft.note},
                {"look_back_years", kLookBackMonths / 12},
                {"errors", error_texts},
                {"problem", problem}};
  return context.page("judging/conflicts", std::move(model), status);
}

http::Response conflicts_page(Context& context) { return render(context, nullptr, {}, "", 200); }

http::Response save_profile_route(Context& context) {
  const auto& form = context.request().form();
  Typed typed{{form.get("institution"), form.get("province")}, {}};
  try {
    save_profile(context.db(), context.actor(), context.signed_in_user().id, typed.profile,
                 now_seconds());
  } catch (const InvalidForm& error) {
    return render(context, &typed, error.errors(), "", 422);
  }
  return context.redirect_with_notice(paths::kConflicts, "notice.judging_profile_saved");
}

http::Response declare_route(Context& context) {
  const auto& form = context.request().form();
  Typed typed{{}, {form.get("agency"), form.get("kind"), form.get("ended_on"), form.get("note")}};
  typed.profile = context.db().read([&](db::Transaction& tx) {
    return find_profile(tx, context.signed_in_user().id).value_or(Profile{});
  });
  try {
    declare_conflict(context.db(), context.actor(), context.signed_in_user().id, typed.declaration,
                     now_seconds());
  } catch (const InvalidForm& error) {
    return render(context, &typed, error.errors(), "", 422);
  } catch (const simpul::Conflict& error) {
    return render(context, &typed, {}, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(paths::kConflicts, "notice.judging_declared");
}

http::Response remove_route(Context& context) {
  auto id = context.path_id();
  remove_conflict(context.db(), context.actor(), context.signed_in_user().id, id, now_seconds());
  return context.redirect_with_notice(paths::kConflicts, "notice.judging_removed");
}

}  // namespace

void register_assignment_routes(kernel::Routes& routes);  // assignment_page.cpp
void register_sheet_routes(kernel::Routes& routes);       // sheet_page.cpp
void register_results_routes(kernel::Routes& routes);     // results_page.cpp
void register_evaluator_routes(kernel::Routes& routes);   // evaluator_page.cpp

void register_routes(kernel::Routes& routes) {
  register_assignment_routes(routes);
  register_sheet_routes(routes);
  register_results_routes(routes);
  register_evaluator_routes(routes);
  auto judges = Access::roles({Role::evaluator, Role::panelist});
  routes.get(paths::kConflicts, judges, conflicts_page);
  routes.post(paths::kProfile, judges, save_profile_route);
  routes.post(paths::kConflicts, judges, declare_route);
  routes.post(paths::kRemoveConflict, judges, remove_route);
}

void register_stage(competitions::LaterStages& stages) {
  stages.add_links([](db::Transaction&, const competitions::Edition& edition,
                      const competitions::EditionViewer& viewer,
                      std::vector<competitions::EditionLink>& links) {
    if (!viewer.manager) return;
    links.push_back({kernel::path(paths::kBoard, {edition.id}), "judging.assign.title"});
    links.push_back({kernel::path(paths::kResults, {edition.id}), "judging.results.title"});
  });
}

}  // namespace simpul::judging
