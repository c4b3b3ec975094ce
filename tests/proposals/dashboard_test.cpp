// The edition dashboard's pure helpers: adding the grouped counts up, local days as the SQL groups
// them, the registration range, the per-day series with its gaps filled, and the bar widths.
#include <gtest/gtest.h>

#include "competitions/calendar.hpp"
#include "proposals/dashboard.hpp"

namespace simpul::proposals {
namespace {

using competitions::LocalDate;

std::int64_t day_of(LocalDate date) { return competitions::days_from_civil(date); }

TEST(DashboardSummary, AddsTalliesUpPerPlaceStatusAndDimension) {
  std::vector<Tally> tallies = {
      {"draft", "umum", "", "kota", "35", 4},
      {"returned", "umum", "pelayanan", "kota", "35", 1},
      {"at_admin", "replikasi", "pelayanan", "kabupaten", "35", 2},
      {"submitted", "umum", "tata_kelola", "kementerian", "", 3},
      {"passed", "umum", "pelayanan", "kota", "52", 5},
      {"failed", "khusus", "pelayanan", "kota", "52", 1},
      {"withdrawn", "umum", "pelayanan", "kota", "35", 2},
  };
  Summary summary = summarise(tallies);
  EXPECT_EQ(summary.total, 18);
  EXPECT_EQ(summary.by_place[static_cast<int>(Place::unit)], 5);
  EXPECT_EQ(summary.by_place[static_cast<int>(Place::admin)], 2);
  EXPECT_EQ(summary.by_place[static_cast<int>(Place::organiser)], 9);
  EXPECT_EQ(summary.by_place[static_cast<int>(Place::withdrawn)], 2);
  EXPECT_EQ(summary.by_status[Status::passed], 5);
  // Withdrawn proposals count in the places and statuses, never in the dimensions.
  EXPECT_EQ(summary.by_group["umum"], (Count{13, 8}));
  EXPECT_EQ(summary.by_group["khusus"], (Count{1, 1}));
  EXPECT_EQ(summary.by_category[""], (Count{4, 0}));
  EXPECT_EQ(summary.by_cluster["kota"], (Count{11, 6}));
  EXPECT_EQ(summary.by_province["35"], (Count{7, 0}));
  EXPECT_EQ(summary.by_province[""], (Count{3, 3}));
}

TEST(DashboardSummary, IgnoresAnUnknownStatus) {
  Summary summary = summarise({{"lost", "umum", "", "kota", "35", 7}});
  EXPECT_EQ(summary.total, 0);
  EXPECT_TRUE(summary.by_group.empty());
}

TEST(DashboardDays, LocalDayIsTheDateInTheZone) {
  // 16 April 2022 23.30 WIB is 16.30 UTC; in WITA it is already the 17th.
  const auto instant = competitions::instant_of({2022, 4, 16}, 23 * 60 + 30, view::Zone::wib);
  EXPECT_EQ(local_day(instant, view::Zone::wib), day_of({2022, 4, 16}));
  EXPECT_EQ(local_day(instant, view::Zone::wita), day_of({2022, 4, 17}));
  for (auto zone : {view::Zone::wib, view::Zone::wita, view::Zone::wit}) {
    for (std::int64_t t : {instant, instant + 1800, std::int64_t{0}, std::int64_t{-1}}) {
      EXPECT_EQ(local_day(t, zone), day_of(competitions::local_date(t, zone)));
    }
  }
}

TEST(DashboardDays, RangeRunsFromTheOpeningToTodayOrTheClose) {
  const std::int64_t opens = 100, closes = 130;
  // During registration: up to today.
  auto range = series_range(opens, closes, 102, 110);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, 100);
  EXPECT_EQ(range->last, 110);
  EXPECT_FALSE(range->shortened);
  // After the close: up to the close.
  EXPECT_EQ(series_range(opens, closes, 102, 400)->last, 130);
  // A proposal before the opening (seeded data) moves the start back.
  EXPECT_EQ(series_range(opens, closes, 95, 110)->first, 95);
  // No opening set: from the first proposal; nothing at all: no range.
  EXPECT_EQ(series_range(std::nullopt, closes, 120, 125)->first, 120);
  EXPECT_FALSE(series_range(std::nullopt, closes, std::nullopt, 125));
  // Before the opening, no day to show.
  EXPECT_FALSE(series_range(opens, closes, std::nullopt, 99));
  // No close set: up to today.
  EXPECT_EQ(series_range(opens, std::nullopt, std::nullopt, 150)->last, 150);
}

TEST(DashboardDays, ALongRegistrationKeepsItsLatestDays) {
  auto range = series_range(0, 1000, std::nullopt, 500);
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->shortened);
  EXPECT_EQ(range->last, 500);
  EXPECT_EQ(range->last - range->first + 1, kMaxDays);
}

TEST(DashboardDays, SeriesFillsGapsAndRunsTheTotalFromEarlierDays) {
  DailyCounts counts;
  counts.started = {{9, 1}, {10, 3}, {13, 2}};
  counts.submitted = {{8, 2}, {11, 1}, {13, 4}, {20, 9}};
  auto rows = daily_series({10, 14, true}, counts);
  std::vector<DayRow> expected = {
      {10, 3, 0, 2}, {11, 0, 1, 3}, {12, 0, 0, 3}, {13, 2, 4, 7}, {14, 0, 0, 7}};
  EXPECT_EQ(rows, expected);
}

TEST(DashboardBars, WidthIsAShareOfTheLargestInFivePercentSteps) {
  EXPECT_EQ(bar_percent(0, 10), 0);
  EXPECT_EQ(bar_percent(5, 0), 0);
  EXPECT_EQ(bar_percent(10, 10), 100);
  EXPECT_EQ(bar_percent(5, 10), 50);
  EXPECT_EQ(bar_percent(37, 100), 35);
  EXPECT_EQ(bar_percent(38, 100), 40);
  // A count above zero stays visible.
  EXPECT_EQ(bar_percent(1, 3500), 5);
  for (std::int64_t n = 0; n <= 200; ++n) EXPECT_EQ(bar_percent(n, 200) % 5, 0);
}

}  // namespace
}  // namespace simpul::proposals
