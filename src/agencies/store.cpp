#include "agencies/store.hpp"

#include "core/db/like.hpp"

namespace simpul::agencies {
namespace {

constexpr const char* kAgencySelect =
    "SELECT a.id, a.name, a.type, COALESCE(a.province_code, ''), COALESCE(p.name, ''), a.timezone, "
    "a.active, (SELECT COUNT(*) FROM units u WHERE u.agency_id = a.id) "
    "FROM agencies a LEFT JOIN provinces p ON p.code = a.province_code ";
constexpr const char* kAgencyFilter =
    "WHERE ($1 = '' OR a.type = $1) AND ($2 = '' OR a.province_code = $2) AND "
    "($3 = '' OR LOWER(a.name) LIKE $3) ";

Agency agency_from(const db::Result::Row& row) {
  return {row.integer(0), row.text(1), row.text(2),         row.text(3),
          row.text(4),    row.text(5), row.integer(6) != 0, row.integer(7)};
}

db::Params filter_params(const AgencyFilter& filter) {
  return {filter.type, filter.province_code, db::contains_pattern(filter.text)};
}

}  // namespace

std::vector<Agency> list_agencies(db::Transaction& tx, const AgencyFilter& filter) {
  auto params = filter_params(filter);
  params.push_back(static_cast<std::int64_t>(filter.limit));
  params.push_back(static_cast<std::int64_t>(filter.offset));
  std::vector<Agency> agencies;
  for (auto row :
       tx.query(std::string(kAgencySelect) + kAgencyFilter + "ORDER BY a.name LIMIT $4 OFFSET $5",
                params)) {
    agencies.push_back(agency_from(row));
  }
  return agencies;
}

std::int64_t count_agencies(db::Transaction& tx, const AgencyFilter& filter) {
  return tx.scalar(std::string("SELECT COUNT(*) FROM agencies a ") + kAgencyFilter,
                   filter_params(filter));
}

std::optional<Agency> find_agency(db::Transaction& tx, std::int64_t id) {
  return tx.first(std::string(kAgencySelect) + "WHERE a.id = $1", {id}, agency_from);
}

bool agency_name_taken(db::Transaction& tx, const std::string& name) {
  return tx.scalar("SELECT COUNT(*) FROM agencies WHERE LOWER(name) = LOWER($1)", {name}) > 0;
}

std::int64_t insert_agency(db::Transaction& tx, const NewAgency& agency,
                           const std::string& timezone, std::int64_t now) {
  db::Value province =
      agency.province_code.empty() ? db::Value{nullptr} : db::Value{agency.province_code};
  return tx.scalar(
      "INSERT INTO agencies (name, type, province_code, timezone, created_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {agency.name, agency.type, province, timezone, now});
}

std::vector<Unit> units_of(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<Unit> units;
  for (auto row :
       tx.query("SELECT id, name FROM units WHERE agency_id = $1 ORDER BY name", {agency_id})) {
    units.push_back({row.integer(0), row.text(1)});
  }
  return units;
}

bool unit_name_taken(db::Transaction& tx, std::int64_t agency_id, const std::string& name) {
  return tx.scalar("SELECT COUNT(*) FROM units WHERE agency_id = $1 AND LOWER(name) = LOWER($2)",
                   {agency_id, name}) > 0;
}

std::int64_t insert_unit(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                         std::int64_t now) {
  return tx.scalar(
      "INSERT INTO units (agency_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
      {agency_id, name, now});
}

std::vector<ProvinceOption> provinces(db::Transaction& tx) {
  std::vector<ProvinceOption> list;
  for (auto row : tx.query("SELECT code, name, timezone FROM provinces ORDER BY name")) {
    list.push_back({row.text(0), row.text(1), row.text(2)});
  }
  return list;
}

std::vector<AgencyRow> active_agencies(db::Transaction& tx) {
  std::vector<AgencyRow> rows;
  for (auto row :
       tx.query("SELECT id, name, type, COALESCE(province_code, '') FROM agencies WHERE active = 1 "
                "ORDER BY id")) {
    rows.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  }
  return rows;
}

bool add_agency_if_missing(db::Transaction& tx, const std::string& name, const std::string& type,
                           std::int64_t now) {
  return tx.execute(
             "INSERT INTO agencies (name, type, timezone, created_at) VALUES ($1, $2, 'WIB', $3) "
             "ON CONFLICT (name) DO NOTHING",
             {name, type, now}) == 1;
}

std::int64_t ensure_unit(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                         std::int64_t now) {
  tx.execute(
      "INSERT INTO units (agency_id, name, created_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (agency_id, name) DO NOTHING",
      {agency_id, name, now});
  return tx.scalar("SELECT id FROM units WHERE agency_id = $1 AND name = $2", {agency_id, name});
}

void add_regional_governments(db::Transaction& tx, const std::vector<regions::Province>& provinces,
                              const std::vector<regions::Regency>& regencies, std::int64_t now) {
  for (const auto& province : provinces) {
    std::string zone(view::zone_name(regions::province_zone(province.code)));
    tx.execute(
        "INSERT INTO agencies (name, type, province_code, timezone, created_at) "
        "VALUES ($1, 'provinsi', $2, $3, $4)",
        {regions::province_government_name(province), province.code, zone, now});
  }
  for (const auto& regency : regencies) {
    std::string zone(view::zone_name(regions::province_zone(regency.province_code)));
    std::string kind = regency.is_city ? "kota" : "kabupaten";
    tx.execute(
        "INSERT INTO agencies (name, type, province_code, regency_code, timezone, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {regions::regency_government_name(regency), kind, regency.province_code, regency.code, zone,
         now});
  }
}

}  // namespace simpul::agencies
