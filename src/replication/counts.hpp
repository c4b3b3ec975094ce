#pragma once
// What other features read of replication: how many agencies replicate each innovation (the
// catalogue's "most replicated" order and its facet).
#include <cstdint>
#include <set>
#include <unordered_map>

#include "core/db/database.hpp"

namespace simpul::replication {

// Source innovation id -> the number of agencies with a record of it that has not stopped.
std::unordered_map<std::int64_t, std::int64_t> adopter_counts(db::Transaction& tx);
std::int64_t adopter_count(db::Transaction& tx, std::int64_t innovation_id);

// For a catalogue following the database that other servers write: every start and every stop
// of a record is a step, so the steps after `mark` name the sources whose counts may have changed.
struct CountChanges {
  std::set<std::int64_t> sources;
  std::int64_t mark = 0;  // the newest step seen, for the next call
};
CountChanges changed_since(db::Transaction& tx, std::int64_t mark);
std::int64_t newest_step(db::Transaction& tx);

}  // namespace simpul::replication
