#pragma once
// A catalogue search as a URL states it:
// /katalog?q=...&provinsi=65&provinsi=64&urut=terbaru&halaman=2. Parsing is forgiving (unknown
// values are ignored, a bad page number is page 1), because these URLs are shared and edited by
// hand; the query text's own syntax errors are reported by the search engine.
#include <cstdint>
#include <string>
#include <vector>

#include "catalogue/schema.hpp"
#include "core/http/message.hpp"
#include "core/search/index.hpp"

namespace simpul::catalogue {

struct SearchRequest {
  std::string text;
  std::vector<std::uint64_t> filters;  // per facet, a mask of values
  // "relevansi", "terbaru", "replikasi", or empty for the default: relevance with a query,
  // newest without.
  std::string sort;
  std::uint32_t page = 1;
  const FacetValues* values = nullptr;

  static SearchRequest parse(const http::Form& query, const FacetValues& values);
  search::Query to_query(std::uint32_t page_size) const;
  bool has_filters() const;
  int active_filters() const;  // values ticked, over every facet
  // "?q=...&provinsi=65..." for this state (empty values left out), page included when > 1.
  std::string query_string() const;
  std::string url_with_page(std::uint32_t page) const;
};

inline constexpr std::uint32_t kMaxPage = 500;

}  // namespace simpul::catalogue
