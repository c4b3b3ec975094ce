// Commitment rounds (/replikasi/komitmen): the list, a new round, and a round's page: its offers,
// the matrix of adopting agencies x offered innovations with each record's stage since, and the
// forms of whoever organises it (offers, closing) and of the agencies that commit.
#include <algorithm>

#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "innovations/paths.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/service.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

using auth::Role;

std::string province_of(db::Transaction& tx, const kernel::CurrentUser& me) {
  if (!me.agency_id) return "";
  auto party = find_party(tx, *me.agency_id);
  return party ? party->province_code : "";
}

bool can_organise_any(const Context& context) {
  return context.user() &&
         (context.user()->is(Role::organiser) || context.user()->is(Role::hub_coordinator));
}

http::Response round_list(Context& context) {
  auto listed = context.db().read([](db::Transaction& tx) { return list_rounds(tx); });
  Json items = Json::array();
  for (const auto& item : listed)
    items.push_back({{"title", item.round.title},
                     {"province", item.round.province_name},
                     {"date", day_text(context, item.round.signed_on)},
                     {"offers", item.offers},
                     {"agencies", item.agencies},
                     {"commitments", item.commitments},
                     {"closed", item.round.closed_at.has_value()},
                     {"is_sample", item.round.is_sample},
                     {"url", kernel::path(paths::kRound, {item.round.id})}});
  Json model = {{"title", context.t("replication.rounds.title")},
                {"rounds", items},
                {"has_rounds", !items.empty()},
                {"network_url", kernel::path(paths::kNetwork, {})}};
  if (can_organise_any(context)) model["new_url"] = kernel::path(paths::kNewRound, {});
  return context.page("replication/rounds", std::move(model));
}

http::Response render_new_round(Context& context, const FieldErrors& errors, int status) {
  const auto& me = context.signed_in_user();
  const auto& typed = context.request().form();
  auto [choices, own] = context.db().read([&](db::Transaction& tx) {
    return std::pair{provinces(tx), province_of(tx, me)};
  });
  std::string chosen = status == 200 ? own : typed.get("provinsi");
  Json options = Json::array();
  for (const auto& [code, name] : choices) {
    if (me.is(Role::hub_coordinator) && code != own) continue;
    options.push_back({{"value", code}, {"label", name}, {"selected", code == chosen}});
  }
  Json model = {
      {"title", context.t("replication.rounds.new")},
      {"action", kernel::path(paths::kNewRound, {})},
      {"provinces", options},
      {"f", {{"judul", typed.get("judul")}, {"tanggal", typed.get("tanggal")}}},
      {"errors", context.translated(errors)},
      {"error_summary",
       context.error_summary(
           errors, {{"judul", "judul", context.t("replication.rounds.field.title")},
                    {"provinsi", "provinsi", context.t("replication.network.province")},
                    {"tanggal", "tanggal", context.t("replication.rounds.field.date")}})}};
  return context.page("replication/new_round", std::move(model), status);
}

http::Response new_round(Context& context) { return render_new_round(context, {}, 200); }

http::Response create_new_round(Context& context) {
  const auto& form = context.request().form();
  try {
    auto id = create_round(context.db(), context.actor(), editor_of(context.signed_in_user()),
                           {form.get("judul"), form.get("provinsi"), form.get("tanggal"), ""},
                           now_seconds());
    return context.redirect_with_notice(kernel::path(paths::kRound, {id}),
                                        "replication.notice.round_created");
  } catch (const InvalidForm& error) {
    return render_new_round(context, error.errors(), 422);
  }
}

struct RoundData {
  Round round;
  std::vector<Offer> offers;
  std::vector<Commitment> commitments;
  std::vector<UnitChoice> agencies;  // the province's regional governments
  bool organises = false;
};

