#include "catalogue/catalogue.hpp"

#include <malloc.h>

#include <mutex>

#include "replication/counts.hpp"

namespace simpul::catalogue {
namespace {

// The facets of a card's codes, in StoredCard::values order.
constexpr Facet kCardFacets[] = {province, cluster, form, type, stage};
constexpr std::uint8_t kNoCode = 0xFF;

std::string* card_code(Card& card, std::size_t i) {
  std::string* codes[] = {&card.province_code, &card.agency_type, &card.form, &card.type,
                          &card.stage};
  return codes[i];
}

}  // namespace

Catalogue::Catalogue(db::Database& database, const view::Catalog& messages) : database_(database) {
  {
    auto tx = database_.begin_read();
    values_ = facet_values(province_codes(tx));
    province_names_ = province_names(tx);
    agency_names_ = agency_names(tx);
  }
  index_ = std::make_unique<search::Index>(schema(values_));
  for (view::Lang lang : view::kAllLangs) {
    FacetText& text = facet_texts_[static_cast<std::size_t>(lang)];
    text.labels.resize(kFacetCount);
    text.ids.resize(kFacetCount);
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      std::string param(kFacetParams[f]);
      text.legends.push_back(messages.text(lang, "catalogue.facet." + param));
      for (const auto& code : values_.codes[f]) {
        text.labels[f].push_back(value_label(messages, lang, static_cast<Facet>(f), code));
        text.ids[f].push_back(param + "-" + code);
      }
    }
  }
}

std::string Catalogue::value_label(const view::Catalog& messages, view::Lang lang, Facet facet,
                                   const std::string& code) const {
  switch (facet) {
    case province:
      return province_name(code);
    case cluster:
      return messages.text(lang, "agency_type." + code);
    case form:
      return messages.text(lang, "innovation.form." + code);
    case type:
      return messages.text(lang, "innovation.type." + code);
    case stage:
      return messages.text(lang, "innovation.stage." + code);
    case affair:
      return messages.text(lang, "innovation.affair." + code);
    case sdg:
      return code + ". " + messages.text(lang, "innovation.sdg." + code);
    case award:
      return messages.text(lang, "innovation.award_tier." + code);
    case replicated:
      return messages.text(lang, "catalogue.replicated." + code);
    default:
      return code;
  }
}

void Catalogue::keep(Cards& cards, Card card) const {
  StoredCard stored;
  for (std::size_t i = 0; i < std::size(kCardFacets); ++i) {
    const std::string& code = *card_code(card, i);
    auto value =
        code.empty() ? std::optional<std::size_t>(kNoCode) : values_.find(kCardFacets[i], code);
    if (!value) {
      const std::int64_t id = card.id;
      cards.stored.erase(id);
      cards.whole[id] = std::move(card);
      return;
    }
    stored.values[i] = static_cast<std::uint8_t>(*value);
  }
  stored.name = std::move(card.name);
  stored.short_name = std::move(card.short_name);
  stored.summary = std::move(card.summary);
  stored.agency_id = card.agency_id;
  stored.year = card.year;
  stored.is_sample = card.is_sample;
  cards.whole.erase(card.id);
  cards.stored[card.id] = std::move(stored);
}

Card Catalogue::expand(std::int64_t id, const StoredCard& stored) const {
  Card card;
  card.id = id;
  card.name = stored.name;
  card.short_name = stored.short_name;
  card.agency_id = stored.agency_id;
  for (std::size_t i = 0; i < std::size(kCardFacets); ++i) {
    if (stored.values[i] != kNoCode) {
      *card_code(card, i) = values_.codes[kCardFacets[i]][stored.values[i]];
    }
  }
  card.year = stored.year;
  card.is_sample = stored.is_sample;
  card.summary = stored.summary;
  return card;
}

void Catalogue::load() {
  auto tx = database_.begin_read();
  Cards cards;
  std::vector<PublishedRecord> page;
  std::size_t next_in_page = 0;
  std::int64_t last_id = 0;
  auto replicated = replication::adopter_counts(tx);
  // The index pulls documents one at a time; pages of the table are read as it goes.
  index_->rebuild([&](search::Document& document) {
    if (next_in_page == page.size()) {
      page = published_page(tx, last_id, 1000);
      next_in_page = 0;
      if (page.empty()) return false;
      last_id = page.back().indexed.id;
    }
    auto& record = page[next_in_page++];
    if (auto it = replicated.find(record.indexed.id); it != replicated.end())
      record.indexed.replications = it->second;
    document = to_document(record.indexed, values_);
    keep(cards, std::move(record.card));
    return true;
  });
  {
    std::unique_lock lock(mutex_);
    std::swap(cards_, cards);
  }
  cards = {};
  // Loading freed as much as it allocated (pages of the table, documents, the old index);
  // glibc keeps freed pages until told otherwise.
  malloc_trim(0);
}

void Catalogue::refresh(std::int64_t id) {
  std::optional<PublishedRecord> record;
  std::map<std::int64_t, std::string> names;
  {
    auto tx = database_.begin_read();
    record = find_published(tx, id);
    if (record) record->indexed.replications = replication::adopter_count(tx, id);
    if (record && !agency_name(record->card.agency_id).size()) names = agency_names(tx);
  }
  if (!record) {
    index_->remove(static_cast<std::uint32_t>(id));
    std::unique_lock lock(mutex_);
    cards_.stored.erase(id);
    cards_.whole.erase(id);
    return;
  }
  index_->upsert(to_document(record->indexed, values_));
  std::unique_lock lock(mutex_);
  if (!names.empty()) agency_names_ = std::move(names);
  keep(cards_, std::move(record->card));
}

std::optional<Card> Catalogue::card(std::int64_t id) const {
  std::shared_lock lock(mutex_);
  if (auto it = cards_.stored.find(id); it != cards_.stored.end()) return expand(id, it->second);
  if (auto it = cards_.whole.find(id); it != cards_.whole.end()) return it->second;
  return std::nullopt;
}

std::vector<Card> Catalogue::similar(std::int64_t id, std::uint32_t limit) const {
  std::vector<Card> cards;
  for (const auto& hit : index_->similar(static_cast<std::uint32_t>(id), limit)) {
    if (auto found = card(hit.id)) cards.push_back(std::move(*found));
  }
  return cards;
}

std::vector<innovations::SimilarInnovation> Catalogue::similar_innovations(
    std::int64_t id, std::uint32_t limit) const {
  std::vector<innovations::SimilarInnovation> found;
  for (const auto& card : similar(id, limit)) {
    found.push_back({card.id, card.name, agency_name(card.agency_id)});
  }
  return found;
}

std::string Catalogue::agency_name(std::int64_t id) const {
  std::shared_lock lock(mutex_);
  auto it = agency_names_.find(id);
  return it == agency_names_.end() ? std::string() : it->second;
}

std::string Catalogue::province_name(const std::string& code) const {
  auto it = province_names_.find(code);
  return it == province_names_.end() ? std::string() : it->second;
}

}  // namespace simpul::catalogue
