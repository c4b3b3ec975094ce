#pragma once
// Small helpers shared by the search tests.
#include <cstdint>
#include <string>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::search::testing {

inline Document make_document(std::uint32_t id, std::string title, std::string body = "",
                              std::vector<std::uint64_t> facet_values = {},
                              std::vector<std::int64_t> sort_keys = {}) {
  Document document;
  document.id = id;
  document.fields.emplace_back(FieldWeight::title, std::move(title));
  if (!body.empty()) document.fields.emplace_back(FieldWeight::body, std::move(body));
  document.facet_values = std::move(facet_values);
  document.sort_keys = std::move(sort_keys);
  return document;
}

inline Query text_query(std::string text) {
  Query query;
  query.text = std::move(text);
  return query;
}

inline std::vector<std::uint32_t> ids_of(const std::vector<Hit>& hits) {
  std::vector<std::uint32_t> ids;
  for (const Hit& hit : hits) ids.push_back(hit.id);
  return ids;
}

inline std::vector<std::uint32_t> ids_of(const Result& result) { return ids_of(result.hits); }

}  // namespace simpul::search::testing
