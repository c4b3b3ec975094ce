#pragma once
// The catalogue's search engine: an Indonesian analyzer and an in-memory inverted index with BM25
// ranking, phrase and prefix queries, facet counts and more-like-this. The database stays the only
// source of truth; the index is rebuilt from it at start-up and updated on every change.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::search {

// ---- Analysis ----------------------------------------------------------------------------------

struct Token {
  std::string term;        // folded (lower case, no diacritics) and, unless a stopword, stemmed
  std::uint32_t position;  // word position in the text, counting stopwords
  std::uint32_t begin;     // byte offsets of the word in the original text, for highlighting
  std::uint32_t end;
  bool stopword;
};

// Unicode-aware lower-casing and diacritic folding of Latin text (Indonesian, with loan words),
// an Indonesian stopword list, and the Snowball Indonesian stemmer (libstemmer). Thread-safe: each
// thread gets its own stemmer.
class Analyzer {
 public:
  // Every word of text, in order, stopwords included (flagged).
  std::vector<Token> tokens(std::string_view text) const;
  // The indexable terms of text: stemmed, stopwords dropped.
  std::vector<std::string> terms(std::string_view text) const;
  bool is_stopword(std::string_view folded_word) const;
  std::string fold(std::string_view word) const;         // "Pelayanan" -> "pelayanan"
  std::string stem(std::string_view folded_word) const;  // "pelayanan" -> "layan"
  // The same without the per-thread memo of recent stems, for callers that keep their own (the
  // indexer stems each distinct word once).
  std::string stem_unmemoized(std::string_view folded_word) const;
  // False when folded_word certainly does not analyse to term, found without stemming (true
  // may still be a miss): snippets use it to stem only the words that can match.
  bool may_have_term(std::string_view folded_word, std::string_view term) const;

 private:
  std::string stem_uncached(std::string_view folded_word) const;
};

// ---- Documents and facets ----------------------------------------------------------------------

// A facet is a small set of values numbered 0..63. A single-valued facet (province, cluster, form,
// stage, year) stores one number per document; a multi-valued one (SDGs, government affairs,
// award tiers) a bit mask.
struct FacetSpec {
  std::string name;
  bool multi_valued = false;
  int cardinality = 0;  // at most 64
};

struct Schema {
  std::vector<FacetSpec> facets;
  // Numeric keys per document for sorting (e.g. 0 = published_at, 1 = replications).
  int sort_keys = 0;
  // A sort key that breaks ties of relevance, higher first, before the id does (e.g. real
  // records before sample ones); -1: ties go by id alone.
  int tie_key = -1;
};

enum class FieldWeight : std::uint8_t { title = 3, tags = 2, body = 1 };

struct Document {
  std::uint32_t id = 0;  // the innovation's id
  std::vector<std::pair<FieldWeight, std::string>> fields;
  // One entry per schema facet: the value (single) or the mask of values (multi). A single-valued
  // facet with no value uses the value kNoValue.
  std::vector<std::uint64_t> facet_values;
  std::vector<std::int64_t> sort_keys;
};
inline constexpr std::uint64_t kNoValue = 0xFFFF;

// ---- Queries -----------------------------------------------------------------------------------

// Query text syntax: words (all must match, after stemming; stopwords are ignored unless the
// query has nothing else), "quoted phrases" (the words in this order, stopwords counted), prefix*
// (at least 2 characters before the star, unstemmed), and -word to exclude.
struct Query {
  std::string text;
  // Per schema facet: the mask of values accepted (0 = no filter). A document passes a
  // single-valued filter when its value's bit is set, a multi-valued one when masks intersect.
  std::vector<std::uint64_t> filters;
  int sort_key = -1;  // -1: relevance (empty text: first sort key, descending); else that key, desc
  std::uint32_t offset = 0;
  std::uint32_t limit = 20;
};

struct Hit {
  std::uint32_t id;
  double score;
};

struct Result {
  std::uint64_t total = 0;  // documents matching the text and every filter
  std::vector<Hit> hits;    // the page asked for
  // facet_counts[f][v]: documents matching the text and every filter except facet f's, that have
  // value v: the counts a person sees next to each choice ("disjunctive" facets).
  std::vector<std::vector<std::uint32_t>> facet_counts;
  std::vector<std::string> highlight_terms;  // stemmed terms and prefixes, for snippets
  std::optional<std::string> syntax_error;   // an i18n key, e.g. "search.unbalanced_quote";
                                             // the query still runs with the fault removed
};

class Index {
 public:
  explicit Index(Schema schema);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Adds or replaces a document. Thread-safe; searches see either the old or the new version.
  void upsert(const Document& document);
  void remove(std::uint32_t id);
  // Bulk load at start-up (faster than upserts one by one); replaces the contents. Searches go
  // on meanwhile, on the old contents; upserts and removals made meanwhile are lost.
  void rebuild(const std::vector<Document>& documents);
  // The same from a stream, so that the corpus need not be in memory at once: next fills the
  // document it is given and returns true, or returns false at the end. Called on this thread.
  void rebuild(const std::function<bool(Document&)>& next);

  Result search(const Query& query) const;
  // Documents most like the given one (its highest tf-idf terms as an OR query), itself excluded.
  std::vector<Hit> similar(std::uint32_t id, std::uint32_t limit) const;

  std::size_t size() const;
  std::size_t memory_bytes() const;  // approximate, for /metrics and the benchmark report
  const Schema& schema() const;
  const Analyzer& analyzer() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The sentence of text around the first matches, HTML-escaped, with matches wrapped in
// <mark>...</mark>; at most about max_bytes long, cut at word boundaries with "…".
std::string snippet(const Analyzer& analyzer, std::string_view text,
                    const std::vector<std::string>& highlight_terms, std::size_t max_bytes = 240);

}  // namespace simpul::search
