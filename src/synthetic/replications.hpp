#pragma once
// Replication records for the benchmarks: `simpul seed --synthetic-replications N --seed S`, over
// the published innovations already in the database (the synthetic corpus). Every regional
// government has hidden needs (two government affairs, drawn from the seed); a region replicates
// innovations addressing one of its needs, a popular innovation more often than a rare one (a
// log-uniform draw over a shuffled order, Zipf-like), never its own; each record reaches a stage
// as a programme's would (most past commitment, a few stopped), its steps dated in order between
// 2018 and today. The same seed gives the same needs and records, so a later evaluation can hold
// part of them out. All are marked sample data.
#include <cstdint>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::synthetic {

// The hidden needs of the seed's regions: agency id and its two affair bits.
struct RegionNeeds {
  std::int64_t agency_id = 0;
  int first = 0;
  int second = 0;
};
std::vector<RegionNeeds> region_needs(const std::vector<std::int64_t>& regions, std::uint64_t seed);

// Writes `count` records in transactions of 1,000; returns how many were written (fewer when the
// corpus has too few distinct pairs).
std::int64_t seed_replications(db::Database& database, std::int64_t count, std::uint64_t seed);

}  // namespace simpul::synthetic
