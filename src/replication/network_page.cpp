// The replication network (/replikasi), public: how far replication has spread, the innovations
// replicated most, the latest steps, and adoption per province.
#include "innovations/paths.hpp"
#include "kernel/paths.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

struct Network {
  NetworkTotals totals;
  std::vector<Replicated> most;
  std::vector<RecentStep> recent;
  std::vector<ProvinceAdoption> provinces;
};

Json totals_json(Context& context, const NetworkTotals& totals) {
  auto count = [&](std::int64_t n) { return view::format_integer(n, context.lang()); };
  return {{"records", count(totals.records)},
          {"adopters", count(totals.adopters)},
          {"sources", count(totals.sources)},
          {"implemented", count(totals.implemented)}};
}

http::Response network(Context& context) {
  Network n = context.db().read([](db::Transaction& tx) {
    return Network{network_totals(tx), most_replicated(tx, 10), recent_steps(tx, 10),
                   adoption_by_province(tx)};
  });
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
  Json model = {{"title", context.t("replication.network.title")},
                {"totals", totals_json(context, n.totals)},
                {"most", most},
                {"has_most", !most.empty()},
                {"recent", recent},
                {"has_recent", !recent.empty()},
                {"provinces", provinces},
                {"any_sample", any_sample},
                {"start_url", kernel::path(paths::kNew, {})},
                {"rounds_url", kernel::path(paths::kRounds, {})},
                {"can_start", context.user() && (context.user()->is(auth::Role::local_admin) ||
                                                 context.user()->is(auth::Role::unit_operator))}};
  return context.page("replication/network", std::move(model));
}

}  // namespace

void register_network_routes(kernel::Routes& routes) {
  routes.get(paths::kNetwork, kernel::Access::anyone(), network);
}

}  // namespace simpul::replication
