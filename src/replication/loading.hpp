#pragma once
// Replication records written in bulk, inside the caller's transaction, for the benchmarks'
// synthetic data (synthetic/replications.hpp): the record at the stage it has reached, its steps
// in order, version 1 with its snapshot, and one audit event. The caller has made the records
// consistent (the path's order, dates that only grow, one record per source and agency).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "kernel/context.hpp"
#include "replication/model.hpp"

namespace simpul::replication {

struct LoadedStep {
  Stage stage = Stage::minat;
  std::string happened_on;
  std::string evidence_url;
  std::string note;
};
struct LoadedRecord {
  std::int64_t source_innovation_id = 0;
  std::int64_t adopter_agency_id = 0;
  std::string plan_keeps;
  std::string plan_changes;
  std::string decree;
  std::vector<LoadedStep> steps;  // the last one's stage is where the record stands
  bool is_sample = true;
};
std::int64_t insert_loaded(db::Transaction& tx, const kernel::Actor& actor,
                           const LoadedRecord& record, std::int64_t now);

}  // namespace simpul::replication
