#pragma once
// The presentations and interviews as operations (issue: slots of 7 + 13 minutes across the days
// set, no clash for panelists, within each finalist's hours in its own zone). Each checks who asks
// and where the edition stands, writes, and records its audit event in one transaction; a slot
// set or moved tells the finalist's local admins in that same transaction.
//
// Failures are UserErrors: 404 no such edition or finalist; 403 not whoever runs the edition
// (finals::runs); 409 before the finalists are published or after the results (a plain
// "finals.error.*" message), or a timetable that cannot be built (no panel, no day); 422
// InvalidForm with the fields.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "core/db/database.hpp"
#include "finals/nominees.hpp"
#include "finals/presentation_rules.hpp"
#include "finals/presentation_store.hpp"
#include "finals/service.hpp"
#include "finals/store.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {

// What the timetable is built from, read in one transaction.
struct Plan {
  StoredGrid grid;  // the defaults when never saved
  std::vector<NomineeRow> finalists;
  std::vector<PanelistRow> panelists;  // every active panelist, on a panel or not
  std::vector<SlotRow> slots;          // of current finalists only
  ScheduleRequest request;             // no kept bookings; panels may be empty
  std::vector<Slot> grid_slots;        // empty when the grid has no day
  bool stale = false;                  // the grid or the panels changed after the last run
  const NomineeRow* finalist(std::int64_t proposal_id) const;
  const SlotRow* slot(std::int64_t proposal_id) const;
  // The current bookings check_move and move_options may look at.
  std::vector<Booking> current() const;
};
Plan load_plan(db::Transaction& tx, const competitions::Edition& edition, std::int64_t now);

// The stage row once the finalists are published and before the results; 409 otherwise.
Stage finals_running(db::Transaction& tx, std::int64_t edition_id);

void save_grid(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
               std::int64_t edition_id, const TypedGrid& typed, std::int64_t now);

// panelist id -> "" (no panel) or "1".."N", N the number of active panelists (at most 50). A
// panelist left out of the form keeps no panel.
void save_panels(db::Database& database, const kernel::Actor& actor,
                 const kernel::CurrentUser& user, std::int64_t edition_id,
                 const std::map<std::int64_t, std::string>& typed, std::int64_t now);
int panel_choices(std::size_t panelists);

// Builds the timetable: hand-made bookings that still fit stay, every other one is replaced.
struct Built {
  std::size_t placed = 0;  // bookings in all, kept ones included
  std::size_t kept = 0;
  std::vector<Booking> dropped;  // hand-made bookings that no longer fit
  std::vector<Unplaced> unplaced;
};
Built build_timetable(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now);

// Moves (or places) one finalist by hand to panel `panel` at `starts_at`, with a reason.
// 422 on "ke" for a seat check_move refuses (or none chosen), on "alasan" without a reason.
void move_finalist(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t edition_id,
                   std::int64_t proposal_id, const std::string& target, std::string reason,
                   std::int64_t now);
// The form's value for a seat: "<panel>@<starts_at>".
std::string seat_value(const Booking& booking);

}  // namespace simpul::finals
