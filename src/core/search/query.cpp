#include "core/search/query.hpp"

#include <algorithm>

namespace simpul::search::detail {

namespace {

constexpr std::string_view kUnbalancedQuote = "search.unbalanced_quote";
constexpr std::string_view kBadPrefix = "search.bad_prefix";
constexpr std::string_view kBadExclusion = "search.bad_exclusion";
constexpr std::string_view kTooLong = "search.too_long";

constexpr std::size_t kMinPrefixChars = 2;

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Cuts text to at most max_bytes without splitting a UTF-8 sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  std::size_t cut = max_bytes;
  while (cut > 0 && (text[cut] & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

class Parser {
 public:
  Parser(const Analyzer& analyzer, std::string_view text) : analyzer_(analyzer), text_(text) {}

  ParsedQuery run() {
    if (text_.size() > kMaxQueryBytes) {
      fail(kTooLong);
      text_ = truncate_utf8(text_, kMaxQueryBytes);
    }
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (is_space(c)) {
        ++at_;
      } else if (c == '"') {
        parse_phrase();
      } else if (c == '-') {
        parse_exclusion();
      } else {
        parse_chunk(false);
      }
    }
    return std::move(query_);
  }

 private:
  void fail(std::string_view key) {
    if (!query_.error) query_.error = std::string(key);
  }

  // At a quote: the words up to the closing quote, or, with none, the rest as plain words.
  void parse_phrase() {
    const std::size_t close = text_.find('"', at_ + 1);
    if (close == std::string_view::npos) {
      fail(kUnbalancedQuote);
      ++at_;
      return;
    }
    std::vector<PhraseWord> phrase;
    for (Token& token : analyzer_.tokens(text_.substr(at_ + 1, close - at_ - 1))) {
      phrase.push_back({std::move(token.term), token.position, token.stopword});
    }
    if (!phrase.empty()) query_.phrases.push_back(std::move(phrase));
    at_ = close + 1;
  }

  // At a minus: excludes the words of the chunk that follows. A lone minus and one before a
  // phrase (excluding phrases is not supported) are dropped.
  void parse_exclusion() {
    ++at_;
    if (at_ == text_.size() || is_space(text_[at_]) || text_[at_] == '"') {
      fail(kBadExclusion);
      return;
    }
    if (text_[at_] != '-') parse_chunk(true);
  }

  // A run of text up to a space or a quote: its words, the last one a prefix if a star follows.
  void parse_chunk(bool excluded) {
    std::size_t end = at_;
    while (end < text_.size() && !is_space(text_[end]) && text_[end] != '"') ++end;
    const std::string_view chunk = text_.substr(at_, end - at_);
    at_ = end;
    const std::vector<Token> tokens = analyzer_.tokens(chunk);
    if (excluded && tokens.empty()) fail(kBadExclusion);
    std::size_t valid_stars = 0;
    for (const Token& token : tokens) {
      if (is_prefix(chunk, token)) {
        ++valid_stars;
        add_prefix(analyzer_.fold(chunk.substr(token.begin, token.end - token.begin)), excluded);
      } else {
        add_word(token, excluded);
      }
    }
    if (static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '*')) != valid_stars) {
      fail(kBadPrefix);
    }
  }

  bool is_prefix(std::string_view chunk, const Token& token) const {
    if (token.end >= chunk.size() || chunk[token.end] != '*') return false;
    const std::string folded = analyzer_.fold(chunk.substr(token.begin, token.end - token.begin));
    return count_code_points(folded) >= kMinPrefixChars;
  }

  void add_prefix(std::string prefix, bool excluded) {
    (excluded ? query_.excluded_prefixes : query_.prefixes).push_back(std::move(prefix));
  }

  // Excluding a stopword would exclude nearly everything: it is ignored.
  void add_word(const Token& token, bool excluded) {
    if (token.stopword) {
      if (!excluded) query_.stopwords.push_back(token.term);
    } else {
      (excluded ? query_.excluded_terms : query_.terms).push_back(token.term);
    }
  }

  const Analyzer& analyzer_;
  std::string_view text_;
  std::size_t at_ = 0;
  ParsedQuery query_;
};

}  // namespace

bool ParsedQuery::has_content() const {
  const auto has_content_word = [](const std::vector<PhraseWord>& phrase) {
    return std::any_of(phrase.begin(), phrase.end(),
                       [](const PhraseWord& w) { return !w.stopword; });
  };
  return !terms.empty() || !prefixes.empty() ||
         std::any_of(phrases.begin(), phrases.end(), has_content_word);
}

ParsedQuery parse_query(const Analyzer& analyzer, std::string_view text) {
  return Parser(analyzer, text).run();
}

}  // namespace simpul::search::detail
