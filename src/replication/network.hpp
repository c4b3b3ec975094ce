#pragma once
// The replication network in memory: one compact row per record not stopped, read again only
// when a step was recorded since (every change of where records stand is a step: a start, a
// stage, a commitment, a stop), so the network page answers from memory whatever its filters.
// Aggregating in SQL per request held the page at 1,460 req/s, p99 99 ms at 20,000 records on
// SQLite; from memory 3,978 req/s, p99 26 ms (bench/replication.sh, docs/benchmarks.md).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/db/database.hpp"
#include "replication/store.hpp"

namespace simpul::replication {

struct NetworkRow {
  std::int64_t source_id = 0;
  std::int64_t adopter_id = 0;
  std::int16_t source_province = -1;  // index into the provinces, -1 for none (a ministry)
  std::int16_t adopter_province = -1;
  std::int16_t start_year = 0;
  Stage stage = Stage::minat;
  bool is_sample = false;
  std::int64_t affair_mask = 0;
};

struct NetworkData {
  std::vector<NetworkRow> rows;
  std::vector<std::pair<std::string, std::string>> provinces;  // code, name, by code
  struct SourceName {
    std::string name;
    std::string agency;
    bool is_sample = false;
  };
  std::unordered_map<std::int64_t, SourceName> sources;
  std::int64_t mark = -1;  // the newest step when read
  // What no filter changes, counted once when read: the totals, the sources by adopters, the
  // years records started in.
  NetworkTotals totals;
  std::vector<Replicated> by_adopters;
  std::vector<int> years;
  std::vector<RecentStep> recent;  // the latest steps: they change only with a new step too
  // For the profiles, every record (stopped ones too): by source in the order they started, and
  // the record naming each adopter's own innovation.
  struct Adopting {
    std::int64_t record_id = 0;
    std::int64_t agency_id = 0;
    std::string agency;
    std::string agency_type;
    Stage stage = Stage::minat;
    std::optional<Stage> stopped_at;
  };
  struct Adopted {
    std::int64_t record_id = 0;
    std::int64_t source_id = 0;
    std::string source_name;
    std::string source_agency;
  };
  std::unordered_map<std::int64_t, std::vector<Adopting>> by_source;
  std::unordered_map<std::int64_t, Adopted> by_adopted;
  std::unordered_map<std::int64_t, std::int64_t> source_agency;  // source innovation -> agency
};
// Counts what no filter changes (call once the rows are read).
void summarise(NetworkData& data);

// What the page shows, for a filter.
struct NetworkView {
  NetworkTotals totals;
  std::vector<Replicated> most;
  std::vector<ProvinceAdoption> provinces;
  std::vector<Flow> flows;
  std::vector<int> years;
  std::vector<RecentStep> recent;
};

// The network of the newest read, and the views already asked of it: a view depends only on
// the rows and its filter, so each filter is computed once per read (at most kCachedViews kept).
class NetworkIndex {
 public:
  explicit NetworkIndex(db::Database& database) : database_(database) {}
  std::shared_ptr<const NetworkView> view(const NetworkFilter& filter);
  // The network as the newest step leaves it (read again when a step was recorded since).
  std::shared_ptr<const NetworkData> current();

  static constexpr int kMost = 10;
  static constexpr int kFlows = 20;
  static constexpr std::size_t kCachedViews = 512;

 private:
  db::Database& database_;
  std::shared_mutex mutex_;
  std::shared_ptr<const NetworkData> data_;
  std::unordered_map<std::string, std::shared_ptr<const NetworkView>> views_;  // of data_
};

// The pure part: the view of the rows for a filter (unit-tested on a worked example).
NetworkView network_view(const NetworkData& data, const NetworkFilter& filter, int most_limit,
                         int flow_limit);

}  // namespace simpul::replication
