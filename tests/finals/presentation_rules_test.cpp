// The presentations' pure rules: the default working days between two dates, times of day as
// typed and shown, the grid form's checks, the days the grid uses, which hand-made bookings survive
// a new run, and the interview score per finalist.
#include <gtest/gtest.h>

#include "finals/presentation_rules.hpp"

namespace simpul::finals {
namespace {

using competitions::LocalDate;
using view::Zone;

TEST(PresentationDays, WorkingDaysSkipWeekends) {
  // 4 July 2022 was a Monday; the KIPP 2022 presentations ran in the week of 4 July.
  EXPECT_EQ(weekday({2022, 7, 4}), 1);
  EXPECT_EQ(weekday({1970, 1, 1}), 4);
  EXPECT_EQ(weekday({2022, 7, 10}), 0);
  const auto days = working_days({2022, 7, 2}, {2022, 7, 12});
  const std::vector<LocalDate> expected = {{2022, 7, 4}, {2022, 7, 5},  {2022, 7, 6}, {2022, 7, 7},
                                           {2022, 7, 8}, {2022, 7, 11}, {2022, 7, 12}};
  EXPECT_EQ(days, expected);
}

TEST(PresentationDays, EdgesAndLimits) {
  EXPECT_TRUE(working_days({2022, 7, 9}, {2022, 7, 10}).empty()) << "a weekend alone";
  EXPECT_TRUE(working_days({2022, 7, 8}, {2022, 7, 4}).empty()) << "the end before the start";
  EXPECT_EQ(working_days({2022, 7, 4}, {2022, 7, 4}).size(), 1u) << "both ends included";
  EXPECT_EQ(working_days({2024, 2, 28}, {2024, 3, 1}).size(), 3u) << "across 29 February";
  EXPECT_EQ(working_days({2022, 1, 1}, {2022, 12, 31}).size(), kMaxPresentationDays);
  EXPECT_EQ(working_days({2022, 1, 1}, {2022, 12, 31}, 5).back(), (LocalDate{2022, 1, 7}));
}

TEST(PresentationClock, ParsesWhatFormsAndPeopleWrite) {
  EXPECT_EQ(parse_clock("08:00"), 480);
  EXPECT_EQ(parse_clock("8:05"), 485);
  EXPECT_EQ(parse_clock("13.30"), 810);
  EXPECT_EQ(parse_clock("16:00:00"), 960);
  EXPECT_EQ(parse_clock("24:00"), 1440);
  for (const char* bad :
       {"", "8", "08:0", "25:00", "24:01", "12:60", "ab:cd", "-1:00", "08:00:30", "123:00"})
    EXPECT_FALSE(parse_clock(bad)) << bad;
  EXPECT_EQ(clock_input(485), "08:05");
  EXPECT_EQ(clock_text(485, view::Lang::id), "08.05");
  EXPECT_EQ(clock_text(485, view::Lang::en), "08:05");
  // 15.40 WIB is 17.40 WIT: the same instant, two local times.
  const auto instant = competitions::instant_of({2022, 7, 4}, 15 * 60 + 40, Zone::wib);
  EXPECT_EQ(minutes_of_day(instant, Zone::wib), 15 * 60 + 40);
  EXPECT_EQ(minutes_of_day(instant, Zone::wit), 17 * 60 + 40);
}

TypedGrid kipp_2022() { return {"", "08:00", "16:00", "20", "0", "", ""}; }

TEST(PresentationGrid, TheDefaultsPass) {
  auto checked = check_grid(kipp_2022());
  EXPECT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.settings, GridSettings{});
  EXPECT_EQ(typed_from(checked.settings).from, "08:00");
}

TEST(PresentationGrid, DaysAreDatesOnceEach) {
  TypedGrid typed = kipp_2022();
  typed.days = "2022-07-05, 2022-07-04\n2022-07-06;";
  auto checked = check_grid(typed);
  ASSERT_TRUE(checked.errors.empty());
  const std::vector<LocalDate> sorted = {{2022, 7, 4}, {2022, 7, 5}, {2022, 7, 6}};
  EXPECT_EQ(checked.settings.days, sorted);
  EXPECT_EQ(days_text(sorted), "2022-07-04, 2022-07-05, 2022-07-06");

  typed.days = "2022-07-04, 4 Juli";
  EXPECT_EQ(check_grid(typed).errors.at("hari"), "presentation.error.day");
  typed.days = "2022-02-30";
  EXPECT_EQ(check_grid(typed).errors.at("hari"), "presentation.error.day");
  typed.days = "2022-07-04 2022-07-04";
  EXPECT_EQ(check_grid(typed).errors.at("hari"), "presentation.error.day_repeated");
}

TEST(PresentationGrid, BadTimesAndLengthsAreNamed) {
  TypedGrid typed = kipp_2022();
  typed.from = "16:00";
  typed.to = "08:00";
  EXPECT_EQ(check_grid(typed).errors.at("selesai"), "presentation.error.window");
  typed = kipp_2022();
  typed.from = "pagi";
  EXPECT_EQ(check_grid(typed).errors.at("mulai"), "presentation.error.time");
  typed = kipp_2022();
  typed.slot_minutes = "4";
  EXPECT_EQ(check_grid(typed).errors.at("durasi"), "presentation.error.slot_minutes");
  typed.slot_minutes = "20 menit";
  EXPECT_EQ(check_grid(typed).errors.at("durasi"), "presentation.error.slot_minutes");
  typed = kipp_2022();
  typed.break_minutes = "181";
  EXPECT_EQ(check_grid(typed).errors.at("jeda"), "presentation.error.break_minutes");
  typed.break_minutes = "";
  EXPECT_TRUE(check_grid(typed).errors.empty()) << "no break typed is no break";
  typed = kipp_2022();
  typed.to = "08:15";
  EXPECT_EQ(check_grid(typed).errors.at("durasi"), "presentation.error.no_slot");
}

TEST(PresentationGrid, LunchNeedsBothEnds) {
  TypedGrid typed = kipp_2022();
  typed.lunch_from = "12:00";
  EXPECT_EQ(check_grid(typed).errors.at("istirahat_selesai"), "presentation.error.lunch_pair");
  typed.lunch_to = "11:00";
  EXPECT_EQ(check_grid(typed).errors.at("istirahat_selesai"), "presentation.error.lunch_window");
  typed.lunch_to = "13:00";
  auto checked = check_grid(typed);
  ASSERT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.settings.lunch, (Window{720, 780}));
  EXPECT_EQ(typed_from(checked.settings).lunch_to, "13:00");
}

