#pragma once
// What the app root wires of this feature.
#include <cstdint>
#include <string>
#include <vector>

#include "innovations/model.hpp"
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

// What a profile shows of replication: the regions replicating the innovation, with each record's
// stage, and the innovation it replicates, if any. The replication feature, above the registry,
// implements it; the app root lends it to the registry through kernel::Services.
struct ReplicationFacts {
  struct Adopter {
    std::string agency;
    std::string stage;          // the stage's code: minat, kaji_tiru, ..., berhenti
    std::string url;            // the record's page
    std::vector<Award> awards;  // what its KIPP Replikasi proposals of this innovation won
  };
  std::vector<Adopter> adopters;
  int regions = 0;    // other regional governments replicating it, as the IID counts them
  int iid_score = 0;  // the IID replication indicator, 0 to 3
  std::string source_name, source_agency, source_url, record_url;  // when it replicates another
  std::string start_url;  // where another agency starts replicating it
};
class ReplicationRecords {
 public:
  virtual ~ReplicationRecords() = default;
  virtual ReplicationFacts replication_facts(std::int64_t innovation_id) const = 0;
};

}  // namespace simpul::innovations
