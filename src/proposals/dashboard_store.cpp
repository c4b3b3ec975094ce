#include "proposals/dashboard_store.hpp"

#include "proposals/model.hpp"

namespace simpul::proposals {

std::vector<Tally> edition_tallies(db::Transaction& tx, std::int64_t edition_id) {
  // The rows themselves rather than a GROUP BY: the five columns together tell apart most of an
  // edition's proposals (2,071 groups for 3,500 in the synthetic edition), so grouping barely
  // shrinks the result, and SQLite's sorter made the page twice as costly (9 ms against 4.8 ms
  // of CPU per request). The page adds them up per dimension in one pass.
  auto rows = tx.query(
      "SELECT status, group_code, category_code, cluster, province_code "
      "FROM proposals WHERE edition_id = $1",
      {edition_id});
  std::vector<Tally> tallies;
  tallies.reserve(rows.size());
  for (const auto& row : rows) {
    tallies.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), 1});
  }
  return tallies;
}

std::map<std::string, std::string> province_names(db::Transaction& tx) {
  std::map<std::string, std::string> names;
  for (const auto& row : tx.query("SELECT code, name FROM provinces")) {
    names.emplace(row.text(0), row.text(1));
  }
  return names;
}

DailyCounts daily_counts(db::Transaction& tx, std::int64_t edition_id, int zone_offset_seconds) {
  // One pass grouped by (day started, day submitted) reads each row once; the sums per day are
  // made below. Integer division of non-negative integers truncates alike on SQLite and
  // PostgreSQL; $2 takes created_at's type (bigint) on PostgreSQL.
  auto rows = tx.query(
      "SELECT (created_at + $2) / 86400, "
      "CASE WHEN status <> $3 THEN (submitted_at + $2) / 86400 END, COUNT(*) "
      "FROM proposals WHERE edition_id = $1 GROUP BY 1, 2",
      {edition_id, std::int64_t{zone_offset_seconds}, std::string(status_code(Status::withdrawn))});
  DailyCounts counts;
  for (const auto& row : rows) {
    const std::int64_t n = row.integer(2);
    counts.started[row.integer(0)] += n;
    if (auto submitted = row.optional_integer(1)) counts.submitted[*submitted] += n;
  }
  return counts;
}

}  // namespace simpul::proposals
