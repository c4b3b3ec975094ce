#include "finals/service.hpp"

#include "finals/nominees.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"
#include "competitions/calendar.hpp"
#include "competitions/editions.hpp"
#include "competitions/rules.hpp"
#include "core/util/crypto.hpp"
#include "finals/paths.hpp"
#include "finals/presentation_store.hpp"
#include "innovations/model.hpp"
#include "innovations/registry.hpp"
#include "judging/aggregation.hpp"
#include "judging/evaluation.hpp"
#include "judging/results.hpp"
#include "kernel/paths.hpp"
#include "notices/service.hpp"

namespace simpul::finals {
namespace {

// 31^8 ≈ 8.5 × 10^11 receipts: guessing one is hopeless, and a collision, refused by the
// unique index, would only ask the objector to send again.
std::string receipt_number() { return random_code("SGH", 2); }

using nlohmann::json;

// Every step runs in a write transaction that first takes the edition's row lock, so two steps of
// one edition (a double click on "publish", a removal during publication) run one after the other
// on PostgreSQL as they do on SQLite, and each sees what the other wrote.
competitions::Edition edition_of(db::Transaction& tx, std::int64_t edition_id) {
  competitions::lock_edition(tx, edition_id);
  return found(competitions::find_edition(tx, edition_id));
}

competitions::Edition for_panel(db::Transaction& tx, const kernel::CurrentUser& user,
                                std::int64_t edition_id) {
  auto edition = edition_of(tx, edition_id);
  if (!is_panel(user, edition)) throw forbidden();
  return edition;
}

competitions::Edition for_organiser(db::Transaction& tx, const kernel::CurrentUser& user,
                                    std::int64_t edition_id) {
  auto edition = edition_of(tx, edition_id);
  if (!runs(user, edition)) throw forbidden();
  return edition;
}

Stage stage_of(db::Transaction& tx, std::int64_t edition_id) {
  auto stage = find_stage(tx, edition_id);
  if (!stage) throw conflict("finals.error.not_nominated");
  return *stage;
}

// The shortlist may change until the finalists are public.
Stage before_publication(db::Transaction& tx, std::int64_t edition_id) {
  Stage stage = stage_of(tx, edition_id);
  if (stage.finalists_published_at) throw conflict("finals.error.finalists_published");
  return stage;
}

// Objections, removals and notes: between the finalists' and the results' publication.
Stage between_publications(db::Transaction& tx, std::int64_t edition_id) {
  Stage stage = stage_of(tx, edition_id);
  if (!stage.finalists_published_at) throw conflict("finals.error.finalists_not_published");
  if (stage.results_published_at) throw conflict("finals.error.results_published");
  return stage;
}

NomineeRow finalist_of(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id) {
  auto nominee = find_nominee(tx, edition_id, proposal_id);
  if (!nominee || !nominee->finalist()) throw not_found();
  return *nominee;
}

// A panelist never acts on a finalist they are in conflict with (own agency, own province, a
// declared tie), as an evaluator never scores one.
void refuse_conflicted(db::Transaction& tx, const kernel::CurrentUser& user,
                       const competitions::Edition& edition, const NomineeRow& nominee,
                       std::int64_t now) {
  if (panelist_conflicted(tx, user, edition, nominee, now))
    throw forbidden("finals.error.conflicted");
}

void check_reason(std::string& reason, const char* field) {
  if (auto problem = innovations::check_free_text(reason, 1000))
    throw InvalidForm(FieldErrors{{field, *problem}});
  if (reason.empty()) throw InvalidForm(FieldErrors{{field, "finals.error.reason"}});
}

judging::Nominee nominee_for_helper(const NomineeRow& n) {
  return {n.proposal_id, n.score,         n.category_code, n.group_code,
          n.cluster,     n.province_code, n.is_3t};
}

json problem_json(const judging::Infeasibility& p) {
  return {{"cause", static_cast<int>(p.cause)},
          {"quota", p.quota_index ? json(*p.quota_index) : json(nullptr)},
          {"needed", p.needed},
          {"available", p.available}};
}

std::string_view status_code(judging::ShortlistStatus status) {
  switch (status) {
    case judging::ShortlistStatus::optimal:
      return "optimal";
    case judging::ShortlistStatus::not_proven_optimal:
      return "not_proven_optimal";
    case judging::ShortlistStatus::infeasible:
      return "infeasible";
  }
  return "infeasible";
}

void check_window_closed(db::Transaction& tx, std::int64_t edition_id, const Stage& stage,
                         std::int64_t now) {
  if (stage.objection_ends_at && now < *stage.objection_ends_at)
    throw conflict("finals.error.objection_open");
  for (const auto& o : objections_of(tx, edition_id))
    if (o.decision.empty()) throw conflict("finals.error.objection_pending");
}

}  // namespace

bool runs(const kernel::CurrentUser& user, const competitions::Edition& edition) {
  const auto& g = edition.setup.general;
  return competitions::may_manage({user.role, user.agency_id}, g.level, g.owner_agency_id);
}

std::optional<judging::Evaluator> panelist_profile(db::Transaction& tx,
                                                   const kernel::CurrentUser& user,
                                                   const competitions::Edition& edition,
                                                   std::int64_t now) {
  if (!user.is(auth::Role::panelist)) return std::nullopt;
  auto today = competitions::local_date(now, edition.setup.general.zone);
  for (auto& panelist : panelists_with_ties(tx, today))
    if (panelist.id == user.id) return std::move(panelist);
  return std::nullopt;
}

bool conflicted_with(const std::optional<judging::Evaluator>& panelist, const NomineeRow& nominee) {
  return panelist && judging::conflicted(*panelist, {nominee.proposal_id, nominee.agency_id,
                                                     nominee.province_code, nominee.category_code});
}

bool panelist_conflicted(db::Transaction& tx, const kernel::CurrentUser& user,
                         const competitions::Edition& edition, const NomineeRow& nominee,
                         std::int64_t now) {
  return conflicted_with(panelist_profile(tx, user, edition, now), nominee);
}

bool is_panel(const kernel::CurrentUser& user, const competitions::Edition& edition) {
  return user.is(auth::Role::panelist) || runs(user, edition);
}

std::size_t nominate(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id, std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    auto edition = for_organiser(tx, user, edition_id);
    if (find_stage(tx, edition_id)) throw conflict("finals.error.already_nominated");
    // Sheets still coming would miss the nominees, and the finalists would go public while
    // evaluators still score blind. An evaluation without an end date is the organiser's call.
    if (judging::evaluation_window(edition.setup, now) == judging::Window::open) {
      const auto* evaluation = competitions::find_stage(edition.setup, "evaluation");
      if (evaluation && evaluation->ends_at) throw conflict("finals.error.evaluation_open");
    }
    auto choice = judging::find_method_choice(tx, edition_id);
    auto method = choice ? judging::method_named(choice->method) : std::nullopt;
    if (!method) throw conflict("finals.error.no_method");
    auto sheets = judging::submitted_sheets(tx, edition_id);
    judging::Aggregation a;
    try {
      a = judging::aggregate(judging::marks(edition.setup.rubric, sheets));
    } catch (const std::invalid_argument&) {
      throw conflict("finals.error.rubric_changed");
    }
    std::set<std::int64_t> screened;
    for (const auto& p : judging::screened_proposals(tx, edition_id)) screened.insert(p.id);
    json nominated = json::array();
    for (const auto& p : a.proposals) {
      if (!screened.contains(p.proposal_id) || p.score(*method) < choice->passing_grade) continue;
      insert_nominee(tx, edition_id, p.proposal_id, p.score(*method));
      nominated.push_back(p.proposal_id);
    }
    if (nominated.empty()) throw conflict("finals.error.no_nominees");
    insert_stage(tx, edition_id, choice->method, actor.user_id, now);
    judging::freeze_method_choice(tx, edition_id, now);
    audit::record(tx, actor,
                  {"finals.nominate", "competition", std::to_string(edition_id), std::nullopt,
                   json{{"method", choice->method},
                        {"passing_grade", choice->passing_grade},
                        {"nominees", nominated}}});
    return nominated.size();
  });
}

