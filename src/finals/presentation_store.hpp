#pragma once
// Every SQL statement of the presentations and interviews: the grid per edition, the panels, the
// slots, the panelists as the conflict rules see them, and the interview sheets.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/calendar.hpp"
#include "core/db/database.hpp"
#include "finals/presentation_rules.hpp"
#include "judging/aggregation.hpp"
#include "judging/assignment.hpp"

namespace simpul::finals {

struct StoredGrid {
  GridSettings settings;
  std::int64_t changed_at = 0;
  std::optional<std::int64_t> scheduled_at;  // none since the last change
};
std::optional<StoredGrid> find_grid(db::Transaction& tx, std::int64_t edition_id);
void write_grid(db::Transaction& tx, std::int64_t edition_id, const GridSettings& settings,
                std::optional<std::int64_t> by, std::int64_t now);
// The grid or the panels changed: the timetable built before may no longer fit, until the next run
// (a flag rather than comparing times, which one second cannot order).
void touch_grid(db::Transaction& tx, std::int64_t edition_id, std::optional<std::int64_t> by,
                std::int64_t now);
void mark_scheduled(db::Transaction& tx, std::int64_t edition_id, std::int64_t now);
// Takes the edition's settings row lock (creating the row when missing), so that two organisers
// building or moving at once on PostgreSQL take turns instead of tripping over the slots' keys.
void lock_timetable(db::Transaction& tx, std::int64_t edition_id, std::int64_t now);

// Every active panelist, by name, with the panel they sit on in the edition.
struct PanelistRow {
  std::int64_t id = 0;
  std::string name;
  std::string username;
  std::optional<int> panel;
};
std::vector<PanelistRow> panelists_of(db::Transaction& tx, std::int64_t edition_id);
// Active panelists' panel numbers: panelist id -> panel.
std::map<std::int64_t, int> panel_members_of(db::Transaction& tx, std::int64_t edition_id);
std::optional<int> panel_of(db::Transaction& tx, std::int64_t edition_id, std::int64_t panelist_id);
void replace_panels(db::Transaction& tx, std::int64_t edition_id,
                    const std::map<std::int64_t, int>& panel_of_panelist);

// Active panelists as the conflict rules see an evaluator: their agency, the province of their
// workplace (/penilai/konflik) and the declared ties that still count on `today`.
std::vector<judging::Evaluator> panelists_with_ties(db::Transaction& tx,
                                                    competitions::LocalDate today);

struct SlotRow {
  Booking booking;     // finalist_id is the proposal id, panel_id the panel number
  std::string method;  // auto, manual
  std::string reason;  // of the last manual move
  std::int64_t set_at = 0;
};
std::vector<SlotRow> slots_of(db::Transaction& tx, std::int64_t edition_id);
std::optional<SlotRow> find_slot(db::Transaction& tx, std::int64_t proposal_id);
// Deletes the edition's slots except those of the proposals in `keep`.
void delete_slots_except(db::Transaction& tx, std::int64_t edition_id,
                         const std::vector<std::int64_t>& keep);
void insert_slot(db::Transaction& tx, std::int64_t edition_id, const Booking& booking,
                 const std::string& method, const std::string& reason,
                 std::optional<std::int64_t> by, std::int64_t now);
void delete_slot(db::Transaction& tx, std::int64_t proposal_id);

struct InterviewSheet {
  std::map<std::string, int> scores;
  std::string comment;
  std::string status;  // draft, submitted
  std::int64_t updated_at = 0;
};
std::optional<InterviewSheet> find_interview(db::Transaction& tx, std::int64_t proposal_id,
                                             std::int64_t panelist_id);
void write_interview(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                     std::int64_t panelist_id, const InterviewSheet& sheet, std::int64_t now);
// The edition's submitted interview sheets, as the aggregation reads score sheets.
std::vector<judging::ScoreSheet> submitted_interviews(db::Transaction& tx, std::int64_t edition_id);
// Per proposal of the panelist's: the status of their sheet ("draft", "submitted").
std::map<std::int64_t, std::string> interview_states(db::Transaction& tx, std::int64_t edition_id,
                                                     std::int64_t panelist_id);

}  // namespace simpul::finals
