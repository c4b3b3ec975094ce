// Proposals to competition editions: drafted by a unit, submitted by its agency's local admin,
// screened by whoever runs the edition, announced to the public.
#include "proposals/routes.hpp"

#include "proposals/dashboard.hpp"
#include "proposals/feature.hpp"

namespace simpul::proposals {

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  // The agency's side and the organisers; who may see or change which proposal is decided per
  // request (rules.hpp).
  auto involved = Access::roles(
      {Role::unit_operator, Role::local_admin, Role::organiser, Role::hub_coordinator});
  auto agencies = Access::roles({Role::unit_operator, Role::local_admin});
  auto organisers = Access::roles({Role::organiser, Role::hub_coordinator, Role::local_admin});

  routes.get("/kompetisi/{id}/usulan", involved, list);
  routes.post("/kompetisi/{id}/seleksi", organisers, screen_chosen);
  routes.get("/kompetisi/{id}/usulan/baru", agencies, start_form);
  routes.post("/kompetisi/{id}/usulan/baru", agencies, start);
  routes.get("/kompetisi/{id}/dasbor", organisers, dashboard);
  routes.get("/kompetisi/{id}/pengumuman", Access::anyone(), announcement);
  routes.post("/kompetisi/{id}/pengumuman", organisers, announce_page);

  routes.get("/usulan/{id}", involved, show);
  routes.post("/usulan/{id}", agencies, save);
  routes.post("/usulan/{id}/berkas", agencies, upload);
  routes.post("/usulan/{id}/video", agencies, video);
  routes.get("/usulan/{id}/berkas/{file}", involved, download);
  routes.post("/usulan/{id}/berkas/{file}/hapus", agencies, remove_upload);
  routes.post("/usulan/{id}/kirim", agencies, send_page);
  routes.post("/usulan/{id}/kembalikan", agencies, send_back_page);
  routes.post("/usulan/{id}/ajukan", agencies, submit_page);
  routes.post("/usulan/{id}/tarik", agencies, withdraw_page);
}

}  // namespace simpul::proposals
