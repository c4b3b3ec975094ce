#include "innovations/edit_page.hpp"

#include <algorithm>

#include "agencies/paths.hpp"
#include "core/view/format.hpp"
#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/store.hpp"
#include "innovations/uploads.hpp"
#include "innovations/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

Json options(const Context& context, std::string_view list, const auto& codes,
             const std::string& selected) {
  Json out = Json::array();
  for (std::string_view code : codes) {
    out.push_back({{"value", code},
                   {"label", choice_label(context, list, code)},
                   {"selected", code == selected}});
  }
  return out;
}

Json affair_groups(const Context& context, const std::vector<std::string>& selected) {
  Json groups = Json::array();
  for (std::size_t group = 0; group < std::size(kAffairGroups); ++group) {
    Json items = Json::array();
    for (const auto& affair : kAffairs) {
      if (static_cast<std::size_t>(affair.group) != group) continue;
      bool checked = std::find(selected.begin(), selected.end(), affair.code) != selected.end();
      items.push_back({{"value", affair.code},
                       {"label", choice_label(context, "affair", affair.code)},
                       {"checked", checked}});
    }
    groups.push_back({{"legend", choice_label(context, "affair_group", kAffairGroups[group])},
                      {"items", items}});
  }
  return groups;
}

Json sdg_choices(const Context& context, const std::vector<int>& selected) {
  Json items = Json::array();
  for (int goal = 1; goal <= kSdgCount; ++goal) {
    bool checked = std::find(selected.begin(), selected.end(), goal) != selected.end();
    items.push_back({{"value", goal}, {"label", sdg_label(context, goal)}, {"checked", checked}});
  }
  return items;
}

// The rows of the results table: those filled in plus two empty ones, at least three.
Json result_rows(const Context& context, const std::vector<ResultRow>& results,
                 const FieldErrors& errors) {
  std::size_t count = std::min(kMaxResults, std::max<std::size_t>(results.size() + 2, 3));
  Json rows = Json::array();
  for (std::size_t i = 0; i < count; ++i) {
    ResultRow row = i < results.size() ? results[i] : ResultRow{};
    Json json = {{"n", i + 1},
                 {"indicator", row.indicator},
                 {"before", row.before},
                 {"after", row.after},
                 {"unit", row.unit}};
    if (auto error = errors.find("result_" + std::to_string(i + 1)); error != errors.end())
      json["error"] = context.explain(error->second);
    rows.push_back(std::move(json));
  }
  return rows;
}

Json typed_json(const TypedForm& typed) {
  const Fields& f = typed.fields;
  return {{"name", f.name},
          {"short_name", f.short_name},
          {"trial_date", f.trial_date},
          {"implementation_date", f.implementation_date},
          {"problem", f.problem},
          {"design", f.design},
          {"goals", f.goals},
          {"benefits", f.benefits},
          {"budget", typed.budget},
          {"video_url", f.video_url},
          {"tags", typed.tags},
          {"note", typed.note}};
}

Json unit_choices(Context& context, const kernel::CurrentUser& me,
                  const std::optional<std::int64_t>& selected) {
  Json units = Json::array();
  if (!me.is(auth::Role::local_admin) || !me.agency_id) return units;
  auto list =
      context.db().read([&](db::Transaction& tx) { return units_of_agency(tx, *me.agency_id); });
  for (const auto& unit : list) {
    units.push_back({{"id", unit.id}, {"name", unit.name}, {"selected", unit.id == selected}});
  }
  return units;
}

Json edit_files_json(const Context& context, const Innovation& innovation, bool editable) {
  Json files = Json::array();
  for (const auto& file : innovation.files) {
    files.push_back({{"id", file.id},
                     {"name", file.name},
                     {"url", kernel::path(paths::kFile, {innovation.id, file.id})},
                     {"type", file.content_type},
                     {"size", size_text(context, file.size)},
                     {"removable", editable}});
  }
  return files;
}

// The file chooser inside the edit form, with its limits and what became of a chosen file.
void add_file_chooser(Context& context, const EditPage& page, Json& model) {
  std::string size = std::to_string(kMaxFileBytes >> 20) + " MB";
  model["can_upload"] = true;
  model["max_file_bytes"] = kMaxFileBytes;
  model["file_too_large"] = context.t("innovation.files.too_large", {{"size", size}});
  model["file_limits"] =
      context.t("innovation.files.limits",
                {{"size", size}, {"count", std::to_string(kMaxFilesPerInnovation)}});
  if (!page.upload_error.empty()) model["upload_error"] = page.upload_error;
  model["files_dropped"] = page.files_dropped && page.upload_error.empty();
}

