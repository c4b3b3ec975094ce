#include "proposals/dashboard.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "competitions/calendar.hpp"
#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"

namespace simpul::proposals {
namespace {

using kernel::Context;
using kernel::Json;

constexpr std::int64_t kSecondsPerDay = 86400;

// The order a proposal goes through its states, rather than the order of the codes.
constexpr Status kStatusOrder[] = {Status::draft,     Status::returned, Status::at_admin,
                                   Status::submitted, Status::passed,   Status::failed,
                                   Status::withdrawn};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::string number(const Context& context, std::int64_t n) {
  return view::format_integer(n, context.lang());
}

void add(Count& count, Status status, std::int64_t n) {
  if (status == Status::withdrawn) return;
  count.active += n;
  if (place_of(status) == Place::organiser) count.submitted += n;
}

// --- The view model ----------------------------------------------------------------------------

Json figure(const Context& context, const char* key, std::int64_t n) {
  return {{"label", context.t(key)}, {"count", number(context, n)}};
}

Json places_json(const Context& context, const Summary& summary) {
  auto at = [&](Place place) { return summary.by_place[static_cast<int>(place)]; };
  return Json::array({figure(context, "dashboard.place.unit", at(Place::unit)),
                      figure(context, "dashboard.place.admin", at(Place::admin)),
                      figure(context, "dashboard.place.organiser", at(Place::organiser)),
                      figure(context, "dashboard.place.withdrawn", at(Place::withdrawn))});
}

Json dashboard_screening_json(const Context& context, const Summary& summary) {
  auto of = [&](Status status) {
    auto it = summary.by_status.find(status);
    return it == summary.by_status.end() ? std::int64_t{0} : it->second;
  };
  return Json::array({figure(context, "dashboard.screening.passed", of(Status::passed)),
                      figure(context, "dashboard.screening.failed", of(Status::failed)),
                      figure(context, "dashboard.screening.pending", of(Status::submitted))});
}

// A row of a breakdown table before formatting.
struct Line {
  std::string label;
  Count count;
};

Json rows_json(const Context& context, const std::vector<Line>& lines) {
  std::int64_t largest = 0;
  for (const Line& line : lines) largest = std::max(largest, line.count.active);
  Json rows = Json::array();
  for (const Line& line : lines) {
    rows.push_back({{"label", line.label},
                    {"count", number(context, line.count.active)},
                    {"submitted", number(context, line.count.submitted)},
                    {"bar", bar_percent(line.count.active, largest)}});
  }
  return rows;
}

Json table_json(const Context& context, std::string_view id, bool with_submitted,
                const std::vector<Line>& lines) {
  const std::string key = "dashboard." + std::string(id);
  return {{"id", "dasbor-" + std::string(id)},      {"heading", context.t(key + ".heading")},
          {"caption", context.t(key + ".caption")}, {"column", context.t(key + ".column")},
          {"with_submitted", with_submitted},       {"rows", rows_json(context, lines)}};
}

using Labeller = std::function<std::string(const std::string& code)>;

// The edition's own codes in their order, those without proposals included, then any other code
// that still has proposals (one the organiser removed from the set-up after they started).
std::vector<Line> known_first(const std::vector<std::pair<std::string, std::string>>& known,
                              const std::map<std::string, Count>& counts,
                              const Labeller& label_of) {
  std::vector<Line> lines;
  for (const auto& [code, label] : known) {
    auto it = counts.find(code);
    lines.push_back({label, it == counts.end() ? Count{} : it->second});
  }
  for (const auto& [code, count] : counts) {
    bool listed = std::any_of(known.begin(), known.end(),
                              [&](const auto& pair) { return pair.first == code; });
    if (!listed && count.active > 0) lines.push_back({label_of(code), count});
  }
  return lines;
}

std::vector<Line> status_lines(const Context& context, const Summary& summary) {
  std::vector<Line> lines;
  for (Status status : kStatusOrder) {
    auto it = summary.by_status.find(status);
    std::int64_t n = it == summary.by_status.end() ? 0 : it->second;
    lines.push_back(
        {context.t("proposal.status." + std::string(status_code(status))), Count{n, 0}});
  }
  return lines;
}

std::vector<Line> group_lines(const Context& context, const competitions::Setup& setup,
                              const Summary& summary) {
  Labeller label_of = [&](const std::string& code) {
    return competitions::label(context, "group", code);
  };
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& group : setup.groups) {
    if (group.enabled) known.emplace_back(group.code, label_of(group.code));
  }
  return known_first(known, summary.by_group, label_of);
}

std::vector<Line> category_lines(const Context& context, const competitions::Setup& setup,
                                 const Summary& summary) {
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& category : setup.categories) known.emplace_back(category.code, category.name);
  return known_first(known, summary.by_category, [&](const std::string& code) {
    return code.empty() ? context.t("dashboard.category.none") : code;
  });
}