competitions::Setup setup_with_stage(std::optional<std::int64_t> starts,
                                     std::optional<std::int64_t> ends) {
  competitions::General general;
  general.zone = Zone::wita;
  auto setup = competitions::new_setup(general);
  for (auto& stage : setup.stages)
    if (stage.code == "presentation") stage = {"presentation", starts, ends};
  return setup;
}

TEST(PresentationGrid, DaysComeFromTheStageUnlessTyped) {
  // Friday 8 July 08.00 WITA to Tuesday 12 July 23.59 WITA: Friday, Monday and Tuesday.
  const auto setup = setup_with_stage(competitions::instant_of({2022, 7, 8}, 480, Zone::wita),
                                      competitions::instant_of({2022, 7, 12}, 1439, Zone::wita));
  GridSettings settings;
  const std::vector<LocalDate> stage_days = {{2022, 7, 8}, {2022, 7, 11}, {2022, 7, 12}};
  EXPECT_EQ(grid_days(settings, setup), stage_days);
  const Grid grid = grid_of(settings, setup);
  EXPECT_EQ(grid.zone, Zone::wita);
  EXPECT_EQ(slots(grid).size(), 3u * 24);
  settings.days = {{2022, 7, 20}};
  EXPECT_EQ(grid_days(settings, setup), settings.days);
  EXPECT_TRUE(grid_days({}, setup_with_stage(std::nullopt, std::nullopt)).empty());
}

