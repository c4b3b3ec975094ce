#include "regions/store.hpp"

namespace simpul::regions {

void insert_reference_data(db::Transaction& tx, const std::vector<Province>& provinces,
                           const std::vector<Regency>& regencies) {
  for (const auto& province : provinces) {
    std::string zone(view::zone_name(province_zone(province.code)));
    tx.execute("INSERT INTO provinces (code, name, timezone) VALUES ($1, $2, $3)",
               {province.code, province.name, zone});
  }
  for (const auto& regency : regencies) {
    std::string kind = regency.is_city ? "kota" : "kabupaten";
    tx.execute("INSERT INTO regencies (code, province_code, name, kind) VALUES ($1, $2, $3, $4)",
               {regency.code, regency.province_code, regency.name, kind});
  }
}

}  // namespace simpul::regions
