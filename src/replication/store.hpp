#pragma once
// Every SQL statement about replication records, their steps, versions, mentoring sessions and
// milestones. The registry's tables (innovations, agencies) are only read here.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/db/database.hpp"
#include "replication/model.hpp"

#include <nlohmann/json.hpp>

namespace simpul::replication {

// An agency as a replication names it.
struct Party {
  std::int64_t agency_id = 0;
  std::string name;
  std::string type;  // kementerian, provinsi, kabupaten, kota, ...
  std::string province_code;
  std::string province_name;
  std::string zone;  // WIB, WITA, WIT
};

struct Replication {
  std::int64_t id = 0;
  std::int64_t source_innovation_id = 0;
  std::string source_name;
  Party source;
  Party adopter;
  std::optional<std::int64_t> adopter_unit_id;
  std::string adopter_unit_name;
  std::optional<std::int64_t> adopted_innovation_id;
  std::string adopted_name;
  bool adopted_published = false;
  Stage stage = Stage::minat;
  std::optional<Stage> stopped_at;
  std::string plan_keeps;
  std::string plan_changes;
  std::string decree;
  bool is_sample = false;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct StoredFile {
  std::string name;
  std::string type;
  std::int64_t size = 0;
  std::string sha256;
};

struct Step {
  std::int64_t id = 0;
  Stage stage = Stage::minat;
  std::string happened_on;
  std::string evidence_url;
  StoredFile file;  // empty name: no file
  std::string note;
  std::string recorded_by;
  std::int64_t recorded_at = 0;
};

struct Session {
  std::int64_t id = 0;
  std::string held_on;
  std::string mentor_kind;
  std::string mentor_name;
  std::string topic;
  std::int64_t attendance = 0;
  std::string notes;
};

// The source innovation as a new record needs it: published, with its agency.
struct Source {
  std::int64_t innovation_id = 0;
  std::string name;
  Party agency;
  bool is_sample = false;
};
std::optional<Source> find_source(db::Transaction& tx, std::int64_t innovation_id);
// Published innovations whose name contains `text` (case-insensitive), other agencies' only: the
// sources an agency may choose from.
std::vector<Source> search_sources(db::Transaction& tx, const std::string& text,
                                   std::int64_t except_agency_id, int limit);
// The source's published snapshot (innovations/model.hpp make_snapshot), as JSON text.
std::optional<std::string> published_snapshot(db::Transaction& tx, std::int64_t innovation_id);
std::optional<Party> find_party(db::Transaction& tx, std::int64_t agency_id);
// The agency a unit belongs to, when the unit exists.
std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id);
struct UnitChoice {
  std::int64_t id = 0;
  std::string name;
};
std::vector<UnitChoice> units_of(db::Transaction& tx, std::int64_t agency_id);
// The adopter's innovations it may name as its own implementation (any state), newest first.
std::vector<UnitChoice> innovations_of(db::Transaction& tx, std::int64_t agency_id);
std::optional<std::int64_t> innovation_agency(db::Transaction& tx, std::int64_t innovation_id);

struct NewReplication {
  std::int64_t source_innovation_id = 0;
  std::int64_t adopter_agency_id = 0;
  std::optional<std::int64_t> adopter_unit_id;
  Stage stage = Stage::minat;
  std::string plan_keeps;
  std::string plan_changes;
  bool is_sample = false;
  std::string decree;               // loaded records only
  std::optional<Stage> stopped_at;  // loaded records only
};
std::int64_t insert_replication(db::Transaction& tx, const NewReplication& entry,
                                std::optional<std::int64_t> user_id, std::int64_t now);
// The agency's record of this source that has not stopped, if any.
std::optional<std::int64_t> under_way(db::Transaction& tx, std::int64_t source_innovation_id,
                                      std::int64_t agency_id);

std::optional<Replication> find_replication(db::Transaction& tx, std::int64_t id);
// Moves the record to its next version; false when another write came first.
struct RecordChange {
  std::int64_t id = 0;
  std::int64_t from_version = 0;
  Stage stage = Stage::minat;
  std::optional<Stage> stopped_at;
  std::optional<std::int64_t> adopter_unit_id;
  std::optional<std::int64_t> adopted_innovation_id;
  std::string plan_keeps;
  std::string plan_changes;
  std::string decree;
};
bool update_replication(db::Transaction& tx, const RecordChange& change, std::int64_t now);

struct NewStep {
  Stage stage = Stage::minat;
  std::string happened_on;
  std::string evidence_url;
  StoredFile file;
  std::string note;
};
void insert_step(db::Transaction& tx, std::int64_t replication_id, const NewStep& step,
                 std::optional<std::int64_t> user_id, std::int64_t now);
std::vector<Step> steps_of(db::Transaction& tx, std::int64_t replication_id);
std::optional<Step> find_step(db::Transaction& tx, std::int64_t replication_id, Stage stage);

void insert_version(db::Transaction& tx, std::int64_t replication_id, std::int64_t version,
                    const nlohmann::json& snapshot, const std::string& note,
                    std::optional<std::int64_t> user_id, std::int64_t now);

void insert_session(db::Transaction& tx, std::int64_t replication_id, const SessionInput& session,
                    std::int64_t attendance, std::optional<std::int64_t> user_id, std::int64_t now);
std::vector<Session> sessions_of(db::Transaction& tx, std::int64_t replication_id);

std::int64_t insert_milestone(db::Transaction& tx, std::int64_t replication_id,
                              const std::string& title, const std::string& target_on,
                              std::optional<std::int64_t> user_id, std::int64_t now);
std::vector<Milestone> milestones_of(db::Transaction& tx, std::int64_t replication_id);
bool mark_milestone_done(db::Transaction& tx, std::int64_t replication_id,
                         std::int64_t milestone_id, const std::string& done_on);

// The KIPP Replikasi proposals naming a source, of every agency (withdrawn ones aside).
struct SourceProposal {
  std::int64_t agency_id = 0;
  std::int64_t innovation_id = 0;
  std::int64_t edition_id = 0;
};
std::vector<SourceProposal> proposals_naming(db::Transaction& tx,
                                             std::int64_t source_innovation_id);

// The network: how far replication has spread (network.hpp computes these from memory).
struct NetworkTotals {
  std::int64_t records = 0;      // under way or sustained (not stopped)
  std::int64_t adopters = 0;     // agencies with such a record
  std::int64_t sources = 0;      // innovations replicated
  std::int64_t implemented = 0;  // records at penerapan or later
};
struct Replicated {
  std::int64_t innovation_id = 0;
  std::string name;
  std::string agency;
  std::int64_t adopters = 0;
  bool is_sample = false;
};
struct RecentStep {
  std::int64_t replication_id = 0;
  Stage stage = Stage::minat;
  std::string happened_on;
  std::string source_name;
  std::string adopter;
  bool is_sample = false;
};
std::vector<RecentStep> recent_steps(db::Transaction& tx, int limit);
struct ProvinceAdoption {
  std::string code;
  std::string name;
  std::int64_t records = 0;
  std::int64_t adopters = 0;
};
// What the network page narrows to: the province a flow starts or ends in, the year a record
// started (its first step), a government affair of the source innovation (its bit in
// innovations' affair mask).
struct NetworkFilter {
  std::string province_code;
  std::optional<int> year;
  std::optional<int> affair_bit;
};
// Records between provinces: source's province -> adopter's province.
struct Flow {
  std::string from;
  std::string to;
  std::int64_t records = 0;
};

// Every record, oldest first, as the export and the API list it: `limit` records after `after_id`
// (0: from the start), skipping `offset` of them, narrowed to one source innovation when given.
std::vector<Replication> replications_after(db::Transaction& tx, std::int64_t after_id, int limit,
                                            std::optional<std::int64_t> source_innovation_id,
                                            std::int64_t offset = 0);
std::int64_t count_replications(db::Transaction& tx,
                                std::optional<std::int64_t> source_innovation_id);
// The date of each record's first step and of its latest, by record id.
struct StepDates {
  std::string first;
  std::string last;
};
std::unordered_map<std::int64_t, StepDates> step_dates(db::Transaction& tx, std::int64_t from_id,
                                                       std::int64_t to_id);

// The adopter's KIPP proposals in the Replikasi group that name this source (withdrawn ones
// aside): a proposal attaches to the record of its agency and source.
struct LinkedProposal {
  std::int64_t id = 0;
  std::string title;
  std::int64_t edition_id = 0;
  std::string edition_title;
  std::string status;
  std::int64_t innovation_id = 0;
};
std::vector<LinkedProposal> replication_proposals(db::Transaction& tx,
                                                  std::int64_t source_innovation_id,
                                                  std::int64_t agency_id);

// The network's rows, read whole (network.hpp), with the newest step as its mark.
struct NetworkData;
NetworkData load_network(db::Transaction& tx);

// Commitment rounds (round_store.cpp).
struct Round {
  std::int64_t id = 0;
  std::string title;
  std::string province_code;
  std::string province_name;
  std::string signed_on;
  std::string organiser_role;
  std::optional<std::int64_t> organiser_agency_id;
  std::optional<std::int64_t> closed_at;
  std::string source_note;
  bool is_sample = false;
  std::int64_t version = 1;
};
struct NewRound {
  std::string title;
  std::string province_code;
  std::string signed_on;
  std::string organiser_role;
  std::optional<std::int64_t> organiser_agency_id;
  std::string source_note;
  bool is_sample = false;
};
std::int64_t insert_round(db::Transaction& tx, const NewRound& round,
                          std::optional<std::int64_t> user_id, std::int64_t now);
std::optional<Round> find_round(db::Transaction& tx, std::int64_t id);
// Moves the round to its next version (closing it when closed_at is set); false when another
// write came first.
bool bump_round(db::Transaction& tx, std::int64_t id, std::int64_t from_version,
                std::optional<std::int64_t> closed_at);
bool province_exists(db::Transaction& tx, const std::string& code);

struct ListedRound {
  Round round;
  std::int64_t offers = 0;
  std::int64_t agencies = 0;     // agencies that committed
  std::int64_t commitments = 0;  // agency x innovation
};
std::vector<ListedRound> list_rounds(db::Transaction& tx);

struct Offer {
  std::int64_t innovation_id = 0;
  std::string name;
  std::string agency;
  bool is_sample = false;
};
void insert_offer(db::Transaction& tx, std::int64_t round_id, std::int64_t innovation_id,
                  bool is_sample);
std::vector<Offer> offers_of(db::Transaction& tx, std::int64_t round_id);

struct Commitment {
  std::int64_t agency_id = 0;
  std::string agency;
  std::int64_t source_innovation_id = 0;
  std::int64_t replication_id = 0;
  Stage stage = Stage::komitmen;
  bool is_sample = false;
};
void insert_commitment(db::Transaction& tx, std::int64_t round_id, std::int64_t agency_id,
                       std::int64_t source_innovation_id, std::int64_t replication_id,
                       bool is_sample, std::optional<std::int64_t> user_id, std::int64_t now);
bool commitment_exists(db::Transaction& tx, std::int64_t round_id, std::int64_t agency_id,
                       std::int64_t source_innovation_id);
std::vector<Commitment> commitments_of(db::Transaction& tx, std::int64_t round_id);
// The regional governments of a province (itself, its regencies and cities), by name.
std::vector<UnitChoice> regional_agencies(db::Transaction& tx, const std::string& province_code);
std::vector<std::pair<std::string, std::string>> provinces(db::Transaction& tx);

}  // namespace simpul::replication
