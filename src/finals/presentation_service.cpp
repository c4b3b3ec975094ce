#include "finals/presentation_service.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <variant>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"
#include "competitions/editions.hpp"
#include "core/util/numbers.hpp"
#include "finals/paths.hpp"
#include "innovations/model.hpp"
#include "judging/assignment.hpp"
#include "kernel/paths.hpp"
#include "notices/service.hpp"

namespace simpul::finals {
namespace {

using nlohmann::json;

constexpr int kMaxPanels = 50;  // panel_members' CHECK

competitions::Edition organised(db::Transaction& tx, const kernel::CurrentUser& user,
                                std::int64_t edition_id) {
  auto edition = competitions::find_edition(tx, edition_id);
  if (!edition) throw not_found();
  if (!runs(user, *edition)) throw forbidden();
  return *edition;
}

std::vector<Panel> panels_from(const std::map<std::int64_t, int>& members) {
  std::map<int, Panel> by_number;
  for (const auto& [panelist, number] : members) {
    by_number[number].id = number;
    by_number[number].panelist_ids.insert(panelist);
  }
  std::vector<Panel> panels;
  for (auto& [number, panel] : by_number) panels.push_back(std::move(panel));
  return panels;
}

Finalist finalist_for(const NomineeRow& n, const std::vector<judging::Evaluator>& panelists) {
  Finalist f;
  f.id = n.proposal_id;
  f.zone = view::parse_zone(n.agency_zone).value_or(view::Zone::wib);
  const judging::Proposal proposal{n.proposal_id, n.agency_id, n.province_code, n.category_code};
  for (const auto& panelist : panelists)
    if (judging::conflicted(panelist, proposal)) f.conflicted_panelist_ids.insert(panelist.id);
  return f;
}

std::vector<Slot> slots_or_none(const Grid& grid) {
  if (grid.days.empty()) return {};
  try {
    return slots(grid);
  } catch (const std::invalid_argument&) {
    return {};  // only a grid saved before its rules tightened; the page says no slot
  }
}

json booking_json(const Booking& b) {
  return {{"panel", b.panel_id}, {"starts_at", b.starts_at}, {"ends_at", b.ends_at}};
}

json grid_json(const GridSettings& s) {
  return {{"days", days_text(s.days)},
          {"from", clock_input(s.day.from)},
          {"to", clock_input(s.day.to)},
          {"slot_minutes", s.slot_minutes},
          {"break_minutes", s.break_minutes},
          {"lunch", s.lunch ? json(clock_input(s.lunch->from) + "-" + clock_input(s.lunch->to))
                            : json(nullptr)}};
}

// Language-neutral, since a notice is stored once and read in either language.
// The slot in the long form every page uses ("5 Juli 2027 pukul 16.40 WITA"), in
// both languages, as the inbox and the email show either.
MessageArgs slot_words(const Booking& b, view::Zone zone) {
  return {{"time", view::format_datetime(b.starts_at, zone, view::Lang::id)},
          {"time_en", view::format_datetime(b.starts_at, zone, view::Lang::en)}};
}

void tell_agency(db::Transaction& tx, const competitions::Edition& edition, const NomineeRow& n,
                 const Booking& b) {
  const auto zone = view::parse_zone(n.agency_zone).value_or(edition.setup.general.zone);
  MessageArgs args{{"title", n.title}, {"edition", edition.setup.general.title}};
  for (auto& arg : slot_words(b, zone)) args.push_back(std::move(arg));
  notices::notify_role(
      tx, auth::Role::local_admin, n.agency_id,
      {"presentation.notice.slot", std::move(args), kernel::path(paths::kSchedule, {edition.id})});
}

// A finalist that had a slot and has none after a rebuild: its agency must not keep waiting for it.
void tell_agency_unscheduled(db::Transaction& tx, const competitions::Edition& edition,
                             const NomineeRow& n) {
  notices::notify_role(tx, auth::Role::local_admin, n.agency_id,
                       {"presentation.notice.unscheduled",
                        {{"title", n.title}, {"edition", edition.setup.general.title}},
                        kernel::path(paths::kSchedule, {edition.id})});
}

void require_panels_and_days(const Plan& plan) {
  if (plan.request.panels.empty()) throw conflict("presentation.error.no_panels");
  if (plan.grid_slots.empty()) throw conflict("presentation.error.no_days");
}

std::optional<Booking> parse_seat(const Plan& plan, std::int64_t proposal_id,
                                  const std::string& value) {
  const auto at = value.find('@');
  if (at == std::string::npos) return std::nullopt;
  const auto panel = parse_positive(value.substr(0, at));
  const auto starts = parse_positive(value.substr(at + 1));
  if (!panel || !starts) return std::nullopt;
  for (const auto& slot : plan.grid_slots)
    if (slot.starts_at == *starts)
      return Booking{proposal_id, *panel, slot.starts_at, slot.ends_at};
  return std::nullopt;
}

// The seat typed, or the i18n key of why the finalist cannot go there.
std::variant<Booking, std::string> checked_move(const Plan& plan, std::int64_t proposal_id,
                                                const std::string& target) {
  const std::string prefix = "presentation.move.problem.";
  auto move = parse_seat(plan, proposal_id, target);
  const bool known_panel = move && std::ranges::any_of(plan.request.panels, [&](const Panel& p) {
                             return p.id == move->panel_id;
                           });
  if (!known_panel) return prefix + "not_a_slot";
  auto checked = check_move(plan.request, plan.current(), *move);
  if (!checked.allowed()) return prefix + std::string(move_problem_code(checked.problems.front()));
  return *move;
}

FieldErrors reason_errors(std::string& reason) {
  if (auto problem = innovations::check_free_text(reason, 1000)) return {{"alasan", *problem}};
  if (reason.empty()) return {{"alasan", "finals.error.reason"}};
  return {};
}

}  // namespace

const NomineeRow* Plan::finalist(std::int64_t proposal_id) const {
  for (const auto& f : finalists)
    if (f.proposal_id == proposal_id) return &f;
  return nullptr;
}

const SlotRow* Plan::slot(std::int64_t proposal_id) const {
  for (const auto& s : slots)
    if (s.booking.finalist_id == proposal_id) return &s;
  return nullptr;
}

std::vector<Booking> Plan::current() const {
  std::vector<Booking> bookings;
  for (const auto& s : slots) bookings.push_back(s.booking);
  return known_bookings(request, bookings);
}

Plan load_plan(db::Transaction& tx, const competitions::Edition& edition, std::int64_t now) {
  Plan plan;
  plan.grid = find_grid(tx, edition.id).value_or(StoredGrid{});
  plan.stale = !plan.grid.scheduled_at;
  for (auto& n : nominees_of(tx, edition.id))
    if (n.finalist()) plan.finalists.push_back(std::move(n));
  plan.panelists = panelists_of(tx, edition.id);
  for (auto& s : slots_of(tx, edition.id))
    if (plan.finalist(s.booking.finalist_id)) plan.slots.push_back(std::move(s));
  plan.request.grid = grid_of(plan.grid.settings, edition.setup);
  plan.grid_slots = slots_or_none(plan.request.grid);
  plan.request.panels = panels_from(panel_members_of(tx, edition.id));
  const auto today = competitions::local_date(now, edition.setup.general.zone);
  const auto panelists = panelists_with_ties(tx, today);
  for (const auto& n : plan.finalists) plan.request.finalists.push_back(finalist_for(n, panelists));
  return plan;
}

Stage finals_running(db::Transaction& tx, std::int64_t edition_id) {
  auto stage = find_stage(tx, edition_id);
  if (!stage || !stage->finalists_published_at)
    throw conflict("finals.error.finalists_not_published");
  if (stage->results_published_at) throw conflict("finals.error.results_published");
  return *stage;
}

void save_grid(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
               std::int64_t edition_id, const TypedGrid& typed, std::int64_t now) {
  auto checked = check_grid(typed);
  database.write([&](db::Transaction& tx) {
    organised(tx, user, edition_id);
    finals_running(tx, edition_id);
    if (!checked.errors.empty()) throw InvalidForm(checked.errors);
    auto before = find_grid(tx, edition_id).value_or(StoredGrid{}).settings;
    write_grid(tx, edition_id, checked.settings, actor.user_id, now);
    audit::record(tx, actor,
                  {"presentation.grid", "competition", std::to_string(edition_id),
                   grid_json(before), grid_json(checked.settings)});
  });
}

int panel_choices(std::size_t panelists) {
  return std::clamp(static_cast<int>(panelists), 1, kMaxPanels);
}

void save_panels(db::Database& database, const kernel::Actor& actor,
                 const kernel::CurrentUser& user, std::int64_t edition_id,
                 const std::map<std::int64_t, std::string>& typed, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    organised(tx, user, edition_id);
    finals_running(tx, edition_id);
    auto panelists = panelists_of(tx, edition_id);
    const int choices = panel_choices(panelists.size());
    std::map<std::int64_t, int> chosen;
    FieldErrors errors;
    for (const auto& [id, value] : typed) {
      const std::string field = "panel." + std::to_string(id);
      const bool active = std::ranges::any_of(panelists, [&](auto& p) { return p.id == id; });
      auto number = parse_positive(value);
      if (!active)
        errors[field] = "presentation.error.panelist";
      else if (!value.empty() && (!number || *number > choices))
        errors[field] = "presentation.error.panel";
      else if (number)
        chosen[id] = static_cast<int>(*number);
    }
    if (!errors.empty()) throw InvalidForm(errors);
    auto before = panel_members_of(tx, edition_id);
    replace_panels(tx, edition_id, chosen);
    touch_grid(tx, edition_id, actor.user_id, now);
    auto as_json = [](const std::map<std::int64_t, int>& m) {
      json out = json::object();
      for (const auto& [id, panel] : m) out[std::to_string(id)] = panel;
      return out;
    };
    audit::record(tx, actor,
                  {"presentation.panels", "competition", std::to_string(edition_id),
                   as_json(before), as_json(chosen)});
  });
}

