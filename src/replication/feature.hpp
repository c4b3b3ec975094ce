#pragma once
// What the app root wires of this feature: its routes, and the replication facts it lends the
// registry's profiles.
#include <cstdint>

#include "core/db/database.hpp"
#include "innovations/feature.hpp"
#include "kernel/routes.hpp"

namespace simpul::replication {

void register_routes(kernel::Routes& routes);

class NetworkIndex;

// An innovation's replication records for its profile, from the network in memory (read again
// after a new step) and its KIPP Replikasi proposals' awards.
class Directory : public innovations::ReplicationRecords {
 public:
  Directory(db::Database& database, NetworkIndex& network)
      : database_(database), network_(network) {}
  innovations::ReplicationFacts replication_facts(std::int64_t innovation_id) const override;

 private:
  db::Database& database_;
  NetworkIndex& network_;
};

}  // namespace simpul::replication
