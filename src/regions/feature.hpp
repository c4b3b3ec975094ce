#pragma once
// What the app root wires of this feature.
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::regions {

// Loads provinces, regencies/cities and one agency per regional government from the
// idn-area-data CSV files under data_dir.
std::vector<db::CodeMigration> migrations(const std::string& data_dir);

}  // namespace simpul::regions
