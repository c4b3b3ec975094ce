#include "finals/routes.hpp"

#include "finals/feature.hpp"

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

}  // namespace simpul::finals
