// The readable differences between versions.
#include <gtest/gtest.h>

#include "innovations/diff.hpp"

namespace simpul::innovations {
namespace {

using Kind = Segment::Kind;

std::string render(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& segment : segments) {
    if (segment.kind == Kind::same) out += segment.text;
    if (segment.kind == Kind::added) out += "[+" + segment.text + "]";
    if (segment.kind == Kind::removed) out += "[-" + segment.text + "]";
  }
  return out;
}

// Joining the old side (same + removed) and the new side (same + added) gives the texts back.
void expect_sides(const std::vector<Segment>& segments, const std::string& before,
                  const std::string& after) {
  std::string old_side, new_side;
  for (const auto& segment : segments) {
    if (segment.kind != Kind::added) old_side += segment.text;
    if (segment.kind != Kind::removed) new_side += segment.text;
  }
  EXPECT_EQ(old_side, before);
  EXPECT_EQ(new_side, after);
}

TEST(DiffWords, IdenticalTextsAreOneSameSegment) {
  auto segments = diff_words("jemput bola ke perbatasan", "jemput bola ke perbatasan");
  EXPECT_EQ(segments, (std::vector<Segment>{{Kind::same, "jemput bola ke perbatasan"}}));
  EXPECT_TRUE(diff_words("", "").empty());
}

TEST(DiffWords, MarksChangedWordsOnly) {
  std::string before = "Tim keliling menerbitkan KTP-el di Nunukan.";
  std::string after = "Tim keliling menerbitkan KTP-el dan KK di Nunukan dan Malinau.";
  auto segments = diff_words(before, after);
  EXPECT_EQ(render(segments),
            "Tim keliling menerbitkan KTP-el [+dan KK ]di [-Nunukan.][+Nunukan dan Malinau.]");
  expect_sides(segments, before, after);
}

TEST(DiffWords, ChangesSeparatedOnlyBySpacesReadAsOne) {
  auto segments =
      diff_words("Tim jemput bola. Petugas datang.", "Grup WhatsApp ibu hamil. Petugas datang.");
  EXPECT_EQ(render(segments), "[-Tim jemput bola.][+Grup WhatsApp ibu hamil.] Petugas datang.");
}

TEST(DiffWords, WholeReplacementAndEmptySides) {
  EXPECT_EQ(render(diff_words("", "baru")), "[+baru]");
  EXPECT_EQ(render(diff_words("lama", "")), "[-lama]");
  EXPECT_EQ(render(diff_words("satu", "dua")), "[-satu][+dua]");
}

TEST(DiffWords, KeepsLineBreaksAndMarkupAsText) {
  std::string before = "Baris <b>satu</b>\nbaris dua";
  std::string after = "Baris <b>satu</b>\nbaris <script>dua</script>";
  auto segments = diff_words(before, after);
  expect_sides(segments, before, after);
  EXPECT_EQ(segments.back().kind, Kind::added);
  EXPECT_EQ(segments.back().text, "<script>dua</script>");
}

TEST(DiffWords, LongRewritesFallBackToRemoveAndAdd) {
  std::string before, after;
  for (int i = 0; i < 50; ++i) {
    before += "lama" + std::to_string(i) + " ";
    after += "baru" + std::to_string(i) + " ";
  }
  auto bounded = diff_words("awal " + before + "akhir", "awal " + after + "akhir", 10);
  ASSERT_EQ(bounded.size(), 4u);
  EXPECT_EQ(bounded[0].text, "awal ");
  EXPECT_EQ(bounded[1].kind, Kind::removed);
  EXPECT_EQ(bounded[2].kind, Kind::added);
  EXPECT_EQ(bounded[3].text, " akhir");
  expect_sides(diff_words(before, after), before, after);
}

TEST(DiffWords, ManyScatteredEditsStayMinimal) {
  std::string before, after;
  for (int i = 0; i < 400; ++i) {
    before += "kata" + std::to_string(i) + " ";
    after += (i % 40 == 0 ? "ganti" : "kata") + std::to_string(i) + " ";
  }
  auto segments = diff_words(before, after);
  expect_sides(segments, before, after);
  int removed = 0;
  for (const auto& segment : segments) removed += segment.kind == Kind::removed;
  EXPECT_EQ(removed, 10);
}

TEST(DiffLists, ItemsAddedAndRemovedInOrder) {
  auto change = diff_lists({"Pendidikan", "Kesehatan", "Sosial"}, {"Kesehatan", "Pangan"});
  EXPECT_EQ(change.removed, (std::vector<std::string>{"Pendidikan", "Sosial"}));
  EXPECT_EQ(change.added, (std::vector<std::string>{"Pangan"}));
  EXPECT_TRUE(diff_lists({"a"}, {"a"}).empty());
}

}  // namespace
}  // namespace simpul::innovations
