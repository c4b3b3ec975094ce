// Competitions: the national KIPP, JIPP hubs' provincial competitions and agencies' internal
// selections, set up as data by whoever runs them and shown to the public once published.
#include "competitions/routes.hpp"

#include "competitions/feature.hpp"
#include "competitions/paths.hpp"
#include "competitions/view.hpp"

namespace simpul::competitions {

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  // Whoever runs some level of competition; ownership of the edition is checked per request.
  auto organisers = competitions::edition_runners();

  routes.get(paths::kEditions, Access::anyone(), list);
  routes.get(paths::kNewEdition, organisers, new_form);
  routes.post(paths::kNewEdition, organisers, create);
  routes.get(paths::kEdition, Access::anyone(), show);
  routes.get(paths::kSetup, organisers, setup);
  routes.post(paths::kSetupPart, organisers, save);
  routes.post(paths::kPublish, organisers, publish);
  routes.get(paths::kExtend, organisers, extend_form);
  routes.post(paths::kExtend, organisers, extend);
  routes.get(paths::kCopy, organisers, copy_form);
  routes.post(paths::kCopy, organisers, copy);
}

}  // namespace simpul::competitions
