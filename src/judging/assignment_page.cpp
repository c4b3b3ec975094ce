// The organiser's assignment page (/kompetisi/{id}/penugasan): the evaluators' loads, the
// proposals that passed screening with their evaluators, the automatic assignment, and a page per
// proposal for manual moves, which say why a conflicted evaluator cannot be chosen. And the
// evaluator's own queue (/penilaian).
#include <algorithm>

#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "judging/evaluation.hpp"
#include "judging/feature.hpp"
#include "judging/paths.hpp"
#include "judging/service.hpp"
#include "judging/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::judging {
namespace {

using kernel::Context;
using kernel::Json;

constexpr std::int64_t kPageSize = 50;

struct Board {
  std::vector<Proposal> proposals;
  std::map<std::int64_t, ProposalName> names;
  std::map<std::int64_t, std::string> evaluators;
  std::vector<Assigned> pairs;
  std::vector<Evaluator> active;
  std::map<std::int64_t, Progress> progress;
  std::map<std::int64_t, EvaluatorSetting> settings;
};

Board read_board(Context& context, const competitions::Edition& edition) {
  auto today = competitions::local_date(now_seconds(), edition.setup.general.zone);
  return context.db().read([&](db::Transaction& tx) {
    return Board{screened_proposals(tx, edition.id),
                 screened_names(tx, edition.id),
                 evaluator_names(tx),
                 assignments_of(tx, edition.id),
                 active_evaluators(tx, today),
                 progress_of(tx, edition.id),
                 evaluator_settings(tx, edition.id)};
  });
}

// The pairs whose evaluator has the proposal's category among their fields, as the run counts
// them (Result::expertise_matches), so the page tells the same after manual moves.
int expertise_matches(const Board& board) {
  std::map<std::int64_t, const Proposal*> proposals;
  for (const auto& p : board.proposals) proposals[p.id] = &p;
  int matches = 0;
  for (const auto& a : board.pairs) {
    auto p = proposals.find(a.proposal_id);
    auto s = board.settings.find(a.evaluator_id);
    if (p == proposals.end() || s == board.settings.end()) continue;
    matches += has_expertise(Evaluator{.expertise = s->second.expertise}, *p->second);
  }
  return matches;
}

std::string expertise_text(const competitions::Setup& setup, const std::set<std::string>& codes) {
  std::string text;
  for (const auto& category : setup.categories) {
    if (codes.contains(category.code)) text += (text.empty() ? "" : "; ") + category.name;
  }
  return text;
}

// Every active evaluator and whoever else has pairs in the edition, with their settings and where
// their sheets stand.
Json loads_json(const Board& board, const competitions::Edition& edition) {
  std::set<std::int64_t> ids;
  for (const auto& e : board.active) ids.insert(e.id);
  for (const auto& [id, progress] : board.progress) ids.insert(id);
  Json rows = Json::array();
  for (auto id : ids) {
    auto name = board.evaluators.find(id);
    auto progress = board.progress.contains(id) ? board.progress.at(id) : Progress{};
    auto setting = board.settings.contains(id) ? board.settings.at(id) : EvaluatorSetting{};
    rows.push_back({{"name", name == board.evaluators.end() ? "" : name->second},
                    {"url", kernel::path(paths::kEvaluator, {edition.id, id})},
                    {"expertise", expertise_text(edition.setup, setting.expertise)},
                    {"max_load", setting.max_load ? std::to_string(*setting.max_load) : ""},
                    {"load", progress.assigned},
                    {"not_started", progress.not_started()},
                    {"drafts", progress.drafts},
                    {"submitted", progress.submitted}});
  }
  return rows;
}

Json proposals_json(Context& context, const Board& board, std::int64_t edition_id, int k,
                    std::int64_t page, int& short_count) {
  std::map<std::int64_t, std::vector<const Assigned*>> by_proposal;
  for (const auto& a : board.pairs) by_proposal[a.proposal_id].push_back(&a);
  Json rows = Json::array();
  short_count = 0;
  std::int64_t index = 0;
  for (const auto& p : board.proposals) {
    const auto& assigned = by_proposal[p.id];
    bool is_short = static_cast<int>(assigned.size()) < k;
    short_count += is_short;
    if (index++ / kPageSize != page - 1) continue;
    std::string evaluators;
    for (const Assigned* a : assigned) {
      auto name = board.evaluators.find(a->evaluator_id);
      evaluators += (evaluators.empty() ? "" : "; ") +
                    (name == board.evaluators.end() ? std::string("?") : name->second) +
                    (a->method == "manual" ? " (" + context.t("judging.assign.manual") + ")" : "");
    }
    auto name = board.names.find(p.id);
    rows.push_back({{"title", name == board.names.end() ? "" : name->second.title},
                    {"agency", name == board.names.end() ? "" : name->second.agency_name},
                    {"evaluators", evaluators},
                    {"short", is_short},
                    {"url", kernel::path(paths::kMoves, {edition_id, p.id})}});
  }
  return rows;
}

http::Response render_board(Context& context, const competitions::Edition& edition,
                            const std::string& problem, int status) {
  Board board = read_board(context, edition);
  int k = edition.setup.general.evaluators_per_proposal.value_or(2);
  auto page = std::min<std::int64_t>(
      parse_positive(context.request().query().get("halaman")).value_or(1), 10'000);
  int short_count = 0;
  Json rows = proposals_json(context, board, edition.id, k, page, short_count);
  Json loads = loads_json(board, edition);
  std::string base = kernel::path(paths::kBoard, {edition.id});
  Json pager = Json::object();
  if (page > 1)
    pager["previous"] =
        kernel::path(paths::kBoard, {edition.id}) + "?halaman=" + std::to_string(page - 1);
  if (page * kPageSize < static_cast<std::int64_t>(board.proposals.size()))
    pager["following"] =
        kernel::path(paths::kBoard, {edition.id}) + "?halaman=" + std::to_string(page + 1);
  Json model = {
      {"title", context.t("judging.assign.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"action", base},
      {"k", k},
      {"screened", board.proposals.size()},
      {"evaluators", board.active.size()},
      {"pairs", board.pairs.size()},
      {"expertise_matches", expertise_matches(board)},
      {"remind_action", kernel::path(paths::kRemind, {edition.id})},
      {"short", short_count},
      {"loads", loads},
      {"has_loads", !loads.empty()},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"pager", pager},
      {"problem", problem},
  };
  return context.page("judging/assignment", std::move(model), status);
}

http::Response board(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  return render_board(context, edition, "", 200);
}

http::Response run(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  Result result;
  try {
    result = assign_edition(context.db(), context.actor(), context.signed_in_user(), edition.id,
                            now_seconds());
  } catch (const simpul::Conflict& error) {
    return render_board(context, edition, context.t(error.key(), error.args()), 409);
  }
  // "Done" only when every proposal has its evaluators; otherwise how many are short.
  if (!result.complete()) {
    return context.redirect_with_notice(kernel::path(paths::kBoard, {edition.id}),
                                        "judging.assign.done_short",
                                        {{"count", std::to_string(result.shortfalls.size())}});
  }
  return context.redirect_with_notice(kernel::path(paths::kBoard, {edition.id}),
                                      "judging.assign.done");
}

http::Response remind(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  int reminded = 0;
  try {
    reminded = remind_evaluators(context.db(), context.actor(), context.signed_in_user(),
                                 edition.id, now_seconds());
  } catch (const simpul::Conflict& error) {
    return render_board(context, edition, context.t(error.key(), error.args()), 409);
  }
  if (reminded == 0)
    return context.redirect_with_notice(kernel::path(paths::kBoard, {edition.id}),
                                        "judging.remind.nobody");
  return context.redirect_with_notice(kernel::path(paths::kBoard, {edition.id}),
                                      "judging.remind.done", {{"n", std::to_string(reminded)}});
}

http::Response render_moves(Context& context, const competitions::Edition& edition,
                            std::int64_t proposal_id, const std::string& problem, int status) {
  auto today = competitions::local_date(now_seconds(), edition.setup.general.zone);
  struct Data {
    std::optional<Proposal> proposal;
    std::vector<Evaluator> evaluators;
    std::map<std::int64_t, std::string> names;
    std::map<std::int64_t, ProposalName> titles;
    std::vector<Assigned> pairs;
  };
  Data d = context.db().read([&](db::Transaction& tx) {
    return Data{screened_proposal(tx, edition.id, proposal_id), active_evaluators(tx, today),
                evaluator_names(tx), screened_names(tx, edition.id),
                assignments_of(tx, edition.id)};
  });
  if (!d.proposal) throw not_found();
  Json current = Json::array(), choices = Json::array();
  std::set<std::int64_t> assigned;
  for (const auto& a : d.pairs) {
    if (a.proposal_id != proposal_id) continue;
    assigned.insert(a.evaluator_id);
    current.push_back({{"id", a.evaluator_id}, {"name", d.names[a.evaluator_id]}});
  }
  for (const auto& e : d.evaluators) {
    if (assigned.contains(e.id)) continue;
    auto why = conflict_reason(e, *d.proposal);
    choices.push_back({{"id", e.id},
                       {"name", d.names[e.id] + (why ? " — " + context.t(*why) : "")},
                       {"disabled", why.has_value()}});
  }
  Json model = {{"title", d.titles[proposal_id].title},
                {"agency", d.titles[proposal_id].agency_name},
                {"board_url", kernel::path(paths::kBoard, {edition.id})},
                {"action", kernel::path(paths::kMoves, {edition.id, proposal_id})},
                {"current", current},
                {"has_current", !current.empty()},
                {"choices", choices},
                {"problem", problem}};
  return context.page("judging/moves", std::move(model), status);
}

http::Response moves(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  return render_moves(context, edition, context.path_id("proposal"), "", 200);
}

http::Response move(Context& context) {
  auto edition = competitions::managed_edition(context, context.path_id());
  auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  Move m{proposal_id, parse_positive(form.get("lepas")), parse_positive(form.get("tambah")),
         form.get("alasan")};
  try {
    move_evaluators(context.db(), context.actor(), context.signed_in_user(), edition.id, m,
                    now_seconds());
  } catch (const InvalidForm& error) {
    return render_moves(context, edition, proposal_id,
                        context.explain(error.errors().begin()->second), 422);
  } catch (const simpul::Conflict& error) {
    return render_moves(context, edition, proposal_id, context.t(error.key()), 409);
  }
  return http::Response::redirect(kernel::path(paths::kMoves, {edition.id, proposal_id}));
}

// Per edition, in the queue's order (an edition's items are together): how many of the
// evaluator's sheets are submitted.
Json progress_json(Context& context, const std::vector<QueueItem>& items) {
  struct Tally {
    std::int64_t edition_id = 0;
    std::string edition;
    int assigned = 0, submitted = 0;
  };
  std::vector<Tally> tallies;
  for (const auto& item : items) {
    if (tallies.empty() || tallies.back().edition_id != item.edition_id)
      tallies.push_back({item.edition_id, item.edition_title});
    ++tallies.back().assigned;
    tallies.back().submitted += item.sheet_status == "submitted";
  }
  Json out = Json::array();
  for (const auto& t : tallies) {
    out.push_back({{"edition", t.edition},
                   {"text", context.t("judging.queue.progress",
                                      {{"submitted", std::to_string(t.submitted)},
                                       {"assigned", std::to_string(t.assigned)}})}});
  }
  return out;
}

http::Response queue(Context& context) {
  auto items = context.db().read(
      [&](db::Transaction& tx) { return queue_of(tx, context.signed_in_user().id); });
  Json rows = Json::array();
  for (const auto& item : items) {
    std::string state = item.sheet_status == "submitted" ? "judging.sheet.submitted"
                        : item.sheet_status == "draft"   ? "judging.sheet.draft"
                                                         : "judging.sheet.empty";
    rows.push_back({{"edition", item.edition_title},
                    {"edition_url", kernel::path(competitions::paths::kEdition, {item.edition_id})},
                    {"title", item.title},
                    {"url", kernel::path(paths::kSheet, {item.proposal_id})},
                    {"state", context.t(state)},
                    {"category", item.category_name}});
  }
  Json model = {{"title", context.t("judging.queue.title")},
                {"progress", progress_json(context, items)},
                {"rows", rows},
                {"has_rows", !rows.empty()},
                {"count", rows.size()}};
  return context.page("judging/queue", std::move(model));
}

}  // namespace

void register_assignment_routes(kernel::Routes& routes) {
  using auth::Role;
  using kernel::Access;
  auto organisers = competitions::edition_runners();
  routes.get(paths::kBoard, organisers, board);
  routes.post(paths::kBoard, organisers, run);
  routes.post(paths::kRemind, organisers, remind);
  routes.get(paths::kMoves, organisers, moves);
  routes.post(paths::kMoves, organisers, move);
  routes.get(paths::kQueue, Access::roles({Role::evaluator}), queue);
}

}  // namespace simpul::judging
