#include "site/settings.hpp"

#include "core/util/crypto.hpp"

namespace simpul::site {

std::string settings_secret(db::Database& database, const std::string& key) {
  return database.write([&](db::Transaction& tx) {
    tx.execute("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
               {key, random_hex(32)});
    return tx.query("SELECT value FROM settings WHERE key = $1", {key}).front().text(0);
  });
}

bool claim_setting(db::Transaction& tx, const std::string& key) {
  return tx.execute(
             "INSERT INTO settings (key, value) VALUES ($1, '1') ON CONFLICT (key) DO NOTHING",
             {key}) == 1;
}

bool database_answers(db::Database& database) {
  try {
    auto tx = database.begin_read();
    return tx.scalar("SELECT 1") == 1;
  } catch (const db::Error&) {
    return false;
  }
}

}  // namespace simpul::site
