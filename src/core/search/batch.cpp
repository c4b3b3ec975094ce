#include "core/search/batch.hpp"

#include "core/search/text.hpp"

namespace simpul::search::detail {

AnalyzedBatch BatchAnalyzer::analyze(std::span<const Document> documents) {
  AnalyzedBatch batch;
  batch.documents.reserve(documents.size());
  for (const Document& document : documents) analyze_document(document, batch);
  return batch;
}

BatchAnalyzer::Word BatchAnalyzer::lookup(std::string_view folded, AnalyzedBatch& batch) {
  if (const auto found = words_.find(folded); found != words_.end()) return found->second;
  const bool stopword = analyzer_.is_stopword(folded);
  // words_ remembers every word's term, so the analyzer's memo would only hold a second copy.
  const std::uint32_t term = local_term(
      stopword ? kStopwordMarker + std::string(folded) : analyzer_.stem_unmemoized(folded), batch);
  if (!stopword) batch.new_words.emplace_back(folded, term);
  return words_.emplace(folded, Word{term, stopword}).first->second;
}

std::uint32_t BatchAnalyzer::local_term(std::string term, AnalyzedBatch& batch) {
  const auto [found, inserted] =
      terms_.try_emplace(std::move(term), static_cast<std::uint32_t>(terms_.size()));
  if (inserted) {
    batch.new_terms.push_back(found->first);
    group_of_term_.push_back(0);
    term_seen_in_.push_back(0);
  }
  return found->second;
}

void BatchAnalyzer::analyze_document(const Document& document, AnalyzedBatch& batch) {
  occurrences_.clear();
  std::uint32_t position = 0;
  std::uint32_t length = 0;
  for (const auto& [field_weight, text] : document.fields) {
    const auto weight = static_cast<std::uint32_t>(field_weight);
    const bool names_things = field_weight != FieldWeight::body;
    for_each_word(text, [&](std::size_t, std::size_t, std::string_view folded) {
      const Word word = lookup(folded, batch);
      if (!word.stopword) length += weight;
      if (!word.stopword || names_things) occurrences_.push_back({word.term, position, weight});
      ++position;
    });
    position += kFieldGap;
  }
  batch.documents.push_back({document.id, length, document.facet_values, document.sort_keys});
  write_postings(batch);
}

// Groups the occurrences by term (in one pass, with per-term stamps instead of a sort) and
// appends them to the batch, positions ascending.
void BatchAnalyzer::write_postings(AnalyzedBatch& batch) {
  ++document_number_;
  groups_.clear();
  for (const Occurrence& occurrence : occurrences_) {
    if (term_seen_in_[occurrence.term] != document_number_) {
      term_seen_in_[occurrence.term] = document_number_;
      group_of_term_[occurrence.term] = static_cast<std::uint32_t>(groups_.size());
      groups_.push_back({occurrence.term, 0, 0, 0});
    }
    Group& group = groups_[group_of_term_[occurrence.term]];
    group.weighted_tf += occurrence.weight;
    ++group.count;
  }
  std::vector<std::uint32_t>& out = batch.postings;
  out.push_back(static_cast<std::uint32_t>(groups_.size()));
  for (Group& group : groups_) {
    out.insert(out.end(), {group.term, group.weighted_tf, group.count});
    group.next_output = out.size();
    out.resize(out.size() + group.count);
  }
  for (const Occurrence& occurrence : occurrences_) {
    out[groups_[group_of_term_[occurrence.term]].next_output++] = occurrence.position;
  }
}

}  // namespace simpul::search::detail
