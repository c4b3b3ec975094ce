// Benchmark of the finals' timetable (src/finals/schedule), at the size of a national final: 130
// finalists, 5 panels of 3 panelists, 13 days of 24 slots (08.00-16.00 WIB, 20 minutes each), in
// well under a second. Deterministic (fixed seed).
//
//   schedule_bench [finalists] [panels] [days] [seed]      (defaults: 130 5 13 1)
//
// The instance: finalists' agencies spread over the zones as KIPP's Top 99 usually are (about 60%
// WIB, 28% WITA, 12% WIT); a third of the finalists are in conflict with one panelist and one in
// twenty with a second (an academic of their province, a former adviser); one in ten asks for
// hours of its own (mornings only, or afternoons only, in its zone).
//
// It times, over 5 runs, the schedule itself, then the same with one day only (the finalists no
// longer fit, so the ones left out are explained), and move_options for one finalist against the
// full schedule (what a manual-move page asks).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "finals/schedule.hpp"

namespace {

using namespace simpul::finals;
using simpul::view::Zone;
using Clock = std::chrono::steady_clock;

ScheduleRequest make_request(int finalists, int panels, int days, std::mt19937_64& random) {
  ScheduleRequest request;
  request.grid.day = {8 * 60, 16 * 60};
  const std::int64_t first = simpul::competitions::days_from_civil({2026, 9, 7});
  for (int d = 0; d < days; ++d)
    request.grid.days.push_back(simpul::competitions::civil_from_days(first + d));
  for (int p = 1; p <= panels; ++p)
    request.panels.push_back({p, {100 * p + 1, 100 * p + 2, 100 * p + 3}});
  std::discrete_distribution<int> zone({60, 28, 12});
  std::uniform_int_distribution<int> panel(1, panels), seat(1, 3), percent(0, 99);
  for (int id = 1; id <= finalists; ++id) {
    Finalist finalist;
    finalist.id = id;
    finalist.zone = static_cast<Zone>(zone(random));
    if (percent(random) < 33)
      finalist.conflicted_panelist_ids.insert(100 * panel(random) + seat(random));
    if (percent(random) < 5)
      finalist.conflicted_panelist_ids.insert(100 * panel(random) + seat(random));
    const int own_hours = percent(random);
    if (own_hours < 5)
      finalist.hours = {8 * 60, 12 * 60};
    else if (own_hours < 10)
      finalist.hours = {13 * 60, 17 * 60};
    request.finalists.push_back(finalist);
  }
  return request;
}

template <class Call>
std::pair<double, double> time_runs(Call&& call) {
  std::vector<double> ms;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    call();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::ranges::sort(ms);
  return {ms.front(), ms[ms.size() / 2]};
}

void report(const char* name, const ScheduleRequest& request) {
  Schedule result;
  const auto [best, median] = time_runs([&] { result = schedule(request); });
  std::printf("%s: %zu finalists, %zu panels, %d seats\n", name, request.finalists.size(),
              request.panels.size(), result.seats);
  std::printf("  schedule: best %.2f ms, median %.2f ms\n", best, median);
  std::printf("  placed %zu, left out %zu", result.bookings.size(), result.unplaced.size());
  for (const Unplaced& u : result.unplaced) {
    if (u.reason == UnplacedReason::outnumbered) {
      std::printf(" (e.g. %lld: %zu finalists for %d seats)", static_cast<long long>(u.finalist_id),
                  u.competing_ids.size(), u.competing_seats);
      break;
    }
  }
  std::printf("\n  loads:");
  for (const PanelLoad& load : result.loads) std::printf(" %d", load.finalists);
  if (!result.bookings.empty()) {
    const std::int64_t first = result.bookings.front().starts_at;
    const std::int64_t last = result.bookings.back().ends_at;
    std::printf("; first start to last end: %.1f hours", (last - first) / 3600.0);
  }
  std::printf("\n");
  if (name[0] == 'n') {
    const std::int64_t who = request.finalists.back().id;
    std::size_t options = 0;
    const auto [move_best, move_median] =
        time_runs([&] { options = move_options(request, result.bookings, who).size(); });
    std::printf("  move_options for one finalist: %zu seats, best %.2f ms, median %.2f ms\n",
                options, move_best, move_median);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int finalists = argc > 1 ? std::atoi(argv[1]) : 130;
  const int panels = argc > 2 ? std::atoi(argv[2]) : 5;
  const int days = argc > 3 ? std::atoi(argv[3]) : 13;
  const unsigned seed = argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 1;
  std::mt19937_64 random(seed);
  ScheduleRequest request = make_request(finalists, panels, days, random);
  report("national final", request);
  request.grid.days.resize(1);
  report("one day only", request);
  return 0;
}
