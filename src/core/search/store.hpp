#pragma once
// Internal to the search engine: the index contents. Not synchronised: Index guards it.
//
// Documents live in slots, numbered in insertion order, so that a new document's postings are
// appended at the end of each list. Replacing or removing a document only marks its slot dead
// (searches skip dead slots); once dead slots pass a quarter of the live ones, compact()
// renumbers the live slots and rewrites every list, so memory stays bounded under any number of
// upserts. Document frequencies count dead postings until then, as in Lucene: idf drifts a
// little, hits never include a removed or stale version.
#include <bit>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/search/batch.hpp"
#include "core/search/index.hpp"
#include "core/search/postings.hpp"

namespace simpul::search::detail {

using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0xFFFFFFFF;
inline constexpr std::size_t kSimilarTerms = 20;  // per document, for similar()
inline constexpr std::uint8_t kNoFacetValue = 64;

// Where a schema facet's values live: a byte in the single-valued row, or a mask in the
// multi-valued row. Rows keep all of a document's values together: counting facets over a match
// set reads one row per document instead of one column per facet.
struct FacetPlace {
  bool multi_valued;
  std::size_t index;  // in its row
};

class Store {
 public:
  explicit Store(const Schema& schema);

  // Appends the batch's documents; a document whose id is live replaces it. term_of_local maps
  // the batch analyzer's term ids to this store's and grows with each batch. With
  // pick_similar_terms false, similar() terms are left for pick_all_similar_terms().
  void append(const AnalyzedBatch& batch, std::vector<TermId>& term_of_local,
              bool pick_similar_terms);
  void remove(std::uint32_t id);
  void compact_if_needed();
  // Picks every document's similar() terms, once document frequencies are final.
  void pick_all_similar_terms();
  void shrink_to_fit();

  const Schema& schema() const { return schema_; }
  std::optional<Slot> slot_of(std::uint32_t id) const;
  const PostingList* find_term(std::string_view term) const;
  // The lists of the terms of the words that start with prefix, the max_terms most frequent.
  std::vector<const PostingList*> expand_prefix(std::string_view prefix,
                                                std::size_t max_terms) const;
  const PostingList& postings(TermId term) const { return postings_[term]; }
  std::span<const TermId> similar_terms(Slot slot) const {
    return {similar_terms_.data() + slot * kSimilarTerms, kSimilarTerms};
  }

  double idf(std::uint32_t document_frequency) const;
  double average_length() const;
  std::uint32_t slot_count() const { return static_cast<std::uint32_t>(ids_.size()); }
  std::uint32_t live_count() const { return live_; }
  bool is_alive(Slot slot) const { return alive_[slot / 64] >> (slot % 64) & 1; }
  std::uint32_t id(Slot slot) const { return ids_[slot]; }
  std::uint32_t length(Slot slot) const { return lengths_[slot]; }
  const std::vector<FacetPlace>& facet_places() const { return facet_places_; }
  std::size_t single_valued_count() const { return single_valued_count_; }
  std::size_t multi_valued_count() const { return multi_valued_count_; }
  // The document's single-valued facets, each a value below 64 or kNoFacetValue.
  const std::uint8_t* single_values(Slot slot) const {
    return single_values_.data() + slot * single_valued_count_;
  }
  const std::uint64_t* multi_masks(Slot slot) const {
    return multi_masks_.data() + slot * multi_valued_count_;
  }

  // Facet counts live in one array: 65 per single-valued facet (the last one for documents
  // without a value, so that counting needs no branch), then 64 per multi-valued facet.
  static std::size_t single_count_base(std::size_t index) { return index * (kNoFacetValue + 1); }
  std::size_t multi_count_base(std::size_t index) const {
    return single_count_base(single_valued_count_) + index * 64;
  }
  std::size_t facet_count_size() const { return multi_count_base(multi_valued_count_); }
  std::size_t facet_count_base(std::size_t facet) const {
    const FacetPlace place = facet_places_[facet];
    return place.multi_valued ? multi_count_base(place.index) : single_count_base(place.index);
  }
  // Adds delta (wrapping: -1 subtracts) to the counts of each of the document's values.
  void add_facet_counts(Slot slot, std::uint32_t* counts, std::uint32_t delta) const {
    const std::uint8_t* values = single_values(slot);
    for (std::size_t i = 0; i < single_valued_count_; ++i) {
      counts[single_count_base(i) + values[i]] += delta;
    }
    const std::uint64_t* masks = multi_masks(slot);
    for (std::size_t i = 0; i < multi_valued_count_; ++i) {
      const std::size_t base = multi_count_base(i);
      for (std::uint64_t mask = masks[i]; mask != 0; mask &= mask - 1) {
        counts[base + static_cast<std::size_t>(std::countr_zero(mask))] += delta;
      }
    }
  }
  // The counts over every live document.
  const std::vector<std::uint32_t>& live_facet_counts() const { return live_facet_counts_; }
  std::size_t sort_key_count() const { return sort_keys_.size(); }
  const std::vector<std::int64_t>& sort_key(std::size_t key) const { return sort_keys_[key]; }
  std::size_t memory_bytes() const;

 private:
  TermId intern(const std::string& term);
  Slot add_slot(const DocumentInfo& document);
  void pick_similar_terms(Slot slot, std::vector<std::pair<double, TermId>>& candidates);
  void compact();
  void compact_postings(const std::vector<Slot>& new_slot);
  void compact_columns(const std::vector<Slot>& new_slot);

  Schema schema_;
  std::map<std::string, TermId, std::less<>> terms_;  // stems and marked stopwords
  // Folded words as written -> their stem's term, sorted for prefix queries (which are not
  // stemmed: "kependu*" must find "kependudukan", whose stem is "nduduk").
  std::map<std::string, TermId, std::less<>> words_;
  std::vector<PostingList> postings_;  // by TermId
  std::vector<bool> stopword_terms_;   // by TermId
  std::vector<TermId> free_terms_;     // ids of terms that compaction emptied
  // Per slot.
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint64_t> alive_;  // bit set
  std::vector<std::uint32_t> lengths_;
  std::vector<FacetPlace> facet_places_;  // by schema facet
  std::size_t single_valued_count_ = 0;
  std::size_t multi_valued_count_ = 0;
  std::vector<std::uint8_t> single_values_;  // single_valued_count_ per slot
  std::vector<std::uint64_t> multi_masks_;   // multi_valued_count_ per slot
  std::vector<std::uint32_t> live_facet_counts_;
  std::vector<std::vector<std::int64_t>> sort_keys_;
  // kSimilarTerms per slot, kNoTerm-padded; filled as slots are added, or at the end of a bulk
  // load by pick_all_similar_terms().
  std::vector<TermId> similar_terms_;
  std::unordered_map<std::uint32_t, Slot> slot_of_;  // live documents only
  std::uint32_t live_ = 0;
  std::uint32_t dead_ = 0;
  std::uint64_t live_length_ = 0;
};

}  // namespace simpul::search::detail