std::vector<QuotaField> quota_fields(const competitions::Edition& edition,
                                     const std::vector<NomineeRow>& nominees) {
  using D = judging::QuotaDimension;
  std::vector<QuotaField> fields;
  for (const auto& c : edition.setup.categories) fields.push_back({D::category, c.code});
  for (const auto& g : edition.setup.groups)
    if (g.enabled) fields.push_back({D::group, g.code});
  for (const auto& c : edition.setup.clusters) fields.push_back({D::cluster, c});
  std::set<std::string> provinces;
  for (const auto& n : nominees)
    if (!n.province_code.empty()) provinces.insert(n.province_code);
  for (const auto& p : provinces) fields.push_back({D::province, p});
  fields.push_back({D::region_3t, "3t"});
  return fields;
}

void save_quotas(db::Database& database, const kernel::Actor& actor,
                 const kernel::CurrentUser& user, std::int64_t edition_id,
                 const std::vector<std::pair<std::string, std::string>>& form) {
  database.write([&](db::Transaction& tx) {
    auto edition = for_organiser(tx, user, edition_id);
    before_publication(tx, edition_id);
    auto fields = quota_fields(edition, nominees_of(tx, edition_id));
    auto parsed = parse_quotas(
        fields, form,
        edition.setup.general.finalist_count.value_or(competitions::programme::kFinalists));
    if (!parsed.errors.empty()) throw InvalidForm(parsed.errors);
    replace_quotas(tx, edition_id, parsed.quotas);
    mark_stale(tx, edition_id);
    json after = json::array();
    for (const auto& q : parsed.quotas)
      after.push_back({{"dimension", dimension_code(q.dimension)},
                       {"value", q.value},
                       {"min", q.min},
                       {"max", q.max ? json(*q.max) : json(nullptr)}});
    audit::record(
        tx, actor,
        {"finals.quotas", "competition", std::to_string(edition_id), std::nullopt, after});
  });
}

