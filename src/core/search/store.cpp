#include "core/search/store.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace simpul::search::detail {

namespace {

// Dead slots tolerated before a compaction: at least this many, and a quarter of the live ones.
constexpr std::uint32_t kMinDeadToCompact = 64;

std::uint64_t mask_of(int cardinality) {
  return cardinality >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << cardinality) - 1;
}

template <class T>
std::size_t vector_bytes(const std::vector<T>& vector) {
  return vector.capacity() * sizeof(T);
}

// A std::map node: three links and a colour, the value, and malloc's own header.
template <class Map>
std::size_t map_bytes(const Map& map) {
  std::size_t bytes = 0;
  for (const auto& [key, value] : map) {
    bytes += 32 + sizeof(typename Map::value_type) + 16;
    if (key.capacity() > 15) bytes += key.capacity() + 1;  // beyond the small-string buffer
  }
  return bytes;
}

// Moves the kept slots' rows (stride values each) to their new slots, in place.
template <class T>
void keep_rows(std::vector<T>& column, const std::vector<Slot>& new_slot, std::size_t stride = 1) {
  for (Slot slot = 0; slot < new_slot.size(); ++slot) {
    if (new_slot[slot] == kEndSlot) continue;
    std::copy_n(column.begin() + slot * stride, stride, column.begin() + new_slot[slot] * stride);
  }
  const auto kept =
      std::count_if(new_slot.begin(), new_slot.end(), [](Slot slot) { return slot != kEndSlot; });
  column.resize(static_cast<std::size_t>(kept) * stride);
  column.shrink_to_fit();
}

}  // namespace

Store::Store(const Schema& schema) : schema_(schema) {
  for (const FacetSpec& facet : schema.facets) {
    if (facet.cardinality < 0 || facet.cardinality > 64) {
      throw std::invalid_argument("search facet " + facet.name + ": at most 64 values");
    }
    std::size_t& count = facet.multi_valued ? multi_valued_count_ : single_valued_count_;
    facet_places_.push_back({facet.multi_valued, count++});
  }
  sort_keys_.resize(static_cast<std::size_t>(std::max(schema.sort_keys, 0)));
  live_facet_counts_.assign(facet_count_size(), 0);
}

void Store::append(const AnalyzedBatch& batch, std::vector<TermId>& term_of_local,
                   bool pick_similar_terms) {
  for (const std::string& term : batch.new_terms) term_of_local.push_back(intern(term));
  for (const auto& [word, local] : batch.new_words) words_.try_emplace(word, term_of_local[local]);
  std::vector<std::pair<double, TermId>> candidates;
  const std::uint32_t* in = batch.postings.data();
  for (const DocumentInfo& document : batch.documents) {
    remove(document.id);
    const Slot slot = add_slot(document);
    candidates.clear();
    const std::uint32_t term_count = *in++;
    for (std::uint32_t i = 0; i < term_count; ++i) {
      const TermId term = term_of_local[in[0]];
      const std::uint32_t weighted_tf = in[1];
      const std::uint32_t count = in[2];
      in += 3;
      postings_[term].append(slot, weighted_tf, {in, count});
      in += count;
      if (!stopword_terms_[term]) candidates.emplace_back(weighted_tf, term);
    }
    if (pick_similar_terms) this->pick_similar_terms(slot, candidates);
  }
}

