// Proposals to competition editions: drafted by a unit, submitted by its agency's local admin,
// screened by whoever runs the edition, announced to the public.
#include "proposals/routes.hpp"

#include "competitions/view.hpp"
#include "kernel/paths.hpp"
#include "proposals/dashboard.hpp"
#include "proposals/feature.hpp"
#include "proposals/paths.hpp"
#include "proposals/store.hpp"

namespace simpul::proposals {

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  // The agency's side and the organisers; who may see or change which proposal is decided per
  // request (rules.hpp).
  auto involved = Access::roles(
      {Role::unit_operator, Role::local_admin, Role::organiser, Role::hub_coordinator});
  auto agencies = Access::roles({Role::unit_operator, Role::local_admin});
  auto organisers = competitions::edition_runners();

  routes.get(paths::kList, involved, list);
  routes.post(paths::kScreening, organisers, screen_chosen);
  routes.get(paths::kStart, agencies, start_form);
  routes.post(paths::kStart, agencies, start);
  routes.get(paths::kDashboard, organisers, dashboard);
  routes.get(paths::kAnnouncement, Access::anyone(), announcement);
  routes.post(paths::kAnnouncement, organisers, announce_page);

  routes.get(paths::kProposal, involved, show);
  routes.post(paths::kProposal, agencies, save);
  routes.get(paths::kFile, involved, download);
  routes.post(paths::kSubmit, agencies, send_page);
  routes.post(paths::kReturn, agencies, send_back_page);
  routes.post(paths::kLodge, agencies, submit_page);
  routes.post(paths::kWithdraw, agencies, withdraw_page);
}

void register_stage(competitions::LaterStages& stages) {
  stages.add_links([](db::Transaction& tx, const competitions::Edition& edition,
                      const competitions::EditionViewer& viewer,
                      std::vector<competitions::EditionLink>& links) {
    auto add = [&](const char* pattern, const char* text_key) {
      links.push_back({kernel::path(pattern, {edition.id}), text_key});
    };
    if (viewer.agency && viewer.registration_open) add(paths::kStart, "proposal.list.start");
    if (viewer.agency || viewer.manager) add(paths::kList, "proposal.list.title");
    if (viewer.manager) add(paths::kDashboard, "proposal.list.dashboard");
    if (viewer.manager || find_announcement(tx, edition.id))
      add(paths::kAnnouncement, "proposal.announcement.title");
  });
  stages.add_category_check(category_named);
}

}  // namespace simpul::proposals
