#include "competitions/setup_page.hpp"

#include <algorithm>
#include <charconv>

#include "competitions/paths.hpp"
#include "competitions/setup_form.hpp"
#include "competitions/store.hpp"
#include "competitions/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::competitions {
namespace {

// What a list part shows: its rows plus two empty ones to fill in, within the part's limit.
std::size_t row_limit(Part part) {
  switch (part) {
    case Part::categories:
      return kMaxCategories;
    case Part::form:
      return kMaxSections;
    case Part::attachments:
      return kMaxAttachments;
    default:
      return kMaxAspects;
  }
}

struct PartView {
  const http::Form& values;
  const FieldErrors& errors;
};

http::Form values_for(const SetupPage& page, Part part) {
  if (page.typed_part == part) return page.typed;
  return form_of(page.edition->setup, part);
}

// The errors of the fields named prefix + name, by name; always an object, so a template's
// {{#errors.x}} inside a row never reaches the page's errors.
Json errors_of(const Context& context, const FieldErrors& errors, const std::string& prefix,
               const std::vector<std::string>& names) {
  Json out = Json::object();
  for (const auto& name : names) {
    auto found = errors.find(prefix + name);
    if (found != errors.end()) out[name] = context.t(found->second.key, found->second.args);
  }
  return out;
}

Json stages_json(const Context& context, const PartView& part, const Edition& edition) {
  Json stages = Json::array();
  for (const Stage& stored : edition.setup.stages) {
    const std::string name = "stage_" + stored.code;
    bool locked = edition.status == Status::published && stored.ends_at.has_value();
    stages.push_back({{"name", name},
                      {"label", label(context, "stage", stored.code)},
                      {"deadline", stored.code == kRegistration},
                      {"starts", part.values.get(name + "_starts")},
                      {"ends", part.values.get(name + "_ends")},
                      {"locked", locked},
                      {"errors", errors_of(context, part.errors, name + "_", {"starts", "ends"})}});
  }
  return stages;
}

Json groups_json(const Context& context, const PartView& part) {
  Json groups = Json::array();
  for (std::string_view code : kGroupCodes) {
    const std::string name = "group_" + std::string(code) + "_";
    auto on = [&](const char* field) { return part.values.get(name + field) == "1"; };
    groups.push_back({{"name", "group_" + std::string(code)},
                      {"label", label(context, "group", code)},
                      {"summary", label(context, "group_summary", code)},
                      {"enabled", on("enabled")},
                      {"min_age_months", part.values.get(name + "min_age_months")},
                      {"max_per_agency", part.values.get(name + "max_per_agency")},
                      {"requires_top_award", on("requires_top_award")},
                      {"excludes_top_award", on("excludes_top_award")},
                      {"requires_source_innovation", on("requires_source_innovation")},
                      {"errors", errors_of(context, part.errors, name,
                                           {"min_age_months", "max_per_agency", "rules"})}});
  }
  return groups;
}

// Rows of a list part with every posted field, its errors, and empty rows to fill in.
Json rows_json(const Context& context, const PartView& part, Part which,
               const std::vector<std::string>& all_fields) {
  const RowShape shape = row_shape(which);
  std::size_t filled = row_count(part.values, which);
  std::size_t shown =
      std::max(filled, std::min(row_limit(which), std::max<std::size_t>(filled + 2, 3)));
  Json rows = Json::array();
  for (std::size_t n = 1; n <= shown; ++n) {
    const std::string prefix = shape.prefix + "_" + std::to_string(n) + "_";
    Json row = {{"n", n}, {"id", prefix}, {"is_new", n > filled}};
    for (const auto& field : all_fields) row[field] = part.values.get(prefix + field);
    row["errors"] = errors_of(context, part.errors, prefix, all_fields);
    rows.push_back(std::move(row));
  }
  return rows;
}

Json categories_json(const Context& context, const PartView& part) {
  Json clusters = Json::array();
  auto ticked = part.values.all("clusters");
  for (std::string_view code : kClusterCodes) {
    clusters.push_back(
        {{"value", code},
         {"label", label(context, "cluster", code)},
         {"checked", std::find(ticked.begin(), ticked.end(), code) != ticked.end()}});
  }
  return {{"rows", rows_json(context, part, Part::categories, {"code", "name"})},
          {"clusters", clusters}};
}

Json attachments_json(const Context& context, const PartView& part) {
  Json rows = rows_json(context, part, Part::attachments,
                        {"code", "title", "kind", "required", "max_video_seconds"});
  for (Json& row : rows) {
    // A new row starts as a required file.
    std::string kind = row["is_new"].get<bool>() ? "file" : row["kind"].get<std::string>();
    if (row["is_new"].get<bool>()) row["required"] = "1";
    Json kinds = Json::array();
    for (std::string_view code : kAttachmentKinds) {
      kinds.push_back({{"value", code},
                       {"label", label(context, "attachment_kind", code)},
                       {"selected", code == kind}});
    }
    row["kinds"] = std::move(kinds);
    row["required"] = row["required"] == "1";
  }
  return rows;
}

// The weights as typed, summed: the organiser sees how far from 100 they are.
int weight_sum(const http::Form& values, Part which) {
  int sum = 0;
  const std::string prefix = row_shape(which).prefix;
  for (std::size_t n = 1; n <= row_count(values, which); ++n) {
    std::string text = values.get(prefix + "_" + std::to_string(n) + "_weight");
    int weight = 0;
    std::from_chars(text.data(), text.data() + text.size(), weight);
    sum += weight;
  }
  return sum;
}

Json rubric_json(const Context& context, const PartView& part, Part which) {
  const std::string prefix = row_shape(which).prefix;
  Json json = {
      {"prefix", prefix},
      {"rows", rows_json(context, part, which,
                         {"code", "title", "weight", "scale_min", "scale_max", "guidance"})},
      {"sum", context.t("competition.setup.weight_sum",
                        {{"sum", std::to_string(weight_sum(part.values, which))}})},
      {"errors", errors_of(context, part.errors, "", {prefix})}};
  json["sum_error"] = json["errors"].contains(prefix) ? json["errors"][prefix] : Json("");
  return json;
}

Json publication_json(const Context& context, const SetupPage& page) {
  Json items = Json::array();
  for (const Problem& problem : publication_problems(page.edition->setup)) {
    items.push_back(context.t(problem.key, problem.args));
  }
  Json blocked = Json::array();
  for (const Problem& problem : page.blocked)
    blocked.push_back(context.t(problem.key, problem.args));
  return {{"missing", items},
          {"ready", items.empty()},
          {"blocked", blocked},
          {"has_blocked", !blocked.empty()}};
}

Json parts_nav(const Context& context) {
  Json nav = Json::array();
  for (Part part : kParts) {
    std::string code(part_code(part));
    nav.push_back({{"href", "#" + code}, {"label", context.t("competition.part." + code)}});
  }
  return nav;
}

}  // namespace

