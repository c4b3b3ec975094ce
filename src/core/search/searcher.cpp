#include "core/search/searcher.hpp"

#include <algorithm>
#include <bit>
#include <deque>
#include <limits>
#include <string>

namespace simpul::search::detail {

namespace {

class Bm25 {
 public:
  explicit Bm25(const Store& store)
      : store_(store), length_factor_(kK1 * kB / store.average_length()) {}

  // k1 * (1 - b + b * length / average length): the document's part of every term's score.
  double norm(Slot slot) const { return kK1 * (1 - kB) + length_factor_ * store_.length(slot); }

  static double term(double idf, double weighted_tf, double norm) {
    return idf * weighted_tf * (kK1 + 1) / (weighted_tf + norm);
  }

 private:
  const Store& store_;
  double length_factor_;
};

// One list for the terms a prefix expands to, tf summed, scored as a single term. Accumulates
// in a dense per-slot array: cheaper than merging up to kMaxPrefixTerms lists.
PostingList union_of(const std::vector<const PostingList*>& lists, std::uint32_t slot_count) {
  thread_local std::vector<std::uint32_t> tf;
  thread_local std::vector<Slot> touched;
  if (tf.size() < slot_count) tf.resize(slot_count, 0);
  touched.clear();
  for (const PostingList* list : lists) {
    for (PostingCursor cursor(*list); cursor.slot() != kEndSlot; cursor.next()) {
      if (tf[cursor.slot()] == 0) touched.push_back(cursor.slot());
      tf[cursor.slot()] += cursor.weighted_tf();
    }
  }
  if (touched.size() < slot_count / 16) {
    std::sort(touched.begin(), touched.end());
  } else {  // a scan beats sorting a large share of the slots
    touched.clear();
    for (Slot slot = 0; slot < slot_count; ++slot) {
      if (tf[slot] != 0) touched.push_back(slot);
    }
  }
  PostingList merged;
  for (const Slot slot : touched) {
    merged.append(slot, tf[slot], {});
    tf[slot] = 0;
  }
  return merged;
}

struct RequiredTerm {
  PostingCursor cursor;
  double idf;
};

struct PhraseTerm {
  std::size_t required;  // index in the plan's required terms
  std::uint32_t offset;
};

// What the query text asks for, resolved against the store: the lists every match must be in
// (rarest first, to drive the intersection), phrases to verify, lists to exclude.
class Plan {
 public:
  Plan(const Store& store, const ParsedQuery& parsed);

  bool browse() const { return !matches_nothing_ && required_.empty(); }
  // An upper bound of the number of matches.
  std::uint32_t most_matches() const {
    if (matches_nothing_) return 0;
    return required_.empty() ? store_.live_count() : required_[0].cursor.size();
  }
  const std::vector<std::string>& highlight_terms() const { return highlight_terms_; }

  // Calls visit(slot) for every live document matching the text, slots ascending. The required
  // cursors stay on the visited slot for score().
  template <class Visit>
  void for_each_match(Visit&& visit);
  double score(Slot slot, const Bm25& bm25) const;
  bool scores_below(Slot slot, const Bm25& bm25, double threshold) const;

 private:
  using PhraseSpec = std::vector<std::pair<const PostingList*, std::uint32_t>>;

  const PostingList* want(const std::string& term, bool stopword);
  const PostingList* expand(const std::string& prefix);
  void exclude(const PostingList* list);
  void order_required(std::vector<const PostingList*> lists,
                      const std::vector<PhraseSpec>& phrases);
  void highlight(std::string term);
  bool is_excluded(Slot slot);
  bool phrases_match();
  bool phrase_matches(const std::vector<PhraseTerm>& phrase);

