#include "accounts/service.hpp"

#include "accounts/store.hpp"
#include "agencies/feature.hpp"
#include "audit/audit.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"

namespace simpul::accounts {
namespace {

nlohmann::json describe(const NewAccount& account, std::int64_t id) {
  nlohmann::json out = {{"id", id},
                        {"username", account.username},
                        {"role", auth::role_code(account.role)},
                        {"full_name", account.full_name}};
  if (account.agency_id) out["agency_id"] = *account.agency_id;
  if (account.unit_id) out["unit_id"] = *account.unit_id;
  return out;
}

// The agency and unit must fit the role; checked inside the writing transaction so a unit cannot
// move between the check and the insert.
void check_placement(db::Transaction& tx, NewAccount& account) {
  if (!auth::role_needs_agency(account.role)) {
    account.agency_id.reset();
    account.unit_id.reset();
    return;
  }
  if (!account.agency_id || !agency_name(tx, *account.agency_id)) {
    throw bad_request("account.agency_required");
  }
  if (account.role != auth::Role::unit_operator) {
    account.unit_id.reset();
    return;
  }
  if (!account.unit_id) throw bad_request("account.unit_required");
  auto unit_agency = agency_of_unit(tx, *account.unit_id);
  if (!unit_agency || *unit_agency != *account.agency_id) throw bad_request("account.unit_foreign");
}

}  // namespace

std::int64_t create_account(db::Database& database, const kernel::Actor& actor, NewAccount account,
                            const std::string& password, const auth::PasswordCost& cost,
                            bool setup_done) {
  if (auto problem = username_problem(account.username)) {
    throw bad_request(*problem, {{"field", "username"}});
  }
  account.full_name = trim(account.full_name);
  if (account.full_name.size() > 100) throw bad_request("form.too_long", {{"field", "full_name"}});
  // Hash before the transaction: it takes tens of milliseconds and needs no lock.
  std::string hash = hash_password(password, cost);
  return database.write([&](db::Transaction& tx) {
    if (username_taken(tx, account.username)) {
      throw conflict("account.username_taken", {{"username", account.username}});
    }
    check_placement(tx, account);
    auto id = insert_user(tx, account, hash, actor.user_id, now_seconds(), setup_done);
    audit::record(tx, actor,
                  {"user.create", "user", std::to_string(id), std::nullopt, describe(account, id)});
    return id;
  });
}

std::vector<DemoAccount> seed_demo_accounts(db::Database& database,
                                            const auth::PasswordCost& cost) {
  const kernel::Actor system{std::nullopt, "system:demo", "", ""};
  auto agency = database.read([](db::Transaction& tx) {
    return agency_id_by_name(tx, "Pemerintah Provinsi Kalimantan Utara");
  });
  auto unit = database.write([&](db::Transaction& tx) {
    return agency ? agencies::ensure_unit(tx, *agency, "Dinas Kependudukan dan Pencatatan Sipil",
                                          now_seconds())
                  : 0;
  });
  struct Spec {
    const char* username;
    auth::Role role;
    const char* name;
  };
  const Spec specs[] = {
      {"demo.penyelenggara", auth::Role::organiser, "Demo Admin Kementerian"},
      {"demo.adminlokal", auth::Role::local_admin, "Demo Admin Lokal Kaltara"},
      {"demo.unit", auth::Role::unit_operator, "Demo Operator Disdukcapil"},
      {"demo.hub", auth::Role::hub_coordinator, "Demo Koordinator Hub"},
      {"demo.evaluator", auth::Role::evaluator, "Demo Evaluator"},
      {"demo.panelis", auth::Role::panelist, "Demo Panelis"},
  };
  std::vector<DemoAccount> accounts;
  for (const auto& spec : specs) {
    std::string password = random_password();
    auto existing =
        database.read([&](db::Transaction& tx) { return find_credentials(tx, spec.username); });
    if (existing) {
      auto hash = hash_password(password, cost);
      database.write([&](db::Transaction& tx) {
        reset_demo_password(tx, existing->id, hash);
        audit::record(tx, system,
                      {"user.demo_password_reset", "user", std::to_string(existing->id),
                       std::nullopt, std::nullopt});
      });
    } else {
      NewAccount account{
          spec.username, spec.role, agency,
          spec.role == auth::Role::unit_operator ? std::optional(unit) : std::nullopt, spec.name};
      create_account(database, system, account, password, cost, true);
    }
    accounts.push_back({spec.username, spec.role, password});
  }
  return accounts;
}

std::optional<kernel::CurrentUser> acting_as(db::Transaction& tx, const std::string& username) {
  auto user = find_user_by_username(tx, username);
  if (!user || !user->active) return std::nullopt;
  kernel::CurrentUser current;
  current.id = user->id;
  current.username = user->username;
  current.full_name = user->full_name;
  current.role = user->role;
  current.agency_id = user->agency_id;
  current.unit_id = user->unit_id;
  current.must_complete_profile = user->must_complete_profile;
  current.must_change_password = user->must_change_password;
  return current;
}

}  // namespace simpul::accounts
