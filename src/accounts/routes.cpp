#include "accounts/routes.hpp"

#include "accounts/feature.hpp"
#include "accounts/paths.hpp"

namespace simpul::accounts {

void register_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  routes.get("/masuk", Access::anyone(), signin_form);
  routes.post("/masuk", Access::anyone(), signin);
  routes.post("/keluar", Access::account_setup(), signout);

  routes.get("/akun", Access::signed_in(), account_home);
  routes.get("/akun/profil", Access::account_setup(), profile_form);
  routes.post("/akun/profil", Access::account_setup(), save_profile);
  routes.get("/akun/sandi", Access::account_setup(), password_form);
  routes.post("/akun/sandi", Access::account_setup(), change_password);

  auto managers = Access::roles({Role::organiser, Role::local_admin});
  routes.get(paths::kUsers, managers, user_list);
  routes.get(paths::kNewUser, managers, new_user_form);
  routes.post(paths::kNewUser, managers, create_user);
  routes.post(paths::kDeactivate, managers, deactivate_user);
  routes.post(paths::kActivate, managers, activate_user);
}

}  // namespace simpul::accounts
