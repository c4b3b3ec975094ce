// The public catalogue: Indonesian search with facet counts that follow the query, sorting,
// pagination and CSV export. Every search state is a plain GET URL, so it can be shared; with
// htmx the results update in place, without it the form reloads the page.
#include <charconv>
#include <string_view>
#include <vector>

#include "catalogue/api.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/export.hpp"
#include "catalogue/feature.hpp"
#include "catalogue/search_request.hpp"
#include "innovations/paths.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::catalogue {
namespace {

using kernel::Access;
using kernel::Context;
using kernel::Json;

constexpr std::uint32_t kPageSize = 20;

// The results fragment (templates/catalogue/results.html) as view tables: a JSON object per hit
// and per facet value made building and rendering them the costliest part of the page. Text is
// viewed where it outlives the rendering (the catalogue's facet labels, the request, the cards
// kept here). The tables point at each other, so the model stays where it is built.
struct ResultsModel {
  ResultsModel() = default;
  ResultsModel(const ResultsModel&) = delete;
  ResultsModel& operator=(const ResultsModel&) = delete;

  view::Table root{{"query", "syntax_error", "facets", "has_filters", "active_filters", "clear_url",
                    "total", "sorts", "has_hits", "hits", "pages", "export_csv", "export_xlsx"}};
  view::Table facets{{"param", "legend", "values", "open"}};
  std::vector<view::Table> facet_values;  // one per facet shown
  view::Table sorts{{"value", "label", "selected"}};
  view::Table hits{{"url", "name", "short_name", "agency", "province", "year", "form", "stage",
                    "is_sample", "snippet"}};
  std::vector<Card> cards;  // of the hits
  view::Table pages{{"previous", "following"}};
};

void add_facets(ResultsModel& model, Context& context, const Catalogue& catalogue,
                const SearchRequest& request, const search::Result& result) {
  const FacetText& text = catalogue.facet_text(context.lang());
  const auto& values = catalogue.values();
  model.facet_values.reserve(kFacetCount);  // the facets table points into it
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    view::Table& items = model.facet_values.emplace_back(
        std::vector<std::string>{"code", "label", "count", "checked", "id"});
    items.reserve(values.codes[f].size());
    bool any_checked = false;
    for (std::size_t v = 0; v < values.codes[f].size(); ++v) {
      bool checked = (request.filters[f] >> v) & 1;
      auto count = result.facet_counts.empty() ? 0 : result.facet_counts[f][v];
      if (count == 0 && !checked) continue;
      any_checked |= checked;
      items.add_row()
          .view("code", values.codes[f][v])
          .view("label", text.labels[f][v])
          .text("count", view::format_integer(count, context.lang()))
          .flag("checked", checked)
          .view("id", text.ids[f][v]);
    }
    if (items.size() == 0) continue;
    // Short lists open, long ones folded unless the visitor chose something in them.
    bool open = items.size() <= 8 || any_checked;
    model.facets.add_row()
        .view("param", kFacetParams[f])
        .view("legend", text.legends[f])
        .table("values", items)
        .flag("open", open);
  }
}

// A card's facet value as the facet lists label it. Codes the facets do not know are never
// published; one would show as the provinces table or the messages have it.
void set_label(view::Table::Row& row, std::string_view column, Context& context,
               const Catalogue& catalogue, Facet facet, const std::string& code,
               std::string_view message_prefix) {
  if (code.empty()) {
    row.view(column, "");
  } else if (auto value = catalogue.values().find(facet, code)) {
    row.view(column, catalogue.facet_text(context.lang()).labels[facet][*value]);
  } else if (message_prefix.empty()) {
    row.text(column, catalogue.province_name(code));
  } else {
    row.text(column, context.t(std::string(message_prefix) + code));
  }
}

constexpr std::size_t kSnippetBytes = 220;

bool shows_match(const std::string& snippet) { return snippet.find("<mark>") != std::string::npos; }

// The snippet of each card: from its summary (the start of its texts, kept in memory), or, when
// the summary shows no matched word, from its whole texts, read for those hits only.
std::vector<std::string> snippets(Context& context, const Catalogue& catalogue,
                                  const std::vector<Card>& cards,
                                  const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  std::vector<std::int64_t> distant;
  for (const auto& card : cards) {
    out.push_back(
        search::snippet(catalogue.index().analyzer(), card.summary, terms, kSnippetBytes));
    if (!terms.empty() && !shows_match(out.back())) distant.push_back(card.id);
  }
  if (distant.empty()) return out;
  auto texts = context.db().read([&](db::Transaction& tx) { return indexed_texts(tx, distant); });
  for (std::size_t i = 0; i < cards.size(); ++i) {
    auto text = texts.find(cards[i].id);
    if (text == texts.end()) continue;
    auto fuller = search::snippet(catalogue.index().analyzer(), text->second, terms, kSnippetBytes);
    if (shows_match(fuller)) out[i] = std::move(fuller);
  }
  return out;
}

