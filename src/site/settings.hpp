#pragma once
#include <string>

#include "core/db/database.hpp"

namespace simpul::site {

// A secret kept in the settings table, created at random on first use. Every app server of one
// database reads the same value, so tokens signed by one are accepted by the others.
std::string settings_secret(db::Database& database, const std::string& key);

// Sets a flag in the settings table; true the first time only (the demo data is loaded once per
// database).
bool claim_setting(db::Transaction& tx, const std::string& key);

// True when the database answers a trivial query.
bool database_answers(db::Database& database);

}  // namespace simpul::site
