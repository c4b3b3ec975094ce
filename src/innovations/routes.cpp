// The innovation registry: drafting, review, publication, versions and public profiles.
#include "innovations/routes.hpp"

#include "innovations/feature.hpp"
#include "innovations/paths.hpp"
#include "innovations/store.hpp"

namespace simpul::innovations {

Editor editor_of(const kernel::CurrentUser& user) {
  return {user.role, user.agency_id, user.unit_id};
}

Innovation viewable_innovation(kernel::Context& context, std::int64_t id) {
  auto innovation = context.db().read([&](db::Transaction& tx) { return find_innovation(tx, id); });
  if (!innovation) throw not_found();
  Holding holding{innovation->status, innovation->agency_id, innovation->unit_id};
  if (decide(editor_of(context.signed_in_user()), Action::view, holding) != Verdict::allowed) {
    throw forbidden();
  }
  return *innovation;
}

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  auto registry = Access::roles({Role::unit_operator, Role::local_admin, Role::organiser});
  auto editors = Access::roles({Role::unit_operator, Role::local_admin});
  auto local_admin = Access::roles({Role::local_admin});

  routes.get(paths::kMine, registry, my_innovations);
  routes.get(paths::kNew, editors, new_form);
  routes.post(paths::kNew, editors, create);
  routes.get(paths::kEdit, registry, edit_form);
  routes.post(paths::kEdit, editors, save);
  routes.post(paths::kSubmit, editors, submit);
  routes.post(paths::kPublish, local_admin, publish);
  routes.post(paths::kReturn, local_admin, send_back);
  routes.get(paths::kVersions, registry, versions);
  routes.get(paths::kPreview, registry, preview);

  // Public: the published version only.
  routes.get(paths::kInnovation, Access::anyone(), profile);
  routes.get(paths::kApiInnovation, Access::anyone(), api_get);
  routes.get(paths::kFile, Access::anyone(), download);
  routes.get(paths::kPortfolio, Access::anyone(), portfolio);

  // An agency's systems, with one of its API tokens.
  routes.post(paths::kApiInnovations, Access::api_token(), api_create);
  routes.put(paths::kApiInnovation, Access::api_token(), api_update);
  routes.get(paths::kApiAgencyInnovations, Access::api_token(), api_agency_list);
}

}  // namespace simpul::innovations
