#include "proposals/dashboard_store.hpp"

#include "proposals/model.hpp"

namespace simpul::proposals {

EditionRows edition_rows(db::Transaction& tx, std::int64_t edition_id, int zone_offset_seconds) {
  // The rows themselves, read once, rather than GROUP BYs: the five columns together tell apart
  // most of an edition's proposals (2,071 groups for 3,500 in the synthetic edition), so grouping
  // barely shrinks the result, and SQLite's sorter made the page twice as costly; a second pass
  // for the days cost another lookup per row. The local days come from SQL (integer division of
  // non-negative integers truncates alike on both engines; $2 takes created_at's type, bigint, on
  // PostgreSQL); the page adds everything up in one pass.
  auto rows = tx.query(
      "SELECT status, group_code, category_code, cluster, province_code, "
      "(created_at + $2) / 86400, CASE WHEN status <> $3 THEN (submitted_at + $2) / 86400 END "
      "FROM proposals WHERE edition_id = $1",
      {edition_id, std::int64_t{zone_offset_seconds}, std::string(status_code(Status::withdrawn))});
  EditionRows out;
  out.tallies.reserve(rows.size());
  for (const auto& row : rows) {
    out.tallies.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), 1});
    out.daily.started[row.integer(5)] += 1;
    if (auto submitted = row.optional_integer(6)) out.daily.submitted[*submitted] += 1;
  }
  return out;
}

std::map<std::string, std::string> province_names(db::Transaction& tx) {
  std::map<std::string, std::string> names;
  for (const auto& row : tx.query("SELECT code, name FROM provinces")) {
    names.emplace(row.text(0), row.text(1));
  }
  return names;
}

}  // namespace simpul::proposals
