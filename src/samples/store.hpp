#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::samples {

struct AgencyRow {
  std::int64_t id = 0;
  std::string name;
  std::string type;
  std::string province_code;
};
std::vector<AgencyRow> all_agencies(db::Transaction& tx);
// Adds a few real ministries, agencies and state enterprises when none of that cluster exists, so
// generated data covers every cluster. Returns how many were added.
std::int64_t ensure_national_agencies(db::Transaction& tx);
// True the first time only: the demo innovations are loaded once per database.
bool claim_demo_seed(db::Transaction& tx);

}  // namespace simpul::samples