bool allowed(const Editor& editor, Action action, const Innovation& innovation) {
  return decide(editor, action, {innovation.status, innovation.agency_id, innovation.unit_id}) ==
         Verdict::allowed;
}

// What an existing innovation adds to the page: state, links, actions and files.
void add_existing(Context& context, const EditPage& page, Json& model) {
  const Innovation& innovation = *page.innovation;
  Editor editor = editor_of(context.signed_in_user());
  bool editable = allowed(editor, Action::edit, innovation);
  model["title"] = innovation.fields.name;
  model["action"] = kernel::path(paths::kEdit, {innovation.id});
  model["links"] = {{"preview", kernel::path(paths::kPreview, {innovation.id})},
                    {"versions", kernel::path(paths::kVersions, {innovation.id})},
                    {"submit", kernel::path(paths::kSubmit, {innovation.id})},
                    {"publish", kernel::path(paths::kPublish, {innovation.id})},
                    {"return", kernel::path(paths::kReturn, {innovation.id})}};
  model["where"] = innovation.agency_name + " · " + innovation.unit_name;
  model["status_text"] =
      status_label(context, innovation.status, innovation.published_version.has_value());
  if (innovation.published_version) {
    model["public_url"] = kernel::path(paths::kInnovation, {innovation.id});
  }
  if (innovation.status == Status::returned && !innovation.return_note.empty()) {
    model["has_return_note"] = true;
    model["return_note"] = paragraphs(innovation.return_note);
  }
  model["editable"] = editable;
  if (!editable) {
    model["locked_reason"] =
        context.t(innovation.status == Status::submitted ? "innovation.edit.locked_submitted"
                                                         : "innovation.edit.locked_read_only");
  }
  bool can_submit = allowed(editor, Action::submit, innovation);
  bool can_publish = allowed(editor, Action::publish, innovation);
  bool can_send_back = allowed(editor, Action::send_back, innovation);
  model["can_submit"] = can_submit;
  model["can_publish"] = can_publish;
  model["can_send_back"] = can_send_back;
  model["has_actions"] = can_submit || can_publish || can_send_back;
  model["return_notes"] = page.return_notes;
  model["files"] = edit_files_json(context, innovation, editable);
  model["has_files"] = !innovation.files.empty();
  if (editable) add_file_chooser(context, page, model);
}

void add_new(Context& context, const EditPage& page, Json& model) {
  const auto& me = context.signed_in_user();
  model["title"] = context.t("innovation.edit.new_title");
  model["action"] = "/inovasi/baru";
  model["is_new"] = true;
  model["editable"] = true;
  add_file_chooser(context, page, model);
  if (me.is(auth::Role::local_admin)) {
    Json units = unit_choices(context, me, page.unit_id);
    model["choose_unit"] = true;
    model["has_units"] = !units.empty();
    model["units"] = units;
    if (me.agency_id) model["agency_url"] = kernel::path(agencies::paths::kAgency, {*me.agency_id});
  }
}

}  // namespace

SentForm read_sent_form(const kernel::Context& context) {
  // Every field of the form, each box ticked, and the files.
  auto body = context.form_body(256);
  SentForm sent{std::move(body.fields), {}};
  if (body.multipart)
    for (const auto* part : body.multipart->files("berkas"))
      sent.files.added.push_back({*part->filename, part->body});
  if (auto removed = parse_positive(sent.form.get("hapus"))) sent.files.removed.push_back(*removed);
  return sent;
}

TypedForm read_typed_form(const http::Form& form) {
  TypedForm typed;
  Fields& f = typed.fields;
  f.name = form.get("name");
  f.short_name = form.get("short_name");
  f.form = form.get("form");
  f.type = form.get("type");
  f.stage = form.get("stage");
  f.initiator = form.get("initiator");
  f.affairs = form.all("affairs");
  for (const auto& goal : form.all("sdgs")) {
    auto number = parse_positive(goal);
    f.sdgs.push_back(number && *number <= kSdgCount ? static_cast<int>(*number) : 0);
  }
  f.trial_date = form.get("trial_date");
  f.implementation_date = form.get("implementation_date");
  f.problem = form.get("problem");
  f.design = form.get("design");
  f.goals = form.get("goals");
  f.benefits = form.get("benefits");
  for (std::size_t n = 1; n <= kMaxResults; ++n) {
    std::string prefix = "result_" + std::to_string(n) + "_";
    f.results.push_back({form.get(prefix + "indicator"), form.get(prefix + "before"),
                         form.get(prefix + "after"), form.get(prefix + "unit")});
  }
  f.video_url = form.get("video_url");
  typed.budget = form.get("budget");
  typed.tags = form.get("tags");
  typed.note = form.get("note");
  return typed;
}

