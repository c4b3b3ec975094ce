#pragma once
// What the app root wires of this feature.
#include <cstdint>
#include <string>
#include <vector>

#include "kernel/routes.hpp"

namespace simpul::innovations {

void register_routes(kernel::Routes& routes);

struct SimilarInnovation {
  std::int64_t id = 0;
  std::string name;
  std::string agency;
};

// Published innovations like a given one, for its profile: candidates for a region looking for
// something to replicate. The catalogue, which keeps the search index and is built on the
// registry, implements it; the app root lends it to the registry through kernel::Services.
class SimilarInnovations {
 public:
  virtual ~SimilarInnovations() = default;
  virtual std::vector<SimilarInnovation> similar_innovations(std::int64_t id,
                                                             std::uint32_t limit) const = 0;
};

}  // namespace simpul::innovations