  const Store& store_;
  std::deque<PostingList> unions_;          // prefix expansions; a deque keeps their addresses
  std::vector<const PostingList*> wanted_;  // as found, before order_required()
  std::vector<RequiredTerm> required_;
  std::vector<std::vector<PhraseTerm>> phrases_;
  std::vector<PostingCursor> excluded_;
  std::vector<std::string> highlight_terms_;
  bool matches_nothing_ = false;
};

Plan::Plan(const Store& store, const ParsedQuery& parsed) : store_(store) {
  // Stopwords count only when the query has nothing else (an innovation named "KITA BISA").
  const bool content = parsed.has_content();
  for (const std::string& term : content ? parsed.terms : parsed.stopwords) want(term, !content);
  std::vector<PhraseSpec> phrases;
  for (const std::vector<PhraseWord>& phrase : parsed.phrases) {
    PhraseSpec spec;
    for (const PhraseWord& word : phrase) {
      if (content && word.stopword) continue;
      if (const PostingList* list = want(word.term, word.stopword)) {
        spec.emplace_back(list, word.offset);
      }
    }
    if (spec.size() > 1) phrases.push_back(std::move(spec));
  }
  for (const std::string& prefix : parsed.prefixes) {
    highlight(prefix + '*');
    if (const PostingList* list = expand(prefix)) {
      wanted_.push_back(list);
    } else {
      matches_nothing_ = true;
    }
  }
  for (const std::string& term : parsed.excluded_terms) exclude(store.find_term(term));
  for (const std::string& prefix : parsed.excluded_prefixes) exclude(expand(prefix));
  order_required(std::move(wanted_), phrases);
}

const PostingList* Plan::want(const std::string& term, bool stopword) {
  highlight(term);
  const PostingList* list = store_.find_term(stopword ? kStopwordMarker + term : term);
  if (list == nullptr) {
    matches_nothing_ = true;
  } else {
    wanted_.push_back(list);
  }
  return list;
}

const PostingList* Plan::expand(const std::string& prefix) {
  const std::vector<const PostingList*> lists = store_.expand_prefix(prefix, kMaxPrefixTerms);
  if (lists.empty()) return nullptr;
  return &unions_.emplace_back(union_of(lists, store_.slot_count()));
}

void Plan::exclude(const PostingList* list) {
  if (list != nullptr) excluded_.emplace_back(*list);
}

void Plan::order_required(std::vector<const PostingList*> lists,
                          const std::vector<PhraseSpec>& phrases) {
  std::sort(lists.begin(), lists.end(), [](const PostingList* a, const PostingList* b) {
    return a->size() != b->size() ? a->size() < b->size() : a < b;
  });
  lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
  for (const PostingList* list : lists)
    required_.push_back({PostingCursor(*list), store_.idf(list->size())});
  for (const PhraseSpec& spec : phrases) {
    std::vector<PhraseTerm> phrase;
    for (const auto& [list, offset] : spec) {
      const auto index = std::find(lists.begin(), lists.end(), list) - lists.begin();
      phrase.push_back({static_cast<std::size_t>(index), offset});
    }
    phrases_.push_back(std::move(phrase));
  }
}

void Plan::highlight(std::string term) {
  if (std::find(highlight_terms_.begin(), highlight_terms_.end(), term) == highlight_terms_.end()) {
    highlight_terms_.push_back(std::move(term));
  }
}

template <class Visit>
void Plan::for_each_match(Visit&& visit) {
  if (matches_nothing_) return;
  if (required_.empty()) {
    for (Slot slot = 0; slot < store_.slot_count(); ++slot) {
      if (store_.is_alive(slot) && (excluded_.empty() || !is_excluded(slot))) visit(slot);
    }
    return;
  }
  // Leapfrog intersection: the rarest list proposes, the others skip ahead to the proposal.
  PostingCursor& lead = required_[0].cursor;
  for (Slot target = lead.slot(); target != kEndSlot;) {
    std::size_t agreeing = 1;
    for (; agreeing < required_.size(); ++agreeing) {
      const Slot slot = required_[agreeing].cursor.advance(target);
      if (slot != target) {
        target = lead.advance(slot);
        break;
      }
    }
    if (agreeing < required_.size()) continue;
    if (store_.is_alive(target) && (excluded_.empty() || !is_excluded(target)) &&
        (phrases_.empty() || phrases_match())) {
      visit(target);
    }
    target = lead.next();
  }
}

double Plan::score(Slot slot, const Bm25& bm25) const {
  if (required_.empty()) return 0;
  const double norm = bm25.norm(slot);
  double score = 0;
  for (const RequiredTerm& term : required_) {
    score += Bm25::term(term.idf, term.cursor.weighted_tf(), norm);
  }
  return score;
}

// Whether the score is certainly below threshold, found without a division (the costly part of
// scoring the many matches of a common word that cannot make the page): the terms' fractions
// summed as one fraction. The margin leaves ties and rounding to the exact score.
bool Plan::scores_below(Slot slot, const Bm25& bm25, double threshold) const {
  const double norm = bm25.norm(slot);
  double numerator = 0;
  double denominator = 1;
  for (const RequiredTerm& term : required_) {
    const double tf = term.cursor.weighted_tf();
    numerator = numerator * (tf + norm) + term.idf * (kK1 + 1) * tf * denominator;
    denominator *= tf + norm;
  }
  return numerator < threshold * denominator * (1 - 1e-9);
}

// Slots arrive ascending, so the exclusion cursors only move forward.
bool Plan::is_excluded(Slot slot) {
  return std::any_of(excluded_.begin(), excluded_.end(),
                     [slot](PostingCursor& cursor) { return cursor.advance(slot) == slot; });
}

bool Plan::phrases_match() {
  return std::all_of(
      phrases_.begin(), phrases_.end(),
      [this](const std::vector<PhraseTerm>& phrase) { return phrase_matches(phrase); });
}

bool Plan::phrase_matches(const std::vector<PhraseTerm>& phrase) {
  const std::span<const std::uint32_t> starts = required_[phrase[0].required].cursor.positions();
  for (const std::uint32_t start : starts) {
    const auto at_place = [&](const PhraseTerm& term) {
      const std::int64_t wanted = std::int64_t{start} + term.offset - phrase[0].offset;
      const std::span<const std::uint32_t> positions = required_[term.required].cursor.positions();
      return wanted >= 0 && std::binary_search(positions.begin(), positions.end(), wanted);
    };
    if (std::all_of(phrase.begin() + 1, phrase.end(), at_place)) return true;
  }
  return false;
}

// Counts facets over the matches, the disjunctive way, and keeps the best page in a heap.
//
// Without filters, when the matches may be most of the documents (a browse, a very common
// word), it counts the documents that do not match instead and subtracts them from the counts
// over all live documents, which the store keeps.
class Collector {
 public:
  Collector(const Store& store, const Query& query, bool browse, std::uint32_t most_matches);