namespace {

// The schedule's new bookings replace every row but the kept ones; an agency is told only when its
// finalist's slot changed or was lost. Returns the new bookings as the audit log records them.
json store_schedule(db::Transaction& tx, const kernel::Actor& actor,
                    const competitions::Edition& edition, const Plan& plan, const KeptSplit& split,
                    const Schedule& schedule, std::int64_t now) {
  std::vector<std::int64_t> kept_ids;
  for (const auto& b : split.kept) kept_ids.push_back(b.finalist_id);
  delete_slots_except(tx, edition.id, kept_ids);
  json placed = json::array();
  for (const auto& b : schedule.bookings) {
    if (std::ranges::find(split.kept, b) != split.kept.end()) continue;
    insert_slot(tx, edition.id, b, "auto", "", actor.user_id, now);
    const SlotRow* before = plan.slot(b.finalist_id);
    if (!before || before->booking != b) tell_agency(tx, edition, *plan.finalist(b.finalist_id), b);
    placed.push_back({{"proposal", b.finalist_id}, {"slot", booking_json(b)}});
  }
  for (const auto& u : schedule.unplaced)
    if (plan.slot(u.finalist_id))
      tell_agency_unscheduled(tx, edition, *plan.finalist(u.finalist_id));
  return placed;
}

json run_json(const json& placed, const KeptSplit& split, const Schedule& schedule) {
  json kept = json::array(), dropped = json::array(), unplaced = json::array();
  for (const auto& b : split.kept) kept.push_back(b.finalist_id);
  for (const auto& b : split.dropped) dropped.push_back(b.finalist_id);
  for (const auto& u : schedule.unplaced)
    unplaced.push_back({{"proposal", u.finalist_id}, {"reason", unplaced_code(u.reason)}});
  return {{"placed", placed}, {"kept", kept}, {"dropped", dropped}, {"unplaced", unplaced}};
}

}  // namespace

