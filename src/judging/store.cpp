#include "judging/store.hpp"

namespace simpul::judging {

std::optional<Profile> find_profile(db::Transaction& tx, std::int64_t user_id) {
  auto result = tx.query(
      "SELECT institution, COALESCE(province_code, '') FROM evaluator_profiles WHERE user_id = $1",
      {user_id});
  if (result.empty()) return std::nullopt;
  return Profile{result.front().text(0), result.front().text(1)};
}

void write_profile(db::Transaction& tx, std::int64_t user_id, const Profile& profile,
                   std::int64_t now) {
  db::Value province =
      profile.province_code.empty() ? db::Value{nullptr} : db::Value{profile.province_code};
  tx.execute("DELETE FROM evaluator_profiles WHERE user_id = $1", {user_id});
  tx.execute(
      "INSERT INTO evaluator_profiles (user_id, institution, province_code, updated_at) "
      "VALUES ($1, $2, $3, $4)",
      {user_id, profile.institution, province, now});
}

std::vector<Declaration> declarations_of(db::Transaction& tx, std::int64_t user_id) {
  std::vector<Declaration> rows;
  for (auto r : tx.query("SELECT c.id, c.agency_id, a.name, c.kind, c.ended_on, c.note, "
                         "c.declared_at FROM evaluator_conflicts c "
                         "JOIN agencies a ON a.id = c.agency_id "
                         "WHERE c.user_id = $1 AND c.removed_at IS NULL ORDER BY c.id DESC",
                         {user_id})) {
    rows.push_back(
        {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
  }
  return rows;
}

std::int64_t insert_declaration(db::Transaction& tx, std::int64_t user_id, const Declaration& d,
                                std::int64_t now) {
  return tx.scalar(
      "INSERT INTO evaluator_conflicts (user_id, agency_id, kind, ended_on, note, declared_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {user_id, d.agency_id, d.kind, d.ended_on, d.note, now});
}

bool mark_removed(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now) {
  return tx.execute(
             "UPDATE evaluator_conflicts SET removed_at = $3 "
             "WHERE id = $1 AND user_id = $2 AND removed_at IS NULL",
             {id, user_id, now}) == 1;
}

bool agency_exists(db::Transaction& tx, std::int64_t agency_id) {
  return tx.scalar("SELECT COUNT(*) FROM agencies WHERE id = $1 AND active = 1", {agency_id}) > 0;
}

bool province_exists(db::Transaction& tx, const std::string& code) {
  return tx.scalar("SELECT COUNT(*) FROM provinces WHERE code = $1", {code}) > 0;
}

std::vector<std::pair<std::int64_t, std::string>> agency_choices(db::Transaction& tx) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  for (auto r : tx.query("SELECT id, name FROM agencies WHERE active = 1 ORDER BY name"))
    rows.emplace_back(r.integer(0), r.text(1));
  return rows;
}

std::vector<std::pair<std::string, std::string>> province_choices(db::Transaction& tx) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (auto r : tx.query("SELECT code, name FROM provinces ORDER BY name"))
    rows.emplace_back(r.text(0), r.text(1));
  return rows;
}

}  // namespace simpul::judging
