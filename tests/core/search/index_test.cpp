#include "core/search/index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/search/support.hpp"

namespace simpul::search {
namespace {

using testing::ids_of;
using testing::make_document;
using testing::text_query;
using Ids = std::vector<std::uint32_t>;

Schema no_facets() { return Schema{{}, 1}; }

class CatalogueSearch : public ::testing::Test {
 protected:
  CatalogueSearch() : index_(no_facets()) {
    index_.rebuild({
        make_document(1,
                      "Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan "
                      "Perbatasan",
                      "Petugas datang ke kampung untuk mencatat kelahiran."),
        make_document(2, "Pelayanan Kesehatan Keliling",
                      "Puskesmas keliling melayani warga desa terpencil dengan cepat."),
        make_document(3, "Perizinan Online Terpadu",
                      "Pelayanan perizinan yang cepat dan mudah melalui aplikasi."),
        make_document(4, "Sipelandukilat", "Sistem pelayanan kependudukan kilat di kecamatan."),
        make_document(5, "KITA BISA", "Gerakan bersama membersihkan sungai."),
        make_document(6, "Desa Wisata Pelayanan", "Kesehatan lingkungan desa wisata."),
    });
  }

  Ids ids(std::string text) const { return ids_of(index_.search(text_query(std::move(text)))); }
  std::vector<std::uint32_t> sorted_ids(std::string text) const {
    Ids found = ids(std::move(text));
    std::sort(found.begin(), found.end());
    return found;
  }

