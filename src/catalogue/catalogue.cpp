#include "catalogue/catalogue.hpp"

#include <mutex>

namespace simpul::catalogue {

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
    default:
      return code;
  }
}

void Catalogue::load() {
  auto tx = database_.begin_read();
  std::unordered_map<std::int64_t, Card> cards;
  std::vector<PublishedRecord> page;
  std::size_t next_in_page = 0;
  std::int64_t last_id = 0;
  // The index pulls documents one at a time; pages of the table are read as it goes.
  index_->rebuild([&](search::Document& document) {
    if (next_in_page == page.size()) {
      page = published_page(tx, last_id, 1000);
      next_in_page = 0;
      if (page.empty()) return false;
      last_id = page.back().indexed.id;
    }
    auto& record = page[next_in_page++];
    document = to_document(record.indexed, values_);
    cards.emplace(record.card.id, std::move(record.card));
    return true;
  });
  std::unique_lock lock(mutex_);
  cards_ = std::move(cards);
}

void Catalogue::refresh(std::int64_t id) {
  std::optional<PublishedRecord> record;
  std::map<std::int64_t, std::string> names;
  {
    auto tx = database_.begin_read();
    record = find_published(tx, id);
    if (record && !agency_name(record->card.agency_id).size()) names = agency_names(tx);
  }
  if (!record) {
    index_->remove(static_cast<std::uint32_t>(id));
    std::unique_lock lock(mutex_);
    cards_.erase(id);
    return;
  }
  index_->upsert(to_document(record->indexed, values_));
  std::unique_lock lock(mutex_);
  if (!names.empty()) agency_names_ = std::move(names);
  cards_[id] = std::move(record->card);
}

std::optional<Card> Catalogue::card(std::int64_t id) const {
  std::shared_lock lock(mutex_);
  auto it = cards_.find(id);
  if (it == cards_.end()) return std::nullopt;
  return it->second;
}

std::vector<Card> Catalogue::similar(std::int64_t id, std::uint32_t limit) const {
  std::vector<Card> cards;
  for (const auto& hit : index_->similar(static_cast<std::uint32_t>(id), limit)) {
    if (auto found = card(hit.id)) cards.push_back(std::move(*found));
  }
  return cards;
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
