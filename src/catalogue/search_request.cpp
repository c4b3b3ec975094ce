#include "catalogue/search_request.hpp"

#include <bit>
#include <charconv>

namespace simpul::catalogue {

SearchRequest SearchRequest::parse(const http::Form& query, const FacetValues& values) {
  SearchRequest request;
  request.values = &values;
  request.text = query.get("q");
  request.filters.assign(kFacetCount, 0);
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    for (const auto& code : query.all(kFacetParams[f])) {
      if (auto index = values.find(static_cast<Facet>(f), code)) {
        request.filters[f] |= std::uint64_t{1} << *index;
      }
    }
  }
  std::string sort = query.get("urut");
  // Anything else, the empty value of the form's first option included, is the default order, so
  // a query typed into the box is ranked by relevance whatever order the page showed before.
  if (sort == "terbaru" || sort == "replikasi" || sort == "relevansi") request.sort = sort;
  std::string page = query.get("halaman");
  std::uint32_t number = 1;
  auto [end, error] = std::from_chars(page.data(), page.data() + page.size(), number);
  if (error == std::errc{} && end == page.data() + page.size() && number >= 1) {
    request.page = std::min(number, kMaxPage);
  }
  return request;
}

search::Query SearchRequest::to_query(std::uint32_t page_size) const {
  search::Query query;
  query.text = text;
  query.filters = filters;
  if (sort == "terbaru" || (text.empty() && sort != "replikasi")) query.sort_key = SortKey::newest;
  if (sort == "replikasi") query.sort_key = SortKey::most_replicated;
  query.offset = (page - 1) * page_size;
  query.limit = page_size;
  return query;
}

bool SearchRequest::has_filters() const {
  for (auto mask : filters) {
    if (mask) return true;
  }
  return false;
}

int SearchRequest::active_filters() const {
  int count = 0;
  for (auto mask : filters) count += std::popcount(mask);
  return count;
}

std::string SearchRequest::query_string() const {
  std::string out;
  auto add = [&](std::string_view name, const std::string& value) {
    out += out.empty() ? '?' : '&';
    out += std::string(name) + "=" + http::url_encode(value);
  };
  if (!text.empty()) add("q", text);
  for (std::size_t f = 0; f < kFacetCount && values; ++f) {
    for (std::size_t v = 0; v < values->codes[f].size(); ++v) {
      if ((filters[f] >> v) & 1) add(kFacetParams[f], values->codes[f][v]);
    }
  }
  if (!sort.empty()) add("urut", sort);
  if (page > 1) add("halaman", std::to_string(page));
  return out;
}

std::string SearchRequest::url_with_page(std::uint32_t number) const {
  SearchRequest copy = *this;
  copy.page = number;
  return "/katalog" + copy.query_string();
}

}  // namespace simpul::catalogue