  Index index_;
};

TEST_F(CatalogueSearch, FindsATitleByItsStemmedWords) {
  EXPECT_EQ(ids("pelayanan kependudukan perbatasan"), (Ids{1}));
  EXPECT_EQ(ids("PERBATASAN"), (Ids{1}));
  EXPECT_EQ(ids("batas"), (Ids{1}));  // same stem
}

TEST_F(CatalogueSearch, RequiresEveryWord) {
  EXPECT_EQ(sorted_ids("pelayanan kesehatan"), (Ids{2, 6}));
  EXPECT_EQ(sorted_ids("pelayanan cepat"), (Ids{2, 3}));
  EXPECT_TRUE(ids("pelayanan tidakadakatainidimanapun").empty());
}

TEST_F(CatalogueSearch, IgnoresStopwordsWhenRanking) {
  const Result with = index_.search(text_query("pelayanan yang cepat"));
  const Result without = index_.search(text_query("pelayanan cepat"));
  ASSERT_EQ(ids_of(with), ids_of(without));
  ASSERT_EQ(with.hits.size(), 2u);
  for (std::size_t i = 0; i < with.hits.size(); ++i) {
    EXPECT_DOUBLE_EQ(with.hits[i].score, without.hits[i].score);
  }
}

TEST_F(CatalogueSearch, MatchesPhrasesInOrderOnly) {
  EXPECT_EQ(ids("\"pelayanan kependudukan\""), (Ids{4}));  // not 1: a word between
  EXPECT_TRUE(ids("\"kependudukan pelayanan\"").empty());
  EXPECT_EQ(ids("\"pelayanan perizinan yang cepat\""), (Ids{3}));  // stopwords hold a place
  EXPECT_TRUE(ids("\"perizinan cepat\"").empty());
  EXPECT_EQ(ids("\"desa wisata\" kesehatan"), (Ids{6}));
}

TEST_F(CatalogueSearch, PhrasesDoNotSpanFields) {
  // Document 6: the title ends with "Pelayanan", the body starts with "Kesehatan".
  EXPECT_EQ(ids("\"pelayanan kesehatan\""), (Ids{2}));
}

TEST_F(CatalogueSearch, ExpandsPrefixesOverTheWordsAsWritten) {
  EXPECT_EQ(sorted_ids("kependu*"), (Ids{1, 4}));
  EXPECT_EQ(sorted_ids("sipeland*"), (Ids{4}));
  EXPECT_EQ(sorted_ids("kependu* kilat"), (Ids{4}));
  EXPECT_TRUE(ids("zzq*").empty());
}

TEST_F(CatalogueSearch, ExcludesWords) {
  EXPECT_EQ(sorted_ids("pelayanan -kesehatan"), (Ids{1, 3, 4}));
  EXPECT_EQ(sorted_ids("pelayanan -kependu*"), (Ids{2, 3, 6}));
  EXPECT_EQ(index_.search(text_query("-pelayanan")).total, 1u);  // browse minus: only 5
}

TEST_F(CatalogueSearch, KeepsAcronymsAndNamesSearchable) {
  EXPECT_EQ(ids("Sipelandukilat"), (Ids{4}));
  EXPECT_EQ(ids("sipelandukilat kecamatan"), (Ids{4}));
}

TEST_F(CatalogueSearch, SearchesTitleStopwordsWhenTheQueryHasNothingElse) {
  EXPECT_EQ(ids("kita bisa"), (Ids{5}));
  EXPECT_EQ(ids("\"kita bisa\""), (Ids{5}));
  EXPECT_TRUE(ids("dengan").empty());  // a body stopword is not indexed
  EXPECT_EQ(index_.search(text_query("kita bisa")).highlight_terms,
            (std::vector<std::string>{"kita", "bisa"}));
}

TEST_F(CatalogueSearch, ReportsHighlightTerms) {
  EXPECT_EQ(
      index_.search(text_query("Pelayanan yang \"desa wisata\" kependu* -sungai")).highlight_terms,
      (std::vector<std::string>{"layan", "desa", "wisata", "kependu*"}));
}

TEST_F(CatalogueSearch, RunsQueriesWithSyntaxErrors) {
  const Result result = index_.search(text_query("\"pelayanan kependudukan"));
  EXPECT_EQ(result.syntax_error, "search.unbalanced_quote");
  EXPECT_EQ(ids_of(result), ids("pelayanan kependudukan"));
  EXPECT_EQ(index_.search(text_query("k* sipelandukilat")).syntax_error, "search.bad_prefix");
  EXPECT_EQ(index_.search(text_query("\xFF\xFE\xC3")).total, 6u);  // no words: everything
}

TEST(Bm25, ScoresAWorkedExample) {
  Index index(no_facets());
  // Every document weighs 3 title words x 3 + 3 body words x 1 = 12: the average.
  index.rebuild({make_document(1, "Bank Sampah Digital", "warga menabung plastik"),
                 make_document(2, "Desa Wisata Mandiri", "warga mengelola sampah"),
                 make_document(3, "Kebun Sayur Warga", "warga menanam sayur")});
  const Result result = index.search(text_query("sampah"));
  ASSERT_EQ(ids_of(result), (Ids{1, 2}));  // the title weighs more than the body
  // idf = ln(1 + (N - df + 0.5) / (df + 0.5)); norm = k1 (1 - b + b * 12 / 12) = 1.2.
  const double idf = std::log(1 + (3 - 2 + 0.5) / (2 + 0.5));
  EXPECT_NEAR(result.hits[0].score, idf * 3 * 2.2 / (3 + 1.2), 1e-9);
  EXPECT_NEAR(result.hits[1].score, idf * 1 * 2.2 / (1 + 1.2), 1e-9);
}

TEST(Bm25, PrefersShorterDocumentsForTheSameTf) {
  Index index(no_facets());
  index.rebuild({make_document(1, "Irigasi", "sawah petani panen pupuk benih traktor air hujan"),
                 make_document(2, "Irigasi", "sawah petani")});
  EXPECT_EQ(ids_of(index.search(text_query("irigasi"))), (Ids{2, 1}));
}

TEST(Sorting, BrowsesByTheFirstSortKeyThenIdDescending) {
  Index index(Schema{{}, 2});
  index.rebuild({make_document(1, "Inovasi Satu", "", {}, {2020, 5}),
                 make_document(2, "Inovasi Dua", "", {}, {2023, 1}),
                 make_document(3, "Inovasi Tiga", "", {}, {2020, 9}),
                 make_document(4, "Lain", "", {}, {2021, 7})});
  EXPECT_EQ(ids_of(index.search(Query{})), (Ids{2, 4, 3, 1}));
  Query by_replications = text_query("inovasi");
  by_replications.sort_key = 1;
  EXPECT_EQ(ids_of(index.search(by_replications)), (Ids{3, 1, 2}));
}

TEST(Sorting, BreaksScoreTiesByIdDescending) {
  Index index(no_facets());
  index.rebuild({make_document(10, "Posyandu"), make_document(30, "Posyandu"),
                 make_document(20, "Posyandu")});
  EXPECT_EQ(ids_of(index.search(text_query("posyandu"))), (Ids{30, 20, 10}));
}

TEST(Pagination, PagesJoinIntoTheWholeList) {
  Index index(Schema{{}, 1});
  std::vector<Document> documents;
  for (std::uint32_t id = 1; id <= 30; ++id) {
    documents.push_back(
        make_document(id, "Inovasi daerah", std::string(id % 4, 'x') + " desa", {}, {id * 7 % 11}));
  }
  index.rebuild(documents);
  Query all = text_query("inovasi");
  all.limit = 30;
  const Ids whole = ids_of(index.search(all));
  ASSERT_EQ(whole.size(), 30u);
  Ids joined;
  for (std::uint32_t offset = 0; offset < 35; offset += 7) {
    Query page = text_query("inovasi");
    page.offset = offset;
    page.limit = 7;
    const Result result = index.search(page);
    EXPECT_EQ(result.total, 30u);
    for (const Hit& hit : result.hits) joined.push_back(hit.id);
  }
  EXPECT_EQ(joined, whole);
  Query none = text_query("inovasi");
  none.limit = 0;
  EXPECT_TRUE(index.search(none).hits.empty());
  EXPECT_EQ(index.search(none).total, 30u);
}

TEST(Filters, FilterSingleAndMultiValuedFacets) {
  Index index(Schema{{{"province", false, 4}, {"sdgs", true, 8}}, 0});
  index.rebuild({make_document(1, "Inovasi", "", {0, 0b0001}),
                 make_document(2, "Inovasi", "", {2, 0b1000}),
                 make_document(3, "Inovasi", "", {2, 0b0110}),
                 make_document(4, "Inovasi", "", {kNoValue, 0b1010}),
                 make_document(5, "Inovasi", "", {3, 0})});
  Query by_province = text_query("inovasi");
  by_province.filters = {1 << 2, 0};
  EXPECT_EQ(ids_of(index.search(by_province)), (Ids{3, 2}));
  Query by_goals = text_query("inovasi");
  by_goals.filters = {0, 0b1100};
  EXPECT_EQ(ids_of(index.search(by_goals)), (Ids{4, 3, 2}));
  Query both = text_query("inovasi");
  both.filters = {1 << 2 | 1 << 0, 0b0010};
  const Result result = index.search(both);
  EXPECT_EQ(ids_of(result), (Ids{3}));
  // Province counts ignore the province filter; goal counts ignore the goal filter.
  EXPECT_EQ(result.facet_counts[0], (std::vector<std::uint32_t>{0, 0, 1, 0}));
  EXPECT_EQ(result.facet_counts[1], (std::vector<std::uint32_t>{1, 1, 1, 1, 0, 0, 0, 0}));
}

TEST(Similar, FindsTopicalNeighboursButNotItself) {
  Index index(no_facets());
  index.rebuild({
      make_document(1, "Posyandu Balita Sehat", "gizi balita imunisasi ibu hamil posyandu"),
      make_document(2, "Gizi Ibu Hamil", "pemeriksaan ibu hamil gizi bidan puskesmas"),
      make_document(3, "Imunisasi Keliling", "imunisasi balita posyandu bidan desa"),
      make_document(4, "Pupuk Organik Petani", "petani sawah pupuk kompos panen padi"),
      make_document(5, "Irigasi Sawah", "sawah irigasi petani panen air"),
      make_document(6, "Sekolah Ramah Anak", "guru murid sekolah belajar kelas"),
      make_document(7, "Perpustakaan Keliling", "buku murid membaca sekolah guru"),
  });
  const Ids neighbours = ids_of(index.similar(1, 2));
  ASSERT_EQ(neighbours.size(), 2u);
  EXPECT_EQ((std::set<std::uint32_t>(neighbours.begin(), neighbours.end())),
            (std::set<std::uint32_t>{2, 3}));
  const Ids of_farming = ids_of(index.similar(4, 10));
  ASSERT_FALSE(of_farming.empty());
  EXPECT_EQ(of_farming[0], 5u);
  EXPECT_EQ(std::count(of_farming.begin(), of_farming.end(), 4u), 0);
  EXPECT_TRUE(index.similar(99, 5).empty());
}

TEST(Rebuild, ReplacesTheContentsAndKeepsTheLastOfDuplicates) {
  Index index(no_facets());
  index.rebuild({make_document(1, "Bank Sampah")});
  index.rebuild({make_document(2, "Desa Wisata"), make_document(3, "Bank Sampah"),
                 make_document(2, "Kebun Sayur")});
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(ids_of(index.search(text_query("sampah"))), (Ids{3}));
  EXPECT_TRUE(ids_of(index.search(text_query("wisata"))).empty());
  EXPECT_EQ(ids_of(index.search(text_query("sayur"))), (Ids{2}));
}

TEST(Rebuild, LoadsFromAStream) {
  Index index(no_facets());
  std::uint32_t next_id = 0;
  index.rebuild([&](Document& document) {
    if (next_id == 1000) return false;
    ++next_id;
    document = make_document(next_id, next_id % 2 ? "Bank Sampah" : "Desa Wisata");
    return true;
  });
  EXPECT_EQ(index.size(), 1000u);
  EXPECT_EQ(index.search(text_query("sampah")).total, 500u);
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(EmptyIndex, AnswersWithNothing) {
  Index index(Schema{{{"province", false, 3}}, 1});
  const Result result = index.search(text_query("pelayanan"));
  EXPECT_EQ(result.total, 0u);
  ASSERT_EQ(result.facet_counts.size(), 1u);
  EXPECT_EQ(result.facet_counts[0], (std::vector<std::uint32_t>{0, 0, 0}));
  EXPECT_EQ(index.search(Query{}).total, 0u);
}

TEST(Schema, RejectsFacetsOfMoreThan64Values) {
  EXPECT_THROW(Index(Schema{{{"regency", false, 548}}, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace simpul::search

namespace simpul::search {
namespace {

// Equal relevance goes to the document with the higher tie key (a real record before a sample
// one in the catalogue), whatever the ids; without a tie key, to the higher id.
TEST(TieKey, BreaksTiesOfRelevanceBeforeTheId) {
  Schema schema;
  schema.sort_keys = 2;
  schema.tie_key = 1;
  Index index(schema);
  index.rebuild(
      {testing::make_document(1, "layanan akta keliling", "", {}, {100, 1}),
       testing::make_document(2, "layanan akta keliling", "", {}, {200, 0}),
       testing::make_document(3, "layanan akta keliling", "", {}, {300, 1}),
       testing::make_document(4, "layanan akta keliling lagi dan lagi", "", {}, {400, 1})});
  auto ranked = testing::ids_of(index.search(testing::text_query("akta")));
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0], 4u) << "more relevant, whatever its tie key";
  EXPECT_EQ(ranked[1], 3u) << "tie key 1, higher id";
  EXPECT_EQ(ranked[2], 1u) << "tie key 1 before the sample's 0 at the same score";
  EXPECT_EQ(ranked[3], 2u);

  schema.tie_key = -1;
  Index plain(schema);
  plain.rebuild({testing::make_document(1, "layanan akta keliling", "", {}, {0, 1}),
                 testing::make_document(2, "layanan akta keliling", "", {}, {0, 0}),
                 testing::make_document(3, "layanan akta keliling", "", {}, {0, 1})});
  EXPECT_EQ(testing::ids_of(plain.search(testing::text_query("akta"))), (Ids{3, 2, 1}));
}

}  // namespace
}  // namespace simpul::search
