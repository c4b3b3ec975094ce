#include "judging/evaluation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit.hpp"
#include "competitions/editions.hpp"
#include "competitions/rules.hpp"
#include "core/util/numbers.hpp"
#include "core/util/text.hpp"
#include "core/view/format.hpp"
#include "innovations/model.hpp"
#include "judging/service.hpp"
#include "judging/store.hpp"
#include "notices/service.hpp"

namespace simpul::judging {
namespace {

using nlohmann::json;

competitions::Edition managed(db::Transaction& tx, const kernel::CurrentUser& user,
                              std::int64_t edition_id) {
  auto edition = competitions::find_edition(tx, edition_id);
  if (!edition) throw not_found();
  const auto& g = edition->setup.general;
  if (!competitions::may_manage({user.role, user.agency_id}, g.level, g.owner_agency_id))
    throw forbidden();
  return *edition;
}

competitions::LocalDate today_in(const competitions::Edition& edition, std::int64_t now) {
  return competitions::local_date(now, edition.setup.general.zone);
}

json result_json(const Result& r) {
  return {{"pairs", r.pairs.size()},
          {"min_load", r.min_load},
          {"max_load", r.max_load},
          {"expertise_matches", r.expertise_matches},
          {"short", r.shortfalls.size()}};
}

// The pairs a new run keeps: the manual ones and those an evaluator has begun to score. One whose
// evaluator is no longer active, whose proposal no longer passes, or which has come into conflict
// since (a tie declared later) is removed: no conflict is ever assigned; the run's audit event
// lists them.
json keep_manual_pairs(db::Transaction& tx, std::int64_t edition_id, Request& request) {
  std::map<std::int64_t, const Evaluator*> evaluators;
  for (const auto& e : request.evaluators) evaluators[e.id] = &e;
  std::map<std::int64_t, const Proposal*> proposals;
  for (const auto& p : request.proposals) proposals[p.id] = &p;
  json dropped = json::array();
  auto scored = scored_pairs(tx, edition_id);
  for (const Assigned& a : assignments_of(tx, edition_id)) {
    bool has_sheet = std::find(scored.begin(), scored.end(), Pair{a.proposal_id, a.evaluator_id}) !=
                     scored.end();
    if (a.method != "manual" && !has_sheet) continue;
    auto e = evaluators.find(a.evaluator_id);
    auto p = proposals.find(a.proposal_id);
    if (e != evaluators.end() && p != proposals.end() && !conflicted(*e->second, *p->second)) {
      request.kept.push_back({a.proposal_id, a.evaluator_id});
    } else {
      delete_pair(tx, edition_id, {a.proposal_id, a.evaluator_id});
      dropped.push_back({{"proposal", a.proposal_id}, {"evaluator", a.evaluator_id}});
    }
  }
  return dropped;
}

// The organiser's settings on the run's evaluators. A max load below the pairs the run keeps for
// the evaluator is raised to them: a kept pair is never dropped to honour it (assign would refuse
// the request otherwise).
void apply_settings(const std::map<std::int64_t, EvaluatorSetting>& settings, Request& request) {
  std::map<std::int64_t, int> kept;
  for (const Pair& pair : request.kept) ++kept[pair.evaluator_id];
  for (Evaluator& e : request.evaluators) {
    auto it = settings.find(e.id);
    if (it == settings.end()) continue;
    e.expertise = it->second.expertise;
    if (it->second.max_load) e.max_load = std::max(*it->second.max_load, kept[e.id]);
  }
}

json setting_json(std::int64_t evaluator_id, const EvaluatorSetting& setting) {
  return {{"evaluator", evaluator_id},
          {"expertise", setting.expertise},
          {"max_load", setting.max_load ? json(*setting.max_load) : json(nullptr)}};
}

EvaluatorSetting checked_setting(const competitions::Setup& setup, TypedSetting typed) {
  FieldErrors errors;
  EvaluatorSetting setting;
  for (std::string& code : typed.expertise) {
    code = trim(code);
    bool known = std::any_of(setup.categories.begin(), setup.categories.end(),
                             [&](const competitions::Category& c) { return c.code == code; });
    if (!known) errors["expertise"] = "judging.error.category";
    setting.expertise.insert(code);
  }
  std::string max_load = trim(typed.max_load);
  if (!max_load.empty()) {
    auto value = parse_positive(max_load);
    if (!value || *value > kMaxLoadLimit)
      errors["max_load"] = "judging.error.max_load";
    else
      setting.max_load = static_cast<int>(*value);
  }
  if (!errors.empty()) throw InvalidForm(errors);
  return setting;
}

// The notice of a reminder: how many sheets are left and, when the stage has an end, until when
// in the edition's zone (in both languages, as the inbox and the email show either).
notices::Message reminder(const competitions::Edition& edition, int outstanding) {
  const auto& general = edition.setup.general;
  MessageArgs args{{"edition", general.title}, {"n", std::to_string(outstanding)}};
  const auto* stage = competitions::find_stage(edition.setup, "evaluation");
  if (!stage || !stage->ends_at) return {"judging.notice.reminder_open", args, "/penilaian"};
  args.emplace_back("deadline",
                    view::format_datetime(*stage->ends_at, general.zone, view::Lang::id));
  args.emplace_back("deadline_en",
                    view::format_datetime(*stage->ends_at, general.zone, view::Lang::en));
  return {"judging.notice.reminder", args, "/penilaian"};
}

// k lowered after manual moves can leave a proposal with more kept evaluators than k; which to
// release is the organiser's choice (a logged move), not the run's.
void refuse_kept_beyond_k(const Request& request) {
  std::map<std::int64_t, int> kept;
  for (const Pair& pair : request.kept) ++kept[pair.proposal_id];
  for (const auto& [proposal_id, count] : kept)
    if (count > request.evaluators_per_proposal)
      throw conflict("judging.error.kept_beyond_k",
                     {{"proposal", std::to_string(proposal_id)},
                      {"kept", std::to_string(count)},
                      {"k", std::to_string(request.evaluators_per_proposal)}});
}

}  // namespace

std::optional<std::string> conflict_reason(const Evaluator& evaluator, const Proposal& proposal) {
  switch (conflict_of(evaluator, proposal)) {
    case Conflict::agency:
      return "judging.conflict.reason.agency";
    case Conflict::province:
      return "judging.conflict.reason.province";
    case Conflict::declared:
      return "judging.conflict.reason.declared";
    case Conflict::none:
      break;
  }
  return std::nullopt;
}

Result assign_edition(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    auto edition = managed(tx, user, edition_id);
    Request request;
    request.proposals = screened_proposals(tx, edition_id);
    request.evaluators = active_evaluators(tx, today_in(edition, now));
    request.evaluators_per_proposal = edition.setup.general.evaluators_per_proposal.value_or(2);
    if (request.proposals.empty()) throw conflict("judging.error.nothing_to_assign");
    if (request.evaluators.empty()) throw conflict("judging.error.no_evaluators");
    json dropped = keep_manual_pairs(tx, edition_id, request);
    apply_settings(evaluator_settings(tx, edition_id), request);
    refuse_kept_beyond_k(request);
    Result result = assign(request);
    replace_automatic(tx, edition_id, result.pairs, actor.user_id, now);
    json summary = result_json(result);
    summary["dropped_manual"] = dropped;
    audit::record(
        tx, actor,
        {"evaluation.assign", "competition", std::to_string(edition_id), std::nullopt, summary});
    return result;
  });
}

