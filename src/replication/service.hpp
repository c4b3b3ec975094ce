#pragma once
// The operations on replication records, for the pages, the API and the demo data. Each checks
// the rules against the record as it is inside its own write transaction, writes the record's
// next version and an audit event in that transaction, and announces "replication.changed" with
// the source innovation's id after the commit (the catalogue's replication counts follow it).
//
// Failures are UserErrors: 404 no such record or source; 403 not the caller's to record
// (may_record); 409 "replication.error.stale" when the record moved past the caller's version,
// "replication.error.under_way" for a second record of the same source and agency; 422
// InvalidForm with the form's fields.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "innovations/service.hpp"
#include "kernel/context.hpp"
#include "kernel/events.hpp"
#include "replication/model.hpp"

namespace simpul::replication {

// A new record, at its letter of interest: the source, the adopting unit, the modification plan.
struct Start {
  std::int64_t source_innovation_id = 0;
  std::optional<std::int64_t> unit_id;
  std::string plan_keeps;
  std::string plan_changes;
  StepInput interest;  // its stage is minat
  std::optional<innovations::Upload> file;
  bool is_sample = false;
};
std::int64_t start_replication(db::Database& database, const kernel::Events& events,
                               const kernel::Actor& actor, const Editor& editor, Start start,
                               std::int64_t now);

// The adopter's own innovation, named at penerapan: one of the agency's innovations, or (none
// named) a new draft in the record's unit, started from the source and the plan, which the unit
// completes and publishes like any other.
struct NextStep {
  StepInput input;
  std::optional<innovations::Upload> file;
  std::optional<std::int64_t> adopted_innovation_id;
};
void record_step(db::Database& database, const kernel::Events& events, const kernel::Actor& actor,
                 const Editor& editor, std::int64_t id, std::int64_t version, NextStep step,
                 std::int64_t now);

void change_plan(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t id, std::int64_t version, std::string keeps, std::string changes,
                 std::int64_t now);
void add_session(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t id, std::int64_t version, SessionInput session, std::int64_t now);
void add_milestone(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                   std::int64_t id, std::int64_t version, std::string title,
                   const std::string& target_on, std::int64_t now);
void complete_milestone(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                        std::int64_t id, std::int64_t version, std::int64_t milestone_id,
                        const std::string& done_on, std::int64_t now);

// Commitment rounds (round_service.cpp). Failures as above, and 409
// "replication.error.round_closed" for a change to a closed round.
struct RoundInput {
  std::string title;
  std::string province_code;
  std::string signed_on;  // YYYY-MM-DD
  std::string source_note;
  bool is_sample = false;
};
std::int64_t create_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                          RoundInput round, std::int64_t now);
void offer_in_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                    std::int64_t round_id, std::int64_t version, std::int64_t source_innovation_id,
                    bool is_sample = false);
// One agency's signed commitment to some of the round's offers: each starts the agency's record
// of that source at komitmen, or moves its record under way there (from minat or kaji_tiru), or
// names its record already further on; the signed document is the step's evidence.
struct CommitmentInput {
  std::int64_t agency_id = 0;
  std::vector<std::int64_t> sources;
  std::optional<innovations::Upload> file;
  bool is_sample = false;
};
void commit_in_round(db::Database& database, const kernel::Events& events,
                     const kernel::Actor& actor, const Editor& editor, std::int64_t round_id,
                     std::int64_t version, CommitmentInput commitment, std::int64_t now);
void close_round(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t round_id, std::int64_t version, std::int64_t now);

}  // namespace simpul::replication
