#include "core/search/index.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>
#include <unordered_map>

#include "core/search/text.hpp"

namespace simpul::search {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// libstemmer stemmers are re-entrant but not thread-safe: one per thread.
sb_stemmer& thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("indonesian", "UTF_8"));
  if (!stemmer) throw std::runtime_error("libstemmer has no Indonesian stemmer");
  return *stemmer;
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<Token> Analyzer::tokens(std::string_view text) const {
  std::vector<Token> tokens;
  std::uint32_t position = 0;
  detail::for_each_word(text, [&](std::size_t begin, std::size_t end, std::string_view folded) {
    const bool stopword = is_stopword(folded);
    tokens.push_back({stopword ? std::string(folded) : stem(folded), position++,
                      static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                      stopword});
  });
  return tokens;
}

std::vector<std::string> Analyzer::terms(std::string_view text) const {
  std::vector<std::string> terms;
  for (Token& token : tokens(text)) {
    if (!token.stopword) terms.push_back(std::move(token.term));
  }
  return terms;
}

bool Analyzer::is_stopword(std::string_view folded_word) const {
  return detail::is_stopword(folded_word);
}

std::string Analyzer::fold(std::string_view word) const { return detail::fold_word(word); }

// The Snowball Indonesian stemmer only removes prefixes and suffixes, except that it turns a
// prefix meny-/peny- into "s" and mem-/pem- into "p" (menyapu -> sapu, memukul -> pukul). So a
// term is a part of its word, or "s" or "p" and a part of it; a stopword is its word. Checked on
// 3.1 million words of the synthetic corpus and their affixed forms; analyzer_test.cpp keeps
// checking it on the samples' words.
bool Analyzer::may_have_term(std::string_view folded_word, std::string_view term) const {
  if (folded_word.find(term) != std::string_view::npos) return true;
  return !term.empty() && (term.front() == 's' || term.front() == 'p') &&
         folded_word.find(term.substr(1)) != std::string_view::npos;
}

// Numbers and codes ("2024", "covid19") are kept as written: the stemmer's suffix rules are
// meant for words.
namespace {

// Words follow a Zipf distribution, so a small per-thread memo of recent stems answers most calls
// (query words, and the words of result snippets that may match them). Cleared when full rather
// than evicted: simple, and the popular words come straight back. Every worker thread has one, so
// it is kept small.
constexpr std::size_t kStemMemoSize = 8192;

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>>& stem_memo() {
  thread_local std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> memo;
  return memo;
}

}  // namespace

std::string Analyzer::stem(std::string_view folded_word) const {
  if (folded_word.empty() || has_digit(folded_word)) return std::string(folded_word);
  auto& memo = stem_memo();
  if (auto it = memo.find(folded_word); it != memo.end()) return it->second;
  if (memo.size() >= kStemMemoSize) memo.clear();
  std::string stemmed = stem_uncached(folded_word);
  memo.emplace(std::string(folded_word), stemmed);
  return stemmed;
}

std::string Analyzer::stem_unmemoized(std::string_view folded_word) const {
  if (folded_word.empty() || has_digit(folded_word)) return std::string(folded_word);
  return stem_uncached(folded_word);
}

std::string Analyzer::stem_uncached(std::string_view folded_word) const {
  sb_stemmer& stemmer = thread_stemmer();
  const sb_symbol* stemmed =
      sb_stemmer_stem(&stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  return {reinterpret_cast<const char*>(stemmed),
          static_cast<std::size_t>(sb_stemmer_length(&stemmer))};
}

}  // namespace simpul::search
