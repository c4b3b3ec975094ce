// The finals' timetable: the slot grid with its breaks and lunch, finalists kept within their
// hours in their own zone (WIT late in a WIB afternoon, WIB early in a WITA morning), conflicts
// keeping a finalist away from a panel, a panelist on two panels refused, the finalists left out
// named with why, a case greedy earliest-first gets wrong, kept bookings, manual moves, and on
// small random instances the count placed, the earliness and the choice of who is placed checked
// against every placement, enumerated by brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "finals/schedule.hpp"

namespace simpul::finals {
namespace {

using competitions::LocalDate;
using view::Zone;

constexpr LocalDate kMonday{2025, 8, 4};
constexpr LocalDate kTuesday{2025, 8, 5};

std::int64_t at(LocalDate date, int hour, int minute, Zone zone) {
  return competitions::instant_of(date, hour * 60 + minute, zone);
}

Grid one_day(int from_hour, int from_minute, int to_hour, int to_minute, Zone zone = Zone::wib) {
  Grid grid;
  grid.days = {kMonday};
  grid.zone = zone;
  grid.day = {from_hour * 60 + from_minute, to_hour * 60 + to_minute};
  return grid;
}

Panel panel(std::int64_t id, std::set<std::int64_t> panelists) {
  return {id, std::move(panelists)};
}

Finalist finalist(std::int64_t id, Zone zone = Zone::wib, std::set<std::int64_t> conflicts = {}) {
  Finalist result;
  result.id = id;
  result.zone = zone;
  result.conflicted_panelist_ids = std::move(conflicts);
  return result;
}

Booking booking(std::int64_t finalist_id, std::int64_t panel_id, std::int64_t starts_at,
                int minutes = 20) {
  return {finalist_id, panel_id, starts_at, starts_at + minutes * 60};
}

std::string what_of(auto&& call) {
  try {
    call();
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no exception)";
}

// Every booking on a slot, before no conflicted panelist, within the finalist's hours, one per
// seat and per finalist; every finalist booked or unplaced, once.
void expect_sound(const ScheduleRequest& request, const Schedule& result) {
  std::set<std::pair<std::int64_t, std::int64_t>> seats;
  std::set<std::int64_t> seen;
  for (const Booking& b : result.bookings) {
    EXPECT_TRUE(check_move(request, {}, b).allowed()) << b.finalist_id;
    EXPECT_TRUE(seats.insert({b.panel_id, b.starts_at}).second) << b.finalist_id;
    EXPECT_TRUE(seen.insert(b.finalist_id).second) << b.finalist_id;
  }
  for (const Unplaced& u : result.unplaced) EXPECT_TRUE(seen.insert(u.finalist_id).second);
  EXPECT_EQ(seen.size(), request.finalists.size());
  int total = 0;
  for (const PanelLoad& load : result.loads) total += load.finalists;
  EXPECT_EQ(total, static_cast<int>(result.bookings.size()));
}

std::map<std::int64_t, Booking> by_finalist(const Schedule& result) {
  std::map<std::int64_t, Booking> found;
  for (const Booking& b : result.bookings) found[b.finalist_id] = b;
  return found;
}

// ---- The grid ----

TEST(FinalsSlots, OneAfterAnotherWithBreaks) {
  Grid grid = one_day(8, 0, 9, 0);
  EXPECT_EQ(slots(grid),
            (std::vector<Slot>{{at(kMonday, 8, 0, Zone::wib), at(kMonday, 8, 20, Zone::wib)},
                               {at(kMonday, 8, 20, Zone::wib), at(kMonday, 8, 40, Zone::wib)},
                               {at(kMonday, 8, 40, Zone::wib), at(kMonday, 9, 0, Zone::wib)}}));
  // 08.00 WIB is 01.00 UTC.
  EXPECT_EQ(slots(grid).front().starts_at, competitions::days_from_civil(kMonday) * 86400 + 3600);
  grid.break_minutes = 10;  // 08.00-08.20, 08.30-08.50; 09.00 would end after the window
  EXPECT_EQ(slots(grid).size(), 2u);
  EXPECT_EQ(slots(grid)[1].starts_at, at(kMonday, 8, 30, Zone::wib));
}

TEST(FinalsSlots, NoneOverlapsLunchAndTheFirstAfterItStartsWhenItEnds) {
  Grid grid = one_day(11, 0, 14, 0);
  grid.break_minutes = 10;
  grid.lunch = Window{12 * 60, 13 * 60};
  std::vector<std::int64_t> starts;
  for (const Slot& slot : slots(grid)) starts.push_back(slot.starts_at);
  // 11.00, 11.30, (12.00 would overlap lunch), 13.00, 13.30; 14.00 ends after the window.
  EXPECT_EQ(starts, (std::vector<std::int64_t>{
                        at(kMonday, 11, 0, Zone::wib), at(kMonday, 11, 30, Zone::wib),
                        at(kMonday, 13, 0, Zone::wib), at(kMonday, 13, 30, Zone::wib)}));
  // A slot may end exactly when lunch starts: 11.20-11.40, 11.40-12.00, then 13.00.
  grid = one_day(11, 20, 13, 20);
  grid.lunch = Window{12 * 60, 13 * 60};
  ASSERT_EQ(slots(grid).size(), 3u);
  EXPECT_EQ(slots(grid)[1].ends_at, at(kMonday, 12, 0, Zone::wib));
  EXPECT_EQ(slots(grid)[2].starts_at, at(kMonday, 13, 0, Zone::wib));
}

TEST(FinalsSlots, DaysInAnyOrderInTheEditionsZone) {
  Grid grid = one_day(8, 0, 8, 40, Zone::wit);
  grid.days = {kTuesday, kMonday};
  const std::vector<Slot> all = slots(grid);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].starts_at, at(kMonday, 8, 0, Zone::wit));
  EXPECT_EQ(all[0].starts_at, at(kMonday, 6, 0, Zone::wib));
  EXPECT_EQ(all[2].starts_at, at(kTuesday, 8, 0, Zone::wit));
}

