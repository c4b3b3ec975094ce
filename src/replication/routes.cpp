// Replication: the public network, a record's page with the adopter's forms, and the start of a
// record from a source innovation.
#include "replication/routes.hpp"

#include <map>
#include <set>

#include "competitions/paths.hpp"
#include "innovations/paths.hpp"
#include "innovations/registry.hpp"
#include "kernel/paths.hpp"
#include "replication/feature.hpp"
#include "replication/paths.hpp"
#include "replication/store.hpp"

namespace simpul::replication {

Editor editor_of(const kernel::CurrentUser& user) {
  return {user.role, user.agency_id, user.unit_id};
}

void register_routes(kernel::Routes& routes) {
  register_network_routes(routes);
  register_start_routes(routes);
  register_record_routes(routes);
  register_round_routes(routes);
  register_export_routes(routes);
}

std::vector<innovations::Award> awards_won(db::Transaction& tx,
                                           const std::vector<LinkedProposal>& proposals) {
  std::vector<innovations::Award> awards;
  for (const auto& proposal : proposals) {
    std::string results = kernel::path(competitions::paths::kEdition, {proposal.edition_id}) + "/";
    for (auto& award : innovations::awards_of(tx, proposal.innovation_id))
      if (award.source.starts_with(results)) awards.push_back(std::move(award));
  }
  return awards;
}

innovations::ReplicationFacts Directory::replication_facts(std::int64_t innovation_id) const {
  innovations::ReplicationFacts facts;
  facts.start_url = kernel::path(paths::kNew, {}) + "?sumber=" + std::to_string(innovation_id);
  std::set<std::int64_t> regions;  // a region that stopped and started again counts once
  database_.read([&](db::Transaction& tx) {
    auto source_agency = innovation_agency(tx, innovation_id);
    // What each agency's Replikasi proposals of this innovation won, read only where one exists.
    std::map<std::int64_t, std::vector<innovations::Award>> won;
    for (const auto& proposal : proposals_naming(tx, innovation_id)) {
      std::string results =
          kernel::path(competitions::paths::kEdition, {proposal.edition_id}) + "/";
      for (auto& award : innovations::awards_of(tx, proposal.innovation_id))
        if (award.source.starts_with(results)) won[proposal.agency_id].push_back(std::move(award));
    }
    for (const auto& adoption : adoptions_of(tx, innovation_id)) {
      facts.adopters.push_back({adoption.agency, std::string(stage_code(adoption.stage)),
                                kernel::path(paths::kRecord, {adoption.replication_id}),
                                won[adoption.agency_id]});
      if (counts_for_iid(adoption.agency_type, adoption.agency_id == source_agency, adoption.stage,
                         adoption.stopped_at))
        regions.insert(adoption.agency_id);
    }
    if (auto adopted = replication_adopted_as(tx, innovation_id)) {
      facts.source_name = adopted->source_name;
      facts.source_agency = adopted->source.name;
      facts.source_url =
          kernel::path(innovations::paths::kInnovation, {adopted->source_innovation_id});
      facts.record_url = kernel::path(paths::kRecord, {adopted->id});
    }
  });
  facts.regions = static_cast<int>(regions.size());
  facts.iid_score = iid_replication_score(facts.regions);
  return facts;
}

}  // namespace simpul::replication