void choose(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
            std::int64_t edition_id, PanelChoice choice, std::int64_t now) {
  if (choice.choice != "" && choice.choice != "include" && choice.choice != "exclude")
    throw InvalidForm(FieldErrors{{"pilihan", "finals.error.choice"}});
  if (!choice.choice.empty()) check_reason(choice.reason, "alasan");
  if (choice.choice.empty()) choice.reason.clear();
  database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    before_publication(tx, edition_id);
    auto nominee = find_nominee(tx, edition_id, choice.proposal_id);
    if (!nominee) throw not_found();
    refuse_conflicted(tx, user, edition, *nominee, now);
    std::optional<std::string> stored;
    if (!choice.choice.empty()) stored = choice.choice;
    write_panel_choice(tx, choice.proposal_id, stored, choice.reason, choice.is_3t);
    mark_stale(tx, edition_id);
    audit::record(
        tx, actor,
        {"finals.choice", "proposal", std::to_string(choice.proposal_id),
         json{{"choice", nominee->panel_choice},
              {"reason", nominee->panel_reason},
              {"is_3t", nominee->is_3t}},
         json{{"choice", choice.choice}, {"reason", choice.reason}, {"is_3t", choice.is_3t}}});
  });
}

judging::ShortlistStatus run_shortlist(db::Database& database, const kernel::Actor& actor,
                                       const kernel::CurrentUser& user, std::int64_t edition_id,
                                       std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    before_publication(tx, edition_id);
    auto nominees = nominees_of(tx, edition_id);
    judging::ShortlistRequest request;
    int excluded = 0;
    for (const auto& n : nominees) {
      request.nominees.push_back(nominee_for_helper(n));
      if (!n.panel_choice.empty())
        request.panel_choices.push_back(
            {n.proposal_id, n.panel_choice == "include", n.panel_reason});
      excluded += n.panel_choice == "exclude";
    }
    // An edition with fewer nominees than finalist places takes every nominee not excluded.
    int places = edition.setup.general.finalist_count.value_or(competitions::programme::kFinalists);
    request.size = std::max(1, std::min(places, static_cast<int>(nominees.size()) - excluded));
    request.quotas = quotas_of(tx, edition_id);
    auto result = judging::shortlist(request);
    for (const auto& e : result.explanations) write_explanation(tx, e);
    if (result.status == judging::ShortlistStatus::infeasible) clear_shortlist(tx, edition_id);
    std::string problem = result.infeasibility ? problem_json(*result.infeasibility).dump() : "";
    write_shortlist_run(tx, edition_id, std::string(status_code(result.status)), problem, now);
    audit::record(tx, actor,
                  {"finals.shortlist", "competition", std::to_string(edition_id), std::nullopt,
                   json{{"status", status_code(result.status)},
                        {"size", request.size},
                        {"selected", result.selected_ids}}});
    return result.status;
  });
}

