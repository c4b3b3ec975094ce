// The published results (/kompetisi/{id}/hasil): the winners by tier, the Top Inovasi by cluster
// as the programme announces them, the other finalists; and a printable certificate per
// finalist (/kompetisi/{id}/hasil/{proposal}/sertifikat). Public once published.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "finals/paths.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Published {
  competitions::Edition edition;
  Stage stage;
  std::vector<NomineeRow> finalists;
  std::map<std::int64_t, std::string> tiers;
};

Published load_results(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  auto p = context.db().read([&](db::Transaction& tx) -> std::optional<Published> {
    auto stage = find_stage(tx, edition.id);
    if (!stage || !stage->results_published_at) return std::nullopt;
    Published out{edition, *stage, {}, decisions_of(tx, edition.id)};
    for (auto& n : nominees_of(tx, edition.id))
      if (n.finalist()) out.finalists.push_back(std::move(n));
    return out;
  });
  if (!p) throw not_found();
  return std::move(*p);
}

Json row_json(Context& context, const Published& p, const NomineeRow& n) {
  return {{"title", n.title},
          {"agency", n.agency_name},
          {"category", n.category_name},
          {"group", competitions::label(context, "group", n.group_code)},
          {"certificate_url", kernel::path(paths::kCertificate, {p.edition.id, n.proposal_id})}};
}

// The Top Inovasi grouped by cluster, in the edition's cluster order.
Json by_cluster(Context& context, const Published& p) {
  Json clusters = Json::array();
  for (const auto& code : p.edition.setup.clusters) {
    Json rows = Json::array();
    for (const auto& n : p.finalists)
      if (n.cluster == code && p.tiers.at(n.proposal_id) == "top_inovasi")
        rows.push_back(row_json(context, p, n));
    if (!rows.empty())
      clusters.push_back(
          {{"label", competitions::label(context, "cluster", code)}, {"rows", rows}});
  }
  return clusters;
}

Json tier_rows(Context& context, const Published& p, std::string_view tier) {
  Json rows = Json::array();
  for (const auto& n : p.finalists)
    if (p.tiers.contains(n.proposal_id) && p.tiers.at(n.proposal_id) == tier)
      rows.push_back(row_json(context, p, n));
  return rows;
}

http::Response results(Context& context) {
  Published p = load_results(context);
  Json tiers = Json::array();
  for (std::string_view tier : {"replikasi", "outstanding", "finalist"}) {
    Json rows = tier_rows(context, p, tier);
    if (!rows.empty()) tiers.push_back({{"label", tier_label(context, tier)}, {"rows", rows}});
  }
  Json model = {
      {"title", context.t("finals.results.title") + " · " + p.edition.setup.general.title},
      {"edition_title", p.edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {p.edition.id})},
      {"published_at", competitions::datetime_text(context, *p.stage.results_published_at,
                                                   p.edition.setup.general.zone)},
      {"note", competitions::paragraphs(p.stage.results_note)},
      {"top_label", context.t("finals.tier.top_inovasi")},
      {"clusters", by_cluster(context, p)},
      {"tiers", tiers},
      {"finalists_url", kernel::path(paths::kFinalists, {p.edition.id})}};
  return context.page("finals/results", std::move(model));
}

http::Response certificate(Context& context) {
  Published p = load_results(context);
  auto id = context.path_id("proposal");
  auto it = std::find_if(p.finalists.begin(), p.finalists.end(),
                         [&](const NomineeRow& n) { return n.proposal_id == id; });
  if (it == p.finalists.end()) throw not_found();
  const auto& g = p.edition.setup.general;
  std::string tier = p.tiers.at(id);
  Json model = {{"title", context.t("finals.certificate.title") + " · " + it->title},
                {"innovation", it->title},
                {"agency", it->agency_name},
                {"award", tier == "finalist" ? context.t("finals.certificate.finalist")
                                             : tier_label(context, tier)},
                {"edition_title", g.title},
                {"year", g.year},
                {"date", competitions::date_text(context, *p.stage.results_published_at, g.zone)},
                {"issuer", p.edition.owner_name.empty() ? context.t("finals.certificate.ministry")
                                                        : p.edition.owner_name},
                {"number", std::to_string(g.year) + "/" + std::to_string(p.edition.id) + "/" +
                               std::to_string(id)},
                {"results_url", kernel::path(paths::kResults, {p.edition.id})}};
  return context.page("finals/certificate", std::move(model));
}

}  // namespace

void register_results_routes(kernel::Routes& routes) {
  routes.get(paths::kResults, kernel::Access::anyone(), results);
  routes.get(paths::kCertificate, kernel::Access::anyone(), certificate);
}

}  // namespace simpul::finals
