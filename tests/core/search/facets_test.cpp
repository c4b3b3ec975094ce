// Facet counts, totals and hits checked against a brute-force evaluation of a random corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/search/index.hpp"
#include "core/search/support.hpp"

namespace simpul::search {
namespace {

const Schema kSchema{
    {{"province", false, 10}, {"form", false, 3}, {"sdgs", true, 17}, {"awards", true, 5}}, 1};

const std::vector<std::string> kWords = {
    "pelayanan", "kesehatan", "pendidikan",  "perizinan", "desa",     "wisata",  "sampah",
    "petani",    "irigasi",   "posyandu",    "balita",    "gizi",     "sekolah", "guru",
    "digital",   "aplikasi",  "online",      "terpadu",   "keliling", "sungai",  "hutan",
    "nelayan",   "pasar",     "koperasi",    "umkm",      "jalan",    "air",     "bersih",
    "listrik",   "surya",     "bank",        "darah",     "ambulans", "bencana", "banjir",
    "kebakaran", "lansia",    "disabilitas", "perempuan", "anak",     "remaja",  "olahraga",
    "budaya",    "batik",     "kopi",        "sagu",      "rumput",   "laut",    "pelabuhan",
    "bandara"};

struct ModelDocument {
  std::set<std::string> terms;
  std::vector<std::uint64_t> facets;
};

class RandomCorpus : public ::testing::Test {
 protected:
  RandomCorpus() : index_(kSchema) {}

  std::string random_word() {
    const double u = std::uniform_real_distribution<>(0, 1)(random_);
    return kWords[static_cast<std::size_t>(u * u * kWords.size())];  // frequent words first
  }

  std::string random_text(int words) {
    std::string text;
    for (int i = 0; i < words; ++i) text += random_word() + (i % 5 == 4 ? " dan " : " ");
    return text;
  }

  std::uint64_t random_mask(int cardinality, int max_bits) {
    std::uint64_t mask = 0;
    for (int bits = std::uniform_int_distribution<>(0, max_bits)(random_); bits > 0; --bits) {
      mask |= std::uint64_t{1} << std::uniform_int_distribution<>(0, cardinality - 1)(random_);
    }
    return mask;
  }

  Document random_document(std::uint32_t id) {
    Document document = testing::make_document(id, random_text(3), random_text(5 + random_() % 25));
    const auto province = random_() % 11;  // 10: no value
    document.facet_values = {province == 10 ? kNoValue : province, random_() % 3,
                             random_mask(17, 3), random_mask(5, 2)};
    document.sort_keys = {static_cast<std::int64_t>(random_() % 12)};
    ModelDocument model;
    for (const auto& [weight, text] : document.fields) {
      for (std::string& term : index_.analyzer().terms(text)) model.terms.insert(std::move(term));
    }
    model.facets = document.facet_values;
    model_[id] = std::move(model);
    return document;
  }

  static bool passes(const FacetSpec& facet, std::uint64_t value, std::uint64_t filter) {
    if (filter == 0) return true;
    if (facet.multi_valued) return (value & filter) != 0;
    return value != kNoValue && (filter >> value & 1);
  }

  static void add_values(const FacetSpec& facet, std::uint64_t value,
                         std::vector<std::uint32_t>& counts) {
    if (!facet.multi_valued) {
      if (value != kNoValue) ++counts[value];
      return;
    }
    for (int v = 0; v < facet.cardinality; ++v) counts[v] += value >> v & 1;
  }

  Query random_query() {
    Query query;
    const int words = std::uniform_int_distribution<>(0, 2)(random_);
    for (int i = 0; i < words; ++i) query.text += random_word() + " ";
    if (random_() % 5 == 0) query.text += "-" + random_word();
    query.filters.assign(kSchema.facets.size(), 0);
    for (int filtered = random_() % 3; filtered > 0; --filtered) {
      const std::size_t f = random_() % kSchema.facets.size();
      query.filters[f] = random_mask(kSchema.facets[f].cardinality, 3);
    }
    query.limit = 5000;
    return query;
  }

  // The brute-force answer: ids (unordered), and disjunctive counts.
  void check(const Query& query) {
    std::vector<std::string> wanted;
    std::vector<std::string> excluded;
    for (const Token& token : index_.analyzer().tokens(query.text)) {
      const bool minus = token.begin > 0 && query.text[token.begin - 1] == '-';
      (minus ? excluded : wanted).push_back(token.term);
    }
    std::vector<std::vector<std::uint32_t>> counts;
    for (const FacetSpec& facet : kSchema.facets) counts.emplace_back(facet.cardinality, 0);
    std::set<std::uint32_t> expected;
    for (const auto& [id, document] : model_) {
      const auto has = [&](const std::string& term) { return document.terms.contains(term); };
      if (!std::all_of(wanted.begin(), wanted.end(), has)) continue;
      if (std::any_of(excluded.begin(), excluded.end(), has)) continue;
      std::vector<std::size_t> failed;
      for (std::size_t f = 0; f < kSchema.facets.size(); ++f) {
        if (!passes(kSchema.facets[f], document.facets[f], query.filters[f])) failed.push_back(f);
      }
      if (failed.empty()) expected.insert(id);
      for (std::size_t f = 0; f < kSchema.facets.size(); ++f) {
        const bool others_pass = failed.empty() || (failed.size() == 1 && failed[0] == f);
        if (others_pass) add_values(kSchema.facets[f], document.facets[f], counts[f]);
      }
    }
    const Result result = index_.search(query);
    SCOPED_TRACE("query: " + query.text);
    ASSERT_EQ(result.total, expected.size());
    ASSERT_EQ(result.facet_counts, counts);
    const std::vector<std::uint32_t> ids = testing::ids_of(result);
    EXPECT_EQ(std::set<std::uint32_t>(ids.begin(), ids.end()), expected);
    for (std::size_t i = 1; i < result.hits.size(); ++i) {
      EXPECT_GE(result.hits[i - 1].score, result.hits[i].score);
    }
  }

  std::mt19937 random_{20240917};
  Index index_;
  std::map<std::uint32_t, ModelDocument> model_;
};

TEST_F(RandomCorpus, CountsMatchBruteForce) {
  std::vector<Document> documents;
  for (std::uint32_t id = 1; id <= 3000; ++id) documents.push_back(random_document(id));
  index_.rebuild(documents);
  for (int i = 0; i < 300; ++i) check(random_query());
  check(Query{.text = "", .filters = {0, 0, 0, 0}, .limit = 5000});
}

TEST_F(RandomCorpus, CountsMatchBruteForceAfterUpsertsAndRemovals) {
  std::vector<Document> documents;
  for (std::uint32_t id = 1; id <= 2000; ++id) documents.push_back(random_document(id));
  index_.rebuild(documents);
  for (int i = 0; i < 1500; ++i) {
    const std::uint32_t id = 1 + random_() % 2500;
    if (random_() % 4 == 0) {
      index_.remove(id);
      model_.erase(id);
    } else {
      index_.upsert(random_document(id));
    }
    if (i % 100 == 0) check(random_query());
  }
  EXPECT_EQ(index_.size(), model_.size());
  for (int i = 0; i < 200; ++i) check(random_query());
}

}  // namespace
}  // namespace simpul::search