RoundData load_round(Context& context, std::int64_t id) {
  auto data = context.db().read([&](db::Transaction& tx) -> std::optional<RoundData> {
    auto round = find_round(tx, id);
    if (!round) return std::nullopt;
    bool organises = false;
    if (const auto& me = context.user())
      organises = may_organise_round(editor_of(*me), province_of(tx, *me), round->province_code);
    return RoundData{*round, offers_of(tx, id), commitments_of(tx, id),
                     regional_agencies(tx, round->province_code), organises};
  });
  if (!data) throw not_found();
  return std::move(*data);
}

// Adopters x offered innovations: each cell the stage the agency's record has reached since.
Json matrix(Context& context, const RoundData& d) {
  Json rows = Json::array();
  for (const auto& agency : d.agencies) {
    Json cells = Json::array();
    bool any = false;
    for (const auto& offer : d.offers) {
      auto found = std::find_if(d.commitments.begin(), d.commitments.end(), [&](const auto& c) {
        return c.agency_id == agency.id && c.source_innovation_id == offer.innovation_id;
      });
      Json cell = {{"label", offer.name}};
      if (found != d.commitments.end()) {
        cell["stage"] = stage_label(context, found->stage);
        cell["url"] = kernel::path(paths::kRecord, {found->replication_id});
        cell["is_sample"] = found->is_sample;
        any = true;
      }
      cells.push_back(std::move(cell));
    }
    if (any) rows.push_back({{"agency", agency.name}, {"cells", cells}});
  }
  return rows;
}

// The agencies the visitor may commit for: any of the province's when organising the round, its
// own when it is a local admin of one of them.
Json commit_choices(const Context& context, const RoundData& d) {
  Json choices = Json::array();
  if (!context.user() || d.round.closed_at) return choices;
  const auto& me = *context.user();
  auto typed = context.request().form().get("instansi");
  for (const auto& agency : d.agencies)
    if (may_commit(editor_of(me), d.organises, agency.id))
      choices.push_back({{"id", agency.id},
                         {"name", agency.name},
                         {"selected", std::to_string(agency.id) == typed}});
  return choices;
}

// The refused commitment's errors: the agency, the file, each innovation by its name.
Json round_summary(Context& context, const RoundData& d, const Refusal& refusal) {
  std::vector<Context::SummaryField> fields = {
      {"instansi", "instansi", context.t("replication.round.field.agency")},
      {"inovasi", "inovasi", context.t("replication.round.field.offers")},
      {"berkas", "berkas", context.t("replication.round.field.file")}};
  for (const auto& offer : d.offers) {
    auto id = std::to_string(offer.innovation_id);
    fields.push_back({"inovasi." + id, "inovasi-" + id, offer.name});
  }
  return context.error_summary(refusal.errors, fields);
}

http::Response render_round(Context& context, std::int64_t id, const Refusal& refusal, int status) {
  RoundData d = load_round(context, id);
  const auto& round = d.round;
  Json offers = Json::array();
  auto chosen = refusal.typed.all("inovasi");
  for (const auto& offer : d.offers) {
    std::string value = std::to_string(offer.innovation_id);
    offers.push_back(
        {{"id", offer.innovation_id},
         {"name", offer.name},
         {"agency", offer.agency},
         {"is_sample", offer.is_sample},
         {"checked", std::find(chosen.begin(), chosen.end(), value) != chosen.end()},
         {"url", kernel::path(innovations::paths::kInnovation, {offer.innovation_id})}});
  }
  Json rows = matrix(context, d);
  Json choices = commit_choices(context, d);
  bool open = !round.closed_at;
  Json model = {{"title", round.title},
                {"province", round.province_name},
                {"date", day_text(context, round.signed_on)},
                {"closed", !open},
                {"is_sample", round.is_sample},
                {"source_note", round.source_note},
                {"offers", offers},
                {"has_offers", !offers.empty()},
                {"headers", offers},
                {"rows", rows},
                {"has_rows", !rows.empty()},
                {"committed_text", context.t("replication.round.committed",
                                             {{"count", std::to_string(rows.size())},
                                              {"of", std::to_string(d.agencies.size())}})},
                {"any_sample", std::any_of(d.commitments.begin(), d.commitments.end(),
                                           [](const Commitment& c) { return c.is_sample; })},
                {"version", round.version},
                {"organises", d.organises && open},
                {"can_commit", !choices.empty() && !offers.empty()},
                {"agencies", choices},
                {"problem", refusal.problem},
                {"errors", context.translated(refusal.errors)},
                {"error_summary", round_summary(context, d, refusal)},
                {"file_dropped", refusal.file_dropped && !refusal.errors.empty()},
                {"max_file_bytes", innovations::kMaxFileBytes},
                {"links",
                 {{"offer", kernel::path(paths::kRoundOffer, {id})},
                  {"commit", kernel::path(paths::kRoundCommit, {id})},
                  {"close", kernel::path(paths::kRoundClose, {id})},
                  {"search", kernel::path(paths::kRound, {id})},
                  {"rounds", kernel::path(paths::kRounds, {})}}}};
  if (d.organises && open) {
    const auto& q = context.request().query().get("q");
    model["query"] = q;
    Json hits = Json::array();
    if (q.size() >= 2) {
      auto found =
          context.db().read([&](db::Transaction& tx) { return search_sources(tx, q, 0, 20); });
      for (const auto& s : found)
        hits.push_back({{"id", s.innovation_id}, {"name", s.name}, {"agency", s.agency.name}});
      model["searched"] = true;
    }
    model["hits"] = hits;
    model["has_hits"] = !hits.empty();
  }
  return context.page("replication/round", std::move(model), status);
}

