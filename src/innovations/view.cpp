#include "innovations/view.hpp"

#include <chrono>

#include "core/view/format.hpp"
#include "innovations/diff.hpp"
#include "innovations/paths.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::vector<std::string> affair_labels(const Context& context, const Fields& fields) {
  std::vector<std::string> labels;
  for (const auto& code : fields.affairs) labels.push_back(choice_label(context, "affair", code));
  return labels;
}

std::vector<std::string> sdg_labels(const Context& context, const Fields& fields) {
  std::vector<std::string> labels;
  for (int goal : fields.sdgs) labels.push_back(sdg_label(context, goal));
  return labels;
}

std::string result_line(const ResultRow& row) {
  std::string unit = row.unit.empty() ? "" : " " + row.unit;
  return row.indicator + ": " + (row.before.empty() ? "–" : row.before + unit) + " → " +
         (row.after.empty() ? "–" : row.after + unit);
}

std::string file_line(const Context& context, const Attachment& file) {
  return file.name + " (" + size_text(context, file.size) + ")";
}

Json files_json(const Context& context, std::int64_t innovation_id,
                const std::vector<Attachment>& files) {
  Json list = Json::array();
  for (const auto& file : files) {
    list.push_back({{"url", kernel::path(paths::kFile, {innovation_id, file.id})},
                    {"name", file.name},
                    {"type", file.content_type},
                    {"size", size_text(context, file.size)}});
  }
  return list;
}

Json sections_json(const Context& context, const Fields& fields) {
  struct Section {
    const char* key;
    const std::string& text;
  };
  Json sections = Json::array();
  for (const auto& [key, text] : {Section{"innovation.field.problem", fields.problem},
                                  Section{"innovation.field.design", fields.design},
                                  Section{"innovation.field.goals", fields.goals},
                                  Section{"innovation.field.benefits", fields.benefits}}) {
    if (!text.empty())
      sections.push_back({{"heading", context.t(key)}, {"paragraphs", paragraphs(text)}});
  }
  return sections;
}

Json segments_json(const std::vector<Segment>& segments) {
  Json out = Json::array();
  for (const auto& segment : segments) {
    // Line breaks become <br> between pieces, so a changed paragraph reads as one.
    std::string_view text = segment.text;
    while (true) {
      auto newline = text.find('\n');
      out.push_back({{"text", std::string(text.substr(0, newline))},
                     {"same", segment.kind == Segment::Kind::same},
                     {"added", segment.kind == Segment::Kind::added},
                     {"removed", segment.kind == Segment::Kind::removed}});
      if (newline == std::string_view::npos) break;
      out.push_back({{"break", true}});
      text.remove_prefix(newline + 1);
    }
  }
  return out;
}

Json change_json(const Context& context, const ShownField& before, const ShownField& after) {
  Json change = {{"label", after.label}};
  switch (after.kind) {
    case ShownField::Kind::long_text:
      change["long_text"] = true;
      change["segments"] = segments_json(diff_words(before.values[0], after.values[0]));
      break;
    case ShownField::Kind::list: {
      auto difference = diff_lists(before.values, after.values);
      change["list"] = true;
      change["removed_items"] = difference.removed;
      change["added_items"] = difference.added;
      break;
    }
    case ShownField::Kind::line: {
      const std::string empty = context.t("innovation.versions.empty_value");
      change["line"] = true;
      change["before"] = before.values[0].empty() ? empty : before.values[0];
      change["after"] = after.values[0].empty() ? empty : after.values[0];
      break;
    }
  }
  return change;
}

}  // namespace

std::string choice_label(const Context& context, std::string_view list, std::string_view code) {
  if (code.empty()) return "";
  return context.t("innovation." + std::string(list) + "." + std::string(code));
}

std::string sdg_label(const Context& context, int goal) {
  return std::to_string(goal) + ". " + context.t("innovation.sdg." + std::to_string(goal));
}

std::string status_label(const Context& context, Status status, bool has_public_version) {
  std::string label = context.t("innovation.status." + std::string(status_code(status)));
  if (has_public_version && status != Status::published) {
    label += " · " + context.t("innovation.status.revision");
  }
  return label;
}

std::string date_text(const Context& context, const std::string& iso_date) {
  if (!is_iso_date(iso_date)) return iso_date;
  using namespace std::chrono;
  year_month_day day{year{std::stoi(iso_date.substr(0, 4))},
                     month{static_cast<unsigned>(std::stoi(iso_date.substr(5, 2)))},
                     std::chrono::day{static_cast<unsigned>(std::stoi(iso_date.substr(8, 2)))}};
  auto seconds = duration_cast<std::chrono::seconds>(sys_days{day}.time_since_epoch()).count();
  // Midnight UTC is 07:00 WIB of the same day, so the date shown is the date typed.
  return view::format_date(seconds, view::Zone::wib, context.lang());
}