TEST(FinalsSlots, RefusesAMalformedGrid) {
  const Grid good = one_day(8, 0, 16, 0);
  auto refused = [](Grid grid) { return what_of([&] { slots(grid); }); };
  Grid grid = good;
  grid.days.clear();
  EXPECT_NE(refused(grid).find("no days"), std::string::npos);
  grid = good;
  grid.days = {kMonday, kTuesday, kMonday};
  EXPECT_NE(refused(grid).find("day 2025-8-4 is repeated"), std::string::npos);
  grid.days = {{2025, 2, 29}};
  EXPECT_NE(refused(grid).find("not in the calendar"), std::string::npos);
  grid = good;
  grid.slot_minutes = 4;
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid.slot_minutes = 181;
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid = good;
  grid.break_minutes = -1;
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid = good;
  grid.day = {16 * 60, 8 * 60};
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid.day = {8 * 60, 24 * 60 + 1};
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid = good;
  grid.lunch = Window{12 * 60, 12 * 60};
  EXPECT_THROW(slots(grid), std::invalid_argument);
  grid = one_day(8, 0, 8, 15);
  EXPECT_NE(refused(grid).find("holds no slot"), std::string::npos);
  grid = one_day(8, 0, 9, 0);
  grid.lunch = Window{8 * 60, 9 * 60};  // all the day is lunch
  EXPECT_THROW(slots(grid), std::invalid_argument);
}

// ---- Time zones ----

// 14.20-16.00 WIB: 14.20 and 14.40 end by 17.00 WIT; 15.00, 15.20 and 15.40 do not.
TEST(FinalsSchedule, AWitFinalistCannotTakeTheLastAfternoonSlotsInWib) {
  ScheduleRequest request{one_day(14, 20, 16, 0), {panel(1, {11})}, {finalist(7, Zone::wit)}, {}};
  EXPECT_EQ(move_options(request, {}, 7),
            (std::vector<Booking>{booking(7, 1, at(kMonday, 14, 20, Zone::wib)),
                                  booking(7, 1, at(kMonday, 14, 40, Zone::wib))}));
  const MoveCheck late = check_move(request, {}, booking(7, 1, at(kMonday, 15, 40, Zone::wib)));
  EXPECT_EQ(late.problems, std::vector<MoveProblem>{MoveProblem::outside_hours});
  // A WIB finalist may take it: 15.40-16.00 is within 08.00-17.00 WIB.
  request.finalists.push_back(finalist(8, Zone::wib));
  EXPECT_TRUE(check_move(request, {}, booking(8, 1, at(kMonday, 15, 40, Zone::wib))).allowed());

  // Three WIT finalists for the two slots they can take: one is left out, outnumbered.
  request.finalists = {finalist(1, Zone::wit), finalist(2, Zone::wit), finalist(3, Zone::wit)};
  const Schedule result = schedule(request);
  expect_sound(request, result);
  EXPECT_EQ(result.bookings, (std::vector<Booking>{booking(1, 1, at(kMonday, 14, 20, Zone::wib)),
                                                   booking(2, 1, at(kMonday, 14, 40, Zone::wib))}));
  ASSERT_EQ(result.unplaced.size(), 1u);
  EXPECT_EQ(result.unplaced[0].finalist_id, 3);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::outnumbered);
  EXPECT_EQ(result.unplaced[0].slots_in_hours, 2);
  EXPECT_EQ(result.unplaced[0].competing_ids, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(result.unplaced[0].competing_seats, 2);
}

