#pragma once
// The edition dashboard (GET /kompetisi/{id}/dasbor) for whoever manages the edition: where the
// proposals are (the three SINOVIK counts and the withdrawn), the screening's results, counts per
// status, group, category, cluster and province, and registration day by day in the edition's
// zone. Tables with CSS-only bars, no script. The pure helpers below are unit-tested.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/view/format.hpp"
#include "kernel/context.hpp"
#include "proposals/dashboard_store.hpp"
#include "proposals/model.hpp"

namespace simpul::proposals {

http::Response dashboard(kernel::Context& context);

// Proposals still in the competition (all but the withdrawn), and how many of them are submitted.
struct Count {
  std::int64_t active = 0;
  std::int64_t submitted = 0;
  bool operator==(const Count&) const = default;
};

// The tallies added up per place, status and dimension.
struct Summary {
  std::array<std::int64_t, 4> by_place{};  // indexed by Place
  std::map<Status, std::int64_t> by_status;
  std::map<std::string, Count> by_group, by_category, by_cluster, by_province;
  std::int64_t total = 0;  // withdrawn included
};
Summary summarise(const std::vector<Tally>& tallies);

// Days since 1970-01-01 in the zone, as edition_rows() computes them in SQL.
std::int64_t local_day(std::int64_t utc_seconds, view::Zone zone);

// At most this many days are listed (the latest ones), so the page stays small.
inline constexpr std::int64_t kMaxDays = 120;

struct DayRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
  bool shortened = false;  // days before first are left out (kMaxDays)
};
// From the registration opening, or the first proposal when it is earlier or no opening is set,
// to today or the registration close, whichever comes first. nullopt when that leaves no day.
std::optional<DayRange> series_range(std::optional<std::int64_t> opens_day,
                                     std::optional<std::int64_t> closes_day,
                                     std::optional<std::int64_t> first_proposal_day,
                                     std::int64_t today);

struct DayRow {
  std::int64_t day = 0;
  std::int64_t started = 0;
  std::int64_t submitted = 0;
  std::int64_t submitted_so_far = 0;  // running total, days before the range included
  bool operator==(const DayRow&) const = default;
};
// One row per day of the range, days without proposals included.
std::vector<DayRow> daily_series(const DayRange& range, const DailyCounts& counts);

// A bar's width in percent of the largest value, in 5% steps (the CSS has a class per step);
// never 0 for a count above 0, so a small count stays visible.
int bar_percent(std::int64_t count, std::int64_t largest);

}  // namespace simpul::proposals
