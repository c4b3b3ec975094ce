#pragma once
// Internal to the search engine: the query text parser (syntax in index.hpp, struct Query).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::search::detail {

inline constexpr std::size_t kMaxQueryBytes = 500;

struct PhraseWord {
  std::string term;      // the stem, or the folded word for a stopword
  std::uint32_t offset;  // word position in the phrase, counting stopwords
  bool stopword;
};

struct ParsedQuery {
  std::vector<std::string> terms;      // stems of the words outside quotes
  std::vector<std::string> stopwords;  // folded stopwords outside quotes
  std::vector<std::vector<PhraseWord>> phrases;
  std::vector<std::string> prefixes;  // folded, not stemmed
  std::vector<std::string> excluded_terms;
  std::vector<std::string> excluded_prefixes;
  std::optional<std::string> error;  // the i18n key of the first syntax error

  // Whether the query asks for anything but stopwords (and exclusions).
  bool has_content() const;
};

// Never fails: a syntax error is reported in error and the faulty part dropped.
ParsedQuery parse_query(const Analyzer& analyzer, std::string_view text);

}  // namespace simpul::search::detail
