// Declared ties and the look-back on worked dates.
#include <gtest/gtest.h>

#include "judging/conflicts.hpp"

namespace simpul::judging {
namespace {

using competitions::LocalDate;

TEST(JudgingConflicts, ATieCountsWhileItLastsAndThreeYearsAfter) {
  const LocalDate today{2026, 11, 22};
  EXPECT_TRUE(still_counts(std::nullopt, today)) << "ongoing";
  EXPECT_TRUE(still_counts(LocalDate{2027, 1, 31}, today)) << "ends later";
  EXPECT_TRUE(still_counts(LocalDate{2024, 6, 30}, today));
  EXPECT_TRUE(still_counts(LocalDate{2023, 11, 22}, today)) << "the last day it counts";
  EXPECT_FALSE(still_counts(LocalDate{2023, 11, 21}, today));
  EXPECT_FALSE(still_counts(LocalDate{2023, 11, 22}, LocalDate{2026, 11, 23}));
  // Ended on a leap day: three years later is 28 February.
  EXPECT_TRUE(still_counts(LocalDate{2024, 2, 29}, LocalDate{2027, 2, 28}));
  EXPECT_FALSE(still_counts(LocalDate{2024, 2, 29}, LocalDate{2027, 3, 1}));
}

TEST(JudgingConflicts, KindsAreAFixedList) {
  for (auto kind : kConflictKinds) EXPECT_TRUE(is_conflict_kind(kind));
  EXPECT_FALSE(is_conflict_kind("friend"));
  EXPECT_FALSE(is_conflict_kind(""));
}

}  // namespace
}  // namespace simpul::judging
