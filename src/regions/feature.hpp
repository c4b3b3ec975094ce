#pragma once
// What the app root wires of this feature: the reference data of migration 0003.
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "regions/model.hpp"

namespace simpul::regions {

struct ReferenceData {
  std::vector<Province> provinces;
  std::vector<Regency> regencies;
};

// Loads the provinces and regencies/cities of the idn-area-data CSV files under data_dir and
// inserts them (migration 0003, which the app root composes with the agencies of the regional
// governments).
ReferenceData load_reference_data(db::Transaction& tx, const std::string& data_dir);

}  // namespace simpul::regions
