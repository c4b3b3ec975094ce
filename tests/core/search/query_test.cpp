#include "core/search/query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace simpul::search::detail {
namespace {

using Strings = std::vector<std::string>;

const Analyzer query_analyzer;

ParsedQuery parse(std::string_view text) { return parse_query(query_analyzer, text); }

TEST(ParseQuery, StemsWordsAndSetsStopwordsAside) {
  const ParsedQuery query = parse("Pelayanan yang CEPAT");
  EXPECT_EQ(query.terms, (Strings{"layan", "cepat"}));
  EXPECT_EQ(query.stopwords, (Strings{"yang"}));
  EXPECT_TRUE(query.has_content());
  EXPECT_FALSE(query.error);
  EXPECT_FALSE(parse("yang dan").has_content());
}

TEST(ParseQuery, ReadsPhrasesWithTheirWordOffsets) {
  const ParsedQuery query = parse("inovasi \"pelayanan yang cepat\"");
  EXPECT_EQ(query.terms, (Strings{"inovasi"}));
  ASSERT_EQ(query.phrases.size(), 1u);
  const std::vector<PhraseWord>& phrase = query.phrases[0];
  ASSERT_EQ(phrase.size(), 3u);
  EXPECT_EQ(phrase[0].term, "layan");
  EXPECT_TRUE(phrase[1].stopword);
  EXPECT_EQ(phrase[2].term, "cepat");
  EXPECT_EQ(phrase[2].offset, 2u);
}

TEST(ParseQuery, ReadsPrefixesUnstemmed) {
  const ParsedQuery query = parse("kependu* pelayanan-kes*");
  EXPECT_EQ(query.prefixes, (Strings{"kependu", "kes"}));
  EXPECT_EQ(query.terms, (Strings{"layan"}));
  EXPECT_FALSE(query.error);
}

TEST(ParseQuery, ReadsExclusions) {
  const ParsedQuery query = parse("pelayanan -kesehatan -pend* -yang ber-inovasi");
  EXPECT_EQ(query.terms, (Strings{"layan", "ber", "inovasi"}));
  EXPECT_EQ(query.excluded_terms, (Strings{"sehat"}));
  EXPECT_EQ(query.excluded_prefixes, (Strings{"pend"}));
  EXPECT_TRUE(query.stopwords.empty());  // an excluded stopword is ignored
  EXPECT_FALSE(query.error);
}

TEST(ParseQuery, UnbalancedQuoteRunsTheWordsPlain) {
  const ParsedQuery query = parse("\"pelayanan cepat");
  EXPECT_EQ(query.error, "search.unbalanced_quote");
  EXPECT_TRUE(query.phrases.empty());
  EXPECT_EQ(query.terms, (Strings{"layan", "cepat"}));
  EXPECT_EQ(parse("a \"b c\" \"d").error, "search.unbalanced_quote");
}

TEST(ParseQuery, ShortPrefixRunsAsAWord) {
  const ParsedQuery query = parse("k* pelayanan");
  EXPECT_EQ(query.error, "search.bad_prefix");
  EXPECT_TRUE(query.prefixes.empty());
  EXPECT_EQ(query.terms, (Strings{"k", "layan"}));
  EXPECT_EQ(parse("pelayanan *").error, "search.bad_prefix");
  EXPECT_EQ(parse("*desa").error, "search.bad_prefix");
}

TEST(ParseQuery, LoneMinusIsDropped) {
  const ParsedQuery query = parse("pelayanan - cepat");
  EXPECT_EQ(query.error, "search.bad_exclusion");
  EXPECT_EQ(query.terms, (Strings{"layan", "cepat"}));
  EXPECT_EQ(parse("pelayanan -").error, "search.bad_exclusion");
  EXPECT_EQ(parse("-!!").error, "search.bad_exclusion");
  // Phrases cannot be excluded: the minus goes, the phrase stays.
  const ParsedQuery phrase = parse("-\"desa wisata\"");
  EXPECT_EQ(phrase.error, "search.bad_exclusion");
  EXPECT_EQ(phrase.phrases.size(), 1u);
}

TEST(ParseQuery, TruncatesLongQueries) {
  std::string text;
  while (text.size() < 600) text += "desa ";
  const ParsedQuery query = parse(text);
  EXPECT_EQ(query.error, "search.too_long");
  EXPECT_EQ(query.terms.size(), 100u);  // 500 bytes of "desa "
}

TEST(ParseQuery, TruncatesWithoutSplittingACharacter) {
  const std::string text = std::string(499, 'a') + "\xC3\xA9" + "b";
  const ParsedQuery query = parse(text);
  EXPECT_EQ(query.error, "search.too_long");
  ASSERT_EQ(query.terms.size(), 1u);
  EXPECT_EQ(query.terms[0].size(), 64u);  // the word, cut like any long word
}

TEST(ParseQuery, SurvivesInvalidUtf8) {
  const ParsedQuery query = parse("desa\xFF\xFEwisata \xC3 \"\xE2\x80\" -\xF0");
  EXPECT_EQ(query.terms, (Strings{"desa", "wisata"}));
  EXPECT_EQ(query.error, "search.bad_exclusion");
}

}  // namespace
}  // namespace simpul::search::detail
