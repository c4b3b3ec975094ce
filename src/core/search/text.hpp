#pragma once
// Internal to the search engine: UTF-8 decoding, word boundaries, case and diacritic folding and
// HTML escaping, shared by the analyzer, the query parser and snippets. No ICU: word characters
// and folding are exact for Latin (ASCII, Latin-1 Supplement, Latin Extended-A) and a coarse
// block-level approximation elsewhere.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace simpul::search::detail {

// Folded words are cut to this many bytes (plus at most one code point), so that a pasted
// run of letters cannot make huge terms.
inline constexpr std::size_t kMaxWordBytes = 64;

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct CodePoint {
  char32_t value;       // kInvalidCodePoint for a malformed byte
  std::uint32_t bytes;  // at least 1, so that a malformed byte is skipped alone
};

CodePoint decode_multibyte(std::string_view text, std::size_t at);

inline CodePoint decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return {byte, 1};
  return decode_multibyte(text, at);
}

bool is_word_multibyte(char32_t c);

// Letters and digits. Everything else (and every malformed byte) separates words.
inline bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return is_word_multibyte(c);
}

// Apostrophes and the soft hyphen join the letters around them ("Jum'at" is one word, "jumat").
inline bool is_word_joiner(char32_t c) { return c == '\'' || c == 0x2019 || c == 0xAD; }

// Longest output of fold_into for one code point.
inline constexpr std::size_t kMaxFoldedBytes = 4;

std::size_t fold_multibyte_into(char32_t c, char* out);

// Writes the lower-case, diacritic-free form of a word code point ("É" -> "e", "ß" -> "ss") to out
// and returns its length; combining marks vanish (0).
inline std::size_t fold_into(char32_t c, char* out) {
  if (c < 0x80) {
    *out = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return 1;
  }
  return fold_multibyte_into(c, out);
}

// True when a word character starts at byte `at`.
inline bool word_starts_at(std::string_view text, std::size_t at) {
  return at < text.size() && is_word_code_point(decode_utf8(text, at).value);
}

// Calls visit(begin, end, folded) for every word of text, in order: begin and end are byte
// offsets in text, folded is the word folded (and cut to about kMaxWordBytes). Folds into a
// buffer on the stack: this loop reads every byte of every indexed text and snippet.
template <class Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  char folded[kMaxWordBytes + kMaxFoldedBytes];
  std::size_t length = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool in_word = false;
  const auto finish_word = [&] {
    if (in_word && length > 0) visit(begin, end, std::string_view(folded, length));
    in_word = false;
    length = 0;
  };
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    if (is_word_code_point(cp.value)) {
      if (!in_word) begin = at;
      in_word = true;
      if (length < kMaxWordBytes) length += fold_into(cp.value, folded + length);
      end = at + cp.bytes;
    } else if (!(in_word && is_word_joiner(cp.value) && word_starts_at(text, at + cp.bytes))) {
      finish_word();
    }
    at += cp.bytes;
  }
  finish_word();
}

// Folds every word character of text and drops the rest.
std::string fold_word(std::string_view text);

// Appends text with &<>"' escaped for HTML and malformed UTF-8 replaced by U+FFFD.
void append_html_escaped(std::string_view text, std::string& out);

bool is_stopword(std::string_view folded_word);

}  // namespace simpul::search::detail