ScheduleRequest two_panels() {
  ScheduleRequest request;
  request.grid.days = {{2022, 7, 4}};
  request.grid.day = {8 * 60, 9 * 60};  // three slots of 20 minutes
  request.panels = {{1, {10}}, {2, {20}}};
  request.finalists = {{100, Zone::wib, {}, {8 * 60, 17 * 60}},
                       {101, Zone::wib, {20}, {8 * 60, 17 * 60}},
                       {102, Zone::wib, {}, {8 * 60, 17 * 60}}};
  return request;
}

TEST(PresentationKept, HandMadeBookingsThatNoLongerFitAreDropped) {
  auto request = two_panels();
  const auto eight = competitions::instant_of({2022, 7, 4}, 480, Zone::wib);
  const Booking fits{100, 1, eight, eight + 1200};
  const Booking same_seat{102, 1, eight, eight + 1200};        // after `fits`, on its seat
  const Booking conflicted{101, 2, eight, eight + 1200};       // panelist 20 has a tie with it
  const Booking dissolved_panel{102, 3, eight, eight + 1200};  // panel 3 exists no more
  const Booking off_grid{102, 2, eight + 600, eight + 1800};   // the grid changed
  auto split = usable_kept(request, {fits, same_seat, conflicted, dissolved_panel, off_grid});
  EXPECT_EQ(split.kept, std::vector<Booking>{fits});
  EXPECT_EQ(split.dropped.size(), 4u);
  EXPECT_EQ(known_bookings(request, {fits, dissolved_panel}), std::vector<Booking>{fits});
}

TEST(PresentationInterview, MeansOfSubmittedTotals) {
  const std::vector<competitions::RubricAspect> rubric = {
      {"presentasi", "Presentasi", 30, 1, 10, ""}, {"substansi", "Substansi", 70, 1, 10, ""}};
  // 10 and 10: 100; 1 and 1: 0; 10 and 1: 30.
  const std::vector<judging::ScoreSheet> sheets = {
      {7, 1, {{"presentasi", 10}, {"substansi", 10}}},
      {7, 2, {{"presentasi", 1}, {"substansi", 1}}},
      {8, 1, {{"presentasi", 10}, {"substansi", 1}}},
      {8, 2, {{"presentasi", 10}}},  // made under another rubric: left out
  };
  const auto means = interview_means(rubric, sheets);
  ASSERT_EQ(means.size(), 2u);
  EXPECT_DOUBLE_EQ(means.at(7).mean, 50);
  EXPECT_EQ(means.at(7).sheets, 2);
  EXPECT_DOUBLE_EQ(means.at(8).mean, 30);
  EXPECT_EQ(means.at(8).sheets, 1);
  EXPECT_TRUE(interview_means({}, sheets).empty()) << "no rubric, no score";
}

TEST(PresentationCodes, EveryReasonHasAKey) {
  EXPECT_EQ(unplaced_code(UnplacedReason::conflicted_with_every_panel), "conflicted");
  EXPECT_EQ(unplaced_code(UnplacedReason::no_slot_in_hours), "hours");
  EXPECT_EQ(unplaced_code(UnplacedReason::outnumbered), "outnumbered");
  EXPECT_EQ(move_problem_code(MoveProblem::not_a_slot), "not_a_slot");
  EXPECT_EQ(move_problem_code(MoveProblem::slot_taken), "taken");
  EXPECT_EQ(move_problem_code(MoveProblem::conflict), "conflict");
  EXPECT_EQ(move_problem_code(MoveProblem::outside_hours), "hours");
}

}  // namespace
}  // namespace simpul::finals