std::vector<Line> cluster_lines(const Context& context, const competitions::Setup& setup,
                                const Summary& summary) {
  Labeller label_of = [&](const std::string& code) {
    return competitions::label(context, "cluster", code);
  };
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& code : setup.clusters) known.emplace_back(code, label_of(code));
  return known_first(known, summary.by_cluster, label_of);
}

// Every province with proposals, the most first.
std::vector<Line> province_lines(const Context& context, const Summary& summary,
                                 const std::map<std::string, std::string>& names) {
  std::vector<Line> lines;
  for (const auto& [code, count] : summary.by_province) {
    if (count.active == 0) continue;
    auto it = names.find(code);
    std::string name = it != names.end() ? it->second
                       : code.empty()    ? context.t("dashboard.province.none")
                                         : code;
    lines.push_back({std::move(name), count});
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.count.active != b.count.active ? a.count.active > b.count.active : a.label < b.label;
  });
  return lines;
}

struct Readings {
  std::vector<Tally> tallies;
  std::map<std::string, std::string> province_names;
  DailyCounts daily;
};

Json breakdowns_json(const Context& context, const competitions::Setup& setup,
                     const Summary& summary, const Readings& readings) {
  Json tables = Json::array();
  tables.push_back(table_json(context, "status", false, status_lines(context, summary)));
  tables.push_back(table_json(context, "group", true, group_lines(context, setup, summary)));
  // An edition without categories has nothing to break down.
  if (!setup.categories.empty()) {
    tables.push_back(
        table_json(context, "category", true, category_lines(context, setup, summary)));
  }
  tables.push_back(table_json(context, "cluster", true, cluster_lines(context, setup, summary)));
  tables.push_back(table_json(context, "province", true,
                              province_lines(context, summary, readings.province_names)));
  return tables;
}

std::string day_text(const Context& context, std::int64_t day, view::Zone zone) {
  auto midnight = competitions::instant_of(competitions::civil_from_days(day), 0, zone);
  return competitions::date_text(context, midnight, zone);
}

Json days_json(const Context& context, const competitions::Setup& setup, const DailyCounts& daily,
               std::int64_t now) {
  const view::Zone zone = setup.general.zone;
  auto day_of = [&](const std::optional<std::int64_t>& utc) -> std::optional<std::int64_t> {
    return utc ? std::optional(local_day(*utc, zone)) : std::nullopt;
  };
  // Without a proposal, a past registration would be a table of zeros.
  if (daily.started.empty()) return {{"has_rows", false}};
  const competitions::Stage* registration =
      competitions::find_stage(setup, competitions::kRegistration);
  auto range = series_range(day_of(registration ? registration->starts_at : std::nullopt),
                            day_of(competitions::registration_close(setup)),
                            daily.started.begin()->first, local_day(now, zone));
  if (!range) return {{"has_rows", false}};
  auto series = daily_series(*range, daily);
  const std::int64_t largest = series.empty() ? 0 : series.back().submitted_so_far;
  Json rows = Json::array();
  for (const DayRow& row : series) {
    rows.push_back({{"date", day_text(context, row.day, zone)},
                    {"started", number(context, row.started)},
                    {"submitted", number(context, row.submitted)},
                    {"so_far", number(context, row.submitted_so_far)},
                    {"bar", bar_percent(row.submitted_so_far, largest)}});
  }
  Json json = {{"has_rows", true},
               {"caption", context.t("dashboard.days.caption",
                                     {{"zone", std::string(view::zone_name(zone))}})},
               {"rows", std::move(rows)}};
  if (range->shortened) {
    json["shortened"] = context.t("dashboard.days.shortened", {{"n", number(context, kMaxDays)}});
  }
  return json;
}

}  // namespace

