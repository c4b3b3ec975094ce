#include <algorithm>
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

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool ends_sentence(std::string_view text) {
  return text.find_first_of(".!?\n") != std::string_view::npos;
}

// Appends text escaped, each run of white space as one space.
void append_collapsed(std::string_view text, std::string& out) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (is_space(text[at])) {
      out.push_back(' ');
      while (at < text.size() && is_space(text[at])) ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && !is_space(text[end])) ++end;
    detail::append_html_escaped(text.substr(at, end - at), out);
    at = end;
  }
}

struct Window {  // token indexes, inclusive
  std::size_t first;
  std::size_t last;
};

class SnippetBuilder {
 public:
  SnippetBuilder(const Analyzer& analyzer, std::string_view text,
                 const std::vector<std::string>& highlight_terms, std::size_t max_bytes)
      : analyzer_(analyzer), text_(text), tokens_(analyzer.tokens(text)), max_bytes_(max_bytes) {
    for (const std::string& term : highlight_terms) {
      if (term.ends_with('*')) {
        prefixes_.push_back(term.substr(0, term.size() - 1));
      } else {
        terms_.push_back(term);
      }
    }
    for (const Token& token : tokens_) matched_.push_back(matches(token));
  }

  std::string build() const {
    std::string out;
    if (tokens_.empty()) {
      append_collapsed(text_.substr(0, utf8_cut(max_bytes_)), out);
      return out;
    }
    render(best_window(), out);
    return out;
  }

 private:
  bool matches(const Token& token) const {
    if (std::find(terms_.begin(), terms_.end(), token.term) != terms_.end()) return true;
    if (prefixes_.empty()) return false;
    const std::string folded = analyzer_.fold(surface(token));
    return std::any_of(prefixes_.begin(), prefixes_.end(),
                       [&](const std::string& prefix) { return folded.starts_with(prefix); });
  }

  std::string_view surface(const Token& token) const {
    return text_.substr(token.begin, token.end - token.begin);
  }

  std::string_view gap_before(std::size_t token) const {
    const std::size_t from = token == 0 ? 0 : tokens_[token - 1].end;
    return text_.substr(from, tokens_[token].begin - from);
  }

  bool starts_sentence(std::size_t token) const {
    return token == 0 || ends_sentence(gap_before(token));
  }

  std::size_t span_bytes(std::size_t first, std::size_t last) const {
    return tokens_[last].end - tokens_[first].begin;
  }

  // The largest byte count <= max_bytes that does not split a UTF-8 sequence.
  std::size_t utf8_cut(std::size_t max_bytes) const {
    if (max_bytes >= text_.size()) return text_.size();
    while (max_bytes > 0 && (text_[max_bytes] & 0xC0) == 0x80) --max_bytes;
    return max_bytes;
  }

  // From the start of the match's sentence, unless that leaves the match near the end; then
  // from a third of the budget before it.
  Window window_around(std::size_t match) const {
    std::size_t first = match;
    while (first > 0 && !starts_sentence(first)) --first;
    if (span_bytes(first, match) > max_bytes_ * 2 / 3) {
      first = match;
      while (first > 0 && span_bytes(first - 1, match) <= max_bytes_ / 3) --first;
    }
    std::size_t last = first;
    while (last + 1 < tokens_.size() && span_bytes(first, last + 1) <= max_bytes_) ++last;
    return {first, last};
  }

  std::size_t distinct_matches(Window window) const {
    std::vector<std::string_view> seen;
    for (std::size_t i = window.first; i <= window.last; ++i) {
      const std::string_view term = tokens_[i].term;
      if (matched_[i] && std::find(seen.begin(), seen.end(), term) == seen.end()) {
        seen.push_back(term);
      }
    }
    return seen.size();
  }

  // Of the windows around the first matches, the one with the most distinct matched terms;
  // the earliest among equals. Without matches, the start of the text.
  Window best_window() const {
    std::optional<Window> best;
    std::size_t best_count = 0;
    std::size_t candidates = 0;
    for (std::size_t i = 0; i < tokens_.size() && candidates < kMaxCandidateWindows; ++i) {
      if (!matched_[i]) continue;
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
      if (matched_[i]) out += "<mark>";
      detail::append_html_escaped(surface(tokens_[i]), out);
      if (matched_[i]) out += "</mark>";
    }
    // The punctuation glued to the last word ("cepat." or "(SIPANDU)").
    const std::size_t tail_begin = tokens_[window.last].end;
    std::size_t tail_end = tail_begin;
    const std::size_t limit =
        window.last + 1 < tokens_.size() ? tokens_[window.last + 1].begin : text_.size();
    while (tail_end < limit && !is_space(text_[tail_end])) ++tail_end;
    const std::string_view tail = text_.substr(tail_begin, tail_end - tail_begin);
    detail::append_html_escaped(tail, out);
    if (window.last + 1 < tokens_.size() && !ends_sentence(tail)) {
      out.push_back(' ');
      out.append(kEllipsis);
    }
  }

  const Analyzer& analyzer_;
  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t max_bytes_;
  std::vector<std::string> terms_;
  std::vector<std::string> prefixes_;
  std::vector<bool> matched_;
};

}  // namespace

std::string snippet(const Analyzer& analyzer, std::string_view text,
                    const std::vector<std::string>& highlight_terms, std::size_t max_bytes) {
  return SnippetBuilder(analyzer, text, highlight_terms, max_bytes).build();
}

}  // namespace simpul::search