std::size_t publish_finalists(db::Database& database, const kernel::Actor& actor,
                              const kernel::CurrentUser& user, std::int64_t edition_id,
                              std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    auto edition = for_organiser(tx, user, edition_id);
    Stage stage = before_publication(tx, edition_id);
    if (stage.shortlist_stale || stage.shortlist_status.empty())
      throw conflict("finals.error.shortlist_stale");
    if (stage.shortlist_status == "infeasible") throw conflict("finals.error.infeasible");
    const auto* objection = competitions::find_stage(edition.setup, "objection");
    auto ends = objection_end(objection ? objection->ends_at : std::nullopt, now);
    write_finalists_published(tx, edition_id, actor.user_id, now, ends);
    std::size_t count = 0;
    for (const auto& n : nominees_of(tx, edition_id)) {
      if (!n.finalist()) continue;
      ++count;
      notices::notify_role(tx, auth::Role::local_admin, n.agency_id,
                           {"finals.notice.finalist",
                            {{"title", n.title}, {"edition", edition.setup.general.title}},
                            kernel::path(paths::kFinalists, {edition_id})});
    }
    audit::record(tx, actor,
                  {"finals.publish", "competition", std::to_string(edition_id), std::nullopt,
                   json{{"finalists", count}, {"objection_ends_at", ends}}});
    return count;
  });
}

FiledObjection file_objection(db::Database& database, const kernel::Actor& actor,
                              std::int64_t edition_id, std::int64_t proposal_id,
                              TypedObjection objection, std::int64_t now) {
  auto errors = check_objection(objection);
  if (!errors.empty()) throw InvalidForm(errors);
  return database.write([&](db::Transaction& tx) {
    edition_of(tx, edition_id);
    Stage stage = stage_of(tx, edition_id);
    if (!objection_open(stage, now)) throw conflict("finals.error.objection_closed");
    finalist_of(tx, edition_id, proposal_id);
    if (objections_from(tx, edition_id, actor.remote_address, now - 24 * 3600) >=
        competitions::programme::kObjectionsPerAddressPerDay)
      throw conflict("finals.error.too_many_objections");
    if (objection_repeated(tx, proposal_id, objection.contact, objection.reason))
      throw conflict("finals.error.objection_repeated");
    auto receipt = receipt_number();
    auto id = insert_objection(tx, edition_id, proposal_id, objection, receipt,
                               actor.remote_address, now);
    audit::record(tx, actor,
                  {"objection.file", "proposal", std::to_string(proposal_id), std::nullopt,
                   json{{"objection", id}, {"name", objection.name}, {"receipt", receipt}}});
    return FiledObjection{id, receipt};
  });
}

void decide_objection(db::Database& database, const kernel::Actor& actor,
                      const kernel::CurrentUser& user, std::int64_t edition_id,
                      std::int64_t objection_id, const std::string& decision, std::string note,
                      std::int64_t now) {
  if (decision != "upheld" && decision != "dismissed")
    throw InvalidForm(FieldErrors{{"keputusan", "finals.error.decision"}});
  check_reason(note, "catatan");
  database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    between_publications(tx, edition_id);
    auto objection = find_objection(tx, edition_id, objection_id);
    if (!objection) throw not_found();
    if (auto nominee = find_nominee(tx, edition_id, objection->proposal_id))
      refuse_conflicted(tx, user, edition, *nominee, now);
    write_objection_decision(tx, objection_id, decision, note, actor.user_id, now);
    audit::record(tx, actor,
                  {"objection.decide", "objection", std::to_string(objection_id),
                   json{{"decision", objection->decision}, {"note", objection->decision_note}},
                   json{{"decision", decision}, {"note", note}}});
  });
}

void remove_finalist(db::Database& database, const kernel::Actor& actor,
                     const kernel::CurrentUser& user, std::int64_t edition_id,
                     std::int64_t proposal_id, std::string reason, std::int64_t now) {
  check_reason(reason, "alasan");
  database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    between_publications(tx, edition_id);
    refuse_conflicted(tx, user, edition, finalist_of(tx, edition_id, proposal_id), now);
    write_removal(tx, proposal_id, reason, actor.user_id, now);
    delete_decision(tx, proposal_id);
    delete_slot(tx, proposal_id);  // a removed finalist gives up its presentation slot
    audit::record(tx, actor,
                  {"finals.remove", "proposal", std::to_string(proposal_id), std::nullopt,
                   json{{"reason", reason}}});
  });
}

