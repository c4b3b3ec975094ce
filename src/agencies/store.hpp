#pragma once
#include <optional>
#include <string>
#include <vector>

#include "agencies/model.hpp"
#include "core/db/database.hpp"

#include "agencies/feature.hpp"

namespace simpul::agencies {

struct AgencyFilter {
  std::string type;           // exact when not empty
  std::string province_code;  // exact when not empty
  std::string text;           // part of the name
  int limit = 50;
  int offset = 0;
};

std::vector<Agency> list_agencies(db::Transaction& tx, const AgencyFilter& filter);
std::int64_t count_agencies(db::Transaction& tx, const AgencyFilter& filter);
std::optional<Agency> find_agency(db::Transaction& tx, std::int64_t id);
bool agency_name_taken(db::Transaction& tx, const std::string& name);
std::int64_t insert_agency(db::Transaction& tx, const NewAgency& agency,
                           const std::string& timezone, std::int64_t now);

std::vector<Unit> units_of(db::Transaction& tx, std::int64_t agency_id);
bool unit_name_taken(db::Transaction& tx, std::int64_t agency_id, const std::string& name);
std::int64_t insert_unit(db::Transaction& tx, std::int64_t agency_id, const std::string& name,
                         std::int64_t now);

struct ProvinceOption {
  std::string code;
  std::string name;
  std::string timezone;
};
std::vector<ProvinceOption> provinces(db::Transaction& tx);

}  // namespace simpul::agencies