void Store::remove(std::uint32_t id) {
  const auto found = slot_of_.find(id);
  if (found == slot_of_.end()) return;
  const Slot slot = found->second;
  slot_of_.erase(found);
  alive_[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
  --live_;
  ++dead_;
  live_length_ -= lengths_[slot];
  add_facet_counts(slot, live_facet_counts_.data(), static_cast<std::uint32_t>(-1));
}

void Store::compact_if_needed() {
  if (dead_ > kMinDeadToCompact && dead_ > live_ / 4) compact();
}

// candidates: the document's terms with their weighted tf; keeps the best by tf-idf.
void Store::pick_similar_terms(Slot slot, std::vector<std::pair<double, TermId>>& candidates) {
  for (auto& [weight, term] : candidates) weight *= idf(postings_[term].size());
  const auto best =
      candidates.begin() + static_cast<std::ptrdiff_t>(std::min(candidates.size(), kSimilarTerms));
  std::partial_sort(candidates.begin(), best, candidates.end(), std::greater<>());
  const std::size_t needed = (slot + 1) * kSimilarTerms;
  if (similar_terms_.size() < needed) {
    // By an eighth, as posting lists grow: doubling the exact table a bulk load leaves would add
    // 8 MB per 100,000 documents at the first upsert.
    if (similar_terms_.capacity() < needed) similar_terms_.reserve(needed + needed / 8);
    similar_terms_.resize(needed, kNoTerm);
  }
  TermId* out = similar_terms_.data() + slot * kSimilarTerms;
  std::fill_n(out, kSimilarTerms, kNoTerm);
  for (auto it = candidates.begin(); it != best; ++it) *out++ = it->second;
}

// One pass over all postings, keeping each document's best terms in a small min-heap.
void Store::pick_all_similar_terms() {
  using Candidate = std::pair<float, TermId>;
  const std::size_t slots = slot_count();
  // Sized once here: grown slot by slot during a bulk load, it would double, then be copied.
  similar_terms_.assign(slots * kSimilarTerms, kNoTerm);
  std::vector<Candidate> best(slots * kSimilarTerms);
  std::vector<std::uint8_t> filled(slots, 0);
  const auto heavier = [](const Candidate& a, const Candidate& b) { return a.first > b.first; };
  for (TermId term = 0; term < postings_.size(); ++term) {
    if (stopword_terms_[term] || postings_[term].size() == 0) continue;
    const auto term_idf = static_cast<float>(idf(postings_[term].size()));
    for (PostingCursor cursor(postings_[term]); cursor.slot() != kEndSlot; cursor.next()) {
      const Candidate candidate{static_cast<float>(cursor.weighted_tf()) * term_idf, term};
      Candidate* heap = best.data() + cursor.slot() * kSimilarTerms;
      std::uint8_t& size = filled[cursor.slot()];
      if (size < kSimilarTerms) {
        heap[size++] = candidate;
        std::push_heap(heap, heap + size, heavier);
      } else if (candidate.first > heap[0].first) {
        std::pop_heap(heap, heap + kSimilarTerms, heavier);
        heap[kSimilarTerms - 1] = candidate;
        std::push_heap(heap, heap + kSimilarTerms, heavier);
      }
    }
  }
  for (Slot slot = 0; slot < slots; ++slot) {
    Candidate* heap = best.data() + slot * kSimilarTerms;
    std::sort_heap(heap, heap + filled[slot], heavier);  // heaviest first
    for (std::uint8_t i = 0; i < filled[slot]; ++i) {
      similar_terms_[slot * kSimilarTerms + i] = heap[i].second;
    }
  }
}

void Store::shrink_to_fit() {
  for (PostingList& list : postings_) list.shrink_to_fit();
  postings_.shrink_to_fit();
  ids_.shrink_to_fit();
  alive_.shrink_to_fit();
  lengths_.shrink_to_fit();
  single_values_.shrink_to_fit();
  multi_masks_.shrink_to_fit();
  for (auto& column : sort_keys_) column.shrink_to_fit();
  similar_terms_.shrink_to_fit();
}

std::optional<Slot> Store::slot_of(std::uint32_t id) const {
  const auto found = slot_of_.find(id);
  if (found == slot_of_.end()) return std::nullopt;
  return found->second;
}

const PostingList* Store::find_term(std::string_view term) const {
  const auto found = terms_.find(term);
  return found == terms_.end() ? nullptr : &postings_[found->second];
}

std::vector<const PostingList*> Store::expand_prefix(std::string_view prefix,
                                                     std::size_t max_terms) const {
  std::vector<TermId> terms;
  for (auto it = words_.lower_bound(prefix); it != words_.end() && it->first.starts_with(prefix);
       ++it) {
    terms.push_back(it->second);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  if (terms.size() > max_terms) {
    const auto more_frequent = [&](TermId a, TermId b) {
      return postings_[a].size() > postings_[b].size();
    };
    std::nth_element(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(max_terms),
                     terms.end(), more_frequent);
    terms.resize(max_terms);
  }
  std::vector<const PostingList*> lists;
  for (const TermId term : terms) lists.push_back(&postings_[term]);
  return lists;
}

// BM25's idf. Dead postings count in both numbers until the next compaction.
double Store::idf(std::uint32_t document_frequency) const {
  const double documents = slot_count();
  const double frequency = document_frequency;
  return std::log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5));
}

double Store::average_length() const {
  return live_ == 0 ? 1.0 : std::max(1.0, static_cast<double>(live_length_) / live_);
}

