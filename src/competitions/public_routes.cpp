// The public side: published editions, and an edition's page with its dates in its own zone, its
// groups' rules in plain words, categories, form and rubrics. A draft is shown only to whoever
// runs it, marked as a draft.
#include "competitions/calendar.hpp"
#include "competitions/editions.hpp"
#include "competitions/paths.hpp"
#include "competitions/routes.hpp"
#include "competitions/service.hpp"
#include "competitions/store.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "kernel/paths.hpp"

namespace simpul::competitions {
namespace {

Json listed_json(const Context& context, const ListedEdition& edition, std::int64_t now) {
  std::string deadline = edition.registration_close
                             ? datetime_text(context, *edition.registration_close, edition.zone)
                             : context.t("competition.list.no_deadline");
  return {{"url", kernel::path(paths::kEdition, {edition.id})},
          {"deadline", deadline},
          {"setup_url", kernel::path(paths::kSetup, {edition.id})},
          {"year", edition.year},
          {"title", edition.title},
          {"level", level_text(context, edition.level, edition.owner_name)},
          {"status", label(context, "status", status_code(edition.status))},
          {"registration", registration_text(context, edition.status, edition.registration_opens,
                                             edition.registration_close, edition.zone, now)}};
}

std::optional<Manager> running_manager(const Context& context) {
  if (!context.user()) return std::nullopt;
  Manager manager = manager_of(*context.user());
  if (!may_create(manager)) return std::nullopt;
  return manager;
}

// A boundary of a stage: the date alone when it is the start or the end of the day, which is how
// the sources give most dates; the time too otherwise, and always for a deadline.
std::string boundary_text(const Context& context, std::int64_t utc, view::Zone zone, bool end,
                          bool deadline) {
  std::int64_t minute = (utc - instant_of(local_date(utc, zone), 0, zone)) / 60;
  bool whole_day = end ? minute == kLastMinuteOfDay : minute == 0;
  return whole_day && !deadline ? date_text(context, utc, zone) : datetime_text(context, utc, zone);
}

std::string stage_when(const Context& context, const Stage& stage, view::Zone zone) {
  bool deadline = stage.code == kRegistration;
  auto from = [&] { return boundary_text(context, *stage.starts_at, zone, false, false); };
  auto to = [&] { return boundary_text(context, *stage.ends_at, zone, true, deadline); };
  if (stage.starts_at && stage.ends_at) {
    if (local_date(*stage.starts_at, zone) == local_date(*stage.ends_at, zone) && !deadline)
      return from();
    return context.t("competition.when.range", {{"from", from()}, {"to", to()}});
  }
  if (stage.starts_at) return from();
  return context.t("competition.when.until", {{"to", to()}});
}

Json stages_json(const Context& context, const Setup& setup) {
  Json rows = Json::array();
  for (const Stage& stage : setup.stages) {
    if (!stage.starts_at && !stage.ends_at) continue;
    rows.push_back({{"label", label(context, "stage", stage.code)},
                    {"when", stage_when(context, stage, setup.general.zone)}});
  }
  return rows;
}

Json extensions_json(const Context& context, const Edition& edition) {
  const view::Zone zone = edition.setup.general.zone;
  Json rows = Json::array();
  for (const Extension& e : edition.extensions) {
    bool same_day = local_date(e.old_ends_at, zone) == local_date(e.new_ends_at, zone);
    std::string old = same_day ? datetime_text(context, e.old_ends_at, zone)
                               : date_text(context, e.old_ends_at, zone);
    rows.push_back({{"text", context.t("competition.extension.text",
                                       {{"deadline", label(context, "deadline", e.stage)},
                                        {"old", old},
                                        {"new", datetime_text(context, e.new_ends_at, zone)}})},
                    {"reason", e.reason}});
  }
  return rows;
}

Json groups_json(Context& context, const Setup& setup) {
  Deadline deadline{setup.general.year, registration_close(setup), setup.general.zone};
  Json groups = Json::array();
  for (const GroupRules& group : setup.groups) {
    if (!group.enabled) continue;
    Json rules = Json::array();
    for (const Reason& rule : describe_rules(group, deadline)) {
      rules.push_back(reason_text(context, rule, setup.general.zone));
    }
    groups.push_back({{"label", label(context, "group", group.code)},
                      {"summary", label(context, "group_summary", group.code)},
                      {"rules", rules}});
  }
  return groups;
}

Json form_json(const Context& context, const Setup& setup) {
  Json sections = Json::array();
  for (const FormSection& s : setup.sections) {
    Json json = {{"title", s.title}, {"guidance", paragraphs(s.guidance)}};
    if (s.max_words) {
      json["limit"] = context.t("competition.show.max_words",
                                {{"n", view::format_integer(*s.max_words, context.lang())}});
    }
    sections.push_back(std::move(json));
  }
  return sections;
}

// "paling lama 3 menit"
std::string video_limit(const Context& context, int seconds) {
  std::string duration =
      seconds % 60 == 0
          ? context.t("competition.show.minutes", {{"n", std::to_string(seconds / 60)}})
          : context.t("competition.show.seconds", {{"n", std::to_string(seconds)}});
  return context.t("competition.show.max_video", {{"duration", duration}});
}

Json attachments_json(const Context& context, const Setup& setup) {
  Json rows = Json::array();
  for (const RequiredAttachment& a : setup.attachments) {
    std::string detail = label(context, "attachment_kind", a.kind);
    if (a.max_video_seconds) detail += ", " + video_limit(context, *a.max_video_seconds);
    detail +=
        ", " + context.t(a.required ? "competition.show.required" : "competition.show.optional");
    rows.push_back({{"title", a.title}, {"detail", detail}});
  }
  return rows;
}

Json rubric_json(const Context& context, const std::vector<RubricAspect>& aspects) {
  Json rows = Json::array();
  for (const RubricAspect& a : aspects) {
    rows.push_back(
        {{"title", a.title},
         {"weight", std::to_string(a.weight) + "%"},
         {"scale", context.t("competition.show.scale", {{"min", std::to_string(a.scale_min)},
                                                        {"max", std::to_string(a.scale_max)}})},
         {"guidance", a.guidance}});
  }
  return rows;
}

Json facts_json(const Context& context, const General& g) {
  Json facts = Json::array();
  auto add = [&](const char* key, const std::optional<int>& value) {
    if (value) facts.push_back({{"term", context.t(key)}, {"value", std::to_string(*value)}});
  };
  add("competition.field.evaluators_per_proposal", g.evaluators_per_proposal);
  add("competition.field.passing_grade", g.passing_grade);
  add("competition.field.finalist_count", g.finalist_count);
  if (g.blind_review) {
    facts.push_back({{"term", context.t("competition.field.blind_review")},
                     {"value", context.t("competition.show.yes")}});
  }
  return facts;
}

Json names_json(const Context& context, const Setup& setup) {
  Json categories = Json::array(), clusters = Json::array();
  for (const Category& c : setup.categories) categories.push_back(c.name);
  for (const auto& code : setup.clusters) clusters.push_back(label(context, "cluster", code));
  return {{"categories", categories}, {"clusters", clusters}};
}

// Where the visitor goes next: the pages the later stages (proposals, judging, finals) offer this
// visitor on a published edition.
Json stage_links(Context& context, const Edition& edition, bool manager, std::int64_t now) {
  if (edition.status != Status::published) return nullptr;
  const auto& user = context.user();
  EditionViewer viewer{
      .manager = manager,
      .panel = manager || (user && user->is(auth::Role::panelist)),
      .agency = user && (user->is(auth::Role::unit_operator) || user->is(auth::Role::local_admin)),
      .registration_open = registration_open(edition, now)};
  std::vector<EditionLink> found;
  context.db().read([&](db::Transaction& tx) {
    found = context.service<LaterStages>().links(tx, edition, viewer);
  });
  if (found.empty()) return nullptr;
  Json links = Json::array();
  for (const auto& link : found)
    links.push_back({{"url", link.url}, {"text", context.t(link.text_key)}});
  return links;
}

}  // namespace

http::Response list(Context& context) {
  auto now = now_seconds();
  auto manager = running_manager(context);
  Json published = Json::array(), mine = Json::array();
  context.db().read([&](db::Transaction& tx) {
    for (const auto& edition : published_editions(tx))
      published.push_back(listed_json(context, edition, now));
    if (!manager) return;
    for (const auto& edition : editions_of(tx, *level_run_by(manager->role), owner_for(*manager)))
      mine.push_back(listed_json(context, edition, now));
  });
  Json model = {{"title", context.t("competition.list.title")},
                {"editions", published},
                {"has_editions", !published.empty()},
                {"runs", manager.has_value()},
                {"mine", mine},
                {"has_mine", !mine.empty()}};
  return context.page("competitions/list", std::move(model));
}

http::Response show(Context& context) {
  Edition edition = load_edition(context.db(), context.path_id());
  const Setup& setup = edition.setup;
  const General& g = setup.general;
  bool manager = manages(context, g);
  if (edition.status == Status::draft && !manager) throw not_found();
  auto now = now_seconds();
  const Stage* registration = find_stage(setup, kRegistration);
  auto names = names_json(context, setup);
  Json model = {
      {"title", g.title},
      {"year", g.year},
      {"level", level_text(context, g.level, edition.owner_name)},
      {"theme", g.theme},
      {"zone", view::zone_name(g.zone)},
      {"is_draft", edition.status == Status::draft},
      {"registration", registration_text(context, edition.status, registration->starts_at,
                                         registration->ends_at, g.zone, now)},
      {"registration_open", registration_open(edition, now)},
      {"registration_closed", edition.status == Status::published && registration->ends_at &&
                                  now >= *registration->ends_at},
      {"extensions", extensions_json(context, edition)},
      {"stages", stages_json(context, setup)},
      {"groups", groups_json(context, setup)},
      {"categories", names["categories"]},
      {"clusters", names["clusters"]},
      {"sections", form_json(context, setup)},
      {"attachments", attachments_json(context, setup)},
      {"rubric", rubric_json(context, setup.rubric)},
      {"interview", rubric_json(context, setup.interview)},
      {"facts", facts_json(context, g)},
      {"source_note", paragraphs(g.source_note)},
  };
  for (const char* list : {"extensions", "stages", "categories", "clusters", "sections",
                           "attachments", "rubric", "interview", "facts", "source_note"}) {
    model[std::string("has_") + list] = !model[list].empty();
  }
  model["proposals"] = stage_links(context, edition, manager, now);
  model["has_proposal_links"] = !model["proposals"].is_null();
  if (manager) {
    model["manage"] = {
        {"setup", kernel::path(paths::kSetup, {edition.id})},
        {"copy", kernel::path(paths::kCopy, {edition.id})},
        {"extend",
         edition.status == Status::published ? kernel::path(paths::kExtend, {edition.id}) : ""}};
  }
  return context.page("competitions/show", std::move(model));
}

}  // namespace simpul::competitions