  // Counts a document matching the text; true when it passes every filter too. Slots ascending.
  bool count(Slot slot) {
    if (counting_others_) {
      count_others_before(slot);
      ++total_;
      return true;
    }
    const Filter* failed = nullptr;
    for (const Filter& filter : filters_) {
      if (passes(filter, slot)) continue;
      if (failed != nullptr) return false;
      failed = &filter;
    }
    // A document failing one filter is what that facet's other choices would add.
    if (failed != nullptr) {
      count_facet(failed->place, failed->count_base, slot);
      return false;
    }
    ++total_;
    store_.add_facet_counts(slot, counts_.data(), 1);
    return true;
  }

  void offer(Slot slot, double score) {
    if (wanted_ == 0) return;
    const auto* key = sort_key_ ? sort_key_ : tie_key_;
    const Candidate candidate{key ? (*key)[slot] : 0, score, store_.id(slot)};
    if (heap_.size() < wanted_) {
      heap_.push_back(candidate);
      std::push_heap(heap_.begin(), heap_.end(), better_);
    } else if (better_(candidate, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), better_);
      heap_.back() = candidate;
      std::push_heap(heap_.begin(), heap_.end(), better_);
    }
  }

  // The score a match needs to enter the page when ranking by score (-inf: any).
  double score_to_beat() const {
    const bool full = !heap_.empty() && heap_.size() == wanted_;
    return full && !better_.by_key ? heap_.front().score : -kInfinity;
  }

  Result finish(std::uint32_t offset) &&;

 private:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  struct Filter {
    FacetPlace place;
    std::size_t count_base;
    std::uint64_t mask;
  };
  struct Candidate {
    std::int64_t key;
    double score;
    std::uint32_t id;
  };
  // Higher key (or score) first; by score, ties by the schema's tie key; then by id descending,
  // so that pages are stable.
  struct Better {
    bool by_key;
    bool operator()(const Candidate& a, const Candidate& b) const {
      if (by_key) {
        if (a.key != b.key) return a.key > b.key;
      } else if (a.score != b.score) {
        return a.score > b.score;
      } else if (a.key != b.key) {
        return a.key > b.key;
      }
      return a.id > b.id;
    }
  };

  bool passes(const Filter& filter, Slot slot) const {
    if (filter.place.multi_valued) {
      return (store_.multi_masks(slot)[filter.place.index] & filter.mask) != 0;
    }
    const std::uint8_t value = store_.single_values(slot)[filter.place.index];
    return value != kNoFacetValue && (filter.mask >> value & 1);
  }

  void count_facet(FacetPlace place, std::size_t base, Slot slot) {
    if (!place.multi_valued) {
      ++counts_[base + store_.single_values(slot)[place.index]];
      return;
    }
    for (std::uint64_t mask = store_.multi_masks(slot)[place.index]; mask != 0; mask &= mask - 1) {
      ++counts_[base + static_cast<std::size_t>(std::countr_zero(mask))];
    }
  }

  void count_others_before(Slot slot) {
    for (; next_other_ < slot; ++next_other_) {
      if (store_.is_alive(next_other_)) store_.add_facet_counts(next_other_, counts_.data(), 1);
    }
    next_other_ = slot + 1;
  }

