#pragma once
// Internal to the search engine: turns documents into postings ready to append to a Store.
// Analysis is the costly part of indexing, so it runs without the index lock and, for a bulk
// load, on worker threads; each BatchAnalyzer numbers terms on its own (local term ids) and the
// Store maps them to its term ids when it appends the batch.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::search::detail {

// Stopwords are indexed only in titles and tags, where they can be part of a name (innovation
// names are often acronyms that collide with function words: KITA, BISA), under this marker so
// that they never collide with a stem ("berada" stems to the stopword "ada").
inline constexpr char kStopwordMarker = '\x01';

// Fields start this many positions apart, so that no phrase (at most 500 bytes) spans two.
inline constexpr std::uint32_t kFieldGap = 256;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

struct DocumentInfo {  // what a Store keeps per document besides its postings
  std::uint32_t id;
  std::uint32_t length;  // field-weighted count of the words, stopwords excluded
  std::vector<std::uint64_t> facet_values;
  std::vector<std::int64_t> sort_keys;
};

struct AnalyzedBatch {
  std::vector<std::string> new_terms;  // terms first met in this batch, in local id order
  std::vector<std::pair<std::string, std::uint32_t>> new_words;  // folded word -> local term
  std::vector<DocumentInfo> documents;
  // Per document: its number of distinct terms, then per term: local term id, weighted tf,
  // number of positions, the positions.
  std::vector<std::uint32_t> postings;
};

class BatchAnalyzer {
 public:
  explicit BatchAnalyzer(const Analyzer& analyzer) : analyzer_(analyzer) {}
  // Terms and words met in earlier batches of this analyzer are not repeated in new_terms and
  // new_words: the batches must be appended to one Store in order.
  AnalyzedBatch analyze(std::span<const Document> documents);

 private:
  struct Word {
    std::uint32_t term;
    bool stopword;
  };
  struct Occurrence {
    std::uint32_t term;
    std::uint32_t position;
    std::uint32_t weight;
  };
  struct Group {  // one term of the document being analyzed
    std::uint32_t term;
    std::uint32_t weighted_tf;
    std::uint32_t count;
    std::size_t next_output;  // where its next position goes in AnalyzedBatch::postings
  };

  Word lookup(std::string_view folded, AnalyzedBatch& batch);
  std::uint32_t local_term(std::string term, AnalyzedBatch& batch);
  void analyze_document(const Document& document, AnalyzedBatch& batch);
  void write_postings(AnalyzedBatch& batch);

  const Analyzer& analyzer_;
  std::unordered_map<std::string, Word, StringHash, std::equal_to<>> words_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> terms_;
  // Scratch space for the document being analyzed.
  std::vector<Occurrence> occurrences_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> group_of_term_;
  std::vector<std::uint32_t> term_seen_in_;  // the document number that last met each term
  std::uint32_t document_number_ = 0;
};

}  // namespace simpul::search::detail
