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
#include "replication/network.hpp"
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

namespace {

// What an innovation won in one edition: the awards its results wrote, which name that edition's
// pages as their source.
void add_awards_in(db::Transaction& tx, std::int64_t innovation_id, std::int64_t edition_id,
                   std::vector<innovations::Award>& awards) {
  std::string results = kernel::path(competitions::paths::kEdition, {edition_id}) + "/";
  for (auto& award : innovations::awards_of(tx, innovation_id))
    if (award.source.starts_with(results)) awards.push_back(std::move(award));
}

}  // namespace

std::vector<innovations::Award> awards_won(db::Transaction& tx,
                                           const std::vector<LinkedProposal>& proposals) {
  std::vector<innovations::Award> awards;
  for (const auto& proposal : proposals)
    add_awards_in(tx, proposal.innovation_id, proposal.edition_id, awards);
  return awards;
}

innovations::ReplicationFacts Directory::replication_facts(std::int64_t innovation_id) const {
  innovations::ReplicationFacts facts;
  facts.start_url = kernel::path(paths::kNew, {}) + "?sumber=" + std::to_string(innovation_id);
  auto network = network_.current();
  // What each agency's Replikasi proposals of this innovation won, read only where one exists.
  std::map<std::int64_t, std::vector<innovations::Award>> won;
  database_.read([&](db::Transaction& tx) {
    for (const auto& proposal : proposals_naming(tx, innovation_id))
      add_awards_in(tx, proposal.innovation_id, proposal.edition_id, won[proposal.agency_id]);
  });
  std::set<std::int64_t> regions;  // a region that stopped and started again counts once
  if (auto found = network->by_source.find(innovation_id); found != network->by_source.end()) {
    auto source_agency = network->source_agency.at(innovation_id);
    for (const auto& adopting : found->second) {
      facts.adopters.push_back({adopting.agency, std::string(stage_code(adopting.stage)),
                                kernel::path(paths::kRecord, {adopting.record_id}),
                                won[adopting.agency_id]});
      if (counts_for_iid(adopting.agency_type, adopting.agency_id == source_agency, adopting.stage,
                         adopting.stopped_at))
        regions.insert(adopting.agency_id);
    }
  }
  if (auto adopted = network->by_adopted.find(innovation_id);
      adopted != network->by_adopted.end()) {
    facts.source_name = adopted->second.source_name;
    facts.source_agency = adopted->second.source_agency;
    facts.source_url = kernel::path(innovations::paths::kInnovation, {adopted->second.source_id});
    facts.record_url = kernel::path(paths::kRecord, {adopted->second.record_id});
  }
  facts.regions = static_cast<int>(regions.size());
  facts.iid_score = iid_replication_score(facts.regions);
  return facts;
}

}  // namespace simpul::replication
