// The innovation registry: drafting, review, publication, versions and public profiles.
#include "innovations/routes.hpp"

#include "innovations/feature.hpp"
#include "innovations/store.hpp"

namespace simpul::innovations {

Editor editor_of(const kernel::CurrentUser& user) {
  return {user.role, user.agency_id, user.unit_id};
}

std::int64_t path_id(kernel::Context& context, std::string_view name) {
  auto id = parse_positive(context.request().param(name));
  if (!id) throw not_found();
  return *id;
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

  routes.get("/inovasi/saya", registry, my_innovations);
  routes.get("/inovasi/baru", editors, new_form);
  routes.post("/inovasi/baru", editors, create);
  routes.get("/inovasi/{id}/ubah", registry, edit_form);
  routes.post("/inovasi/{id}/ubah", editors, save);
  routes.post("/inovasi/{id}/kirim", editors, submit);
  routes.post("/inovasi/{id}/terbitkan", local_admin, publish);
  routes.post("/inovasi/{id}/kembalikan", local_admin, send_back);
  routes.get("/inovasi/{id}/versi", registry, versions);
  routes.get("/inovasi/{id}/pratinjau", registry, preview);
  routes.post("/inovasi/{id}/berkas", editors, upload);
  routes.post("/inovasi/{id}/berkas/{file}/hapus", editors, remove_upload);

  // Public: the published version only.
  routes.get("/inovasi/{id}", Access::anyone(), profile);
  routes.get("/api/v1/innovations/{id}", Access::anyone(), api_get);
  routes.get("/inovasi/{id}/berkas/{file}", Access::anyone(), download);
  routes.get("/instansi/{id}/portofolio", Access::anyone(), portfolio);

  // An agency's systems, with one of its API tokens.
  routes.post("/api/v1/innovations", Access::api_token(), api_create);
  routes.put("/api/v1/innovations/{id}", Access::api_token(), api_update);
  routes.get("/api/v1/agency/innovations", Access::api_token(), api_agency_list);
}

}  // namespace simpul::innovations
