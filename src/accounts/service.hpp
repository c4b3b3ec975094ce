#pragma once
// Account operations shared by the web pages, the CLI and demo seeding: each validates, writes
// and records its audit event in one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/feature.hpp"
#include "accounts/model.hpp"
#include "core/auth/passwords.hpp"
#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::accounts {

// Throws UserError (400 for a bad field, 409 for a taken username) before writing anything.
// The agency and unit must exist and match the role; a unit operator's unit must belong to the
// agency. setup_done skips the first sign-in setup (demo accounts only).
std::int64_t create_account(db::Database& database, const kernel::Actor& actor, NewAccount account,
                            const std::string& password, const auth::PasswordCost& cost,
                            bool setup_done = false);

// One ready-to-use account per role, with a new random password at every start; the local admin
// and unit operator belong to Pemerintah Provinsi Kalimantan Utara, whose innovations the seed
// articles describe.
std::vector<DemoAccount> seed_demo_accounts(db::Database& database, const auth::PasswordCost& cost);

// An active account as a request carries it once signed in, for the paths that act in a named
// person's place without a request (the sample edition played through the services); nullopt
// when no active account has that username.
std::optional<kernel::CurrentUser> acting_as(db::Transaction& tx, const std::string& username);

}  // namespace simpul::accounts
