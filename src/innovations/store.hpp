#pragma once
// Every SQL statement of the innovation registry: the working copy, its versions, the published
// snapshot, tags and evidence files; plus the agency and unit facts the registry shows, read with
// its own statements.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/db/database.hpp"
#include "innovations/model.hpp"

#include "innovations/registry.hpp"

namespace simpul::innovations {

struct NewInnovation {
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  Fields fields;
  std::optional<std::int64_t> created_by;
  std::int64_t now = 0;
  bool is_sample = false;
};
// A draft at version 1 (the caller writes the version row).
std::int64_t insert_innovation(db::Transaction& tx, const NewInnovation& innovation);
// The working copy with its active files; nullopt when there is no such innovation.
std::optional<Innovation> find_innovation(db::Transaction& tx, std::int64_t id);

struct WorkingCopyChange {
  std::int64_t id = 0;
  std::int64_t based_on_version = 0;
  Fields fields;
  Status status = Status::draft;
  std::optional<std::int64_t> user_id;
  std::int64_t now = 0;
};
// Writes the fields and tags at version based_on_version + 1. False, and nothing written, when the
// innovation is no longer at based_on_version (optimistic locking).
bool update_working_copy(db::Transaction& tx, const WorkingCopyChange& change);
// Changes the status (and the return notes) only; false when the innovation moved past version.
bool set_status(db::Transaction& tx, std::int64_t id, std::int64_t version, Status status,
                const std::string& return_note, std::optional<std::int64_t> user_id,
                std::int64_t now);

struct VersionRecord {
  std::int64_t number = 0;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  std::int64_t saved_at = 0;
  std::string note;
  std::optional<std::int64_t> published_at;
};
void insert_version(db::Transaction& tx, std::int64_t innovation_id, const VersionRecord& version,
                    const nlohmann::json& snapshot);
// Newest first.
std::vector<VersionRecord> list_versions(db::Transaction& tx, std::int64_t innovation_id);
std::optional<nlohmann::json> version_snapshot(db::Transaction& tx, std::int64_t innovation_id,
                                               std::int64_t number);
void mark_version_published(db::Transaction& tx, std::int64_t innovation_id, std::int64_t number,
                            std::int64_t now);

// Makes the working copy at its current version the one the public sees: the snapshot, and the
// columns the catalogue filters and counts on.
void publish_row(db::Transaction& tx, const Innovation& innovation, const nlohmann::json& snapshot,
                 std::int64_t now);

struct Published {
  std::int64_t innovation_id = 0;
  std::int64_t version = 0;
  nlohmann::json snapshot;
  std::int64_t published_at = 0;
  // Where it belongs, by today's names (snapshots written by other tools may lack them).
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string unit_name;
  bool is_sample = false;
};
std::optional<Published> find_published(db::Transaction& tx, std::int64_t innovation_id);

// "My innovations": a unit's, an agency's or (both empty) every innovation.
struct ListFilter {
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  std::vector<Status> statuses;  // empty: every status
  int limit = 50;
  int offset = 0;
};
struct ListedInnovation {
  std::int64_t id = 0;
  std::string name;
  Status status = Status::draft;
  std::int64_t version = 0;
  std::string unit_name;
  std::string agency_name;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> published_version;
  bool is_sample = false;
};
std::vector<ListedInnovation> list_innovations(db::Transaction& tx, const ListFilter& filter);
std::int64_t count_innovations(db::Transaction& tx, const ListFilter& filter);

struct UnitChoice {
  std::int64_t id = 0;
  std::string name;
};
std::vector<UnitChoice> units_of_agency(db::Transaction& tx, std::int64_t agency_id);
std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id);

std::int64_t insert_file(db::Transaction& tx, std::int64_t innovation_id, const Attachment& file,
                         std::optional<std::int64_t> uploaded_by, std::int64_t now);
// Active or removed, as long as it belongs to the innovation.
std::optional<Attachment> find_file(db::Transaction& tx, std::int64_t innovation_id,
                                    std::int64_t file_id);
void mark_file_removed(db::Transaction& tx, std::int64_t file_id, std::int64_t now);

// The public portfolio of an agency.
struct AgencyFacts {
  std::int64_t id = 0;
  std::string name;
  std::string type;
  std::string province_name;
};
std::optional<AgencyFacts> find_agency(db::Transaction& tx, std::int64_t agency_id);
struct PortfolioEntry {
  std::int64_t id = 0;
  std::string name;
  std::string unit_name;
  std::string form;
  std::string type;
  std::string stage;
  std::optional<int> year;
  std::int64_t affair_mask = 0;
  bool is_sample = false;
};
std::vector<PortfolioEntry> published_of_agency(db::Transaction& tx, std::int64_t agency_id);

}  // namespace simpul::innovations
