#pragma once
// The edition dashboard's reads: two queries whatever the number of proposals (a national
// edition has about 3,500), each reading the edition's rows at most once.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::proposals {

// How many proposals of an edition share one status, group, category, cluster and province.
struct Tally {
  std::string status;
  std::string group_code;
  std::string category_code;  // "" while none is chosen
  std::string cluster;
  std::string province_code;  // "" for an agency without a province
  std::int64_t count = 0;
};

// Every province's name by its code.
std::map<std::string, std::string> province_names(db::Transaction& tx);

// Counts per local day, a day being floor((utc + zone offset) / 86400): days since 1970-01-01 in
// the edition's zone.
using DayCounts = std::map<std::int64_t, std::int64_t>;
struct DailyCounts {
  DayCounts started;    // by created_at, withdrawn proposals included: they were started
  DayCounts submitted;  // by submitted_at, of the proposals still in the competition
};
// One pass over the edition's proposals: a tally per proposal (count 1) and the counts per day.
struct EditionRows {
  std::vector<Tally> tallies;
  DailyCounts daily;
};
EditionRows edition_rows(db::Transaction& tx, std::int64_t edition_id, int zone_offset_seconds);

}  // namespace simpul::proposals
