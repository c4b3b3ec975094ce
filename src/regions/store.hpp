#pragma once
#include <vector>

#include "core/db/database.hpp"
#include "regions/model.hpp"

namespace simpul::regions {

// Inserts the provinces and regencies.
void insert_reference_data(db::Transaction& tx, const std::vector<Province>& provinces,
                           const std::vector<Regency>& regencies);

}  // namespace simpul::regions
