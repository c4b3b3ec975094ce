#include "core/search/text.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/util/html.hpp"

namespace simpul::search::detail {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Base letters of U+00C0..U+017F, one per code point: '?' marks the few that fold to two letters
// (see kLigatures) and ' ' the two Latin-1 symbols in the range (multiplication and division).
constexpr std::string_view kLatinBase =
    "aaaaaa?ceeeeiiii"   // C0 ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
    "dnooooo ouuuuy??"   // D0 ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
    "aaaaaa?ceeeeiiii"   // E0 àáâãäåæçèéêëìíîï
    "dnooooo ouuuuy?y"   // F0 ðñòóôõö÷øùúûüýþÿ
    "aaaaaaccccccccdd"   // 100 ĀāĂăĄąĆćĈĉĊċČčĎď
    "ddeeeeeeeeeegggg"   // 110 ĐđĒēĔĕĖėĘęĚěĜĝĞğ
    "gggghhhhiiiiiiii"   // 120 ĠġĢģĤĥĦħĨĩĪīĬĭĮį
    "ii??jjkkklllllll"   // 130 İıĲĳĴĵĶķĸĹĺĻļĽľĿ
    "lllnnnnnnnnnoooo"   // 140 ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
    "oo??rrrrrrssssss"   // 150 ŐőŒœŔŕŖŗŘřŚśŜŝŞş
    "sstttttttuuuuuuu"   // 160 ŠšŢţŤťŦŧŨũŪūŬŭŮů
    "uuuuwwyyyzzzzzzs";  // 170 ŰűŲųŴŵŶŷŸŹźŻżŽžſ
constexpr char32_t kLatinFirst = 0xC0;
static_assert(kLatinBase.size() == 0x180 - kLatinFirst);

std::string_view ligature(char32_t c) {
  switch (c) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    default:
      return "oe";  // U+0152, U+0153
  }
}

bool is_combining_mark(char32_t c) { return c >= 0x300 && c < 0x370; }

// Indonesian function words: pronouns, prepositions, conjunctions, particles, auxiliaries and the
// usual chat abbreviations. Content words (pelayanan, kesehatan, sama as in "kerja sama") stay out.
constexpr auto kStopwords = std::to_array<std::string_view>(
    {"ada",       "adalah",    "adanya",     "adapun",   "agar",     "akan",        "aku",
     "anda",      "antara",    "apa",        "apabila",  "apakah",   "atas",        "atau",
     "bagaimana", "bagi",      "bahkan",     "bahwa",    "baik",     "banyak",      "beberapa",
     "begitu",    "belum",     "beliau",     "berbagai", "bila",     "bisa",        "boleh",
     "bukan",     "bukanlah",  "dalam",      "dan",      "dapat",    "dari",        "daripada",
     "demi",      "demikian",  "dengan",     "dgn",      "di",       "dia",         "dimana",
     "dll",       "dr",        "dsb",        "engkau",   "hal",      "hanya",       "harus",
     "hingga",    "ia",        "ialah",      "ini",      "itu",      "jadi",        "jangan",
     "jika",      "juga",      "kah",        "kalau",    "kalian",   "kami",        "kamu",
     "karena",    "ke",        "kecuali",    "kemudian", "kepada",   "ketika",      "kini",
     "kita",      "lagi",      "lah",        "lain",     "lainnya",  "lalu",        "lebih",
     "maka",      "mana",      "masih",      "masing",   "maupun",   "melainkan",   "melalui",
     "memang",    "menjadi",   "mengenai",   "menurut",  "mereka",   "meski",       "meskipun",
     "misalnya",  "mungkin",   "namun",      "nya",      "oleh",     "olehnya",     "pada",
     "padahal",   "para",      "pd",         "per",      "pula",     "pun",         "saat",
     "saja",      "sampai",    "sangat",     "saya",     "sbg",      "se",          "sebab",
     "sebagai",   "sebelum",   "sebelumnya", "sebuah",   "secara",   "sedang",      "sedangkan",
     "sehingga",  "sejak",     "sekitar",    "selain",   "selama",   "selanjutnya", "seluruh",
     "semua",     "sementara", "sendiri",    "seperti",  "serta",    "sesuai",      "sesudah",
     "setelah",   "setiap",    "siapa",      "suatu",    "sudah",    "supaya",      "tak",
     "tanpa",     "tapi",      "telah",      "tentang",  "terhadap", "termasuk",    "tersebut",
     "tetapi",    "tiap",      "tidak",      "tsb",      "untuk",    "utk",         "walau",
     "walaupun",  "ya",        "yaitu",      "yakni",    "yang",     "yg"});

}  // namespace

