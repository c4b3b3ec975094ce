#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "synthetic/corpus.hpp"

namespace simpul::synthetic {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const Vocabulary& vocabulary() {
  static const Vocabulary words(place_words(
      read(std::string(SIMPUL_SOURCE_DIR) + "/node_modules/idn-area-data/data/villages.csv"),
      40000));
  return words;
}

TEST(Synthetic, VocabularyIsLargeWithTheProgrammesWordsFirst) {
  EXPECT_GE(vocabulary().size(), 20000u);
  EXPECT_EQ(vocabulary().at(0), "pelayanan");
  std::mt19937_64 random(7);
  std::map<std::string, int> counts;
  for (int i = 0; i < 20000; ++i) ++counts[vocabulary().draw(random)];
  // Zipf-like: the first rank is drawn far more often than rank 1000.
  EXPECT_GT(counts["pelayanan"], 50 * std::max(1, counts[vocabulary().at(1000)]));
}

TEST(Synthetic, SameSeedSameCorpus) {
  Generator a(vocabulary(), 42, 552, 2026), b(vocabulary(), 42, 552, 2026);
  Generator c(vocabulary(), 43, 552, 2026);
  auto first = a.next();
  EXPECT_EQ(first.fields, b.next().fields);
  EXPECT_NE(first.fields.name, c.next().fields.name);
}

TEST(Synthetic, InnovationsLookLikeTheProgramme) {
  Generator generator(vocabulary(), 1, 552, 2026);
  int implemented = 0, public_service = 0;
  constexpr int kCount = 2000;
  for (int i = 0; i < kCount; ++i) {
    auto item = generator.next();
    auto& f = item.fields;
    EXPECT_LT(item.agency_index, 552u);
    auto name_words = innovations::count_words(f.name);
    EXPECT_GE(name_words, 3u);
    EXPECT_LE(name_words, 8u);
    auto words = innovations::count_words(f.problem) + innovations::count_words(f.design) +
                 innovations::count_words(f.goals) + innovations::count_words(f.benefits);
    EXPECT_GE(words, 180u) << f.name;
    EXPECT_LE(words, 460u) << f.name;
    EXPECT_TRUE(innovations::check_fields(f).empty()) << f.name;
    implemented += f.stage == "penerapan";
    public_service += f.form == "pelayanan_publik";
  }
  EXPECT_NEAR(implemented / double(kCount), 0.90, 0.03);
  EXPECT_NEAR(public_service / double(kCount), 0.48, 0.04);
}

}  // namespace
}  // namespace simpul::synthetic
