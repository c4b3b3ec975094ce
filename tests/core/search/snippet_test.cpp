#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::search {
namespace {

const Analyzer snippet_analyzer;

bool valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC2) return false;
    if (at + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i) {
      if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return false;
    }
    at += length;
  }
  return true;
}

// The text without tags and entities decoded back, to compare lengths with the original.
std::string plain(std::string html) {
  for (const char* tag : {"<mark>", "</mark>"}) {
    for (std::size_t at; (at = html.find(tag)) != std::string::npos;)
      html.erase(at, std::string(tag).size());
  }
  return html;
}

TEST(Snippet, MarksMatchesByStem) {
  EXPECT_EQ(snippet(snippet_analyzer, "Pelayanan perizinan yang cepat.", {"layan", "cepat"}),
            "<mark>Pelayanan</mark> perizinan yang <mark>cepat</mark>.");
}

TEST(Snippet, MarksPrefixMatches) {
  EXPECT_EQ(snippet(snippet_analyzer, "Data kependudukan desa", {"kependu*"}),
            "Data <mark>kependudukan</mark> desa");
}

TEST(Snippet, MarksPrefixMatchesOfWordsLongerThanTheIndexKeeps) {
  // Words are cut to 64 bytes for terms; a prefix still sees the whole word.
  const std::string word(80, 'a');
  EXPECT_EQ(snippet(snippet_analyzer, "Kata " + word + " lain", {std::string(70, 'a') + "*"}),
            "Kata <mark>" + word + "</mark> lain");
  EXPECT_EQ(snippet(snippet_analyzer, "Kata " + word + " lain", {std::string(70, 'a') + "b*"}),
            "Kata " + word + " lain");
}

TEST(Snippet, MarksWordsWhoseStemIsNotPartOfThem) {
  // meny- becomes "s", mem- becomes "p": the stem is not inside the word.
  EXPECT_EQ(snippet(snippet_analyzer, "Warga menyapu dan memukul", {"sapu", "pukul"}),
            "Warga <mark>menyapu</mark> dan <mark>memukul</mark>");
}

TEST(Snippet, EscapesHtml) {
  EXPECT_EQ(snippet(snippet_analyzer, "Tom & Jerry's <b>\"desa\"</b>", {"desa"}),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;<mark>desa</mark>&quot;&lt;/b&gt;");
}

TEST(Snippet, CutsAtWordBoundariesWithEllipses) {
  std::string text = "Awal cerita. ";
  for (int i = 0; i < 40; ++i) text += "kata" + std::to_string(i) + " ";
  text += "puskesmas keliling melayani warga ";
  for (int i = 0; i < 40; ++i) text += "lanjut" + std::to_string(i) + " ";
  const std::string result = snippet(snippet_analyzer, text, {"puskesmas"}, 120);
  EXPECT_TRUE(result.starts_with("\xE2\x80\xA6 ")) << result;
  EXPECT_TRUE(result.ends_with(" \xE2\x80\xA6")) << result;
  EXPECT_NE(result.find("<mark>puskesmas</mark>"), std::string::npos);
  EXPECT_LE(plain(result).size(), 120u + 8);  // the two ellipses and their spaces
  // Whole words only: every word of the snippet is a word of the text.
  const std::string inner = plain(result).substr(4, plain(result).size() - 8);
  for (const Token& token : snippet_analyzer.tokens(inner)) {
    const std::string word = " " + inner.substr(token.begin, token.end - token.begin) + " ";
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
}

TEST(Snippet, StartsAtTheSentenceOfTheMatch) {
  const std::string text = "Kalimat pertama tentang hal lain. Bank sampah dibuka setiap pekan.";
  EXPECT_EQ(snippet(snippet_analyzer, text, {"sampah"}, 60),
            "Bank <mark>sampah</mark> dibuka setiap pekan.");
}

TEST(Snippet, PrefersTheWindowWithTheMostDistinctTerms) {
  std::string text = "Desa maju. ";
  for (int i = 0; i < 30; ++i) text += "isi" + std::to_string(i) + " ";
  text += ". Wisata desa dengan kopi. ";
  for (int i = 0; i < 30; ++i) text += "akhir" + std::to_string(i) + " ";
  const std::string result = snippet(snippet_analyzer, text, {"desa", "wisata", "kopi"}, 80);
  EXPECT_TRUE(result.starts_with("<mark>Wisata</mark> <mark>desa</mark> dengan <mark>kopi</mark>."))
      << result;
}

TEST(Snippet, NeverBreaksUtf8) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "kafé ñandú ";
  text += "\xFF bad";
  for (std::size_t max = 5; max < 80; max += 7) {
    const std::string result = snippet(snippet_analyzer, text, {"kafe"}, max);
    EXPECT_TRUE(valid_utf8(result)) << max;
  }
  EXPECT_TRUE(valid_utf8(snippet(snippet_analyzer, "\xFF\xFE x \xC3", {"x"})));
  EXPECT_EQ(snippet(snippet_analyzer, "\xC3\xA9t\xC3\xA9", {}, 2), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(snippet(snippet_analyzer, "!!\xE2\x80\x94!!", {}, 3), "!!");
}

TEST(Snippet, StartsAtTheBeginningWithoutMatches) {
  EXPECT_EQ(snippet(snippet_analyzer, "Bank sampah warga", {"kopi"}), "Bank sampah warga");
  EXPECT_EQ(snippet(snippet_analyzer, "", {"kopi"}), "");
}

}  // namespace
}  // namespace simpul::search
