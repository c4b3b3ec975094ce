#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/index.hpp"
#include "core/search/text.hpp"

namespace simpul::search {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::size_t kMaxCandidateWindows = 32;

bool snippet_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool ends_sentence(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return c == '.' || c == '!' || c == '?' || c == '\n'; });
}

// A bit per byte value (modulo 32) found in text: a text whose bits are not all in a word's is no
// part of it, which rules out most pairs of a word and a term before any search.
std::uint32_t byte_bits(std::string_view text) {
  std::uint32_t bits = 0;
  for (const char c : text) bits |= std::uint32_t{1} << (static_cast<unsigned char>(c) & 31);
  return bits;
}

// Appends text escaped, each run of white space as one space.
void append_collapsed(std::string_view text, std::string& out) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (snippet_space(text[at])) {
      out.push_back(' ');
      while (at < text.size() && snippet_space(text[at])) ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && !snippet_space(text[end])) ++end;
    detail::append_html_escaped(text.substr(at, end - at), out);
    at = end;
  }
}

struct Window {  // word indexes, inclusive
  std::size_t first;
  std::size_t last;
};

// A word of the text: byte offsets, the first word of its sentence, and which highlighted term
// it matches, if any.
struct Word {
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t sentence;
  std::uint32_t match;  // index in SnippetBuilder::matched_terms_, or kNoMatch
};
constexpr std::uint32_t kNoMatch = 0xFFFFFFFF;

class SnippetBuilder {
 public:
  SnippetBuilder(const Analyzer& analyzer, std::string_view text,
                 const std::vector<std::string>& highlight_terms, std::size_t max_bytes)
      : analyzer_(analyzer), text_(text), max_bytes_(max_bytes) {
    for (const std::string& term : highlight_terms) {
      if (term.ends_with('*')) {
        prefixes_.push_back(term.substr(0, term.size() - 1));
      } else {
        terms_.push_back(term);
        // may_have_term also accepts "s" or "p" before a part of the word.
        term_bits_.push_back(byte_bits(std::string_view(term).substr(term.empty() ? 0 : 1)));
      }
    }
    detail::for_each_word(text, [&](std::size_t begin, std::size_t end, std::string_view folded) {
      const auto previous_end = words_.empty() ? 0 : words_.back().end;
      const bool starts_sentence =
          words_.empty() || ends_sentence(text.substr(previous_end, begin - previous_end));
      words_.push_back(
          {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
           starts_sentence ? static_cast<std::uint32_t>(words_.size()) : words_.back().sentence,
           match(folded, text.substr(begin, end - begin))});
    });
  }

  std::string build() const {
    std::string out;
    out.reserve(max_bytes_ + max_bytes_ / 2);
    if (words_.empty()) {
      append_collapsed(text_.substr(0, utf8_cut(max_bytes_)), out);
      return out;
    }
    render(best_window(), out);
    return out;
  }

 private:
  bool matched(std::size_t word) const { return words_[word].match != kNoMatch; }

  // The word's term as the analyzer makes it (a stem, or a stopword as written), worked out
  // only for words that may match: stemming every word of every result cost a quarter of a
  // search page.
  std::uint32_t match(std::string_view folded, std::string_view surface) {
    const std::uint32_t bits = byte_bits(folded);
    bool maybe_term = false;
    for (std::size_t i = 0; i < terms_.size() && !maybe_term; ++i) {
      maybe_term = (term_bits_[i] & ~bits) == 0 && analyzer_.may_have_term(folded, terms_[i]);
    }
    if (!maybe_term && !matches_prefix(folded, surface)) return kNoMatch;
    std::string term = analyzer_.is_stopword(folded) ? std::string(folded) : analyzer_.stem(folded);
    const bool is_highlighted = std::find(terms_.begin(), terms_.end(), term) != terms_.end();
    if (!is_highlighted && !matches_prefix(folded, surface)) return kNoMatch;
    return intern(std::move(term));
  }

  // Prefixes match the word as written, folded but not stemmed. for_each_word cuts long words;
  // those are folded again whole.
  bool matches_prefix(std::string_view folded, std::string_view surface) const {
    if (prefixes_.empty()) return false;
    if (folded.size() < detail::kMaxWordBytes) return starts_with_a_prefix(folded);
    return starts_with_a_prefix(analyzer_.fold(surface));
  }

  bool starts_with_a_prefix(std::string_view word) const {
    return std::any_of(prefixes_.begin(), prefixes_.end(),
                       [&](const std::string& prefix) { return word.starts_with(prefix); });
  }

  std::uint32_t intern(std::string term) {
    const auto found = std::find(matched_terms_.begin(), matched_terms_.end(), term);
    if (found != matched_terms_.end()) {
      return static_cast<std::uint32_t>(found - matched_terms_.begin());
    }
    matched_terms_.push_back(std::move(term));
    return static_cast<std::uint32_t>(matched_terms_.size() - 1);
  }

  std::string_view surface(std::size_t word) const {
    return text_.substr(words_[word].begin, words_[word].end - words_[word].begin);
  }

