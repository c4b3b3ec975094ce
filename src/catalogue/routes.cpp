// The public catalogue: Indonesian search with facet counts that follow the query, sorting,
// pagination and CSV export. Every search state is a plain GET URL, so it can be shared; with
// htmx the results update in place, without it the form reloads the page.
#include <charconv>

#include "app/app.hpp"
#include "app/features.hpp"
#include "catalogue/api.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/export.hpp"
#include "catalogue/search_request.hpp"

namespace simpul::catalogue {
namespace {

using app::Access;
using app::Context;
using app::Json;

constexpr std::uint32_t kPageSize = 20;

Json facet_model(Context& context, const Catalogue& catalogue, const SearchRequest& request,
                 const search::Result& result) {
  const FacetText& text = catalogue.facet_text(context.lang());
  const auto& values = catalogue.values();
  Json facets = Json::array();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    Json items = Json::array();
    bool any_checked = false;
    for (std::size_t v = 0; v < values.codes[f].size(); ++v) {
      bool checked = (request.filters[f] >> v) & 1;
      auto count = result.facet_counts.empty() ? 0 : result.facet_counts[f][v];
      if (count == 0 && !checked) continue;
      any_checked |= checked;
      items.push_back({{"code", values.codes[f][v]},
                       {"label", text.labels[f][v]},
                       {"count", view::format_integer(count, context.lang())},
                       {"checked", checked},
                       {"id", text.ids[f][v]}});
    }
    if (items.empty()) continue;
    // Short lists open, long ones folded unless the visitor chose something in them.
    bool open = items.size() <= 8 || any_checked;
    facets.push_back({{"param", kFacetParams[f]},
                      {"legend", text.legends[f]},
                      {"values", std::move(items)},
                      {"open", open}});
  }
  return facets;
}

Json hit_model(Context& context, const Catalogue& catalogue, const search::Result& result) {
  Json hits = Json::array();
  for (const auto& hit : result.hits) {
    auto card = catalogue.card(hit.id);
    if (!card) continue;  // unpublished between the search and now
    Json item = {{"id", card->id},
                 {"name", card->name},
                 {"short_name", card->short_name},
                 {"agency", catalogue.agency_name(card->agency_id)},
                 {"province", catalogue.province_name(card->province_code)},
                 {"form", card->form.empty() ? "" : context.t("innovation.form." + card->form)},
                 {"stage", card->stage.empty() ? "" : context.t("innovation.stage." + card->stage)},
                 {"is_sample", card->is_sample},
                 {"snippet", search::snippet(catalogue.index().analyzer(), card->summary,
                                             result.highlight_terms, 220)}};
    if (card->year) item["year"] = *card->year;
    if (card->short_name == card->name) item["short_name"] = "";
    hits.push_back(std::move(item));
  }
  return hits;
}

Json sort_options(Context& context, const SearchRequest& request) {
  Json options = Json::array();
  for (const auto& [code, key] : {std::pair{"relevansi", "catalogue.sort.relevance"},
                                  std::pair{"terbaru", "catalogue.sort.newest"},
                                  std::pair{"replikasi", "catalogue.sort.replicated"}}) {
    options.push_back(
        {{"value", code}, {"label", context.t(key)}, {"selected", request.sort == code}});
  }
  return options;
}

Json pagination(const SearchRequest& request, std::uint64_t total) {
  Json pages = Json::object();
  std::uint64_t last = (total + kPageSize - 1) / kPageSize;
  if (request.page > 1) pages["previous"] = request.url_with_page(request.page - 1);
  if (request.page < last) pages["following"] = request.url_with_page(request.page + 1);
  pages["current"] = request.page;
  pages["last"] = last;
  return pages;
}

http::Response search_page(Context& context) {
  const Catalogue& catalogue = context.app().catalogue();
  auto request = SearchRequest::parse(context.request().query(), catalogue.values());
  auto result = catalogue.index().search(request.to_query(kPageSize));
  Json model = {
      {"title", request.text.empty()
                    ? context.t("catalogue.title")
                    : context.t("catalogue.title_query", {{"query", request.text}})},
      {"query", request.text},
      {"total", view::format_integer(static_cast<std::int64_t>(result.total), context.lang())},
      {"has_hits", !result.hits.empty()},
      {"hits", hit_model(context, catalogue, result)},
      {"facets", facet_model(context, catalogue, request, result)},
      {"sorts", sort_options(context, request)},
      {"pages", pagination(request, result.total)},
      {"export_csv", "/katalog/ekspor.csv" + request.query_string()},
      {"has_filters", request.has_filters()},
      {"clear_url",
       request.text.empty() ? "/katalog" : "/katalog?q=" + http::url_encode(request.text)}};
  if (result.syntax_error) model["syntax_error"] = context.t(*result.syntax_error);
  // htmx asks for the part of the page that changes; everyone else gets the whole page.
  if (context.request().header("hx-request") == "true") {
    auto response = http::Response::html(context.templates().render(
        "catalogue/results", context.lang(), context.common_model(std::move(model))));
    response.set_header("Vary", "HX-Request");
    return response;
  }
  auto response = context.page("catalogue/search", std::move(model));
  response.set_header("Vary", "HX-Request");
  return response;
}

}  // namespace

void register_routes(app::Routes& routes) {
  routes.get("/katalog", Access::anyone(), search_page);
  routes.get("/katalog/ekspor.csv", Access::anyone(), export_csv);
  routes.get("/katalog/ekspor.xlsx", Access::anyone(), export_xlsx);
  routes.get("/api/v1/innovations", Access::anyone(), api_search);
  routes.get("/data-terbuka", Access::anyone(), api_page);
  routes.get("/api/v1/openapi.json", Access::anyone(), openapi_document);
}

}  // namespace simpul::catalogue