Json general_fields(const Context& context, const http::Form& values, const FieldErrors& errors,
                    bool zone_locked) {
  Json zones = Json::array();
  for (view::Zone zone : {view::Zone::wib, view::Zone::wita, view::Zone::wit}) {
    std::string name(view::zone_name(zone));
    zones.push_back({{"value", name},
                     {"label", context.t("competition.zone." + name)},
                     {"selected", values.get("timezone") == name}});
  }
  return {{"year", values.get("year")},
          {"title", values.get("title")},
          {"theme", values.get("theme")},
          {"timezone", values.get("timezone")},
          {"zones", zones},
          {"zone_locked", zone_locked},
          {"evaluators_per_proposal", values.get("evaluators_per_proposal")},
          {"passing_grade", values.get("passing_grade")},
          {"finalist_count", values.get("finalist_count")},
          {"blind_review", values.get("blind_review") == "1"},
          {"source_note", values.get("source_note")},
          {"certificate_signatory", values.get("certificate_signatory")},
          {"certificate_signatory_title", values.get("certificate_signatory_title")},
          {"errors", errors_of(context, errors, "",
                               {"year", "title", "theme", "timezone", "evaluators_per_proposal",
                                "passing_grade", "finalist_count", "source_note",
                                "certificate_signatory", "certificate_signatory_title"})}};
}

http::Response render_setup(Context& context, const SetupPage& page, int status) {
  const Edition& edition = *page.edition;
  const General& g = edition.setup.general;
  bool published = edition.status == Status::published;
  auto part = [&](Part which) { return values_for(page, which); };
  http::Form general = part(Part::general), stages = part(Part::stages),
             groups = part(Part::groups), categories = part(Part::categories),
             form = part(Part::form), attachments = part(Part::attachments),
             rubric = part(Part::rubric), interview = part(Part::interview);
  Json model = {
      {"title", context.t("competition.setup.title", {{"title", g.title}})},
      {"edition_title", g.title},
      {"links", edition_links(edition.id)},
      {"version", page.version ? page.version : edition.version},
      {"status", label(context, "status", status_code(edition.status))},
      {"published", published},
      {"level", level_text(context, g.level, edition.owner_name)},
      {"zone", view::zone_name(g.zone)},
      {"parts", parts_nav(context)},
      {"problem", page.problem},
      {"has_errors", !page.errors.empty()},
      {"failed_part", page.typed_part ? std::string(part_code(*page.typed_part)) : ""},
      {"general", general_fields(context, general, page.errors, published)},
      {"stages", stages_json(context, {stages, page.errors}, edition)},
      {"groups", groups_json(context, {groups, page.errors})},
      {"groups_error", context.translated(page.errors).value("groups", "")},
      {"categories", categories_json(context, {categories, page.errors})},
      {"category_errors", errors_of(context, page.errors, "", {"categories", "clusters"})},
      {"sections", rows_json(context, {form, page.errors}, Part::form,
                             {"code", "title", "guidance", "max_words"})},
      {"sections_error", context.translated(page.errors).value("sections", "")},
      {"attachments", attachments_json(context, {attachments, page.errors})},
      {"attachments_error", context.translated(page.errors).value("attachments", "")},
      {"rubric", rubric_json(context, {rubric, page.errors}, Part::rubric)},
      {"interview", rubric_json(context, {interview, page.errors}, Part::interview)},
      {"publication", publication_json(context, page)}};
  return context.page("competitions/setup", std::move(model), status);
}

}  // namespace simpul::competitions