  std::string_view gap_before(std::size_t word) const {
    const std::size_t from = word == 0 ? 0 : words_[word - 1].end;
    return text_.substr(from, words_[word].begin - from);
  }

  bool starts_sentence(std::size_t word) const { return words_[word].sentence == word; }

  // The largest byte count <= max_bytes that does not split a UTF-8 sequence.
  std::size_t utf8_cut(std::size_t max_bytes) const {
    if (max_bytes >= text_.size()) return text_.size();
    while (max_bytes > 0 && (text_[max_bytes] & 0xC0) == 0x80) --max_bytes;
    return max_bytes;
  }

  // From the start of the match's sentence, unless that leaves the match near the end; then
  // from a third of the budget before it. Words are in byte order, so both ends are binary
  // searches.
  Window window_around(std::size_t match) const {
    std::size_t first = words_[match].sentence;
    const std::uint32_t match_end = words_[match].end;
    if (match_end - words_[first].begin > max_bytes_ * 2 / 3) {
      // The earliest word from which the match's end is within a third of the budget.
      const std::size_t third = max_bytes_ / 3;
      const std::size_t from = match_end > third ? match_end - third : 0;
      const auto begins_after =
          std::partition_point(words_.begin(), words_.begin() + static_cast<std::ptrdiff_t>(match),
                               [&](const Word& word) { return word.begin < from; });
      first = static_cast<std::size_t>(begins_after - words_.begin());
    }
    // The last word that ends within the budget from the first, or the first itself.
    const std::size_t limit = words_[first].begin + max_bytes_;
    const auto ends_after =
        std::partition_point(words_.begin() + static_cast<std::ptrdiff_t>(first) + 1, words_.end(),
                             [&](const Word& word) { return word.end <= limit; });
    return {first, static_cast<std::size_t>(ends_after - words_.begin()) - 1};
  }

  std::size_t distinct_matches(Window window) const {
    if (matched_terms_.size() > 64) return distinct_matches_slowly(window);
    std::uint64_t seen = 0;
    for (std::size_t i = window.first; i <= window.last; ++i) {
      if (matched(i)) seen |= std::uint64_t{1} << words_[i].match;
    }
    return static_cast<std::size_t>(std::popcount(seen));
  }

  std::size_t distinct_matches_slowly(Window window) const {
    std::vector<bool> seen(matched_terms_.size());
    for (std::size_t i = window.first; i <= window.last; ++i) {
      if (matched(i)) seen[words_[i].match] = true;
    }
    return static_cast<std::size_t>(std::count(seen.begin(), seen.end(), true));
  }

  // Of the windows around the first matches, the one with the most distinct matched terms;
  // the earliest among equals. Without matches, the start of the text.
  Window best_window() const {
    std::optional<Window> best;
    std::size_t best_count = 0;
    std::size_t candidates = 0;
    for (std::size_t i = 0; i < words_.size() && candidates < kMaxCandidateWindows; ++i) {
      if (!matched(i)) continue;
      ++candidates;
      const Window window = window_around(i);
      const std::size_t count = distinct_matches(window);
      if (!best || count > best_count) best = window, best_count = count;
    }
    return best.value_or(window_around(0));
  }

  void render(Window window, std::string& out) const {
    if (!starts_sentence(window.first)) out.append(kEllipsis).push_back(' ');
    for (std::size_t i = window.first; i <= window.last; ++i) {
      if (i > window.first) append_collapsed(gap_before(i), out);
      if (matched(i)) out += "<mark>";
      detail::append_html_escaped(surface(i), out);
      if (matched(i)) out += "</mark>";
    }
    // The punctuation glued to the last word ("cepat." or "(SIPANDU)").
    const std::size_t tail_begin = words_[window.last].end;
    std::size_t tail_end = tail_begin;
    const std::size_t limit =
        window.last + 1 < words_.size() ? words_[window.last + 1].begin : text_.size();
    while (tail_end < limit && !snippet_space(text_[tail_end])) ++tail_end;
    const std::string_view tail = text_.substr(tail_begin, tail_end - tail_begin);
    detail::append_html_escaped(tail, out);
    if (window.last + 1 < words_.size() && !ends_sentence(tail)) {
      out.push_back(' ');
      out.append(kEllipsis);
    }
  }

  const Analyzer& analyzer_;
  std::string_view text_;
  std::size_t max_bytes_;
  std::vector<std::string> terms_;
  std::vector<std::uint32_t> term_bits_;  // byte_bits of each term but its first byte
  std::vector<std::string> prefixes_;
  std::vector<Word> words_;
  std::vector<std::string> matched_terms_;  // the distinct terms of the matched words
};

}  // namespace

std::string snippet(const Analyzer& analyzer, std::string_view text,
                    const std::vector<std::string>& highlight_terms, std::size_t max_bytes) {
  return SnippetBuilder(analyzer, text, highlight_terms, max_bytes).build();
}

}  // namespace simpul::search