template <class Act>
http::Response attempt_round(Context& context, const SentForm& sent, const char* notice,
                             Act&& act) {
  auto id = context.path_id();
  return attempt_form(
      context, {"", {}, "", sent.form, sent.file.has_value()}, kernel::path(paths::kRound, {id}),
      notice, [&](std::int64_t version) { act(id, version); },
      [&](const Refusal& refusal, int status) {
        return render_round(context, id, refusal, status);
      });
}

http::Response show_round(Context& context) {
  return render_round(context, context.path_id(), {}, 200);
}

http::Response add_offer(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  auto source = parse_positive(sent.form.get("sumber"));
  if (!source) throw bad_request("error.bad_form");
  return attempt_round(context, sent, "replication.notice.saved", [&](auto id, auto version) {
    offer_in_round(context.db(), context.actor(), editor_of(context.signed_in_user()), id, version,
                   *source);
  });
}

http::Response record_commitment(Context& context) {
  SentForm sent = read_sent_form(context);
  CommitmentInput input;
  input.agency_id = parse_positive(sent.form.get("instansi")).value_or(0);
  for (const auto& value : sent.form.all("inovasi"))
    if (auto source = parse_positive(value)) input.sources.push_back(*source);
  input.file = sent.file;
  return attempt_round(context, sent, "replication.notice.committed", [&](auto id, auto version) {
    commit_in_round(context.db(), context.events(), context.actor(),
                    editor_of(context.signed_in_user()), id, version, std::move(input),
                    now_seconds());
  });
}

http::Response close_the_round(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  return attempt_round(
      context, sent, "replication.notice.round_closed", [&](auto id, auto version) {
        close_round(context.db(), context.actor(), editor_of(context.signed_in_user()), id, version,
                    now_seconds());
      });
}

}  // namespace

void register_round_routes(kernel::Routes& routes) {
  using kernel::Access;
  auto organisers = Access::roles({Role::organiser, Role::hub_coordinator});
  routes.get(paths::kRounds, Access::anyone(), round_list);
  routes.get(paths::kNewRound, organisers, new_round);
  routes.post(paths::kNewRound, organisers, create_new_round);
  routes.get(paths::kRound, Access::anyone(), show_round);
  routes.post(paths::kRoundOffer, organisers, add_offer);
  routes.post(paths::kRoundCommit,
              Access::roles({Role::organiser, Role::hub_coordinator, Role::local_admin}),
              record_commitment);
  routes.post(paths::kRoundClose, organisers, close_the_round);
}

}  // namespace simpul::replication