std::string size_text(const Context& context, std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024)
    return view::format_integer((bytes + 1023) / 1024, context.lang()) + " kB";
  return view::format_decimal(static_cast<double>(bytes) / (1024 * 1024), 1, context.lang()) +
         " MB";
}

std::string budget_text(const Context& context, const std::optional<std::int64_t>& budget) {
  return budget ? view::format_rupiah(*budget, context.lang()) : "";
}

Json paragraphs(std::string_view text) {
  Json list = Json::array();
  while (!text.empty()) {
    auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    if (line.find_first_not_of(" \t") != std::string_view::npos) list.push_back(line);
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return list;
}

Json checklist_json(const Context& context, const std::vector<CheckItem>& items) {
  Json list = Json::array();
  for (const auto& item : items) {
    list.push_back({{"text", context.t(item.key, item.args)}, {"done", item.done}});
  }
  return list;
}

Json profile_json(const Context& context, std::int64_t innovation_id, const Json& snapshot,
                  const Belonging& belonging) {
  Fields fields = fields_from_json(snapshot);
  Json sdgs = Json::array();
  for (int goal : fields.sdgs) sdgs.push_back(sdg_label(context, goal));
  Json files = files_json(context, innovation_id,
                          attachments_from_json(snapshot.value("files", Json::array())));
  return {{"id", innovation_id},
          {"name", fields.name},
          {"short_name", fields.short_name},
          {"agency",
           {{"id", belonging.agency_id},
            {"name", belonging.agency_name},
            {"portfolio_url", kernel::path(paths::kPortfolio, {belonging.agency_id})}}},
          {"unit", belonging.unit_name},
          {"form", choice_label(context, "form", fields.form)},
          {"type", choice_label(context, "type", fields.type)},
          {"stage", choice_label(context, "stage", fields.stage)},
          {"initiator", choice_label(context, "initiator", fields.initiator)},
          {"affairs", joined(affair_labels(context, fields))},
          {"sdgs", sdgs},
          {"has_sdgs", !sdgs.empty()},
          {"trial_date", date_text(context, fields.trial_date)},
          {"implementation_date", date_text(context, fields.implementation_date)},
          {"budget", budget_text(context, fields.budget)},
          {"video_url", fields.video_url},
          {"tags", fields.tags},
          {"has_tags", !fields.tags.empty()},
          {"sections", sections_json(context, fields)},
          {"results", results_to_json(fields.results)},
          {"has_results", !fields.results.empty()},
          {"has_files", !files.empty()},
          {"files", files},
          {"is_sample", belonging.is_sample}};
}

std::vector<ShownField> shown_fields(const Context& context, const Json& snapshot) {
  Fields fields = fields_from_json(snapshot);
  using Kind = ShownField::Kind;
  auto label = [&](const char* field) {
    return context.t(std::string("innovation.field.") + field);
  };
  std::vector<std::string> results, files;
  for (const auto& row : fields.results) results.push_back(result_line(row));
  for (const auto& file : attachments_from_json(snapshot.value("files", Json::array())))
    files.push_back(file_line(context, file));
  return {
      {label("name"), Kind::line, {fields.name}},
      {label("short_name"), Kind::line, {fields.short_name}},
      {label("form"), Kind::line, {choice_label(context, "form", fields.form)}},
      {label("type"), Kind::line, {choice_label(context, "type", fields.type)}},
      {label("stage"), Kind::line, {choice_label(context, "stage", fields.stage)}},
      {label("initiator"), Kind::line, {choice_label(context, "initiator", fields.initiator)}},
      {label("affairs"), Kind::list, affair_labels(context, fields)},
      {label("sdgs"), Kind::list, sdg_labels(context, fields)},
      {label("trial_date"), Kind::line, {date_text(context, fields.trial_date)}},
      {label("implementation_date"), Kind::line, {date_text(context, fields.implementation_date)}},
      {label("problem"), Kind::long_text, {fields.problem}},
      {label("design"), Kind::long_text, {fields.design}},
      {label("goals"), Kind::long_text, {fields.goals}},
      {label("benefits"), Kind::long_text, {fields.benefits}},
      {label("results"), Kind::list, results},
      {label("budget"), Kind::line, {budget_text(context, fields.budget)}},
      {label("video_url"), Kind::line, {fields.video_url}},
      {label("tags"), Kind::list, fields.tags},
      {label("files"), Kind::list, files},
  };
}

Json compare_json(const Context& context, const Json& before, const Json& after) {
  auto old_fields = shown_fields(context, before);
  auto new_fields = shown_fields(context, after);
  Json changes = Json::array();
  for (std::size_t i = 0; i < new_fields.size(); ++i) {
    if (old_fields[i].values != new_fields[i].values)
      changes.push_back(change_json(context, old_fields[i], new_fields[i]));
  }
  return changes;
}

}  // namespace simpul::innovations
