#pragma once
// The search mix of the catalogue benchmark (the team's BENCHMARKS.md): queries of 1-3 content
// words drawn with Zipf popularity from the synthetic corpus' vocabulary, 30% with one facet
// filter, 10% asking for page 2 or later. Printed by `simpul seed --queries N`.
#include <cstdint>
#include <string>
#include <vector>

#include "synthetic/corpus.hpp"

namespace simpul::synthetic {

std::vector<std::string> search_paths(const Vocabulary& vocabulary, std::size_t count,
                                      std::uint64_t seed);

}  // namespace simpul::synthetic
