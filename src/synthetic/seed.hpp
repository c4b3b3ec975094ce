#pragma once
// Loads generated innovations straight into the published state, through the public functions of
// the features they fill (agencies' units, the registry's insert_new). Seeding bypasses the
// drafting workflow and its 300-word rule, which are for people; every seeded record is versioned
// and published like any other, and one audit event records each seeding run. The demo data
// (samples/) loads through the same functions.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "agencies/feature.hpp"
#include "core/db/database.hpp"
#include "innovations/model.hpp"
#include "kernel/context.hpp"
#include "synthetic/corpus.hpp"

namespace simpul::synthetic {

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

// Adds a few real ministries, agencies and state enterprises when none of that cluster exists, so
// generated data covers every cluster. Returns how many were added.
std::int64_t ensure_national_agencies(db::Transaction& tx);

// Who the audit log names for every seeding run.
inline const kernel::Actor kSeeder{std::nullopt, "system:seed", "", ""};

int current_year();

// Where a seeded innovation goes.
struct Placement {
  const agencies::AgencyRow& agency;
  std::int64_t unit_id;
  std::string unit_name;
};

// Writes one innovation as published at version 1, as a publication through the pages would.
std::int64_t publish_new(db::Transaction& tx, const Placement& where, innovations::Fields fields,
                         bool is_sample, std::int64_t now, const std::string& note);

// Unit ids by agency and name, each added on first use.
class UnitCache {
 public:
  std::int64_t get(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                   std::int64_t now);

 private:
  std::map<std::string, std::int64_t> ids_;
};

// The place words of idn-area-data's villages, the generator's vocabulary.
Vocabulary load_vocabulary(const std::string& home);

// One audit event for a seeding run.
void record_run(db::Database& database, const std::string& action, const nlohmann::json& after);

}  // namespace simpul::synthetic
