#include "competitions/editions.hpp"

namespace simpul::competitions {

std::vector<EditionLink> LaterStages::links(db::Transaction& tx, const Edition& edition,
                                            const EditionViewer& viewer) const {
  std::vector<EditionLink> links;
  for (const auto& add : links_) add(tx, edition, viewer, links);
  return links;
}

bool LaterStages::category_in_use(db::Transaction& tx, std::int64_t edition_id,
                                  const std::string& code) const {
  for (const auto& check : category_checks_)
    if (check(tx, edition_id, code)) return true;
  return false;
}

}  // namespace simpul::competitions
