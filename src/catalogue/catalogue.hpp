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
#include "core/view/i18n.hpp"
#include "innovations/feature.hpp"

namespace simpul::catalogue {

// Facet value labels and element ids in one language, worked out once: the values are fixed from
// start-up, and building them per request cost a third of a search page.
struct FacetText {
  std::vector<std::vector<std::string>> labels;  // [facet][value]
  std::vector<std::vector<std::string>> ids;     // [facet][value]: "provinsi-65"
  std::vector<std::string> legends;              // [facet]
};

class Catalogue : public innovations::SimilarInnovations {
 public:
  Catalogue(db::Database& database, const view::Catalog& messages);
  // Indexes every published innovation (replacing what was there).
  void load();
  // Re-reads one innovation after it was published (or removes it when it no longer is).
  void refresh(std::int64_t id);

  const search::Index& index() const { return *index_; }
  const FacetValues& values() const { return values_; }
  const FacetText& facet_text(view::Lang lang) const {
    return facet_texts_[static_cast<std::size_t>(lang)];
  }
  std::optional<Card> card(std::int64_t id) const;
  // The cards of the published innovations most like this one.
  std::vector<Card> similar(std::int64_t id, std::uint32_t limit) const;
  // The same for the registry's profile page (innovations/feature.hpp).
  std::vector<innovations::SimilarInnovation> similar_innovations(
      std::int64_t id, std::uint32_t limit) const override;
  std::string agency_name(std::int64_t id) const;
  std::string province_name(const std::string& code) const;

 private:
  // A card as kept for every published innovation: its facet codes as value numbers (five
  // strings less per card, about 16 MB at 100,000 innovations).
  struct StoredCard {
    std::string name, short_name, summary;
    std::int64_t agency_id = 0;
    std::optional<int> year;
    std::uint8_t values[5] = {};  // province, cluster, form, type, stage; kNoCode when empty
    bool is_sample = false;
  };
  struct Cards {
    std::unordered_map<std::int64_t, StoredCard> stored;
    // Cards with a code the facets do not know (none should be published), kept whole.
    std::unordered_map<std::int64_t, Card> whole;
  };

  db::Database& database_;
  std::string value_label(const view::Catalog& messages, view::Lang lang, Facet facet,
                          const std::string& code) const;
  void keep(Cards& cards, Card card) const;
  Card expand(std::int64_t id, const StoredCard& stored) const;

  FacetValues values_;
  FacetText facet_texts_[2];
  std::unique_ptr<search::Index> index_;
  std::map<std::string, std::string> province_names_;
  mutable std::shared_mutex mutex_;  // guards cards_ and agency_names_
  Cards cards_;
  mutable std::map<std::int64_t, std::string> agency_names_;
};

}  // namespace simpul::catalogue
