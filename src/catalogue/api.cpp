// The catalogue's open JSON API: GET /api/v1/innovations, the same search as /katalog (same
// parameters, same facets), and the OpenAPI document of the API.
#include <fstream>
#include <sstream>

#include "catalogue/api.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/search_request.hpp"
#include "core/util/numbers.hpp"
#include "innovations/paths.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::catalogue {
namespace {

using kernel::Json;

constexpr std::uint32_t kDefaultPerPage = 20;
constexpr std::uint32_t kMaxPerPage = 100;

std::uint32_t per_page(const http::Form& query) {
  auto value = parse_positive(query.get("per_halaman"));
  if (!value) return kDefaultPerPage;
  return static_cast<std::uint32_t>(std::min<std::int64_t>(*value, kMaxPerPage));
}

Json item_json(const Catalogue& catalogue, const Card& card) {
  Json item = {
      {"id", card.id},
      {"name", card.name},
      {"short_name", card.short_name},
      {"agency", {{"id", card.agency_id}, {"name", catalogue.agency_name(card.agency_id)}}},
      {"province",
       {{"code", card.province_code}, {"name", catalogue.province_name(card.province_code)}}},
      {"cluster", card.agency_type},
      {"form", card.form},
      {"type", card.type},
      {"stage", card.stage},
      {"year", card.year ? Json(*card.year) : Json(nullptr)},
      {"is_sample", card.is_sample},
      {"url", kernel::path(innovations::paths::kInnovation, {card.id})},
      {"api_url", kernel::path(innovations::paths::kApiInnovation, {card.id})}};
  return item;
}

Json facets_json(const Catalogue& catalogue, const search::Result& result) {
  Json facets = Json::object();
  const auto& values = catalogue.values();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    Json counts = Json::array();
    for (std::size_t v = 0; v < values.codes[f].size(); ++v) {
      auto count = result.facet_counts.empty() ? 0 : result.facet_counts[f][v];
      if (count > 0) counts.push_back({{"code", values.codes[f][v]}, {"count", count}});
    }
    facets[std::string(kFacetParams[f])] = std::move(counts);
  }
  return facets;
}

}  // namespace

http::Response api_search(kernel::Context& context) {
  const Catalogue& catalogue = context.service<Catalogue>();
  const auto& query = context.request().query();
  auto request = SearchRequest::parse(query, catalogue.values());
  auto limit = per_page(query);
  auto result = catalogue.index().search(request.to_query(limit));
  Json items = Json::array();
  for (const auto& hit : result.hits) {
    if (auto card = catalogue.card(hit.id)) items.push_back(item_json(catalogue, *card));
  }
  Json body = {{"total", result.total},
               {"page", request.page},
               {"per_page", limit},
               {"items", std::move(items)},
               {"facets", facets_json(catalogue, result)},
               {"warnings", Json::array()}};
  if (result.syntax_error) {
    body["warnings"].push_back(
        {{"code", *result.syntax_error}, {"message", context.t(*result.syntax_error)}});
  }
  return http::Response::json(body.dump());
}

http::Response api_page(kernel::Context& context) {
  return context.page("catalogue/api", {{"title", context.t("api.title")}});
}

// The document is a file of the repository (docs/openapi.json); it is asked for rarely, so it is
// read when asked for rather than held by the process.
http::Response openapi_document(kernel::Context& context) {
  std::ifstream in(context.config().path("docs/openapi.json"), std::ios::binary);
  if (!in) throw not_found();
  std::ostringstream document;
  document << in.rdbuf();
  auto response = http::Response::json(document.str());
  response.set_header("Cache-Control", "public, max-age=3600");
  return response;
}

}  // namespace simpul::catalogue