TypedForm typed_from(const Fields& fields) {
  TypedForm typed;
  typed.fields = fields;
  // Indonesian grouping in either language: it is what parse_rupiah reads back.
  if (fields.budget) typed.budget = view::format_integer(*fields.budget, view::Lang::id);
  typed.tags = join_tags(fields.tags);
  return typed;
}

FieldErrors parse_typed_form(TypedForm& typed) {
  FieldErrors errors;
  typed.fields.budget.reset();
  if (typed.budget.find_first_not_of(" \t") != std::string::npos) {
    typed.fields.budget = parse_rupiah(typed.budget);
    if (!typed.fields.budget) errors["budget"] = "innovation.error.budget";
  }
  std::optional<std::string> tag_problem;
  typed.fields.tags = parse_tags(typed.tags, tag_problem);
  if (tag_problem) errors["tags"] = *tag_problem;
  errors.merge(check_fields(typed.fields));
  return errors;
}

EditPage stored_page(const Innovation& innovation) {
  EditPage page;
  page.innovation = &innovation;
  page.typed = typed_from(innovation.fields);
  page.version = innovation.version;
  return page;
}

// The refused form's errors at its top, in the form's order, each linking to its field (a group
// of boxes links to its message); a refused or dropped file links to the file chooser.
Json error_summary(Context& context, const EditPage& page) {
  const FieldErrors& errors = page.errors;
  static constexpr std::pair<const char*, const char*> kFields[] = {
      {"unit_id", "unit"},
      {"name", "name"},
      {"short_name", "short_name"},
      {"form", "form"},
      {"type", "type"},
      {"stage", "stage"},
      {"initiator", "initiator"},
      {"affairs", "affairs"},
      {"sdgs", "sdgs"},
      {"trial_date", "trial_date"},
      {"implementation_date", "implementation_date"},
      {"problem", "problem"},
      {"design", "design"},
      {"goals", "goals"},
      {"benefits", "benefits"},
      {"results", "results"},
      {"budget", "budget"},
      {"video_url", "video_url"},
      {"tags", "tags"}};
  std::vector<Context::SummaryField> fields;
  for (const auto& [field, label] : kFields) {
    bool group = std::string_view(field) == "affairs" || std::string_view(field) == "sdgs" ||
                 std::string_view(field) == "results";
    fields.push_back({field, group ? std::string(field) + "-error" : std::string(field),
                      context.t(std::string("innovation.field.") + label)});
  }
  for (int i = 1; i <= 10; ++i)
    fields.push_back({"result_" + std::to_string(i), "result_" + std::to_string(i) + "_indicator",
                      context.t("innovation.field.results") + " " + std::to_string(i)});
  Json summary = context.error_summary(errors, fields);
  std::string file_problem = page.upload_error;
  if (file_problem.empty() && page.files_dropped && !errors.empty())
    file_problem = context.t("innovation.files.dropped");
  if (file_problem.empty()) return summary;
  if (summary.is_null()) summary = {{"items", Json::array()}};
  summary["items"].push_back({{"href", "#berkas-input"},
                              {"text", context.t("innovation.field.files") + ": " + file_problem}});
  return summary;
}

http::Response render_edit(Context& context, const EditPage& page, int status) {
  const Fields& f = page.typed.fields;
  Json model = {{"version", page.version},
                {"f", typed_json(page.typed)},
                {"forms", options(context, "form", kForms, f.form)},
                {"types", options(context, "type", kTypes, f.type)},
                {"stages", options(context, "stage", kStages, f.stage)},
                {"initiators", options(context, "initiator", kInitiators, f.initiator)},
                {"affair_groups", affair_groups(context, f.affairs)},
                {"sdgs", sdg_choices(context, f.sdgs)},
                {"results", result_rows(context, f.results, page.errors)},
                {"design_words", context.t("innovation.edit.design_words",
                                           {{"count", std::to_string(count_words(f.design))},
                                            {"min", std::to_string(kMinDesignWords)}})},
                {"errors", context.translated(page.errors)},
                {"error_summary", error_summary(context, page)},
                {"checklist", checklist_json(context, checklist(f))},
                {"complete", missing_items(f).empty()}};
  if (!page.problem.empty()) model["problem"] = page.problem;
  if (!page.blocked.empty()) {
    model["has_blocked"] = true;
    model["blocked"] = checklist_json(context, page.blocked);
  }
  if (page.innovation) {
    add_existing(context, page, model);
  } else {
    add_new(context, page, model);
  }
  return context.page("innovations/edit", std::move(model), status);
}

}  // namespace simpul::innovations
