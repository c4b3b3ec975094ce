#pragma once
// The catalogue's state: the search index of every published innovation and the cards shown in
// result lists, rebuilt from the database at start-up and refreshed when an innovation is
// published, so the database stays the only source of truth.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "catalogue/schema.hpp"
#include "catalogue/store.hpp"
#include "core/db/database.hpp"
#include "core/search/index.hpp"

namespace simpul::catalogue {

class Catalogue {
 public:
  explicit Catalogue(db::Database& database);
  // Indexes every published innovation (replacing what was there).
  void load();
  // Re-reads one innovation after it was published (or removes it when it no longer is).
  void refresh(std::int64_t id);

  const search::Index& index() const { return *index_; }
  const FacetValues& values() const { return values_; }
  std::optional<Card> card(std::int64_t id) const;
  // The cards of the published innovations most like this one.
  std::vector<Card> similar(std::int64_t id, std::uint32_t limit) const;
  std::string agency_name(std::int64_t id) const;
  std::string province_name(const std::string& code) const;

 private:
  db::Database& database_;
  FacetValues values_;
  std::unique_ptr<search::Index> index_;
  std::map<std::string, std::string> province_names_;
  mutable std::shared_mutex mutex_;  // guards cards_ and agency_names_
  std::unordered_map<std::int64_t, Card> cards_;
  mutable std::map<std::int64_t, std::string> agency_names_;
};

}  // namespace simpul::catalogue
