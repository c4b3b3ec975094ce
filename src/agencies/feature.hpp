#pragma once
// What the app root wires of this feature.
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "kernel/routes.hpp"
#include "regions/model.hpp"

namespace simpul::agencies {

void register_routes(kernel::Routes& routes);

// What other features read and write of agencies and their service units, inside their own
// transactions.
struct AgencyRow {
  std::int64_t id = 0;
  std::string name;
  std::string type;
  std::string province_code;
};
// The active agencies, by id.
std::vector<AgencyRow> active_agencies(db::Transaction& tx);
// Adds the agency (in WIB) unless one of the name exists; true when it was added.
bool add_agency_if_missing(db::Transaction& tx, const std::string& name, const std::string& type,
                           std::int64_t now);
// One agency per regional government, in the zone of its province (migration 0003, after the
// regions' reference data).
void add_regional_governments(db::Transaction& tx, const std::vector<regions::Province>& provinces,
                              const std::vector<regions::Regency>& regencies, std::int64_t now);
// The id of the agency's unit of that name, added when missing (imports, demo accounts).
std::int64_t ensure_unit(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                         std::int64_t now);

}  // namespace simpul::agencies