// An edition in WITA from 08.00: 08.00, 08.20 and 08.40 WITA are before 08.00 WIB.
TEST(FinalsSchedule, AWibFinalistCannotTakeAnEarlyWitaSlot) {
  ScheduleRequest request{one_day(8, 0, 9, 20, Zone::wita),
                          {panel(1, {11})},
                          {finalist(1, Zone::wib), finalist(2, Zone::wita), finalist(3, Zone::wit)},
                          {}};
  const Schedule result = schedule(request);
  expect_sound(request, result);
  const auto booked = by_finalist(result);
  ASSERT_TRUE(result.complete());
  EXPECT_EQ(booked.at(1).starts_at, at(kMonday, 9, 0, Zone::wita));  // 08.00 WIB
  EXPECT_EQ(booked.at(1).starts_at, at(kMonday, 8, 0, Zone::wib));
  EXPECT_EQ(booked.at(2).starts_at, at(kMonday, 8, 0, Zone::wita));
  EXPECT_EQ(booked.at(3).starts_at, at(kMonday, 8, 20, Zone::wita));
  EXPECT_EQ(check_move(request, {}, booking(1, 1, at(kMonday, 8, 40, Zone::wita))).problems,
            std::vector<MoveProblem>{MoveProblem::outside_hours});

  // Two finalists from Java for the one slot after 08.00 WIB.
  request.finalists = {finalist(1, Zone::wib), finalist(2, Zone::wib), finalist(3, Zone::wita)};
  const Schedule crowded = schedule(request);
  ASSERT_EQ(crowded.unplaced.size(), 1u);
  EXPECT_EQ(crowded.unplaced[0].finalist_id, 2);
  EXPECT_EQ(crowded.unplaced[0].competing_ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(crowded.unplaced[0].competing_seats, 1);

  // Before 08.40 WITA no slot at all fits a finalist from Java.
  request.grid.day = {8 * 60, 8 * 60 + 40};
  request.finalists = {finalist(1, Zone::wib)};
  const Schedule none = schedule(request);
  ASSERT_EQ(none.unplaced.size(), 1u);
  EXPECT_EQ(none.unplaced[0].reason, UnplacedReason::no_slot_in_hours);
  EXPECT_EQ(none.unplaced[0].slots_in_hours, 0);
  EXPECT_EQ(none.unplaced[0].panels_free_of_conflict, 1);
}

TEST(FinalsSchedule, AFinalistsOwnHoursReplaceTheWorkingDay) {
  ScheduleRequest request{one_day(8, 0, 10, 0), {panel(1, {11})}, {finalist(1)}, {}};
  request.finalists[0].hours = {9 * 60 + 30, 10 * 60};  // it asked for after 09.30
  const Schedule result = schedule(request);
  ASSERT_EQ(result.bookings.size(), 1u);
  EXPECT_EQ(result.bookings[0].starts_at, at(kMonday, 9, 40, Zone::wib));
  request.finalists[0].hours = {10 * 60, 9 * 60};
  EXPECT_THROW(schedule(request), std::invalid_argument);
}

// ---- Panels and conflicts ----

TEST(FinalsSchedule, ConflictsKeepAFinalistAwayFromAPanel) {
  ScheduleRequest request{one_day(8, 0, 10, 0), {panel(1, {11, 12}), panel(2, {21, 22})}, {}, {}};
  for (int id = 1; id <= 8; ++id) request.finalists.push_back(finalist(id, Zone::wib, {12}));
  request.finalists.push_back(finalist(9, Zone::wib, {12, 21}));
  const Schedule result = schedule(request);
  expect_sound(request, result);
  for (const Booking& b : result.bookings) EXPECT_EQ(b.panel_id, 2) << b.finalist_id;
  EXPECT_EQ(result.bookings.size(), 6u);  // panel 2 has six slots from 08.00 to 10.00
  ASSERT_EQ(result.unplaced.size(), 3u);
  EXPECT_EQ(result.unplaced[0].finalist_id, 7);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::outnumbered);
  EXPECT_EQ(result.unplaced[0].panels_free_of_conflict, 1);
  EXPECT_EQ(result.unplaced[0].competing_seats, 6);
  EXPECT_EQ(result.unplaced[0].competing_ids, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(result.unplaced[2].finalist_id, 9);
  EXPECT_EQ(result.unplaced[2].reason, UnplacedReason::conflicted_with_every_panel);
  EXPECT_EQ(result.unplaced[2].panels_free_of_conflict, 0);
  EXPECT_TRUE(result.unplaced[2].competing_ids.empty());
  EXPECT_EQ(result.loads, (std::vector<PanelLoad>{{1, 0}, {2, 6}}));

  const MoveCheck moved =
      check_move(request, result.bookings, booking(9, 1, at(kMonday, 8, 0, Zone::wib)));
  EXPECT_EQ(moved.problems, std::vector<MoveProblem>{MoveProblem::conflict});
  EXPECT_EQ(moved.conflicted_panelist_ids, std::vector<std::int64_t>{12});
}

TEST(FinalsSchedule, APanelistOnTwoPanelsIsRefused) {
  ScheduleRequest request{
      one_day(8, 0, 10, 0), {panel(2, {21, 7}), panel(1, {11, 7})}, {finalist(1)}, {}};
  EXPECT_NE(what_of([&] { schedule(request); }).find("panelist 7 sits on panels 1 and 2"),
            std::string::npos);
  EXPECT_THROW(check_move(request, {}, booking(1, 1, at(kMonday, 8, 0, Zone::wib))),
               std::invalid_argument);
  request.panels = {panel(1, {11}), panel(2, {})};
  EXPECT_NE(what_of([&] { schedule(request); }).find("panel 2 has no panelists"),
            std::string::npos);
  request.panels = {panel(1, {11}), panel(1, {12})};
  EXPECT_NE(what_of([&] { schedule(request); }).find("repeated panel id 1"), std::string::npos);
  request.panels = {panel(1, {11})};
  request.finalists = {finalist(4), finalist(4)};
  EXPECT_NE(what_of([&] { schedule(request); }).find("repeated finalist id 4"), std::string::npos);
  request.finalists.clear();
  request.panels.clear();
  EXPECT_NE(what_of([&] { schedule(request); }).find("no panels"), std::string::npos);
}

TEST(FinalsSchedule, NamesEveryFinalistLeftOutWithWhy) {
  // One panel, 08.00-09.00 WIB: three slots.
  ScheduleRequest request{one_day(8, 0, 9, 0), {panel(1, {11})}, {}, {}};
  request.finalists = {finalist(10, Zone::wib, {11}),
                       finalist(20),
                       finalist(30),
                       finalist(40),
                       finalist(50),
                       finalist(60)};
  request.finalists[1].hours = {18 * 60, 20 * 60};  // 20 only in the evening
  const Schedule result = schedule(request);
  expect_sound(request, result);
  EXPECT_FALSE(result.complete());
  EXPECT_EQ(result.seats, 3);
  EXPECT_EQ(result.unplaced, (std::vector<Unplaced>{
                                 {10, UnplacedReason::conflicted_with_every_panel, 0, 3, {}, 0},
                                 {20, UnplacedReason::no_slot_in_hours, 1, 0, {}, 0},
                                 {60, UnplacedReason::outnumbered, 1, 3, {30, 40, 50, 60}, 3},
                             }));
  // Conflict comes first when both apply.
  request.finalists = {finalist(10, Zone::wib, {11})};
  request.finalists[0].hours = {18 * 60, 20 * 60};
  EXPECT_EQ(schedule(request).unplaced[0].reason, UnplacedReason::conflicted_with_every_panel);
}

// ---- The objective ----

// 14.40-15.20 WIB holds 14.40 (16.40-17.00 WIT) and 15.00 (17.00-17.20 WIT, too late). Greedy
// earliest-first by id gives 14.40 to finalist 1 and leaves the finalist from Papua out; the
// matching places both.
TEST(FinalsSchedule, PlacesMoreThanGreedyEarliestFirst) {
  const ScheduleRequest request{one_day(14, 40, 15, 20),
                                {panel(1, {11})},
                                {finalist(1, Zone::wib), finalist(2, Zone::wit)},
                                {}};
  std::vector<Booking> greedy;
  for (const Finalist& f : request.finalists) {
    const std::vector<Booking> options = move_options(request, greedy, f.id);
    if (!options.empty()) greedy.push_back(options.front());
  }
  EXPECT_EQ(greedy.size(), 1u);

  const Schedule result = schedule(request);
  expect_sound(request, result);
  EXPECT_TRUE(result.complete());
  EXPECT_EQ(result.bookings, (std::vector<Booking>{booking(2, 1, at(kMonday, 14, 40, Zone::wib)),
                                                   booking(1, 1, at(kMonday, 15, 0, Zone::wib))}));
}

// Five finalists on two panels, three slots: both panels at 08.00 and 08.20, the fifth at 08.40
// on panel 1 (equal loads, lower id); the loads are 3 and 2.
TEST(FinalsSchedule, FillsTheEarliestSlotsOnEveryPanel) {
  ScheduleRequest request{one_day(8, 0, 9, 0), {panel(1, {11}), panel(2, {21})}, {}, {}};
  for (int id = 1; id <= 5; ++id) request.finalists.push_back(finalist(id));
  const Schedule result = schedule(request);
  expect_sound(request, result);
  std::vector<std::pair<std::int64_t, std::int64_t>> seats;
  for (const Booking& b : result.bookings) seats.push_back({b.starts_at, b.panel_id});
  const std::int64_t eight = at(kMonday, 8, 0, Zone::wib);
  EXPECT_EQ(seats,
            (std::vector<std::pair<std::int64_t, std::int64_t>>{
                {eight, 1}, {eight, 2}, {eight + 1200, 1}, {eight + 1200, 2}, {eight + 2400, 1}}));
  EXPECT_EQ(result.loads, (std::vector<PanelLoad>{{1, 3}, {2, 2}}));
}

// Finalist 1 may only go to panel 1, finalist 2 only at 08.20. At 08.00 panel 1 takes finalist 1
// and panel 2 stays empty; at 08.20 panel 2, the less loaded, comes first and takes finalist 2,
// where panel order by id alone would have put it on panel 1 (loads 2 and 0).
TEST(FinalsSchedule, WithinASlotTheLessLoadedPanelComesFirst) {
  ScheduleRequest request{one_day(8, 0, 8, 40),
                          {panel(1, {11}), panel(2, {21})},
                          {finalist(1, Zone::wib, {21}), finalist(2)},
                          {}};
  request.finalists[1].hours = {8 * 60 + 20, 17 * 60};
  const Schedule result = schedule(request);
  expect_sound(request, result);
  EXPECT_EQ(result.bookings, (std::vector<Booking>{booking(1, 1, at(kMonday, 8, 0, Zone::wib)),
                                                   booking(2, 2, at(kMonday, 8, 20, Zone::wib))}));
  EXPECT_EQ(result.loads, (std::vector<PanelLoad>{{1, 1}, {2, 1}}));
}

TEST(FinalsSchedule, TheSameWhateverTheOrderOfTheLists) {
  std::mt19937 random(11);
  ScheduleRequest request;
  request.grid = one_day(8, 0, 12, 0);
  request.grid.days = {kMonday, kTuesday};
  request.grid.lunch = Window{10 * 60, 10 * 60 + 30};
  for (int p = 1; p <= 3; ++p) request.panels.push_back(panel(p, {10 * p + 1, 10 * p + 2}));
  const Zone zones[] = {Zone::wib, Zone::wita, Zone::wit};
  for (int id = 1; id <= 40; ++id) {
    Finalist f = finalist(100 + id, zones[random() % 3]);
    if (random() % 3 == 0) f.conflicted_panelist_ids.insert(10 * (1 + random() % 3) + 1);
    request.finalists.push_back(f);
  }
  const Schedule first = schedule(request);
  expect_sound(request, first);
  EXPECT_TRUE(first.complete());
  for (int round = 0; round < 5; ++round) {
    std::ranges::shuffle(request.finalists, random);
    std::ranges::shuffle(request.panels, random);
    std::ranges::shuffle(request.grid.days, random);
    EXPECT_EQ(schedule(request), first);
  }
}

// ---- Kept bookings and manual moves ----

TEST(FinalsSchedule, KeepsBookingsAndSchedulesAroundThem) {
  ScheduleRequest request{one_day(8, 0, 9, 0), {panel(1, {11}), panel(2, {21})}, {}, {}};
  for (int id = 1; id <= 4; ++id) request.finalists.push_back(finalist(id));
  const std::int64_t eight = at(kMonday, 8, 0, Zone::wib);
  request.kept = {booking(3, 2, eight + 2400)};  // moved by hand to 08.40 on panel 2
  const Schedule result = schedule(request);
  expect_sound(request, result);
  const auto booked = by_finalist(result);
  EXPECT_EQ(booked.at(3), booking(3, 2, eight + 2400));
  EXPECT_EQ(booked.at(1).starts_at, eight);
  EXPECT_EQ(booked.at(2).starts_at, eight);
  EXPECT_EQ(booked.at(4).starts_at, eight + 1200);
  // Panel 2 has the kept booking already, so at 08.20 panel 1 comes first.
  EXPECT_EQ(booked.at(4).panel_id, 1);
  EXPECT_EQ(result.loads, (std::vector<PanelLoad>{{1, 2}, {2, 2}}));

  request.kept = {booking(3, 2, eight + 600)};  // 08.10 is no slot
  EXPECT_NE(what_of([&] { schedule(request); }).find("finalist 3 is not a slot"),
            std::string::npos);
  request.kept = {booking(3, 2, eight), booking(4, 2, eight)};
  EXPECT_NE(what_of([&] { schedule(request); }).find("overlaps another kept booking"),
            std::string::npos);
  request.kept = {booking(3, 2, eight), booking(3, 1, eight)};
  EXPECT_NE(what_of([&] { schedule(request); }).find("is repeated"), std::string::npos);
  request.kept = {booking(99, 2, eight)};
  EXPECT_NE(what_of([&] { schedule(request); }).find("unknown finalist id 99"), std::string::npos);
  request.finalists[2].conflicted_panelist_ids = {21};
  request.kept = {booking(3, 2, eight)};
  EXPECT_NE(what_of([&] { schedule(request); }).find("in conflict"), std::string::npos);
}

TEST(FinalsMove, ChecksTheSlotTheHoursAndTheConflicts) {
  ScheduleRequest request{one_day(14, 0, 16, 0),
                          {panel(1, {11}), panel(2, {21, 22})},
                          {finalist(1), finalist(2, Zone::wit, {22}), finalist(3)},
                          {}};
  const std::int64_t two = at(kMonday, 14, 0, Zone::wib);
  const std::vector<Booking> current = {booking(1, 1, two), booking(2, 1, two + 1200),
                                        booking(3, 2, two)};
  EXPECT_TRUE(check_move(request, current, booking(1, 1, two + 2400)).allowed());
  EXPECT_TRUE(check_move(request, current, booking(1, 1, two)).allowed());  // where it is
  const MoveCheck taken = check_move(request, current, booking(1, 1, two + 1200));
  EXPECT_EQ(taken.problems, std::vector<MoveProblem>{MoveProblem::slot_taken});
  EXPECT_EQ(taken.taken_by, 2);
  // Every problem at once: 15.50 is no slot, overlaps nothing on panel 2 (15.40-16.00 is free),
  // panelist 22 is in conflict and 15.50 WIB is 17.50 WIT.
  const MoveCheck wrong = check_move(request, current, booking(2, 2, two + 6600));
  EXPECT_EQ(wrong.problems,
            (std::vector<MoveProblem>{MoveProblem::not_a_slot, MoveProblem::conflict,
                                      MoveProblem::outside_hours}));
  EXPECT_EQ(wrong.conflicted_panelist_ids, std::vector<std::int64_t>{22});
  // A slot overlapped by a booking off the grid (kept from an older grid) is taken too.
  EXPECT_EQ(check_move(request, {booking(3, 1, two + 600)}, booking(1, 1, two)).taken_by, 3);
  EXPECT_THROW(check_move(request, current, booking(9, 1, two)), std::invalid_argument);
  EXPECT_THROW(check_move(request, current, booking(1, 9, two)), std::invalid_argument);
  EXPECT_THROW(check_move(request, {booking(9, 1, two)}, booking(1, 1, two)),
               std::invalid_argument);

  // Finalist 2 (WIT, not panel 2) may go where nothing is booked on panel 1 and ends by 17.00 WIT.
  EXPECT_EQ(move_options(request, current, 2),
            (std::vector<Booking>{booking(2, 1, two + 1200), booking(2, 1, two + 2400)}));
}

// ---- Random small instances against every placement ----

struct Enumerated {
  int most = 0;                         // finalists placed, at most
  std::vector<int> earliest;            // by slot: most bookings starting by it, any placement
  std::vector<std::int64_t> first_ids;  // lexicographically first sorted ids of a maximum placement
};

// Every placement of the free finalists on the free seats, counted.
Enumerated enumerate(const ScheduleRequest& request, const std::vector<Slot>& grid) {
  std::vector<const Finalist*> free_finalists;
  std::set<std::int64_t> kept_finalists;
  for (const Booking& b : request.kept) kept_finalists.insert(b.finalist_id);
  for (const Finalist& f : request.finalists)
    if (!kept_finalists.contains(f.id)) free_finalists.push_back(&f);
  std::ranges::sort(free_finalists, {}, &Finalist::id);
  struct Seat {
    std::size_t slot;
    Booking booking;
  };
  std::vector<std::vector<Seat>> options(free_finalists.size());
  for (std::size_t i = 0; i < free_finalists.size(); ++i) {
    for (std::size_t s = 0; s < grid.size(); ++s) {
      for (const Panel& p : request.panels) {
        const Booking b{free_finalists[i]->id, p.id, grid[s].starts_at, grid[s].ends_at};
        if (check_move(request, request.kept, b).allowed()) options[i].push_back({s, b});
      }
    }
  }
  Enumerated result;
  result.earliest.assign(grid.size(), 0);
  std::set<std::pair<std::int64_t, std::int64_t>> used;
  std::vector<std::int64_t> ids;
  std::vector<int> starting(grid.size(), 0);
  auto visit = [&](auto&& self, std::size_t i) -> void {
    if (i == free_finalists.size()) {
      int by = 0;
      for (std::size_t s = 0; s < grid.size(); ++s) {
        by += starting[s];
        result.earliest[s] = std::max(result.earliest[s], by);
      }
      const int placed = static_cast<int>(ids.size());
      if (placed > result.most || (placed == result.most && ids < result.first_ids)) {
        result.most = placed;
        result.first_ids = ids;
      }
      return;
    }
    self(self, i + 1);
    for (const Seat& seat : options[i]) {
      if (!used.insert({seat.booking.panel_id, seat.booking.starts_at}).second) continue;
      ids.push_back(free_finalists[i]->id);
      ++starting[seat.slot];
      self(self, i + 1);
      --starting[seat.slot];
      ids.pop_back();
      used.erase({seat.booking.panel_id, seat.booking.starts_at});
    }
  };
  visit(visit, 0);
  return result;
}

ScheduleRequest random_request(std::mt19937& random) {
  const Zone zones[] = {Zone::wib, Zone::wita, Zone::wit};
  ScheduleRequest request;
  request.grid.zone = zones[random() % 3];
  request.grid.days = {kMonday};
  if (random() % 3 == 0) request.grid.days.push_back(kTuesday);
  const int panels = 1 + static_cast<int>(random() % 2);
  const int max_slots_per_day = 8 / panels / static_cast<int>(request.grid.days.size());
  const int per_day = 1 + static_cast<int>(random() % max_slots_per_day);
  const int starts[] = {6 * 60, 7 * 60 + 20, 8 * 60, 14 * 60, 15 * 60};
  const int start = starts[random() % 5];
  request.grid.day = {start, start + per_day * 20};
  for (int p = 1; p <= panels; ++p) request.panels.push_back(panel(p, {10 * p + 1, 10 * p + 2}));
  std::vector<std::int64_t> ids = {3, 5, 8, 13, 21, 34, 55};
  std::ranges::shuffle(ids, random);
  const int count = 1 + static_cast<int>(random() % 6);
  const Window hours[] = {
      {8 * 60, 17 * 60}, {8 * 60, 17 * 60}, {9 * 60, 15 * 60}, {15 * 60, 17 * 60}};
  for (int i = 0; i < count; ++i) {
    Finalist f = finalist(ids[i], zones[random() % 3]);
    f.hours = hours[random() % 4];
    for (int p = 1; p <= panels; ++p)
      if (random() % 4 == 0) f.conflicted_panelist_ids.insert(10 * p + 1 + random() % 2);
    request.finalists.push_back(f);
  }
  if (random() % 3 == 0) {  // keep one booking, if the first finalist has a seat
    const auto options = move_options(request, {}, request.finalists[0].id);
    if (!options.empty()) request.kept.push_back(options[random() % options.size()]);
  }
  return request;
}

TEST(FinalsSchedule, MatchesBruteForceOnSmallInstances) {
  std::mt19937 random(2025);
  int outnumbered = 0;
  for (int round = 0; round < 300; ++round) {
    const ScheduleRequest request = random_request(random);
    const std::vector<Slot> grid = slots(request.grid);
    const Enumerated best = enumerate(request, grid);
    const Schedule result = schedule(request);
    SCOPED_TRACE("round " + std::to_string(round));
    expect_sound(request, result);
    for (const Booking& b : request.kept)
      EXPECT_TRUE(std::ranges::find(result.bookings, b) != result.bookings.end());

    std::vector<std::int64_t> placed;
    std::vector<int> by(grid.size(), 0);
    for (const Booking& b : result.bookings) {
      if (std::ranges::find(request.kept, b) != request.kept.end()) continue;
      placed.push_back(b.finalist_id);
      const auto slot = std::ranges::lower_bound(grid, Slot{b.starts_at, b.ends_at});
      for (auto s = slot - grid.begin(); s < static_cast<long>(grid.size()); ++s) ++by[s];
    }
    std::ranges::sort(placed);
    EXPECT_EQ(static_cast<int>(placed.size()), best.most);  // rule 1
    EXPECT_EQ(by, best.earliest);                           // rule 2
    EXPECT_EQ(placed, best.first_ids);                      // rule 3

    // Every outnumbered finalist's witnesses can use only competing_seats free seats between
    // them, one fewer than they are.
    for (const Unplaced& u : result.unplaced) {
      if (u.reason != UnplacedReason::outnumbered) continue;
      ++outnumbered;
      EXPECT_EQ(u.competing_seats + 1, static_cast<int>(u.competing_ids.size()));
      std::set<std::pair<std::int64_t, std::int64_t>> seats;
      for (std::int64_t id : u.competing_ids)
        for (const Booking& b : move_options(request, request.kept, id))
          seats.insert({b.panel_id, b.starts_at});
      EXPECT_EQ(static_cast<int>(seats.size()), u.competing_seats);
    }
  }
  EXPECT_GT(outnumbered, 20);  // the instances are tight enough to test the explanation
}

// The size of a national final: 130 finalists from every zone, five panels of three, 13 days of
// 24 slots; a third of the finalists in conflict with one panelist. Everyone fits, early.
TEST(FinalsSchedule, ANationalFinalFitsInTime) {
  std::mt19937 random(99);
  ScheduleRequest request;
  request.grid.day = {8 * 60, 16 * 60};
  for (int d = 0; d < 13; ++d)
    request.grid.days.push_back(
        competitions::civil_from_days(competitions::days_from_civil(kMonday) + d));
  for (int p = 1; p <= 5; ++p)
    request.panels.push_back(panel(p, {10 * p + 1, 10 * p + 2, 10 * p + 3}));
  const Zone zones[] = {Zone::wib, Zone::wib, Zone::wita, Zone::wit};
  for (int id = 1; id <= 130; ++id) {
    Finalist f = finalist(id, zones[random() % 4]);
    if (random() % 3 == 0)
      f.conflicted_panelist_ids.insert(11 + 10 * (random() % 5) + random() % 3);
    request.finalists.push_back(f);
  }
  const auto start = std::chrono::steady_clock::now();
  const Schedule result = schedule(request);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  expect_sound(request, result);
  EXPECT_TRUE(result.complete());
  EXPECT_EQ(result.seats, 5 * 13 * 24);
  // 26 slots of five panels hold 130: the first day and two slots of the second.
  EXPECT_LE(result.bookings.back().starts_at, at(kTuesday, 8, 20, Zone::wib));
  for (const PanelLoad& load : result.loads) EXPECT_EQ(load.finalists, 26);
  RecordProperty(
      "milliseconds",
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
}

}  // namespace
}  // namespace simpul::finals
