#include "core/search/index.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>

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

// Numbers and codes ("2024", "covid19") are kept as written: the stemmer's suffix rules are
// meant for words.
std::string Analyzer::stem(std::string_view folded_word) const {
  if (folded_word.empty() || has_digit(folded_word)) return std::string(folded_word);
  sb_stemmer& stemmer = thread_stemmer();
  const sb_symbol* stemmed =
      sb_stemmer_stem(&stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  return {reinterpret_cast<const char*>(stemmed),
          static_cast<std::size_t>(sb_stemmer_length(&stemmer))};
}

}  // namespace simpul::search