// --- Pure helpers ------------------------------------------------------------------------------

Summary summarise(const std::vector<Tally>& tallies) {
  Summary summary;
  for (const Tally& tally : tallies) {
    auto status = parse_status(tally.status);
    if (!status) continue;  // the table's CHECK allows no other
    summary.total += tally.count;
    summary.by_place[static_cast<int>(place_of(*status))] += tally.count;
    summary.by_status[*status] += tally.count;
    add(summary.by_group[tally.group_code], *status, tally.count);
    add(summary.by_category[tally.category_code], *status, tally.count);
    add(summary.by_cluster[tally.cluster], *status, tally.count);
    add(summary.by_province[tally.province_code], *status, tally.count);
  }
  return summary;
}

std::int64_t local_day(std::int64_t utc_seconds, view::Zone zone) {
  return floor_div(utc_seconds + view::zone_offset_seconds(zone), kSecondsPerDay);
}

std::optional<DayRange> series_range(std::optional<std::int64_t> opens_day,
                                     std::optional<std::int64_t> closes_day,
                                     std::optional<std::int64_t> first_proposal_day,
                                     std::int64_t today) {
  std::optional<std::int64_t> first = opens_day;
  if (first_proposal_day && (!first || *first_proposal_day < *first)) first = first_proposal_day;
  if (!first) return std::nullopt;
  const std::int64_t last = closes_day ? std::min(*closes_day, today) : today;
  if (last < *first) return std::nullopt;
  DayRange range{*first, last, false};
  if (last - *first + 1 > kMaxDays) {
    range.first = last - kMaxDays + 1;
    range.shortened = true;
  }
  return range;
}

std::vector<DayRow> daily_series(const DayRange& range, const DailyCounts& counts) {
  auto on = [](const DayCounts& series, std::int64_t day) {
    auto it = series.find(day);
    return it == series.end() ? std::int64_t{0} : it->second;
  };
  std::int64_t so_far = 0;
  for (auto it = counts.submitted.begin(); it != counts.submitted.end() && it->first < range.first;
       ++it) {
    so_far += it->second;
  }
  std::vector<DayRow> rows;
  rows.reserve(static_cast<std::size_t>(range.last - range.first + 1));
  for (std::int64_t day = range.first; day <= range.last; ++day) {
    const std::int64_t submitted = on(counts.submitted, day);
    so_far += submitted;
    rows.push_back({day, on(counts.started, day), submitted, so_far});
  }
  return rows;
}

int bar_percent(std::int64_t count, std::int64_t largest) {
  if (count <= 0 || largest <= 0) return 0;
  // Rounded to the nearest of 20 steps.
  const auto steps = static_cast<int>((count * 20 + largest / 2) / largest);
  return std::clamp(steps, 1, 20) * 5;
}

// --- The page ----------------------------------------------------------------------------------

http::Response dashboard(Context& context) {
  const competitions::Edition edition = competitions::managed_edition(context, context.path_id());
  const competitions::Setup& setup = edition.setup;
  const view::Zone zone = setup.general.zone;
  const std::int64_t now = now_seconds();
  Readings readings = context.db().read([&](db::Transaction& tx) {
    auto rows = edition_rows(tx, edition.id, view::zone_offset_seconds(zone));
    return Readings{std::move(rows.tallies), province_names(tx), std::move(rows.daily)};
  });
  const Summary summary = summarise(readings.tallies);
  Json model = {
      {"title", context.t("dashboard.title") + " · " + setup.general.title},
      {"edition_title", setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"level", competitions::level_text(context, setup.general.level, edition.owner_name)},
      {"as_of",
       context.t("dashboard.as_of", {{"time", competitions::datetime_text(context, now, zone)}})},
      {"total", context.t("dashboard.total", {{"n", number(context, summary.total)}})},
      {"has_proposals", summary.total > 0},
      {"places", places_json(context, summary)},
      {"screening", dashboard_screening_json(context, summary)},
      {"breakdowns", breakdowns_json(context, setup, summary, readings)},
      {"days", days_json(context, setup, readings.daily, now)}};
  return context.page("proposals/dashboard", std::move(model));
}

}  // namespace simpul::proposals
