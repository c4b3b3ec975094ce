#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/search/index.hpp"
#include "core/search/support.hpp"

namespace simpul::search {
namespace {

using testing::ids_of;
using testing::make_document;
using testing::text_query;
using Ids = std::vector<std::uint32_t>;

const Schema kUpdatesSchema{{{"province", false, 4}}, 1};

std::uint64_t total(const Index& index, std::string text) {
  return index.search(text_query(std::move(text))).total;
}

TEST(Upsert, AddsAndReplaces) {
  Index index(kUpdatesSchema);
  index.upsert(make_document(7, "Bank Sampah", "warga menabung", {1}));
  EXPECT_EQ(ids_of(index.search(text_query("sampah"))), (Ids{7}));
  index.upsert(make_document(7, "Desa Wisata", "warga berwisata", {2}));
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(total(index, "sampah"), 0u);
  EXPECT_EQ(ids_of(index.search(text_query("wisata"))), (Ids{7}));
  Query by_old_province = text_query("warga");
  by_old_province.filters = {1 << 1};
  EXPECT_EQ(index.search(by_old_province).total, 0u);
  EXPECT_EQ(index.search(text_query("warga")).facet_counts[0],
            (std::vector<std::uint32_t>{0, 0, 1, 0}));
}

TEST(Upsert, AddsToARebuiltIndex) {
  Index index(kUpdatesSchema);
  index.rebuild({make_document(1, "Bank Sampah"), make_document(2, "Desa Wisata")});
  index.upsert(make_document(3, "Bank Darah"));
  index.upsert(make_document(1, "Bank Benih"));
  EXPECT_EQ(ids_of(index.search(text_query("bank"))), (Ids{3, 1}));
  EXPECT_EQ(total(index, "sampah"), 0u);
  EXPECT_EQ(ids_of(index.search(text_query("ben*"))), (Ids{1}));
}

TEST(Remove, ForgetsTheDocument) {
  Index index(kUpdatesSchema);
  index.rebuild({make_document(1, "Bank Sampah"), make_document(2, "Bank Darah")});
  index.remove(1);
  index.remove(99);  // unknown: nothing happens
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(ids_of(index.search(text_query("bank"))), (Ids{2}));
  EXPECT_EQ(total(index, "sampah"), 0u);
  EXPECT_EQ(total(index, "sam*"), 0u);
  EXPECT_TRUE(index.similar(1, 5).empty());
  EXPECT_EQ(index.search(Query{}).total, 1u);
}

// Every round rewrites every document with words of its own; the index must show only the
// latest round and stay about the same size (compaction reclaims the dead versions).
TEST(Upsert, LeavesNoStaleHitsAndBoundedMemoryAfterManyRounds) {
  Index index(kUpdatesSchema);
  const std::vector<std::string> rounds = {"alfa", "bravo", "charlie", "delta", "gema"};
  std::size_t memory_after_first_round = 0;
  std::size_t largest_memory = 0;
  for (int round = 0; round < 100; ++round) {
    const std::string word = rounds[round % rounds.size()] + std::to_string(round % 7);
    for (std::uint32_t id = 1; id <= 40; ++id) {
      index.upsert(make_document(id, "Inovasi " + word, "putaran " + word, {id % 4}, {round}));
    }
    if (round == 0) memory_after_first_round = index.memory_bytes();
    largest_memory = std::max(largest_memory, index.memory_bytes());
    ASSERT_EQ(index.size(), 40u);
    ASSERT_EQ(total(index, word), 40u);
    ASSERT_EQ(total(index, "inovasi"), 40u);
    if (round > 0) {
      const std::string previous =
          rounds[(round - 1) % rounds.size()] + std::to_string((round - 1) % 7);
      ASSERT_EQ(total(index, previous), 0u) << previous;
    }
  }
  // At most 64 dead versions beside the 40 live ones, and the dictionary of a few words.
  EXPECT_LT(largest_memory, memory_after_first_round * 4);
}

// Readers check invariants that hold whatever the writer is doing: each document is always
// there exactly once, in its old or its new version.
TEST(Concurrency, SearchesStayConsistentDuringUpserts) {
  Index index(kUpdatesSchema);
  constexpr std::uint32_t kDocuments = 200;
  std::vector<Document> documents;
  for (std::uint32_t id = 1; id <= kDocuments; ++id) {
    documents.push_back(make_document(id, "Inovasi genap", "daerah", {id % 4}));
  }
  index.rebuild(documents);
  std::atomic<bool> writing = true;
  std::atomic<int> failures = 0;
  std::vector<std::thread> readers;
  for (int reader = 0; reader < 3; ++reader) {
    readers.emplace_back([&] {
      do {
        const Result all = index.search(text_query("inovasi"));
        std::uint64_t by_province = 0;
        for (const std::uint32_t count : all.facet_counts[0]) by_province += count;
        const std::uint64_t even = total(index, "genap");
        const std::uint64_t odd = total(index, "ganjil");
        if (all.total != kDocuments || by_province != kDocuments || even > kDocuments ||
            odd > kDocuments || index.similar(1 + failures % kDocuments, 3).size() > 3) {
          ++failures;
        }
      } while (writing);
    });
  }
  for (int round = 0; round < 6; ++round) {
    for (std::uint32_t id = 1; id <= kDocuments; ++id) {
      index.upsert(make_document(id, round % 2 ? "Inovasi genap" : "Inovasi ganjil", "daerah",
                                 {(id + round) % 4}));
    }
  }
  writing = false;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(total(index, "genap"), kDocuments);
  EXPECT_EQ(total(index, "ganjil"), 0u);
}

}  // namespace
}  // namespace simpul::search
