// Public pages: an innovation's profile from its published snapshot, the working copy's preview
// for those who may see it, and an agency's portfolio.
#include "core/view/format.hpp"
#include "innovations/feature.hpp"
#include "innovations/paths.hpp"
#include "innovations/portfolio.hpp"
#include "innovations/routes.hpp"
#include "innovations/store.hpp"
#include "innovations/view.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using kernel::Context;

bool may_see_working_copy(const Context& context, const Innovation& innovation) {
  return context.user() &&
         decide(editor_of(*context.user()), Action::view,
                {innovation.status, innovation.agency_id, innovation.unit_id}) == Verdict::allowed;
}

Json counted(const Context& context, std::string_view list,
             const std::map<std::string, std::int64_t>& counts, const auto& codes) {
  Json rows = Json::array();
  for (std::string_view code : codes) {
    auto found = counts.find(std::string(code));
    if (found == counts.end()) continue;
    rows.push_back({{"label", choice_label(context, list, code)},
                    {"count", view::format_integer(found->second, context.lang())}});
  }
  return rows;
}

Json counted_affairs(const Context& context, const PortfolioCounts& counts) {
  Json rows = Json::array();
  for (std::size_t i = 0; i < counts.by_affair.size(); ++i) {
    if (counts.by_affair[i] == 0) continue;
    rows.push_back({{"label", choice_label(context, "affair", kAffairs[i].code)},
                    {"count", view::format_integer(counts.by_affair[i], context.lang())}});
  }
  return rows;
}

std::int64_t count_of(const std::map<std::string, std::int64_t>& counts, const char* code) {
  auto found = counts.find(code);
  return found == counts.end() ? 0 : found->second;
}

// "155 inovasi: 77 pelayanan publik, 78 tata kelola pemerintahan", as the seed articles say it.
std::string summary(const Context& context, const PortfolioCounts& counts) {
  auto number = [&](std::int64_t n) { return view::format_integer(n, context.lang()); };
  std::string text =
      context.t("innovation.portfolio.summary",
                {{"total", number(counts.total)},
                 {"public_service", number(count_of(counts.by_form, "pelayanan_publik"))},
                 {"governance", number(count_of(counts.by_form, "tata_kelola"))}});
  if (auto others = count_of(counts.by_form, "lainnya"))
    text += context.t("innovation.portfolio.summary_others", {{"count", number(others)}});
  return text;
}

Json entries_json(const Context& context, const std::vector<PortfolioEntry>& entries) {
  Json rows = Json::array();
  for (const auto& entry : entries) {
    rows.push_back({{"url", kernel::path(paths::kInnovation, {entry.id})},
                    {"name", entry.name},
                    {"unit", entry.unit_name},
                    {"form", choice_label(context, "form", entry.form)},
                    {"stage", choice_label(context, "stage", entry.stage)},
                    {"year", entry.year ? std::to_string(*entry.year) : ""},
                    {"is_sample", entry.is_sample}});
  }
  return rows;
}

// Candidates for a region looking for something to replicate: the catalogue's more-like-this.
Json similar_innovations(Context& context, std::int64_t id) {
  Json items = Json::array();
  for (const auto& found : context.service<SimilarInnovations>().similar_innovations(id, 5)) {
    items.push_back({{"url", kernel::path(paths::kInnovation, {found.id})},
                     {"name", found.name},
                     {"agency", found.agency}});
  }
  return items;
}

Json awards_json(Context& context, const std::vector<Award>& awards);

// Who replicates it, each record's stage, the IID indicator, and what it replicates itself; a
// signed-in local admin or unit operator of another agency may start replicating it.
Json replication_json(Context& context, std::int64_t id, std::int64_t agency_id) {
  auto facts = context.service<ReplicationRecords>().replication_facts(id);
  Json adopters = Json::array();
  for (const auto& adopter : facts.adopters)
    adopters.push_back({{"agency", adopter.agency},
                        {"stage", context.t("replication.stage." + adopter.stage)},
                        {"url", adopter.url},
                        {"awards", awards_json(context, adopter.awards)}});
  Json json = {{"summary", facts.regions > 0 ? context.t("innovation.profile.replicated_by",
                                                         {{"count", std::to_string(facts.regions)}})
                                             : context.t("innovation.none_yet")},
               {"iid", context.t("innovation.profile.iid_replication",
                                 {{"score", std::to_string(facts.iid_score)}})},
               {"adopters", adopters},
               {"has_adopters", !adopters.empty()}};
  if (!facts.source_url.empty())
    json["source"] = {{"name", facts.source_name},
                      {"agency", facts.source_agency},
                      {"url", facts.source_url},
                      {"record_url", facts.record_url}};
  const auto& me = context.user();
  if (me && (me->is(auth::Role::local_admin) || me->is(auth::Role::unit_operator)) &&
      me->agency_id != agency_id)
    json["start_url"] = facts.start_url;
  return json;
}

