#pragma once
// Loads demo and synthetic innovations straight into the published state, through the stores of
// the features they fill (agencies' units, the innovation registry). Seeding bypasses the drafting
// workflow and its 300-word rule, which are for people; every seeded record is versioned and
// published like any other, and one audit event records each seeding run.
#include <cstdint>
#include <ostream>
#include <string>

#include "core/db/database.hpp"

namespace simpul::samples {

struct SeedReport {
  std::int64_t innovations = 0;
  std::int64_t agencies_added = 0;
};

// `simpul seed --synthetic N --seed S`: N generated innovations (marked as sample data) spread
// over every agency, in transactions of 1,000.
SeedReport seed_synthetic(db::Database& database, const std::string& home, std::int64_t count,
                          std::uint64_t seed);

// `simpul seed --synthetic-csv N --seed S`: the same generator's innovations as an import file
// (imports/layout.hpp) for one agency, names made unique, for the import benchmark and tests.
void write_import_csv(const std::string& home, std::int64_t count, std::uint64_t seed,
                      std::ostream& out);

// The real innovations of samples/innovations.json, and sample innovations that bring each listed
// agency up to its reported portfolio counts. Runs once per database; false when it already had.
bool seed_demo_innovations(db::Database& database, const std::string& home);

}  // namespace simpul::samples
