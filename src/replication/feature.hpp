#pragma once
// What the app root wires of this feature: its routes, and the replication facts it lends the
// registry's profiles.
#include <cstdint>

#include "core/db/database.hpp"
#include "innovations/feature.hpp"
#include "kernel/routes.hpp"

namespace simpul::replication {

void register_routes(kernel::Routes& routes);

// Reads an innovation's replication records for its profile.
class Directory : public innovations::ReplicationRecords {
 public:
  explicit Directory(db::Database& database) : database_(database) {}
  innovations::ReplicationFacts replication_facts(std::int64_t innovation_id) const override;

 private:
  db::Database& database_;
};

}  // namespace simpul::replication
