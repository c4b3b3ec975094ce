#include "core/search/text.hpp"

#include <array>
#include <unordered_set>

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

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void append_folded_multibyte(char32_t c, std::string& out) {
  if (is_combining_mark(c)) return;
  if (c < kLatinFirst || c >= 0x180) {
    append_utf8(c, out);
    return;
  }
  const char base = kLatinBase[c - kLatinFirst];
  if (base == '?') {
    out += ligature(c);
  } else {
    out.push_back(base);
  }
}

std::string fold_word(std::string_view text) {
  std::string folded;
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    if (is_word_code_point(cp.value)) append_folded(cp.value, folded);
    at += cp.bytes;
  }
  return folded;
}

void append_html_escaped(std::string_view text, std::string& out) {
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    switch (cp.value) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case kInvalidCodePoint:
        out += "\xEF\xBF\xBD";
        break;
      default:
        out.append(text.substr(at, cp.bytes));
    }
    at += cp.bytes;
  }
}

bool is_stopword(std::string_view folded_word) {
  static const std::unordered_set<std::string_view> stopwords(kStopwords.begin(), kStopwords.end());
  return stopwords.contains(folded_word);
}

}  // namespace simpul::search::detail