  const Store& store_;
  std::vector<Filter> filters_;
  std::vector<std::uint32_t> counts_;
  bool counting_others_;
  Slot next_other_ = 0;  // counting others: the first slot not yet seen
  const std::vector<std::int64_t>* sort_key_ = nullptr;  // null: by score
  const std::vector<std::int64_t>* tie_key_ = nullptr;   // by score: breaks ties
  Better better_;
  std::vector<Candidate> heap_;  // the best `wanted_` so far, the worst on top
  std::uint64_t wanted_;
  std::uint64_t total_ = 0;
};

Collector::Collector(const Store& store, const Query& query, bool browse,
                     std::uint32_t most_matches)
    : store_(store), counts_(store.facet_count_size(), 0) {
  const std::vector<FacetPlace>& places = store.facet_places();
  for (std::size_t f = 0; f < places.size() && f < query.filters.size(); ++f) {
    if (query.filters[f] != 0) {
      filters_.push_back({places[f], store.facet_count_base(f), query.filters[f]});
    }
  }
  counting_others_ = filters_.empty() && most_matches > store.live_count() / 2;
  const int key = query.sort_key < 0 && browse ? 0 : query.sort_key;
  if (key >= 0 && static_cast<std::size_t>(key) < store.sort_key_count()) {
    sort_key_ = &store.sort_key(static_cast<std::size_t>(key));
  }
  const int tie = store.schema().tie_key;
  if (!sort_key_ && tie >= 0 && static_cast<std::size_t>(tie) < store.sort_key_count()) {
    tie_key_ = &store.sort_key(static_cast<std::size_t>(tie));
  }
  better_ = Better{sort_key_ != nullptr};
  wanted_ = std::min<std::uint64_t>(std::uint64_t{query.offset} + query.limit, store.live_count());
}

Result Collector::finish(std::uint32_t offset) && {
  if (counting_others_) {
    count_others_before(store_.slot_count());
    const std::vector<std::uint32_t>& live = store_.live_facet_counts();
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] = live[i] - counts_[i];
  }
  std::sort_heap(heap_.begin(), heap_.end(), better_);
  Result result;
  result.total = total_;
  for (std::size_t i = offset; i < heap_.size(); ++i) {
    result.hits.push_back({heap_[i].id, heap_[i].score});
  }
  for (std::size_t f = 0; f < store_.facet_places().size(); ++f) {
    const auto begin = counts_.begin() + static_cast<std::ptrdiff_t>(store_.facet_count_base(f));
    result.facet_counts.emplace_back(begin, begin + store_.schema().facets[f].cardinality);
  }
  return result;
}

}  // namespace

Result run_search(const Store& store, const ParsedQuery& parsed, const Query& query) {
  Plan plan(store, parsed);
  Collector collector(store, query, plan.browse(), plan.most_matches());
  const Bm25 bm25(store);
  plan.for_each_match([&](Slot slot) {
    if (!collector.count(slot)) return;
    if (plan.scores_below(slot, bm25, collector.score_to_beat())) return;
    collector.offer(slot, plan.score(slot, bm25));
  });
  Result result = std::move(collector).finish(query.offset);
  result.highlight_terms = plan.highlight_terms();
  result.syntax_error = parsed.error;
  return result;
}

// A ranked OR query of the document's similar terms, accumulated per slot.
std::vector<Hit> run_similar(const Store& store, std::uint32_t id, std::uint32_t limit) {
  const std::optional<Slot> self = store.slot_of(id);
  if (!self || limit == 0) return {};
  thread_local std::vector<float> scores;
  thread_local std::vector<Slot> touched;
  if (scores.size() < store.slot_count()) scores.resize(store.slot_count(), 0);
  touched.clear();
  const Bm25 bm25(store);
  for (const TermId term : store.similar_terms(*self)) {
    if (term == kNoTerm) break;
    const PostingList& list = store.postings(term);
    const double idf = store.idf(list.size());
    for (PostingCursor cursor(list); cursor.slot() != kEndSlot; cursor.next()) {
      const Slot slot = cursor.slot();
      if (scores[slot] == 0) touched.push_back(slot);
      scores[slot] += static_cast<float>(Bm25::term(idf, cursor.weighted_tf(), bm25.norm(slot)));
    }
  }
  std::vector<Hit> hits;
  for (const Slot slot : touched) {
    if (slot != *self && store.is_alive(slot)) hits.push_back({store.id(slot), scores[slot]});
    scores[slot] = 0;
  }
  const auto better = [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.id > b.id;
  };
  const auto end =
      hits.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(limit, hits.size()));
  std::partial_sort(hits.begin(), end, hits.end(), better);
  hits.erase(end, hits.end());
  return hits;
}

}  // namespace simpul::search::detail
