// Competitions: the national KIPP, JIPP hubs' provincial competitions and agencies' internal
// selections, set up as data by whoever runs them and shown to the public once published.
#include "competitions/routes.hpp"

#include "competitions/feature.hpp"

namespace simpul::competitions {

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  // Whoever runs some level of competition; ownership of the edition is checked per request.
  auto organisers = Access::roles({Role::organiser, Role::hub_coordinator, Role::local_admin});

  routes.get("/kompetisi", Access::anyone(), list);
  routes.get("/kompetisi/baru", organisers, new_form);
  routes.post("/kompetisi/baru", organisers, create);
  routes.get("/kompetisi/{id}", Access::anyone(), show);
  routes.get("/kompetisi/{id}/atur", organisers, setup);
  routes.post("/kompetisi/{id}/atur/{part}", organisers, save);
  routes.post("/kompetisi/{id}/terbitkan", organisers, publish);
  routes.get("/kompetisi/{id}/perpanjang", organisers, extend_form);
  routes.post("/kompetisi/{id}/perpanjang", organisers, extend);
  routes.get("/kompetisi/{id}/salin", organisers, copy_form);
  routes.post("/kompetisi/{id}/salin", organisers, copy);
}

}  // namespace simpul::competitions
