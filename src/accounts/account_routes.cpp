// The signed-in user's own account: overview, the first sign-in setup (profile, then password)
// and later changes to either.
#include "accounts/routes.hpp"
#include "accounts/store.hpp"
#include "agencies/paths.hpp"
#include "audit/audit.hpp"
#include "core/auth/passwords.hpp"
#include "core/util/clock.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::accounts {
namespace {

using kernel::Context;
using kernel::Json;

User load_self(Context& context) {
  auto id = context.signed_in_user().id;
  auto user = context.db().read([&](db::Transaction& tx) { return find_user(tx, id); });
  if (!user) throw Unauthorized("error.unauthorized");
  return *user;
}

Json profile_json(const Profile& profile) {
  return {{"full_name", profile.full_name},
          {"position", profile.position},
          {"email", profile.email},
          {"phone", profile.phone}};
}

http::Response render_profile(Context& context, const Profile& profile, const FieldErrors& errors,
                              bool first_time, int status) {
  Json model = {{"title", context.t("profile.title")},
                {"profile", profile_json(profile)},
                {"errors", context.translated(errors)},
                {"error_summary", context.error_summary(errors, {})},
                {"first_time", first_time}};
  return context.page("accounts/profile", std::move(model), status);
}

http::Response render_password(Context& context, const FieldErrors& errors, bool first_time,
                               int status) {
  Json model = {{"title", context.t("password.title")},
                {"errors", context.translated(errors)},
                {"error_summary", context.error_summary(errors, {})},
                {"first_time", first_time}};
  return context.page("accounts/password", std::move(model), status);
}

FieldErrors check_new_password(const std::string& current, const std::string& fresh,
                               const std::string& confirmation) {
  FieldErrors errors;
  if (auto broken = auth::password_rule_broken(fresh))
    errors["new_password"] = *broken;
  else if (fresh == current)
    errors["new_password"] = "password.same_as_old";
  if (fresh != confirmation) errors["confirmation"] = "password.mismatch";
  return errors;
}

}  // namespace

http::Response account_home(Context& context) {
  User user = load_self(context);
  Json model = {{"title", context.t("account.title")},
                {"username", user.username},
                {"full_name", user.full_name},
                {"role", context.t(auth::role_label_key(user.role))},
                {"agency", user.agency_name},
                {"unit", user.unit_name},
                {"email", user.email},
                {"position", user.position},
                {"phone", user.phone},
                {"can_manage_users",
                 user.role == auth::Role::organiser || user.role == auth::Role::local_admin},
                {"is_organiser", user.role == auth::Role::organiser},
                {"is_local_admin", user.role == auth::Role::local_admin}};
  if (user.agency_id)
    model["agency_url"] = kernel::path(agencies::paths::kAgency, {*user.agency_id});
  return context.page("accounts/home", std::move(model));
}

http::Response profile_form(Context& context) {
  User user = load_self(context);
  Profile profile{user.full_name, user.position, user.email, user.phone};
  return render_profile(context, profile, {}, user.must_complete_profile, 200);
}

http::Response save_profile(Context& context) {
  const auto& form = context.request().form();
  User before = load_self(context);
  Profile profile{form.get("full_name"), form.get("position"), form.get("email"),
                  form.get("phone")};
  auto errors = validate_profile(profile);
  if (!errors.empty()) {
    return render_profile(context, profile, errors, before.must_complete_profile, 422);
  }
  context.db().write([&](db::Transaction& tx) {
    update_profile(tx, before.id, profile);
    Profile old{before.full_name, before.position, before.email, before.phone};
    audit::record(tx, context.actor(),
                  {"user.profile", "user", std::to_string(before.id), profile_json(old),
                   profile_json(profile)});
  });
  if (before.must_change_password) {
    return context.redirect_with_notice("/akun/sandi", "notice.profile_saved_now_password");
  }
  return context.redirect_with_notice("/akun", "notice.profile_saved");
}

http::Response password_form(Context& context) {
  const auto& user = context.signed_in_user();
  // The SINOVIK order: the profile first, then the password.
  if (user.must_complete_profile) return http::Response::redirect("/akun/profil");
  return render_password(context, {}, user.must_change_password, 200);
}

http::Response change_password(Context& context) {
  const auto& user = context.signed_in_user();
  if (user.must_complete_profile) return http::Response::redirect("/akun/profil");
  const auto& form = context.request().form();
  std::string current = form.get("current_password");
  std::string fresh = form.get("new_password");
  auto errors = check_new_password(current, fresh, form.get("confirmation"));
  auto stored =
      context.db().read([&](db::Transaction& tx) { return password_hash_of(tx, user.id); });
  if (!auth::verify_password(stored, current))
    errors["current_password"] = "password.current_wrong";
  if (!errors.empty()) return render_password(context, errors, user.must_change_password, 422);

  auto hash = auth::hash_password(fresh, context.config().password_cost);
  context.db().write([&](db::Transaction& tx) {
    update_password(tx, user.id, hash, now_seconds());
    // Other sessions of this account may belong to whoever knew the old password.
    delete_sessions_of(tx, user.id, user.session_hash);
    audit::record(tx, context.actor(), {"user.password", "user", std::to_string(user.id)});
  });
  return context.redirect_with_notice("/akun", "notice.password_changed");
}

}  // namespace simpul::accounts
