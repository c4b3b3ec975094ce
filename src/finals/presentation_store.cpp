#include "finals/presentation_store.hpp"

#include <algorithm>

#include "judging/conflicts.hpp"
#include "judging/scoring.hpp"

namespace simpul::finals {
namespace {

std::vector<competitions::LocalDate> days_from(const std::string& text) {
  std::vector<competitions::LocalDate> days;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find(',', at);
    if (end == std::string::npos) end = text.size();
    if (auto date = competitions::parse_date(text.substr(at, end - at))) days.push_back(*date);
    at = end + 1;
  }
  return days;
}

std::string days_column(const std::vector<competitions::LocalDate>& days) {
  std::string out;
  for (const auto& d : days) out += (out.empty() ? "" : ",") + competitions::iso_date(d);
  return out;
}

db::Value minutes_or_null(const std::optional<Window>& window, bool from) {
  if (!window) return nullptr;
  return std::int64_t{from ? window->from : window->to};
}

SlotRow slot_from(const db::Result::Row& r) {
  return {
      {r.integer(0), r.integer(1), r.integer(2), r.integer(3)}, r.text(4), r.text(5), r.integer(6)};
}

constexpr const char* kSlotSelect =
    "SELECT proposal_id, panel, starts_at, ends_at, method, reason, set_at "
    "FROM presentation_slots";

}  // namespace

std::optional<StoredGrid> find_grid(db::Transaction& tx, std::int64_t edition_id) {
  return tx.first(
      "SELECT days, day_from, day_to, slot_minutes, break_minutes, lunch_from, lunch_to, "
      "changed_at, scheduled_at FROM presentation_settings WHERE edition_id = $1",
      {edition_id}, [&](const db::Result::Row& r) {
        StoredGrid grid;
        grid.settings.days = days_from(r.text(0));
        grid.settings.day = {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2))};
        grid.settings.slot_minutes = static_cast<int>(r.integer(3));
        grid.settings.break_minutes = static_cast<int>(r.integer(4));
        if (!r.is_null(5) && !r.is_null(6))
          grid.settings.lunch =
              Window{static_cast<int>(r.integer(5)), static_cast<int>(r.integer(6))};
        grid.changed_at = r.integer(7);
        grid.scheduled_at = r.optional_integer(8);
        return grid;
      });
}

void write_grid(db::Transaction& tx, std::int64_t edition_id, const GridSettings& s,
                std::optional<std::int64_t> by, std::int64_t now) {
  touch_grid(tx, edition_id, by, now);
  tx.execute(
      "UPDATE presentation_settings SET days = $2, day_from = $3, day_to = $4, slot_minutes = $5, "
      "break_minutes = $6, lunch_from = $7, lunch_to = $8 WHERE edition_id = $1",
      {edition_id, days_column(s.days), std::int64_t{s.day.from}, std::int64_t{s.day.to},
       std::int64_t{s.slot_minutes}, std::int64_t{s.break_minutes}, minutes_or_null(s.lunch, true),
       minutes_or_null(s.lunch, false)});
}

void touch_grid(db::Transaction& tx, std::int64_t edition_id, std::optional<std::int64_t> by,
                std::int64_t now) {
  auto changed = tx.execute(
      "UPDATE presentation_settings SET changed_by = $2, changed_at = $3, scheduled_at = NULL "
      "WHERE edition_id = $1",
      {edition_id, db::optional_integer(by), now});
  if (changed == 0)
    tx.execute(
        "INSERT INTO presentation_settings (edition_id, changed_by, changed_at) "
        "VALUES ($1, $2, $3)",
        {edition_id, db::optional_integer(by), now});
}

void mark_scheduled(db::Transaction& tx, std::int64_t edition_id, std::int64_t now) {
  tx.execute("UPDATE presentation_settings SET scheduled_at = $2 WHERE edition_id = $1",
             {edition_id, now});
}

void lock_timetable(db::Transaction& tx, std::int64_t edition_id, std::int64_t now) {
  auto locked =
      tx.execute("UPDATE presentation_settings SET edition_id = edition_id WHERE edition_id = $1",
                 {edition_id});
  if (locked == 0)
    tx.execute("INSERT INTO presentation_settings (edition_id, changed_at) VALUES ($1, $2)",
               {edition_id, now});
}

