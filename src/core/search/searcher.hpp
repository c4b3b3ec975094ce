#pragma once
// Internal to the search engine: query evaluation over a Store (the caller holds its lock).
#include <cstdint>
#include <vector>

#include "core/search/index.hpp"
#include "core/search/query.hpp"
#include "core/search/store.hpp"

namespace simpul::search::detail {

// BM25 parameters.
inline constexpr double kK1 = 1.2;
inline constexpr double kB = 0.75;

// A prefix expands to at most this many terms, the most frequent ones: a two-letter prefix can
// match thousands of words, and merging all their lists would cost more than the query is worth.
inline constexpr std::size_t kMaxPrefixTerms = 200;

Result run_search(const Store& store, const ParsedQuery& parsed, const Query& query);
std::vector<Hit> run_similar(const Store& store, std::uint32_t id, std::uint32_t limit);

}  // namespace simpul::search::detail