CodePoint decode_multibyte(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::uint32_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return {kInvalidCodePoint, 1};
  }
  if (text.size() - at < length) return {kInvalidCodePoint, 1};
  for (std::uint32_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + i]);
    if (!is_continuation(byte)) return {kInvalidCodePoint, 1};
    value = (value << 6) | (byte & 0x3F);
  }
  const bool surrogate = value >= 0xD800 && value < 0xE000;
  if (value < minimum || value > 0x10FFFF || surrogate) return {kInvalidCodePoint, 1};
  return {value, length};
}

// Block-level approximation of Unicode letters and digits: the alphabetic scripts below U+2000
// (Latin, combining marks, Greek, Cyrillic, Arabic, Indic ...) and CJK are word characters;
// punctuation, symbol, emoji, private-use and special blocks are not.
bool is_word_multibyte(char32_t c) {
  if (c < 0xC0) return false;  // Latin-1 punctuation and symbols, no-break space
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return true;
  if (c < 0x2C00) return false;  // punctuation, arrows, maths, shapes, dingbats
  if (c >= 0x2E00 && c < 0x2E80) return false;
  if (c >= 0x3000 && c < 0x3040) return false;    // CJK punctuation
  if (c >= 0xE000 && c < 0xF900) return false;    // private use
  if (c >= 0xFE00 && c < 0xFE70) return false;    // variation selectors, small forms
  if (c >= 0xFFF0 && c < 0x10000) return false;   // specials, the replacement character
  if (c >= 0x1F000 && c < 0x20000) return false;  // emoji and pictographs
  return c != kInvalidCodePoint;
}

namespace {

std::size_t encode_utf8(char32_t c, char* out) {
  const auto byte = [](char32_t value) { return static_cast<char>(value); };
  if (c < 0x80) {
    out[0] = byte(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = byte(0xC0 | (c >> 6));
    out[1] = byte(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = byte(0xE0 | (c >> 12));
    out[1] = byte(0x80 | ((c >> 6) & 0x3F));
    out[2] = byte(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = byte(0xF0 | (c >> 18));
  out[1] = byte(0x80 | ((c >> 12) & 0x3F));
  out[2] = byte(0x80 | ((c >> 6) & 0x3F));
  out[3] = byte(0x80 | (c & 0x3F));
  return 4;
}

}  // namespace

std::size_t fold_multibyte_into(char32_t c, char* out) {
  if (is_combining_mark(c)) return 0;
  if (c < kLatinFirst || c >= 0x180) return encode_utf8(c, out);
  const char base = kLatinBase[c - kLatinFirst];
  if (base != '?') {
    *out = base;
    return 1;
  }
  const std::string_view pair = ligature(c);
  std::copy(pair.begin(), pair.end(), out);
  return pair.size();
}

std::string fold_word(std::string_view text) {
  std::string folded;
  char buffer[kMaxFoldedBytes];
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    if (is_word_code_point(cp.value)) folded.append(buffer, fold_into(cp.value, buffer));
    at += cp.bytes;
  }
  return folded;
}

// Runs of text that need no change are copied in one append: snippets are most of a result page.
void append_html_escaped(std::string_view text, std::string& out) {
  std::size_t run = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x80) {
      const CodePoint cp = decode_multibyte(text, at);
      if (cp.value != kInvalidCodePoint) {
        at += cp.bytes;
        continue;
      }
      out.append(text.substr(run, at - run)).append("\xEF\xBF\xBD");
      run = ++at;
      continue;
    }
    if (const char* entity = simpul::html_entity(static_cast<char>(byte))) {
      out.append(text.substr(run, at - run)).append(entity);
      run = at + 1;
    }
    ++at;
  }
  out.append(text.substr(run));
}

bool is_stopword(std::string_view folded_word) {
  static const std::unordered_set<std::string_view> stopwords(kStopwords.begin(), kStopwords.end());
  return stopwords.contains(folded_word);
}

}  // namespace simpul::search::detail
