#include "replication/network.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "replication/counts.hpp"

namespace simpul::replication {
namespace {

bool passes(const NetworkRow& row, const NetworkFilter& filter, std::int16_t province) {
  if (filter.year && row.start_year != *filter.year) return false;
  if (filter.affair_bit && !((row.affair_mask >> *filter.affair_bit) & 1)) return false;
  if (province >= 0 && row.source_province != province && row.adopter_province != province)
    return false;
  return true;
}

std::string place(const NetworkData& data, std::int16_t province, const std::string& otherwise) {
  return province >= 0 ? data.provinces[static_cast<std::size_t>(province)].second : otherwise;
}

}  // namespace

void summarise(NetworkData& data) {
  std::unordered_set<std::int64_t> adopters;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> by_source;
  std::set<int, std::greater<>> years;
  data.totals = {};
  for (const auto& row : data.rows) {
    ++data.totals.records;
    adopters.insert(row.adopter_id);
    by_source[row.source_id].push_back(row.adopter_id);
    data.totals.implemented += implemented(row.stage);
    if (row.start_year) years.insert(row.start_year);
  }
  data.totals.adopters = static_cast<std::int64_t>(adopters.size());
  data.totals.sources = static_cast<std::int64_t>(by_source.size());
  data.by_adopters.clear();
  for (auto& [id, agencies] : by_source) {
    std::sort(agencies.begin(), agencies.end());
    auto distinct = std::unique(agencies.begin(), agencies.end()) - agencies.begin();
    const auto& source = data.sources.at(id);
    data.by_adopters.push_back({id, source.name, source.agency, distinct, source.is_sample});
  }
  std::sort(data.by_adopters.begin(), data.by_adopters.end(),
            [](const Replicated& a, const Replicated& b) {
              return std::tie(b.adopters, a.name, a.innovation_id) <
                     std::tie(a.adopters, b.name, b.innovation_id);
            });
  data.years.assign(years.begin(), years.end());
}

NetworkView network_view(const NetworkData& data, const NetworkFilter& filter, int most_limit,
                         int flow_limit) {
  NetworkView view;
  view.totals = data.totals;
  view.most.assign(
      data.by_adopters.begin(),
      data.by_adopters.begin() + std::min<std::size_t>(data.by_adopters.size(), most_limit));
  view.years = data.years;
  view.recent = data.recent;
  std::int16_t province = -1;
  for (std::size_t i = 0; i < data.provinces.size(); ++i)
    if (data.provinces[i].first == filter.province_code) province = static_cast<std::int16_t>(i);
  NetworkFilter unplaced = filter;
  unplaced.province_code.clear();
  // Adoption per province: records, and distinct adopters (sorted and counted after).
  std::size_t n = data.provinces.size();
  std::vector<std::int64_t> records(n, 0);
  std::vector<std::vector<std::int64_t>> adopters(n);
  // Flows between provinces on a square of counts; a source without a province (a ministry)
  // is named by its agency.
  std::vector<std::int64_t> between((n + 1) * (n + 1), 0);
  std::map<std::pair<std::string, std::int16_t>, std::int64_t> from_agencies;
  for (const auto& row : data.rows) {
    if (row.adopter_province >= 0 && passes(row, unplaced, -1)) {
      auto p = static_cast<std::size_t>(row.adopter_province);
      ++records[p];
      adopters[p].push_back(row.adopter_id);
    }
    if (!passes(row, filter, province)) continue;
    if (row.source_province >= 0) {
      ++between[static_cast<std::size_t>(row.source_province) * (n + 1) +
                static_cast<std::size_t>(row.adopter_province + 1)];
    } else {
      ++from_agencies[{data.sources.at(row.source_id).agency, row.adopter_province}];
    }
  }
  view.provinces.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    auto& list = adopters[p];
    std::sort(list.begin(), list.end());
    view.provinces[p] = {data.provinces[p].first, data.provinces[p].second, records[p],
                         std::unique(list.begin(), list.end()) - list.begin()};
  }
  for (std::size_t from = 0; from < n; ++from)
    for (std::size_t to = 0; to <= n; ++to)
      if (auto count = between[from * (n + 1) + to])
        view.flows.push_back({data.provinces[from].second,
                              place(data, static_cast<std::int16_t>(to) - 1, ""), count});
  for (const auto& [key, count] : from_agencies)
    view.flows.push_back({key.first, place(data, key.second, ""), count});
  std::sort(view.flows.begin(), view.flows.end(), [](const Flow& a, const Flow& b) {
    return std::tie(b.records, a.from, a.to) < std::tie(a.records, b.from, b.to);
  });
  if (static_cast<int>(view.flows.size()) > flow_limit) view.flows.resize(flow_limit);
  return view;
}

std::shared_ptr<const NetworkData> NetworkIndex::current() {
  // The newest step decides whether what is in memory is still the network.
  auto mark = database_.read([](db::Transaction& tx) { return newest_step(tx); });
  {
    std::shared_lock lock(mutex_);
    if (data_ && data_->mark == mark) return data_;
  }
  auto fresh = std::make_shared<NetworkData>(
      database_.read([](db::Transaction& tx) { return load_network(tx); }));
  std::unique_lock lock(mutex_);
  if (!data_ || data_->mark < fresh->mark) {
    data_ = std::move(fresh);
    views_.clear();
  }
  return data_;
}

std::shared_ptr<const NetworkView> NetworkIndex::view(const NetworkFilter& filter) {
  auto data = current();
  std::string key = filter.province_code + "|" + (filter.year ? std::to_string(*filter.year) : "") +
                    "|" + (filter.affair_bit ? std::to_string(*filter.affair_bit) : "");
  {
    std::shared_lock lock(mutex_);
    if (data == data_)
      if (auto found = views_.find(key); found != views_.end()) return found->second;
  }
  auto computed = std::make_shared<const NetworkView>(network_view(*data, filter, kMost, kFlows));
  std::unique_lock lock(mutex_);
  if (data == data_) {
    if (views_.size() >= kCachedViews) views_.clear();
    views_.emplace(key, computed);
  }
  return computed;
}

}  // namespace simpul::replication