void add_hits(ResultsModel& model, Context& context, const Catalogue& catalogue,
              const search::Result& result) {
  model.cards.reserve(result.hits.size());  // the hits table views into the cards
  model.hits.reserve(result.hits.size());
  for (const auto& hit : result.hits) {
    // Unpublished between the search and now: left out.
    if (auto found = catalogue.card(hit.id)) model.cards.push_back(std::move(*found));
  }
  auto texts = snippets(context, catalogue, model.cards, result.highlight_terms);
  for (std::size_t i = 0; i < model.cards.size(); ++i) {
    const Card& card = model.cards[i];
    auto row = model.hits.add_row();
    row.text("url", kernel::path(innovations::paths::kInnovation, {card.id}))
        .view("name", card.name)
        .view("short_name", card.short_name == card.name ? std::string_view() : card.short_name)
        .text("agency", catalogue.agency_name(card.agency_id))
        .flag("is_sample", card.is_sample)
        .text("snippet", std::move(texts[i]));
    set_label(row, "province", context, catalogue, province, card.province_code, "");
    set_label(row, "form", context, catalogue, form, card.form, "innovation.form.");
    set_label(row, "stage", context, catalogue, stage, card.stage, "innovation.stage.");
    if (card.year) row.number("year", *card.year);
  }
}

// The default order comes first with an empty value, named for what it does now: typing a query
// then ranks by relevance even when the page listed the newest before.
void add_sorts(ResultsModel& model, Context& context, const SearchRequest& request) {
  std::string_view implied = request.text.empty() ? "terbaru" : "relevansi";
  model.sorts.add_row()
      .view("value", "")
      .text("label",
            context.t(request.text.empty() ? "catalogue.sort.newest" : "catalogue.sort.relevance"))
      .flag("selected", request.sort.empty() || request.sort == implied);
  for (const auto& [code, key] : {std::pair{"terbaru", "catalogue.sort.newest"},
                                  std::pair{"replikasi", "catalogue.sort.replicated"}}) {
    if (code == implied) continue;
    model.sorts.add_row()
        .view("value", code)
        .text("label", context.t(key))
        .flag("selected", request.sort == code);
  }
}

void add_pages(ResultsModel& model, const SearchRequest& request, std::uint64_t total) {
  std::uint64_t last = (total + kPageSize - 1) / kPageSize;
  auto row = model.pages.add_row();
  if (request.page > 1) row.text("previous", request.url_with_page(request.page - 1));
  if (request.page < last) row.text("following", request.url_with_page(request.page + 1));
}

void build_results(ResultsModel& model, Context& context, const Catalogue& catalogue,
                   const SearchRequest& request, const search::Result& result) {
  add_hits(model, context, catalogue, result);
  add_facets(model, context, catalogue, request, result);
  add_sorts(model, context, request);
  add_pages(model, request, result.total);
  std::string query_string = request.query_string();
  auto root = model.root.add_row();
  root.view("query", request.text)
      .text("total", view::format_integer(static_cast<std::int64_t>(result.total), context.lang()))
      .flag("has_hits", !result.hits.empty())
      .table("hits", model.hits)
      .table("facets", model.facets)
      .table("sorts", model.sorts)
      .table("pages", model.pages)
      .text("export_csv", "/katalog/ekspor.csv" + query_string)
      .text("export_xlsx", "/katalog/ekspor.xlsx" + query_string)
      .flag("has_filters", request.has_filters())
      .number("active_filters", request.active_filters())
      .text("clear_url",
            request.text.empty() ? "/katalog" : "/katalog?q=" + http::url_encode(request.text));
  if (result.syntax_error) root.text("syntax_error", context.t(*result.syntax_error));
}

http::Response search_page(Context& context) {
  const Catalogue& catalogue = context.service<Catalogue>();
  auto request = SearchRequest::parse(context.request().query(), catalogue.values());
  auto result = catalogue.index().search(request.to_query(kPageSize));
  ResultsModel model;
  build_results(model, context, catalogue, request, result);
  std::string results = context.templates().render("catalogue/results", context.lang(), model.root);
  // htmx asks for the part of the page that changes; everyone else gets the whole page, the
  // fragment inside it as the layout holds a page.
  if (context.request().header("hx-request") == "true") {
    auto response = http::Response::html(std::move(results));
    response.set_header("Vary", "HX-Request");
    return response;
  }
  Json page = {{"title", request.text.empty()
                             ? context.t("catalogue.title")
                             : context.t("catalogue.title_query", {{"query", request.text}})},
               {"results", std::move(results)},
               {"scripts", {{"htmx", true}}}};
  auto response = context.page("catalogue/search", std::move(page));
  response.set_header("Vary", "HX-Request");
  return response;
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  routes.get("/katalog", Access::anyone(), search_page);
  routes.get("/katalog/ekspor.csv", Access::anyone(), export_csv);
  routes.get("/katalog/ekspor.xlsx", Access::anyone(), export_xlsx);
  routes.get("/api/v1/innovations", Access::anyone(), api_search);
  routes.get("/data-terbuka", Access::anyone(), api_page);
  routes.get("/api/v1/openapi.json", Access::anyone(), openapi_document);
}

}  // namespace simpul::catalogue