std::size_t Store::memory_bytes() const {
  std::size_t bytes = sizeof(*this) + map_bytes(terms_) + map_bytes(words_);
  for (const PostingList& list : postings_) bytes += list.memory_bytes();
  bytes += (postings_.capacity() - postings_.size()) * sizeof(PostingList);
  bytes += stopword_terms_.capacity() / 8 + vector_bytes(free_terms_);
  bytes += vector_bytes(ids_) + vector_bytes(alive_) + vector_bytes(lengths_);
  bytes += vector_bytes(single_values_) + vector_bytes(multi_masks_);
  bytes += vector_bytes(live_facet_counts_);
  for (const auto& column : sort_keys_) bytes += vector_bytes(column);
  bytes += vector_bytes(similar_terms_);
  // Buckets, then nodes: a link, the pair, malloc's header.
  bytes += slot_of_.bucket_count() * sizeof(void*) + slot_of_.size() * 32;
  return bytes;
}

TermId Store::intern(const std::string& term) {
  if (const auto found = terms_.find(term); found != terms_.end()) return found->second;
  TermId id;
  if (free_terms_.empty()) {
    id = static_cast<TermId>(postings_.size());
    postings_.emplace_back();
    stopword_terms_.push_back(false);
  } else {
    id = free_terms_.back();
    free_terms_.pop_back();
  }
  stopword_terms_[id] = term.starts_with(kStopwordMarker);
  terms_.emplace(term, id);
  return id;
}

Slot Store::add_slot(const DocumentInfo& document) {
  const auto slot = static_cast<Slot>(ids_.size());
  ids_.push_back(document.id);
  if (slot % 64 == 0) alive_.push_back(0);
  alive_[slot / 64] |= std::uint64_t{1} << (slot % 64);
  lengths_.push_back(document.length);
  for (std::size_t f = 0; f < facet_places_.size(); ++f) {
    const int cardinality = schema_.facets[f].cardinality;
    const bool given = f < document.facet_values.size();
    if (facet_places_[f].multi_valued) {
      multi_masks_.push_back(given ? document.facet_values[f] & mask_of(cardinality) : 0);
    } else {
      const std::uint64_t value = given ? document.facet_values[f] : kNoValue;
      single_values_.push_back(value < static_cast<std::uint64_t>(cardinality)
                                   ? static_cast<std::uint8_t>(value)
                                   : kNoFacetValue);
    }
  }
  for (std::size_t k = 0; k < sort_keys_.size(); ++k) {
    sort_keys_[k].push_back(k < document.sort_keys.size() ? document.sort_keys[k] : 0);
  }
  slot_of_[document.id] = slot;
  ++live_;
  live_length_ += document.length;
  add_facet_counts(slot, live_facet_counts_.data(), 1);
  return slot;
}

void Store::compact() {
  std::vector<Slot> new_slot(ids_.size(), kEndSlot);
  Slot next = 0;
  for (Slot slot = 0; slot < ids_.size(); ++slot) {
    if (is_alive(slot)) new_slot[slot] = next++;
  }
  compact_postings(new_slot);
  compact_columns(new_slot);
  dead_ = 0;
}

// Terms left without postings are forgotten and their ids reused.
void Store::compact_postings(const std::vector<Slot>& new_slot) {
  for (auto it = terms_.begin(); it != terms_.end();) {
    PostingList& list = postings_[it->second];
    list = list.renumbered(new_slot);
    if (list.size() > 0) {
      ++it;
      continue;
    }
    free_terms_.push_back(it->second);
    it = terms_.erase(it);
  }
  std::erase_if(words_, [&](const auto& word) { return postings_[word.second].size() == 0; });
}

void Store::compact_columns(const std::vector<Slot>& new_slot) {
  keep_rows(ids_, new_slot);
  keep_rows(lengths_, new_slot);
  keep_rows(single_values_, new_slot, single_valued_count_);
  keep_rows(multi_masks_, new_slot, multi_valued_count_);
  for (auto& column : sort_keys_) keep_rows(column, new_slot);
  keep_rows(similar_terms_, new_slot, kSimilarTerms);
  alive_.assign((ids_.size() + 63) / 64, 0);
  slot_of_.clear();
  for (Slot slot = 0; slot < ids_.size(); ++slot) {
    alive_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    slot_of_[ids_[slot]] = slot;
  }
}

}  // namespace simpul::search::detail