void move_evaluators(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id, Move move,
                     std::int64_t now) {
  if (auto problem = innovations::check_free_text(move.reason, 1000))
    throw InvalidForm(FieldErrors{{"reason", *problem}});
  if (move.reason.empty()) throw InvalidForm(FieldErrors{{"reason", "judging.error.reason"}});
  if (!move.remove_evaluator && !move.add_evaluator)
    throw InvalidForm(FieldErrors{{"evaluator", "judging.error.evaluator"}});
  database.write([&](db::Transaction& tx) {
    auto edition = managed(tx, user, edition_id);
    auto proposal = screened_proposal(tx, edition_id, move.proposal_id);
    if (!proposal) throw not_found();
    if (move.remove_evaluator &&
        !delete_pair(tx, edition_id, {move.proposal_id, *move.remove_evaluator}))
      throw conflict("judging.error.not_assigned");
    if (move.add_evaluator) {
      auto evaluator = active_evaluator(tx, *move.add_evaluator, today_in(edition, now));
      if (!evaluator) throw InvalidForm(FieldErrors{{"evaluator", "judging.error.evaluator"}});
      if (auto why = conflict_reason(*evaluator, *proposal)) throw conflict(*why);
      auto current = assignments_of(tx, edition_id);
      bool there = std::any_of(current.begin(), current.end(), [&](const Assigned& a) {
        return a.proposal_id == move.proposal_id && a.evaluator_id == evaluator->id;
      });
      if (there) throw conflict("judging.error.already_assigned");
      insert_pair(tx, edition_id, {move.proposal_id, evaluator->id}, actor.user_id, now);
    }
    auto id_or_null = [](const std::optional<std::int64_t>& v) {
      return v ? json(*v) : json(nullptr);
    };
    audit::record(tx, actor,
                  {"evaluation.move", "proposal", std::to_string(move.proposal_id), std::nullopt,
                   json{{"removed", id_or_null(move.remove_evaluator)},
                        {"added", id_or_null(move.add_evaluator)},
                        {"reason", move.reason}}});
  });
}