std::vector<PanelistRow> panelists_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<PanelistRow> rows;
  for (auto r : tx.query("SELECT u.id, u.full_name, u.username, m.panel FROM users u "
                         "LEFT JOIN panel_members m ON m.panelist_id = u.id AND m.edition_id = $1 "
                         "WHERE u.role = 'panelist' AND u.active = 1 ORDER BY u.full_name, u.id",
                         {edition_id})) {
    PanelistRow row{r.integer(0), r.text(1), r.text(2), std::nullopt};
    if (!r.is_null(3)) row.panel = static_cast<int>(r.integer(3));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::map<std::int64_t, int> panel_members_of(db::Transaction& tx, std::int64_t edition_id) {
  std::map<std::int64_t, int> members;
  for (auto r : tx.query("SELECT m.panelist_id, m.panel FROM panel_members m "
                         "JOIN users u ON u.id = m.panelist_id "
                         "WHERE m.edition_id = $1 AND u.role = 'panelist' AND u.active = 1",
                         {edition_id}))
    members[r.integer(0)] = static_cast<int>(r.integer(1));
  return members;
}

std::optional<int> panel_of(db::Transaction& tx, std::int64_t edition_id,
                            std::int64_t panelist_id) {
  return tx.first(
      "SELECT m.panel FROM panel_members m JOIN users u ON u.id = m.panelist_id "
      "WHERE m.edition_id = $1 AND m.panelist_id = $2 AND u.active = 1",
      {edition_id, panelist_id},
      [](const db::Result::Row& row) { return static_cast<int>(row.integer(0)); });
}

void replace_panels(db::Transaction& tx, std::int64_t edition_id,
                    const std::map<std::int64_t, int>& panel_of_panelist) {
  tx.execute("DELETE FROM panel_members WHERE edition_id = $1", {edition_id});
  for (const auto& [panelist, panel] : panel_of_panelist)
    tx.execute("INSERT INTO panel_members (edition_id, panel, panelist_id) VALUES ($1, $2, $3)",
               {edition_id, std::int64_t{panel}, panelist});
}

std::vector<judging::Evaluator> panelists_with_ties(db::Transaction& tx,
                                                    competitions::LocalDate today) {
  std::vector<judging::Evaluator> panelists;
  std::map<std::int64_t, std::size_t> index;
  for (auto r : tx.query("SELECT u.id, u.agency_id, COALESCE(p.province_code, '') FROM users u "
                         "LEFT JOIN evaluator_profiles p ON p.user_id = u.id "
                         "WHERE u.role = 'panelist' AND u.active = 1 ORDER BY u.id")) {
    judging::Evaluator e;
    e.id = r.integer(0);
    e.agency_id = r.optional_integer(1);
    if (!r.text(2).empty()) e.province_code = r.text(2);
    index[e.id] = panelists.size();
    panelists.push_back(std::move(e));
  }
  for (auto r : tx.query("SELECT c.user_id, c.agency_id, c.ended_on FROM evaluator_conflicts c "
                         "JOIN users u ON u.id = c.user_id "
                         "WHERE c.removed_at IS NULL AND u.role = 'panelist' AND u.active = 1")) {
    auto it = index.find(r.integer(0));
    if (it == index.end()) continue;
    if (judging::still_counts(competitions::parse_date(r.text(2)), today))
      panelists[it->second].conflict_agency_ids.insert(r.integer(1));
  }
  return panelists;
}

std::vector<SlotRow> slots_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<SlotRow> rows;
  for (auto r : tx.query(std::string(kSlotSelect) +
                             " WHERE edition_id = $1 ORDER BY starts_at, panel, proposal_id",
                         {edition_id}))
    rows.push_back(slot_from(r));
  return rows;
}

std::optional<SlotRow> find_slot(db::Transaction& tx, std::int64_t proposal_id) {
  return tx.first(std::string(kSlotSelect) + " WHERE proposal_id = $1", {proposal_id}, slot_from);
}

void delete_slots_except(db::Transaction& tx, std::int64_t edition_id,
                         const std::vector<std::int64_t>& keep) {
  for (const auto& slot : slots_of(tx, edition_id))
    if (std::find(keep.begin(), keep.end(), slot.booking.finalist_id) == keep.end())
      delete_slot(tx, slot.booking.finalist_id);
}

void insert_slot(db::Transaction& tx, std::int64_t edition_id, const Booking& b,
                 const std::string& method, const std::string& reason,
                 std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute(
      "INSERT INTO presentation_slots (proposal_id, edition_id, panel, starts_at, ends_at, method, "
      "reason, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {b.finalist_id, edition_id, b.panel_id, b.starts_at, b.ends_at, method, reason,
       db::optional_integer(by), now});
}

void delete_slot(db::Transaction& tx, std::int64_t proposal_id) {
  tx.execute("DELETE FROM presentation_slots WHERE proposal_id = $1", {proposal_id});
}

std::optional<InterviewSheet> find_interview(db::Transaction& tx, std::int64_t proposal_id,
                                             std::int64_t panelist_id) {
  return tx.first(
      "SELECT scores_json, comment, status, updated_at FROM interview_sheets "
      "WHERE proposal_id = $1 AND panelist_id = $2",
      {proposal_id, panelist_id}, [&](const db::Result::Row& r) {
        return InterviewSheet{judging::scores_from_json(r.text(0)), r.text(1), r.text(2),
                              r.integer(3)};
      });
}

void write_interview(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                     std::int64_t panelist_id, const InterviewSheet& sheet, std::int64_t now) {
  std::string scores = judging::scores_to_json(sheet.scores);
  auto changed = tx.execute(
      "UPDATE interview_sheets SET scores_json = $3, comment = $4, status = $5, updated_at = $6 "
      "WHERE proposal_id = $1 AND panelist_id = $2",
      {proposal_id, panelist_id, scores, sheet.comment, sheet.status, now});
  if (changed == 0)
    tx.execute(
        "INSERT INTO interview_sheets (edition_id, proposal_id, panelist_id, scores_json, comment, "
        "status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {edition_id, proposal_id, panelist_id, scores, sheet.comment, sheet.status, now});
}

std::vector<judging::ScoreSheet> submitted_interviews(db::Transaction& tx,
                                                      std::int64_t edition_id) {
  std::vector<judging::ScoreSheet> sheets;
  for (auto r : tx.query("SELECT proposal_id, panelist_id, scores_json FROM interview_sheets "
                         "WHERE edition_id = $1 AND status = 'submitted' ORDER BY id",
                         {edition_id})) {
    judging::ScoreSheet sheet{r.integer(0), r.integer(1), {}};
    for (const auto& [code, score] : judging::scores_from_json(r.text(2)))
      sheet.scores[code] = score;
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

std::map<std::int64_t, std::string> interview_states(db::Transaction& tx, std::int64_t edition_id,
                                                     std::int64_t panelist_id) {
  std::map<std::int64_t, std::string> states;
  for (auto r : tx.query("SELECT proposal_id, status FROM interview_sheets "
                         "WHERE edition_id = $1 AND panelist_id = $2",
                         {edition_id, panelist_id}))
    states[r.integer(0)] = r.text(1);
  return states;
}

}  // namespace simpul::finals