void add_verification_note(db::Database& database, const kernel::Actor& actor,
                           const kernel::CurrentUser& user, std::int64_t edition_id,
                           std::int64_t proposal_id, const std::string& visited_on,
                           std::string note, std::int64_t now) {
  FieldErrors errors;
  if (!competitions::parse_date(visited_on)) errors["tanggal"] = "finals.error.date";
  if (auto problem = innovations::check_free_text(note, 4000))
    errors["catatan"] = *problem;
  else if (note.empty())
    errors["catatan"] = "form.required";
  if (!errors.empty()) throw InvalidForm(errors);
  database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    between_publications(tx, edition_id);
    refuse_conflicted(tx, user, edition, finalist_of(tx, edition_id, proposal_id), now);
    insert_note(tx, edition_id, proposal_id, actor.user_id, visited_on, note, now);
    audit::record(tx, actor,
                  {"finals.verification", "proposal", std::to_string(proposal_id), std::nullopt,
                   json{{"visited_on", visited_on}, {"note", note}}});
  });
}

void save_decisions(db::Database& database, const kernel::Actor& actor,
                    const kernel::CurrentUser& user, std::int64_t edition_id,
                    const std::map<std::int64_t, std::string>& tiers, std::int64_t now) {
  FieldErrors errors;
  for (const auto& [id, tier] : tiers)
    if (!tier.empty() && !is_tier(tier))
      errors["tingkat." + std::to_string(id)] = "finals.error.tier";
  if (!errors.empty()) throw InvalidForm(errors);
  database.write([&](db::Transaction& tx) {
    auto edition = for_panel(tx, user, edition_id);
    Stage stage = between_publications(tx, edition_id);
    check_window_closed(tx, edition_id, stage, now);
    auto before = decisions_of(tx, edition_id);
    // The form names every finalist: read them and the panelist's ties once, not per row.
    std::map<std::int64_t, NomineeRow> finalists;
    for (auto& n : nominees_of(tx, edition_id))
      if (n.finalist()) finalists.emplace(n.proposal_id, std::move(n));
    const auto panelist = panelist_profile(tx, user, edition, now);
    json changed = json::object();
    for (const auto& [id, tier] : tiers) {
      auto finalist = finalists.find(id);
      if (finalist == finalists.end()) throw not_found();
      if (before[id] == tier) continue;
      if (conflicted_with(panelist, finalist->second)) throw forbidden("finals.error.conflicted");
      // An empty choice takes the decision back.
      if (tier.empty())
        delete_decision(tx, id);
      else
        write_decision(tx, edition_id, id, tier, actor.user_id, now);
      changed[std::to_string(id)] = tier;
    }
    audit::record(
        tx, actor,
        {"finals.decide", "competition", std::to_string(edition_id), std::nullopt, changed});
  });
}

std::vector<std::int64_t> publish_results(db::Database& database, const kernel::Actor& actor,
                                          const kernel::CurrentUser& user, std::int64_t edition_id,
                                          std::string note, std::int64_t now) {
  if (auto problem = innovations::check_free_text(note, 2000))
    throw InvalidForm(FieldErrors{{"catatan", *problem}});
  return database.write([&](db::Transaction& tx) {
    auto edition = for_organiser(tx, user, edition_id);
    Stage stage = between_publications(tx, edition_id);
    check_window_closed(tx, edition_id, stage, now);
    auto tiers = decisions_of(tx, edition_id);
    std::vector<NomineeRow> finalists;
    for (auto& n : nominees_of(tx, edition_id))
      if (n.finalist()) finalists.push_back(std::move(n));
    for (const auto& f : finalists)
      if (!tiers.contains(f.proposal_id)) throw conflict("finals.error.undecided");
    const auto& g = edition.setup.general;
    std::vector<std::int64_t> awarded;
    std::string source = kernel::path(paths::kResults, {edition_id});
    for (const auto& f : finalists) {
      Award award =
          award_for(competitions::level_code(g.level), tiers[f.proposal_id],
                    g.finalist_count.value_or(competitions::programme::kFinalists), g.title);
      innovations::insert_award(tx, f.innovation_id, {g.year, award.tier, award.title, source},
                                now);
      awarded.push_back(f.innovation_id);
      notices::notify_role(
          tx, auth::Role::local_admin, f.agency_id,
          {"finals.notice.results", {{"title", f.title}, {"edition", g.title}}, source});
    }
    write_results_published(tx, edition_id, actor.user_id, now, note);
    audit::record(tx, actor,
                  {"finals.results", "competition", std::to_string(edition_id), std::nullopt,
                   json{{"awards", awarded.size()}, {"note", note}}});
    return awarded;
  });
}

}  // namespace simpul::finals
