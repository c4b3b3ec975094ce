#pragma once
// What the app root wires of this feature: its routes, the session lookup of the request
// pipeline and the demo accounts shown on the sign-in page.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "core/view/format.hpp"
#include "kernel/routes.hpp"

namespace simpul::accounts {

void register_routes(kernel::Routes& routes);

struct SessionUser {
  kernel::CurrentUser user;
  view::Zone zone = view::Zone::wib;
};

// The active user of a live session. A session past its idle or absolute limit, or of a
// deactivated account, is deleted and nullopt returned. last_seen_at is refreshed at most once a
// minute, so reading pages rarely writes.
std::optional<SessionUser> find_session(db::Database& database, const std::string& id_hash,
                                        std::int64_t now, std::chrono::seconds idle,
                                        std::chrono::seconds absolute);

struct DemoAccount {
  std::string username;
  auth::Role role;
  std::string password;
};

// The demo accounts of this run and their passwords, shown on the sign-in page in demo mode; the
// app root lends them (kernel::Services).
struct DemoAccounts {
  std::vector<DemoAccount> accounts;
};

}  // namespace simpul::accounts