Built build_timetable(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    auto edition = organised(tx, user, edition_id);
    finals_running(tx, edition_id);
    lock_timetable(tx, edition_id, now);
    Plan plan = load_plan(tx, edition, now);
    require_panels_and_days(plan);
    std::vector<Booking> manual;
    for (const auto& s : plan.slots)
      if (s.method == "manual") manual.push_back(s.booking);
    const KeptSplit split = usable_kept(plan.request, manual);
    plan.request.kept = split.kept;
    const Schedule schedule = finals::schedule(plan.request);
    json placed = store_schedule(tx, actor, edition, plan, split, schedule, now);
    mark_scheduled(tx, edition_id, now);
    audit::record(tx, actor,
                  {"presentation.schedule", "competition", std::to_string(edition_id), std::nullopt,
                   run_json(placed, split, schedule)});
    return Built{schedule.bookings.size(), split.kept.size(), split.dropped, schedule.unplaced};
  });
}

std::string seat_value(const Booking& booking) {
  return std::to_string(booking.panel_id) + "@" + std::to_string(booking.starts_at);
}

void move_finalist(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t edition_id,
                   std::int64_t proposal_id, const std::string& target, std::string reason,
                   std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto edition = organised(tx, user, edition_id);
    finals_running(tx, edition_id);
    lock_timetable(tx, edition_id, now);
    Plan plan = load_plan(tx, edition, now);
    const NomineeRow* finalist = plan.finalist(proposal_id);
    if (!finalist) throw not_found();
    require_panels_and_days(plan);
    FieldErrors errors = reason_errors(reason);
    auto checked = checked_move(plan, proposal_id, target);
    if (auto* problem = std::get_if<std::string>(&checked)) errors["ke"] = *problem;
    if (!errors.empty()) throw InvalidForm(errors);
    const Booking move = std::get<Booking>(checked);
    const SlotRow* before = plan.slot(proposal_id);
    // A removed finalist's row may still hold the seat's unique key: only current ones stay.
    std::vector<std::int64_t> others;
    for (const auto& f : plan.finalists)
      if (f.proposal_id != proposal_id) others.push_back(f.proposal_id);
    delete_slots_except(tx, edition_id, others);
    insert_slot(tx, edition_id, move, "manual", reason, actor.user_id, now);
    tell_agency(tx, edition, *finalist, move);
    json after = booking_json(move);
    after["reason"] = reason;
    audit::record(tx, actor,
                  {"presentation.move", "proposal", std::to_string(proposal_id),
                   before ? booking_json(before->booking) : json(nullptr), after});
  });
}

}  // namespace simpul::finals
