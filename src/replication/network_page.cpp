// The replication network (/replikasi), public: how far replication has spread, the innovations
// replicated most, the latest steps, and adoption per province.
#include <map>

#include "core/util/numbers.hpp"
#include "core/view/tile_map.hpp"
#include "innovations/model.hpp"
#include "innovations/paths.hpp"
#include "kernel/paths.hpp"
#include "regions/tiles.hpp"
#include "replication/network.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

// The filter as the query gives it; what is not a known province, year or affair is ignored.
NetworkFilter filter_of(const http::Form& query) {
  NetworkFilter filter;
  auto province = query.get("provinsi");
  for (const auto& tile : regions::province_tiles())
    if (tile.code == province) filter.province_code = province;
  if (auto year = parse_positive(query.get("tahun")); year && *year >= 1945 && *year <= 2100)
    filter.year = static_cast<int>(*year);
  auto affair = query.get("urusan");
  for (std::size_t i = 0; i < std::size(innovations::kAffairs); ++i)
    if (innovations::kAffairs[i].code == affair) filter.affair_bit = static_cast<int>(i);
  return filter;
}

// Adoption per province as a tile map, each tile a link that narrows the flows to it.
std::string adoption_map(Context& context, const std::vector<ProvinceAdoption>& provinces) {
  std::map<std::string, const ProvinceAdoption*, std::less<>> by_code;
  for (const auto& p : provinces) by_code[p.code] = &p;
  std::vector<view::Tile> tiles;
  for (const auto& tile : regions::province_tiles()) {
    auto found = by_code.find(tile.code);
    if (found == by_code.end()) continue;
    const auto& p = *found->second;
    tiles.push_back(
        {tile.column, tile.row, std::string(tile.abbreviation),
         context.t("replication.network.tile", {{"province", p.name},
                                                {"code", std::string(tile.abbreviation)},
                                                {"records", std::to_string(p.records)},
                                                {"adopters", std::to_string(p.adopters)}}),
         p.records, kernel::path(paths::kNetwork, {}) + "?provinsi=" + p.code + "#alur"});
  }
  return view::tile_map_svg(tiles, context.t("replication.network.map"));
}

Json filter_json(Context& context, const NetworkFilter& filter, const NetworkView& n) {
  Json provinces = Json::array(), years = Json::array(), affairs = Json::array();
  for (const auto& p : n.provinces)
    provinces.push_back(
        {{"value", p.code}, {"label", p.name}, {"selected", p.code == filter.province_code}});
  for (int year : n.years) years.push_back({{"value", year}, {"selected", filter.year == year}});
  for (std::size_t i = 0; i < std::size(innovations::kAffairs); ++i) {
    std::string code(innovations::kAffairs[i].code);
    affairs.push_back({{"value", code},
                       {"label", context.t("innovation.affair." + code)},
                       {"selected", filter.affair_bit == static_cast<int>(i)}});
  }
  return {{"provinces", provinces},
          {"years", years},
          {"affairs", affairs},
          {"active", !filter.province_code.empty() || filter.year || filter.affair_bit}};
}

Json totals_json(Context& context, const NetworkTotals& totals) {
  auto count = [&](std::int64_t n) { return view::format_integer(n, context.lang()); };
  return {{"records", count(totals.records)},
          {"adopters", count(totals.adopters)},
          {"sources", count(totals.sources)},
          {"implemented", count(totals.implemented)}};
}

http::Response network(Context& context) {
  NetworkFilter filter = filter_of(context.request().query());
  auto shared = context.service<NetworkIndex>().view(filter);
  const NetworkView& n = *shared;
  Json most = Json::array(), recent = Json::array(), provinces = Json::array();
  bool any_sample = false;
  for (const auto& r : n.most) {
    most.push_back({{"name", r.name},
                    {"agency", r.agency},
                    {"adopters", r.adopters},
                    {"is_sample", r.is_sample},
                    {"url", kernel::path(innovations::paths::kInnovation, {r.innovation_id})}});
    any_sample = any_sample || r.is_sample;
  }
  for (const auto& s : n.recent) {
    recent.push_back({{"stage", stage_label(context, s.stage)},
                      {"date", day_text(context, s.happened_on)},
                      {"source", s.source_name},
                      {"adopter", s.adopter},
                      {"is_sample", s.is_sample},
                      {"url", kernel::path(paths::kRecord, {s.replication_id})}});
    any_sample = any_sample || s.is_sample;
  }
  for (const auto& p : n.provinces)
    provinces.push_back({{"name", p.name}, {"records", p.records}, {"adopters", p.adopters}});
  Json flow_rows = Json::array();
  for (const auto& f : n.flows)
    flow_rows.push_back({{"from", f.from}, {"to", f.to}, {"records", f.records}});
  Json model = {{"title", context.t("replication.network.title")},
                {"totals", totals_json(context, n.totals)},
                {"most", most},
                {"has_most", !most.empty()},
                {"recent", recent},
                {"has_recent", !recent.empty()},
                {"provinces", provinces},
                {"map", adoption_map(context, n.provinces)},
                {"filter", filter_json(context, filter, n)},
                {"flows", flow_rows},
                {"has_flows", !flow_rows.empty()},
                {"network_url", kernel::path(paths::kNetwork, {})},
                {"any_sample", any_sample},
                {"start_url", kernel::path(paths::kNew, {})},
                {"rounds_url", kernel::path(paths::kRounds, {})},
                {"links",
                 {{"csv", kernel::path(paths::kExportCsv, {})},
                  {"xlsx", kernel::path(paths::kExportXlsx, {})},
                  {"api", kernel::path(paths::kApiList, {})}}},
                {"can_start", context.user() && (context.user()->is(auth::Role::local_admin) ||
                                                 context.user()->is(auth::Role::unit_operator))}};
  return context.page("replication/network", std::move(model));
}

}  // namespace

void register_network_routes(kernel::Routes& routes) {
  routes.get(paths::kNetwork, kernel::Access::anyone(), network);
}

}  // namespace simpul::replication
