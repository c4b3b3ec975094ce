// The published results (/kompetisi/{id}/hasil): the winners by tier, the Top Inovasi by cluster
// as the programme announces them, the other finalists; and a printable certificate per
// finalist (/kompetisi/{id}/hasil/{proposal}/sertifikat). Public once published.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/numbers.hpp"
#include "core/view/qr.hpp"
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

std::optional<Published> published(Context& context, std::int64_t edition_id) {
  auto edition = competitions::load_edition(context.db(), edition_id);
  return context.db().read([&](db::Transaction& tx) -> std::optional<Published> {
    auto stage = find_stage(tx, edition.id);
    if (!stage || !stage->results_published_at) return std::nullopt;
    Published out{edition, *stage, {}, decisions_of(tx, edition.id)};
    for (auto& n : nominees_of(tx, edition.id))
      if (n.finalist()) out.finalists.push_back(std::move(n));
    return out;
  });
}

Published load_results(Context& context) { return found(published(context, context.path_id())); }

// "2025-6-12": the year, the edition and the proposal; the same on the certificate, in its QR
// code's address and in the verification page's.
std::string certificate_number(const Published& p, std::int64_t proposal_id) {
  return std::to_string(p.edition.setup.general.year) + "-" + std::to_string(p.edition.id) + "-" +
         std::to_string(proposal_id);
}

// The address people open, absolute when the installation knows where it is served.
std::string public_address(Context& context, const std::string& path) {
  const auto& base = context.config().public_url;
  if (!base.empty()) return base + path;
  auto host = context.request().header("host");
  return host.empty() ? path : "http://" + std::string(host) + path;
}

// What a certificate and its verification page both say.
Json certificate_json(Context& context, const Published& p, const NomineeRow& n) {
  const auto& g = p.edition.setup.general;
  std::string tier = p.tiers.at(n.proposal_id);
  std::string number = certificate_number(p, n.proposal_id);
  std::string verify = kernel::path(paths::kVerify, {number});
  return {{"innovation", n.title},
          {"agency", n.agency_name},
          {"award", tier == "finalist" ? context.t("finals.certificate.finalist")
                                       : tier_label(context, tier)},
          {"edition_title", g.title},
          {"edition_url", kernel::path(competitions::paths::kEdition, {p.edition.id})},
          {"year", g.year},
          {"date", competitions::date_text(context, *p.stage.results_published_at, g.zone)},
          {"issuer", p.edition.owner_name.empty() ? context.t("finals.certificate.ministry")
                                                  : p.edition.owner_name},
          {"signatory", g.certificate_signatory},
          {"signatory_title", g.certificate_signatory_title},
          {"number", number},
          {"verify_url", verify},
          {"verify_address", public_address(context, verify)},
          {"certificate_url", kernel::path(paths::kCertificate, {p.edition.id, n.proposal_id})},
          {"results_url", kernel::path(paths::kResults, {p.edition.id})}};
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
  Json model = certificate_json(context, p, *it);
  model["title"] = context.t("finals.certificate.title") + " · " + it->title;
  model["qr"] = view::qr_svg(model["verify_address"].get<std::string>(),
                             context.t("finals.certificate.qr_label"));
  return context.page("finals/certificate", std::move(model));
}

// Anyone holding a certificate checks it here: the same facts from the published results, or a
// plain "not found" for a number no published result carries.
http::Response verify(Context& context) {
  std::string number(context.request().param("number"));
  std::int64_t parts[3] = {0, 0, 0};
  std::size_t at = 0;
  for (int i = 0; i < 3; ++i) {
    auto end = i < 2 ? number.find('-', at) : number.size();
    if (end == std::string::npos) throw not_found();
    parts[i] = found(parse_positive(std::string_view(number).substr(at, end - at)));
    at = end + 1;
  }
  auto p = published(context, parts[1]);
  if (!p || p->edition.setup.general.year != parts[0]) throw not_found();
  auto it = std::find_if(p->finalists.begin(), p->finalists.end(),
                         [&](const NomineeRow& n) { return n.proposal_id == parts[2]; });
  if (it == p->finalists.end()) throw not_found();
  Json model = certificate_json(context, *p, *it);
  model["title"] = context.t("finals.verify.title");
  return context.page("finals/verify", std::move(model));
}

}  // namespace

void register_results_routes(kernel::Routes& routes) {
  routes.get(paths::kResults, kernel::Access::anyone(), results);
  routes.get(paths::kCertificate, kernel::Access::anyone(), certificate);
  routes.get(paths::kVerify, kernel::Access::anyone(), verify);
}

}  // namespace simpul::finals
