#include "regions/store.hpp"

namespace simpul::regions {

void insert_reference_data(db::Transaction& tx, const std::vector<Province>& provinces,
                           const std::vector<Regency>& regencies, std::int64_t now) {
  for (const auto& province : provinces) {
    std::string zone(view::zone_name(province_zone(province.code)));
    tx.execute("INSERT INTO provinces (code, name, timezone) VALUES ($1, $2, $3)",
               {province.code, province.name, zone});
    tx.execute(
        "INSERT INTO agencies (name, type, province_code, timezone, created_at) "
        "VALUES ($1, 'provinsi', $2, $3, $4)",
        {province_government_name(province), province.code, zone, now});
  }
  for (const auto& regency : regencies) {
    std::string zone(view::zone_name(province_zone(regency.province_code)));
    std::string kind = regency.is_city ? "kota" : "kabupaten";
    tx.execute("INSERT INTO regencies (code, province_code, name, kind) VALUES ($1, $2, $3, $4)",
               {regency.code, regency.province_code, regency.name, kind});
    tx.execute(
        "INSERT INTO agencies (name, type, province_code, regency_code, timezone, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {regency_government_name(regency), kind, regency.province_code, regency.code, zone, now});
  }
}

}  // namespace simpul::regions