void save_evaluator_setting(db::Database& database, const kernel::Actor& actor,
                            const kernel::CurrentUser& user, std::int64_t edition_id,
                            std::int64_t evaluator_id, TypedSetting typed, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto edition = managed(tx, user, edition_id);
    if (!active_evaluator(tx, evaluator_id, today_in(edition, now))) throw not_found();
    EvaluatorSetting setting = checked_setting(edition.setup, std::move(typed));
    auto settings = evaluator_settings(tx, edition_id);
    auto before = settings.find(evaluator_id);
    write_evaluator_setting(tx, edition_id, evaluator_id, setting, actor.user_id, now);
    audit::record(
        tx, actor,
        {"evaluation.evaluator_setting", "competition", std::to_string(edition_id),
         before == settings.end() ? std::nullopt
                                  : std::optional<json>(setting_json(evaluator_id, before->second)),
         setting_json(evaluator_id, setting)});
  });
}

int remind_evaluators(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    // Two rounds at once would both find no recent reminder: the edition's row lock orders them.
    competitions::lock_edition(tx, edition_id);
    auto edition = managed(tx, user, edition_id);
    if (evaluation_window(edition.setup, now) == Window::closed)
      throw conflict("judging.error.evaluation_closed");
    std::set<std::int64_t> active;
    for (const Evaluator& e : active_evaluators(tx, today_in(edition, now))) active.insert(e.id);
    json reminded = json::object();
    for (const auto& [evaluator_id, progress] : progress_of(tx, edition_id)) {
      if (progress.outstanding() <= 0 || !active.contains(evaluator_id)) continue;
      reminded[std::to_string(evaluator_id)] = progress.outstanding();
    }
    auto last = last_reminder_at(tx, edition_id);
    if (!reminded.empty() && last && now - *last < kReminderPause)
      throw conflict("judging.error.reminded_recently",
                     {{"minutes", std::to_string((kReminderPause - (now - *last) + 59) / 60)}});
    for (const auto& [evaluator_id, outstanding] : reminded.items())
      notices::notify(tx, std::stoll(evaluator_id), reminder(edition, outstanding.get<int>()));
    if (!reminded.empty()) {
      write_reminder_at(tx, edition_id, now);
      audit::record(tx, actor,
                    {"evaluation.remind", "competition", std::to_string(edition_id), std::nullopt,
                     json{{"outstanding", reminded}}});
    }
    return static_cast<int>(reminded.size());
  });
}

void save_sheet(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
                std::int64_t proposal_id, TypedSheet typed, bool submit, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto edition_id = assignment_edition(tx, proposal_id, user.id);
    if (!edition_id) throw forbidden();
    auto edition = competitions::find_edition(tx, *edition_id);
    if (!edition) throw not_found();
    switch (evaluation_window(edition->setup, now)) {
      case Window::not_yet:
        throw conflict("judging.error.not_open");
      case Window::closed:
        throw conflict("judging.error.evaluation_closed");
      case Window::open:
        break;
    }
    if (edition->setup.rubric.empty()) throw conflict("judging.error.no_rubric");
    auto existing = find_sheet(tx, proposal_id, user.id);
    if (existing && existing->status == "submitted") throw conflict("judging.error.submitted");
    CheckedSheet checked = check_sheet(edition->setup.rubric, std::move(typed), submit);
    if (!checked.errors.empty()) throw InvalidForm(checked.errors);
    Sheet sheet{checked.scores, checked.comment, submit ? "submitted" : "draft", now};
    write_sheet(tx, *edition_id, proposal_id, user.id, sheet, now);
    audit::record(
        tx, actor,
        {submit ? "evaluation.submit" : "evaluation.save", "proposal", std::to_string(proposal_id),
         std::nullopt, json{{"scores", sheet.scores}, {"comment", sheet.comment}}});
  });
}

std::string_view method_name(Method method) {
  static constexpr std::string_view kNames[] = {"raw", "z_score", "calibrated"};
  return kNames[static_cast<int>(method)];
}

std::optional<Method> method_named(std::string_view name) {
  for (Method m : kMethods)
    if (method_name(m) == name) return m;
  return std::nullopt;
}

std::string_view method_slug(Method method) {
  static constexpr std::string_view kSlugs[] = {"mentah", "z", "kalibrasi"};
  return kSlugs[static_cast<int>(method)];
}

std::optional<Method> method_of_slug(std::string_view slug) {
  for (Method m : kMethods)
    if (method_slug(m) == slug) return m;
  return std::nullopt;
}

void choose_method(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t edition_id, Method method,
                   std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto edition = managed(tx, user, edition_id);
    // The nominees were chosen by the recorded method; changing it now would leave them behind.
    auto before = find_method_choice(tx, edition_id);
    if (before && before->frozen_at) throw conflict("judging.error.nominated");
    MethodChoice choice{
        std::string(method_name(method)),
        edition.setup.general.passing_grade.value_or(competitions::programme::kPassingGrade), now};
    write_method_choice(tx, edition_id, choice, actor.user_id);
    audit::record(tx, actor,
                  {"evaluation.method", "competition", std::to_string(edition_id),
                   before ? std::optional<json>(json{{"method", before->method},
                                                     {"passing_grade", before->passing_grade}})
                          : std::nullopt,
                   json{{"method", choice.method}, {"passing_grade", choice.passing_grade}}});
  });
}

}  // namespace simpul::judging
