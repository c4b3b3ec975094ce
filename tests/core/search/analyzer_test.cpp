#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::search {
namespace {

const Analyzer analyzer;

std::string stem_of(std::string_view word) { return analyzer.stem(analyzer.fold(word)); }

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (const Token& token : analyzer.tokens(text)) {
    words.push_back(std::string(text.substr(token.begin, token.end - token.begin)));
  }
  return words;
}

TEST(Analyzer, StemsLikeTheSnowballIndonesianStemmer) {
  EXPECT_EQ(stem_of("membaca"), "baca");
  EXPECT_EQ(stem_of("pembacaan"), "baca");
  EXPECT_EQ(stem_of("dibacakan"), "baca");
  EXPECT_EQ(stem_of("perekonomian"), "ekonomi");
  EXPECT_EQ(stem_of("pertanian"), "tani");
  EXPECT_EQ(stem_of("petani"), "tani");
  EXPECT_EQ(stem_of("bersekolah"), "seko");  // the -lah particle rule over-stems
  EXPECT_EQ(stem_of("Pelayanan"), "layan");
  EXPECT_EQ(stem_of("perbatasan"), "batas");
  // ke- and then peN- with recoding: the stemmer keeps the "n" (not "duduk").
  EXPECT_EQ(stem_of("kependudukan"), "nduduk");
}

// Snippets skip stemming the words for which may_have_term says no, so it must never say no to
// a word that does stem to the term: checked on the words of the samples and the Indonesian
// messages, with every prefix and suffix the stemmer knows put around them.
TEST(Analyzer, MayHaveTermNeverMissesAStem) {
  std::set<std::string> words;
  for (const char* file : {"samples/innovations.json", "i18n/id.json", "i18n/innovations.id.json",
                           "i18n/catalogue.id.json"}) {
    std::ifstream in(std::filesystem::path(SIMPUL_SOURCE_DIR) / file);
    ASSERT_TRUE(in) << file;
    std::stringstream text;
    text << in.rdbuf();
    for (const Token& token : analyzer.tokens(text.str())) {
      words.insert(analyzer.fold(text.str().substr(token.begin, token.end - token.begin)));
    }
  }
  ASSERT_GT(words.size(), 1000u);
  std::size_t recoded = 0;
  for (const std::string& root : words) {
    for (const char* prefix : {"", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng",
                               "peny", "di", "ke", "se", "ter", "ber", "be", "per", "memper"}) {
      for (const char* suffix : {"", "kan", "an", "i", "nya", "lah"}) {
        const std::string word = prefix + root + suffix;
        const std::string term = analyzer.stem(word);
        EXPECT_TRUE(analyzer.may_have_term(word, term)) << word << " -> " << term;
        if (word.find(term) == std::string::npos) ++recoded;
      }
    }
  }
  EXPECT_GT(recoded, 100u) << "the check covers meny-/peny-/mem-/pem- recoding";
  EXPECT_FALSE(analyzer.may_have_term("kesehatan", "layan"));
  EXPECT_TRUE(analyzer.may_have_term("menyapu", "sapu"));
  EXPECT_TRUE(analyzer.may_have_term("memukul", "pukul"));
}

TEST(Analyzer, KeepsNumbersAndCodesAsWritten) {
  EXPECT_EQ(analyzer.terms("Tahun 2024"), (std::vector<std::string>{"tahun", "2024"}));
  EXPECT_EQ(analyzer.stem("covid19"), "covid19");
}

TEST(Analyzer, DropsStopwordsFromTermsButCountsTheirPositions) {
  EXPECT_EQ(analyzer.terms("pelayanan yang cepat dan mudah"),
            (std::vector<std::string>{"layan", "cepat", "mudah"}));
  const std::vector<Token> tokens = analyzer.tokens("pelayanan yang cepat");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[1].stopword);
  EXPECT_EQ(tokens[1].term, "yang");  // stopwords are folded, not stemmed
  EXPECT_EQ(tokens[2].position, 2u);
}

TEST(Analyzer, StopwordListHasFunctionWordsOnly) {
  for (const char* word :
       {"yang",     "dan",     "di",    "ke",     "dari",  "untuk",  "dengan",  "pada",
        "ini",      "itu",     "dalam", "atau",   "juga",  "oleh",   "sebagai", "adalah",
        "akan",     "tidak",   "telah", "sudah",  "para",  "bagi",   "serta",   "secara",
        "karena",   "agar",    "dapat", "ada",    "lebih", "antara", "setiap",  "hingga",
        "tersebut", "melalui", "namun", "yaitu",  "bahwa", "maka",   "tetapi",  "jika",
        "saat",     "kami",    "kita",  "mereka", "ia",    "dia",    "nya"}) {
    EXPECT_TRUE(analyzer.is_stopword(word)) << word;
  }
  for (const char* word : {"pelayanan", "kesehatan", "pendidikan", "inovasi", "desa", "sama"}) {
    EXPECT_FALSE(analyzer.is_stopword(word)) << word;
  }
}

