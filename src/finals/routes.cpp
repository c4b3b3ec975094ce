#include "finals/routes.hpp"

#include "finals/feature.hpp"
#include "finals/paths.hpp"
#include "finals/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {

kernel::Access panel_access() {
  using auth::Role;
  return kernel::Access::roles(
      {Role::panelist, Role::organiser, Role::hub_coordinator, Role::local_admin});
}

void register_routes(kernel::Routes& routes) {
  register_nomination_routes(routes);
  register_finalist_routes(routes);
  register_objection_routes(routes);
  register_decision_routes(routes);
  register_results_routes(routes);
  register_presentation_routes(routes);
  register_export_routes(routes);
}

// The panel's pages from the start; the finalists, objections, decisions and timetable once the
// finalists are published; the results once they are.
void register_stage(competitions::LaterStages& stages) {
  stages.add_links([](db::Transaction& tx, const competitions::Edition& edition,
                      const competitions::EditionViewer& viewer,
                      std::vector<competitions::EditionLink>& links) {
    auto stage = find_stage(tx, edition.id);
    bool finalists = stage && stage->finalists_published_at;
    bool results = stage && stage->results_published_at;
    auto add = [&](const char* pattern, const char* text_key) {
      links.push_back({kernel::path(pattern, {edition.id}), text_key});
    };
    if (viewer.panel) add(paths::kNomination, "finals.nomination.title");
    if (viewer.panel && finalists) add(paths::kObjections, "finals.objections.title");
    if (viewer.panel && finalists) add(paths::kDecisions, "finals.decisions.title");
    if (viewer.panel && finalists) add(paths::kPresentation, "presentation.title");
    if ((viewer.agency || viewer.panel) && finalists)
      add(paths::kSchedule, "presentation.schedule.title");
    if (finalists) add(paths::kFinalists, "finals.finalists.title");
    if (results) add(paths::kResults, "finals.results.title");
  });
}

}  // namespace simpul::finals
