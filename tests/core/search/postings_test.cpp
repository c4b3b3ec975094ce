#include "core/search/postings.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace simpul::search::detail {
namespace {

struct Expected {
  Slot slot;
  std::uint32_t tf;
  std::vector<std::uint32_t> positions;
};

// A random list spanning many blocks, with gaps of every size and some large tf values.
std::vector<Expected> random_postings(std::mt19937& random, std::size_t count) {
  std::vector<Expected> postings;
  Slot slot = 0;
  for (std::size_t i = 0; i < count; ++i) {
    slot += 1 + random() % (i % 7 == 0 ? 100000 : 5);
    std::vector<std::uint32_t> positions;
    std::uint32_t position = random() % 1000;
    for (std::uint32_t p = 0, n = 1 + random() % 4; p < n; ++p) {
      positions.push_back(position += 1 + random() % 300);
    }
    postings.push_back(
        {slot, 1 + static_cast<std::uint32_t>(random() % 3 ? 0 : random() % 500), positions});
  }
  return postings;
}

PostingList list_of(const std::vector<Expected>& postings) {
  PostingList list;
  for (const Expected& posting : postings) list.append(posting.slot, posting.tf, posting.positions);
  return list;
}

TEST(PostingList, ReadsBackWhatWasAppended) {
  std::mt19937 random(7);
  const std::vector<Expected> postings = random_postings(random, 1000);
  const PostingList list = list_of(postings);
  EXPECT_EQ(list.size(), 1000u);
  PostingCursor cursor(list);
  for (const Expected& posting : postings) {
    ASSERT_EQ(cursor.slot(), posting.slot);
    EXPECT_EQ(cursor.weighted_tf(), posting.tf);
    const auto positions = cursor.positions();
    EXPECT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()), posting.positions);
    cursor.next();
  }
  EXPECT_EQ(cursor.slot(), kEndSlot);
  EXPECT_EQ(cursor.next(), kEndSlot);
}

TEST(PostingList, AdvancesToTheFirstSlotAtOrAfterTheTarget) {
  std::mt19937 random(11);
  const std::vector<Expected> postings = random_postings(random, 3000);
  const PostingList list = list_of(postings);
  for (int trial = 0; trial < 50; ++trial) {
    PostingCursor cursor(list);
    Slot target = 0;
    while (true) {
      target += 1 + random() % (trial % 2 ? 500 : 500000);
      const auto expected =
          std::lower_bound(postings.begin(), postings.end(), target,
                           [](const Expected& posting, Slot slot) { return posting.slot < slot; });
      const Slot slot = cursor.advance(target);
      if (expected == postings.end()) {
        EXPECT_EQ(slot, kEndSlot);
        break;
      }
      ASSERT_EQ(slot, expected->slot);
      EXPECT_EQ(cursor.weighted_tf(), expected->tf);
      if (trial % 3 == 0) {  // positions after skipping whole blocks and parts of one
        const auto positions = cursor.positions();
        EXPECT_EQ(std::vector<std::uint32_t>(positions.begin(), positions.end()),
                  expected->positions);
      }
    }
  }
}

TEST(PostingList, RenumbersTheKeptSlots) {
  PostingList list;
  const std::vector<std::uint32_t> positions = {3, 9};
  for (Slot slot = 0; slot < 300; ++slot) list.append(slot, slot % 5 + 1, positions);
  std::vector<Slot> new_slot(300, kEndSlot);
  Slot next = 0;
  for (Slot slot = 0; slot < 300; slot += 3) new_slot[slot] = next++;
  const PostingList kept = list.renumbered(new_slot);
  ASSERT_EQ(kept.size(), 100u);
  PostingCursor cursor(kept);
  for (Slot slot = 0; slot < 100; ++slot, cursor.next()) {
    ASSERT_EQ(cursor.slot(), slot);
    EXPECT_EQ(cursor.weighted_tf(), (slot * 3) % 5 + 1);
    EXPECT_EQ(cursor.positions().size(), 2u);
  }
  EXPECT_EQ(PostingCursor(PostingList().renumbered({})).slot(), kEndSlot);
}

}  // namespace
}  // namespace simpul::search::detail