TEST(Analyzer, FoldsCaseAndLatinDiacritics) {
  EXPECT_EQ(analyzer.fold("Pelayanan"), "pelayanan");
  EXPECT_EQ(analyzer.fold("Café"), "cafe");
  EXPECT_EQ(analyzer.fold("ÑANDÚ"), "nandu");
  EXPECT_EQ(analyzer.fold("Straße"), "strasse");
  EXPECT_EQ(analyzer.fold("Æsir"), "aesir");
  EXPECT_EQ(analyzer.fold("Łódź"), "lodz");
  EXPECT_EQ(analyzer.fold("Œuvre"), "oeuvre");
  EXPECT_EQ(analyzer.fold("Ĳssel"), "ijssel");
  EXPECT_EQ(analyzer.fold("Cafe\xCC\x81"), "cafe");  // combining acute accent
  EXPECT_EQ(analyzer.terms("KESEHATAN"), analyzer.terms("kesehatan"));
}

TEST(Analyzer, SplitsOnWhatIsNotALetterOrDigit) {
  EXPECT_EQ(words_of("ber-inovasi, (cepat)! 2024/2025"),
            (std::vector<std::string>{"ber", "inovasi", "cepat", "2024", "2025"}));
  EXPECT_EQ(words_of("kota\xC2\xA0"
                     "baru \xE2\x80\x9Cpintar\xE2\x80\x9D \xF0\x9F\x98\x80ok"),
            (std::vector<std::string>{"kota", "baru", "pintar", "ok"}));
  EXPECT_EQ(words_of("a\xC3\x97"
                     "b"),
            (std::vector<std::string>{"a", "b"}));  // ×
}

TEST(Analyzer, JoinsApostrophesInsideWords) {
  EXPECT_EQ(words_of("Jum'at Qur\xE2\x80\x99"
                     "an 'kutip'"),
            (std::vector<std::string>{"Jum'at",
                                      "Qur\xE2\x80\x99"
                                      "an",
                                      "kutip"}));
  EXPECT_EQ(analyzer.tokens("Jum'at")[0].term, "jumat");
}

TEST(Analyzer, GivesByteOffsetsInTheOriginalText) {
  const std::string text = "  Sistem  Élektronik";
  const std::vector<Token> tokens = analyzer.tokens(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Sistem");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "Élektronik");
}

TEST(Analyzer, KeepsAcronymsAndNamesSearchable) {
  EXPECT_EQ(analyzer.terms("Sipelandukilat"), (std::vector<std::string>{"sipelandukilat"}));
  EXPECT_EQ(analyzer.terms("SIP BANGET"), (std::vector<std::string>{"sip", "banget"}));
  EXPECT_EQ(analyzer.terms("Pikobar"), (std::vector<std::string>{"pikobar"}));
}

TEST(Analyzer, TreatsInvalidUtf8AsSeparators) {
  EXPECT_EQ(words_of("abc\xFF\xFE"
                     "def"),
            (std::vector<std::string>{"abc", "def"}));
  EXPECT_EQ(words_of("ab\xC3"), (std::vector<std::string>{"ab"}));          // cut sequence
  EXPECT_EQ(words_of("\xC0\xAFxy"), (std::vector<std::string>{"xy"}));      // overlong
  EXPECT_EQ(words_of("\xED\xA0\x80zz"), (std::vector<std::string>{"zz"}));  // surrogate
  EXPECT_TRUE(analyzer.tokens(std::string("\0\x80\xBF", 3)).empty());
}

TEST(Analyzer, CutsVeryLongWords) {
  const std::vector<Token> tokens = analyzer.tokens(std::string(10000, 'x'));
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_LE(tokens[0].term.size(), 68u);
  EXPECT_EQ(tokens[0].end, 10000u);
}

TEST(Analyzer, GivesTheSameTermsOnManyThreads) {
  const std::string text = "Pembacaan perekonomian pertanian kependudukan pelayanan perizinan";
  const std::vector<std::string> expected = analyzer.terms(text);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) failures[t] += analyzer.terms(text) != expected;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace simpul::search