Json awards_json(Context& context, const std::vector<Award>& awards) {
  Json list = Json::array();
  for (const auto& award : awards) {
    // A result published here links to its page; a record from the programme's reporting names
    // its source. "Penghargaan lain" says nothing the title does not: no tier then.
    bool ours = award.source.starts_with("/");
    list.push_back(
        {{"title", award.title},
         {"tier", award.tier == "lainnya" ? "" : context.t("innovation.award_tier." + award.tier)},
         {"url", ours ? award.source : ""},
         {"source", ours ? "" : award.source}});
  }
  return list;
}

}  // namespace

http::Response profile(Context& context) {
  auto id = context.path_id();
  // Visitors only read the published snapshot; the working copy matters only to its editors.
  bool signed_in = context.user().has_value();
  auto [published, innovation, awards] = context.db().read([&](db::Transaction& tx) {
    return std::tuple{find_published(tx, id),
                      signed_in ? find_innovation(tx, id) : std::optional<Innovation>{},
                      awards_of(tx, id)};
  });
  if (!published) throw not_found();
  Json model = profile_json(
      context, id, published->snapshot,
      {published->agency_id, published->agency_name, published->unit_name, published->is_sample});
  model["title"] = model["name"];
  model["version"] = published->version;
  model["published_at"] =
      view::format_date(published->published_at, context.zone(), context.lang());
  if (innovation && may_see_working_copy(context, *innovation)) {
    model["edit_url"] = kernel::path(paths::kEdit, {id});
  }
  model["awards"] = awards_json(context, awards);
  model["has_awards"] = !awards.empty();
  model["replication"] = replication_json(context, id, published->agency_id);
  model["similar"] = similar_innovations(context, id);
  model["has_similar"] = !model["similar"].empty();
  return context.page("innovations/profile", std::move(model));
}

// GET /api/v1/innovations/{id}: the published snapshot, as the profile page shows it.
http::Response api_get(Context& context) {
  auto id = context.path_id();
  auto [published, awards] = context.db().read([&](db::Transaction& tx) {
    return std::pair{find_published(tx, id), awards_of(tx, id)};
  });
  if (!published) throw not_found();
  Json body = published->snapshot;
  body["awards"] = Json::array();
  for (const auto& award : awards) {
    body["awards"].push_back({{"year", award.year ? Json(*award.year) : Json(nullptr)},
                              {"tier", award.tier},
                              {"title", award.title},
                              {"source", award.source}});
  }
  body["id"] = id;
  body["version"] = published->version;
  body["published_at"] = published->published_at;
  body["is_sample"] = published->is_sample;
  body["url"] = kernel::path(paths::kInnovation, {id});
  if (body.contains("files") && body["files"].is_array()) {
    for (auto& file : body["files"]) {
      if (file.contains("id")) {
        file["url"] = kernel::path(paths::kFile, {id, file["id"].get<std::int64_t>()});
      }
    }
  }
  return http::Response::json(body.dump());
}

http::Response preview(Context& context) {
  Innovation innovation = viewable_innovation(context, context.path_id());
  Json model = profile_json(
      context, innovation.id, make_snapshot(innovation),
      {innovation.agency_id, innovation.agency_name, innovation.unit_name, innovation.is_sample});
  model["title"] = model["name"];
  model["version"] = innovation.version;
  model["preview"] = true;
  model["edit_url"] = kernel::path(paths::kEdit, {innovation.id});
  return context.page("innovations/profile", std::move(model));
}

http::Response portfolio(Context& context) {
  auto id = context.path_id();
  auto [agency, entries] = context.db().read([&](db::Transaction& tx) {
    return std::pair{find_agency(tx, id), published_of_agency(tx, id)};
  });
  if (!agency) throw not_found();
  PortfolioCounts counts = count_portfolio(entries);
  Json model = {{"title", context.t("innovation.portfolio.title") + " " + agency->name},
                {"agency",
                 {{"name", agency->name},
                  {"type", context.t("agency_type." + agency->type)},
                  {"province", agency->province_name}}},
                {"summary", summary(context, counts)},
                {"has_entries", counts.total > 0},
                {"by_form", counted(context, "form", counts.by_form, kForms)},
                {"by_stage", counted(context, "stage", counts.by_stage, kStages)},
                {"by_type", counted(context, "type", counts.by_type, kTypes)},
                {"by_affair", counted_affairs(context, counts)},
                {"entries", entries_json(context, entries)}};
  return context.page("innovations/portfolio", std::move(model));
}

}  // namespace simpul::innovations
