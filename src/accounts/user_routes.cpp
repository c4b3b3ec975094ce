// Account management: the organiser sees and manages every account; a local admin the accounts of
// its own agency, and creates unit operators for its service units.
#include "accounts/routes.hpp"

#include "accounts/paths.hpp"
#include "accounts/rules.hpp"
#include "accounts/service.hpp"
#include "accounts/store.hpp"
#include "agencies/paths.hpp"
#include "audit/audit.hpp"
#include "core/util/crypto.hpp"
#include "core/util/numbers.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::accounts {
namespace {

using auth::Role;
using kernel::Context;
using kernel::Json;

Json role_options(Context& context, Role creator, const std::string& selected) {
  Json options = Json::array();
  for (Role role : creatable_roles(creator)) {
    options.push_back({{"value", auth::role_code(role)},
                       {"label", context.t(auth::role_label_key(role))},
                       {"selected", auth::role_code(role) == selected}});
  }
  return options;
}

struct FormState {
  std::string username;
  std::string full_name;
  std::string role;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
};

http::Response render_new_user(Context& context, const FormState& state, const std::string& error,
                               int status) {
  const auto& me = context.signed_in_user();
  Json model = {{"title", context.t("users.new_title")},
                {"username", state.username},
                {"full_name", state.full_name},
                {"roles", role_options(context, me.role, state.role)},
                {"is_organiser", me.is(Role::organiser)}};
  if (!error.empty()) model["error"] = error;
  auto agency_id = me.is(Role::local_admin) ? me.agency_id : state.agency_id;
  if (agency_id) {
    context.db().read([&](db::Transaction& tx) {
      model["agency"] = {{"id", *agency_id}, {"name", agency_name(tx, *agency_id).value_or("")}};
      Json units = Json::array();
      for (const auto& unit : units_of(tx, *agency_id)) {
        units.push_back(
            {{"id", unit.id}, {"name", unit.name}, {"selected", unit.id == state.unit_id}});
      }
      model["units"] = units;
      model["has_units"] = !units.empty();
      model["agency_url"] = kernel::path(agencies::paths::kAgency, {*agency_id});
    });
  }
  return context.page("accounts/new_user", std::move(model), status);
}

Json user_row(Context& context, const User& user, const Manager& manager) {
  Managed managed{user.id, user.role, user.agency_id};
  return {{"deactivate_url", kernel::path(paths::kDeactivate, {user.id})},
          {"activate_url", kernel::path(paths::kActivate, {user.id})},
          {"username", user.username},
          {"full_name", user.full_name},
          {"role", context.t(auth::role_label_key(user.role))},
          {"agency", user.agency_name},
          {"unit", user.unit_name},
          {"active", user.active},
          {"pending_setup", user.must_complete_profile || user.must_change_password},
          {"manageable", may_manage(manager, managed)}};
}

Manager manager_of(const kernel::CurrentUser& me) { return {me.id, me.role, me.agency_id}; }

http::Response set_active_state(Context& context, bool active) {
  const auto& me = context.signed_in_user();
  auto id = context.path_id();
  context.db().write([&](db::Transaction& tx) {
    auto user = find_user(tx, id);
    if (!user) throw not_found();
    if (!may_manage(manager_of(me), {user->id, user->role, user->agency_id})) throw forbidden();
    if (user->active == active) return;  // a repeated click changes nothing
    set_active(tx, user->id, active);
    if (!active) delete_sessions_of(tx, user->id);
    audit::record(tx, context.actor(),
                  {active ? "user.activate" : "user.deactivate", "user", std::to_string(user->id),
                   Json{{"active", user->active}}, Json{{"active", active}}});
  });
  return context.redirect_with_notice("/pengguna",
                                      active ? "notice.user_activated" : "notice.user_deactivated");
}

}  // namespace

http::Response user_list(Context& context) {
  const auto& me = context.signed_in_user();
  const auto& query = context.request().query();
  int page = std::max<std::int64_t>(1, parse_positive(query.get("halaman")).value_or(1));
  UserFilter filter;
  filter.role = auth::parse_role(query.get("peran")) ? query.get("peran") : "";
  filter.text = query.get("cari").substr(0, 100);
  filter.offset = (page - 1) * filter.limit;
  filter.agency_id = me.is(Role::local_admin) ? std::optional(me.agency_id.value_or(-1))
                                              : parse_positive(query.get("instansi"));
  auto [users, total] = context.db().read([&](db::Transaction& tx) {
    return std::pair{list_users(tx, filter), count_users(tx, filter)};
  });
  Json rows = Json::array();
  for (const auto& user : users) rows.push_back(user_row(context, user, manager_of(me)));
  Json roles = Json::array();
  for (Role role : auth::kAllRoles) {
    roles.push_back({{"value", auth::role_code(role)},
                     {"label", context.t(auth::role_label_key(role))},
                     {"selected", auth::role_code(role) == filter.role}});
  }
  std::string base = "/pengguna?instansi=" + std::to_string(filter.agency_id.value_or(0)) +
                     "&peran=" + http::url_encode(filter.role) +
                     "&cari=" + http::url_encode(filter.text) + "&halaman=";
  Json model = {{"title", context.t("users.title")},
                {"users", rows},
                {"total", total},
                {"roles", roles},
                {"search", filter.text},
                {"can_create", !creatable_roles(me.role).empty()}};
  if (page > 1) model["previous"] = base + std::to_string(page - 1);
  if (filter.offset + filter.limit < total) model["following"] = base + std::to_string(page + 1);
  return context.page("accounts/users", std::move(model));
}

http::Response new_user_form(Context& context) {
  const auto& query = context.request().query();
  FormState state;
  state.role = query.get("peran");
  state.agency_id = parse_positive(query.get("instansi"));
  return render_new_user(context, state, "", 200);
}

http::Response create_user(Context& context) {
  const auto& me = context.signed_in_user();
  const auto& form = context.request().form();
  FormState state{form.get("username"), form.get("full_name"), form.get("role"),
                  parse_positive(form.get("agency_id")), parse_positive(form.get("unit_id"))};
  auto role = auth::parse_role(state.role);
  if (!role) return render_new_user(context, state, context.t("users.role_required"), 422);
  if (!may_create(me.role, *role)) throw forbidden();
  // A local admin can only place accounts in its own agency, whatever the form says.
  if (me.is(Role::local_admin)) state.agency_id = me.agency_id;

  std::string password = random_password();
  NewAccount account{state.username, *role, state.agency_id, state.unit_id, state.full_name};
  std::int64_t id = 0;
  try {
    id = create_account(context.db(), context.actor(), account, password,
                        context.config().password_cost);
  } catch (const UserError& error) {
    return render_new_user(context, state, context.t(error.key(), error.args()),
                           http_status(error.failure()));
  }
  auto created = context.db().read([&](db::Transaction& tx) { return find_user(tx, id); });
  Json model = {{"title", context.t("users.created_title")},
                {"username", created->username},
                {"role", context.t(auth::role_label_key(created->role))},
                {"agency", created->agency_name},
                {"unit", created->unit_name},
                {"password", password}};
  auto response = context.page("accounts/created", std::move(model), 201);
  response.set_header("Cache-Control", "no-store");  // the password must not linger in a cache
  return response;
}

http::Response deactivate_user(Context& context) { return set_active_state(context, false); }
http::Response activate_user(Context& context) { return set_active_state(context, true); }

}  // namespace simpul::accounts
