#include "competitions/model.hpp"

#include <algorithm>
#include <cctype>

#include "competitions/calendar.hpp"
#include "core/util/text.hpp"
#include "innovations/model.hpp"

namespace simpul::competitions {
namespace {

using nlohmann::json;

bool contains(const auto& list, std::string_view value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::string number_text(std::size_t n) { return std::to_string(n); }

// A one-line text: trimmed, no control characters, between min and max characters.
void check_line(FieldErrors& errors, const std::string& field, std::string& value, std::size_t min,
                std::size_t max) {
  value = trim(value);
  std::size_t length = innovations::utf8_length(value);
  if (value.empty() && min > 0) {
    errors[field] = {"form.required", {}};
  } else if (has_control(value)) {
    errors[field] = {"form.control_characters", {}};
  } else if (length < min) {
    errors[field] = {"form.too_short", {}};
  } else if (length > max) {
    errors[field] = {"form.too_long", {}};
  }
}

void check_long(FieldErrors& errors, const std::string& field, std::string& value,
                std::size_t max) {
  if (auto problem = innovations::check_free_text(value, max)) errors[field] = {*problem, {}};
}

void check_range(FieldErrors& errors, const std::string& field, const std::optional<int>& value,
                 int min, int max) {
  if (value && (*value < min || *value > max)) {
    errors[field] = {"competition.error.range",
                     {{"min", std::to_string(min)}, {"max", std::to_string(max)}}};
  }
}

bool is_code(std::string_view code) {
  return !code.empty() && code.size() <= kMaxCodeLength &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

// Rows of a list part: codes made from titles when empty, well-formed and used once.
template <class Row, class TitleOf>
void check_codes(FieldErrors& errors, const std::string& prefix, std::vector<Row>& rows,
                 TitleOf title_of) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    std::string field = prefix + "_" + number_text(i + 1) + "_code";
    row.code = trim(row.code);
    if (row.code.empty()) row.code = code_from_title(title_of(row));
    if (row.code.empty() && trim(title_of(row)).empty()) continue;  // the title's error says it
    if (!is_code(row.code)) {
      errors[field] = {"competition.error.code", {{"max", number_text(kMaxCodeLength)}}};
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (rows[j].code == row.code) errors[field] = {"competition.error.code_taken", {}};
    }
  }
}

template <class Row>
void check_count(FieldErrors& errors, const std::string& field, const std::vector<Row>& rows,
                 std::size_t max) {
  if (rows.size() > max)
    errors[field] = {"competition.error.too_many", {{"max", number_text(max)}}};
}

std::string row_field(const std::string& prefix, std::size_t i, const char* name) {
  return prefix + "_" + number_text(i + 1) + "_" + name;
}

FieldErrors check_general(General& general) {
  FieldErrors errors;
  check_line(errors, "title", general.title, 3, kMaxTitle);
  check_line(errors, "theme", general.theme, 0, kMaxTheme);
  if (general.year < kMinYear || general.year > kMaxYear) {
    errors["year"] = {"competition.error.range",
                      {{"min", std::to_string(kMinYear)}, {"max", std::to_string(kMaxYear)}}};
  }
  check_range(errors, "evaluators_per_proposal", general.evaluators_per_proposal, 1, 10);
  check_range(errors, "passing_grade", general.passing_grade, 0, 100);
  check_range(errors, "finalist_count", general.finalist_count, 1, 1000);
  check_long(errors, "source_note", general.source_note, kMaxSourceNote);
  check_line(errors, "certificate_signatory", general.certificate_signatory, 0, kMaxTitle);
  check_line(errors, "certificate_signatory_title", general.certificate_signatory_title, 0,
             kMaxTitle);
  return errors;
}

// Exactly one entry per code of the list, in the list's order, taken from rows when present.
template <class Row, class Codes>
std::vector<Row> one_per_code(const std::vector<Row>& rows, const Codes& codes) {
  std::vector<Row> out;
  for (std::string_view code : codes) {
    auto found =
        std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.code == code; });
    Row row = found == rows.end() ? Row{} : *found;
    row.code = std::string(code);
    out.push_back(std::move(row));
  }
  return out;
}

// Each stage's start before its end, and no stage starting before an earlier one started.
FieldErrors check_stages(std::vector<Stage>& stages) {
  FieldErrors errors;
  stages = one_per_code(stages, kStageCodes);
  std::optional<std::int64_t> previous_start;
  for (const Stage& stage : stages) {
    const std::string field = "stage_" + stage.code;
    if (stage.starts_at && stage.ends_at && *stage.starts_at > *stage.ends_at) {
      errors[field + "_ends"] = {"competition.error.ends_before_start", {}};
    }
    auto first = stage.starts_at ? stage.starts_at : stage.ends_at;
    if (!first) continue;
    if (previous_start && *first < *previous_start) {
      errors[field + (stage.starts_at ? "_starts" : "_ends")] = {
          "competition.error.before_previous_stage", {}};
    }
    previous_start = first;
  }
  return errors;
}

FieldErrors check_groups(std::vector<GroupRules>& groups) {
  FieldErrors errors;
  groups = one_per_code(groups, kGroupCodes);
  for (const GroupRules& group : groups) {
    const std::string field = "group_" + group.code;
    check_range(errors, field + "_min_age_months", group.min_age_months, 0, 240);
    check_range(errors, field + "_max_per_agency", group.max_per_agency, 1, 1000);
    if (group.requires_top_award && group.excludes_top_award) {
      errors[field + "_rules"] = {"competition.error.award_rules_conflict", {}};
    }
  }
  if (std::none_of(groups.begin(), groups.end(), [](const auto& g) { return g.enabled; })) {
    errors["groups"] = {"competition.error.no_group", {}};
  }
  return errors;
}

FieldErrors check_categories(std::vector<Category>& categories,
                             std::vector<std::string>& clusters) {
  FieldErrors errors;
  std::erase_if(categories, [](const Category& c) { return trim(c.code + c.name).empty(); });
  check_count(errors, "categories", categories, kMaxCategories);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    check_line(errors, row_field("category", i, "name"), categories[i].name, 2, kMaxTitle);
  }
  check_codes(errors, "category", categories, [](const Category& c) { return c.name; });
  std::vector<std::string> known;
  for (std::string_view code : kClusterCodes) {
    if (contains(clusters, code)) known.emplace_back(code);
  }
  if (std::any_of(clusters.begin(), clusters.end(),
                  [](const std::string& code) { return !contains(kClusterCodes, code); })) {
    errors["clusters"] = {"competition.error.choice", {}};
  }
  clusters = std::move(known);
  return errors;
}

FieldErrors check_sections(std::vector<FormSection>& sections) {
  FieldErrors errors;
  std::erase_if(sections, [](const FormSection& s) {
    return trim(s.code + s.title + s.guidance).empty() && !s.max_words;
  });
  check_count(errors, "sections", sections, kMaxSections);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    FormSection& section = sections[i];
    check_line(errors, row_field("section", i, "title"), section.title, 2, kMaxTitle);
    check_long(errors, row_field("section", i, "guidance"), section.guidance, kMaxGuidance);
    if (section.max_words && (*section.max_words < 10 || *section.max_words > 10000)) {
      errors[row_field("section", i, "max_words")] = {"competition.error.words", {}};
    }
  }
  check_codes(errors, "section", sections, [](const FormSection& s) { return s.title; });
  return errors;
}

FieldErrors check_attachments(std::vector<RequiredAttachment>& attachments) {
  FieldErrors errors;
  std::erase_if(attachments, [](const RequiredAttachment& a) {
    return trim(a.code + a.title).empty() && !a.max_video_seconds;
  });
  check_count(errors, "attachments", attachments, kMaxAttachments);
  for (std::size_t i = 0; i < attachments.size(); ++i) {
    RequiredAttachment& attachment = attachments[i];
    check_line(errors, row_field("attachment", i, "title"), attachment.title, 2, kMaxTitle);
    if (!contains(kAttachmentKinds, attachment.kind)) {
      errors[row_field("attachment", i, "kind")] = {"competition.error.choice", {}};
    }
    const std::string seconds = row_field("attachment", i, "max_video_seconds");
    if (attachment.max_video_seconds && attachment.kind != "video") {
      errors[seconds] = {"competition.error.video_only", {}};
    } else {
      check_range(errors, seconds, attachment.max_video_seconds, 10, 3600);
    }
  }
  check_codes(errors, "attachment", attachments,
              [](const RequiredAttachment& a) { return a.title; });
  return errors;
}

FieldErrors check_rubric(std::vector<RubricAspect>& aspects, const std::string& prefix) {
  FieldErrors errors;
  std::erase_if(aspects, [](const RubricAspect& a) {
    return trim(a.code + a.title + a.guidance).empty() && a.weight == 0 && a.scale_min == 0 &&
           a.scale_max == 0;
  });
  check_count(errors, prefix, aspects, kMaxAspects);
  int sum = 0;
  for (std::size_t i = 0; i < aspects.size(); ++i) {
    RubricAspect& aspect = aspects[i];
    check_line(errors, row_field(prefix, i, "title"), aspect.title, 2, kMaxTitle);
    check_long(errors, row_field(prefix, i, "guidance"), aspect.guidance, kMaxGuidance);
    check_range(errors, row_field(prefix, i, "weight"), aspect.weight, 1, 100);
    check_range(errors, row_field(prefix, i, "scale_min"), aspect.scale_min, 0, 1000);
    check_range(errors, row_field(prefix, i, "scale_max"), aspect.scale_max, 1, 1000);
    if (aspect.scale_min >= aspect.scale_max) {
      errors[row_field(prefix, i, "scale_max")] = {"competition.error.scale", {}};
    }
    sum += aspect.weight;
  }
  if (!aspects.empty() && sum != 100) {
    errors[prefix] = {"competition.error.weights", {{"sum", std::to_string(sum)}}};
  }
  check_codes(errors, prefix, aspects, [](const RubricAspect& a) { return a.title; });
  return errors;
}

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json stages_json(const std::vector<Stage>& stages) {
  json out = json::object();
  for (const Stage& stage : stages) {
    out[stage.code] = {{"starts_at", optional_json(stage.starts_at)},
                       {"ends_at", optional_json(stage.ends_at)}};
  }
  return out;
}

json groups_json(const std::vector<GroupRules>& groups) {
  json out = json::object();
  for (const GroupRules& g : groups) {
    out[g.code] = {{"enabled", g.enabled},
                   {"min_age_months", optional_json(g.min_age_months)},
                   {"max_per_agency", optional_json(g.max_per_agency)},
                   {"requires_top_award", g.requires_top_award},
                   {"excludes_top_award", g.excludes_top_award},
                   {"requires_source_innovation", g.requires_source_innovation}};
  }
  return out;
}

json rubric_json(const std::vector<RubricAspect>& aspects) {
  json out = json::array();
  for (const RubricAspect& a : aspects) {
    out.push_back({{"code", a.code},
                   {"title", a.title},
                   {"weight", a.weight},
                   {"scale_min", a.scale_min},
                   {"scale_max", a.scale_max},
                   {"guidance", a.guidance}});
  }
  return out;
}

json general_json(const General& g) {
  return {{"year", g.year},
          {"title", g.title},
          {"theme", g.theme},
          {"level", level_code(g.level)},
          {"owner_agency_id", optional_json(g.owner_agency_id)},
          {"timezone", view::zone_name(g.zone)},
          {"evaluators_per_proposal", optional_json(g.evaluators_per_proposal)},
          {"passing_grade", optional_json(g.passing_grade)},
          {"finalist_count", optional_json(g.finalist_count)},
          {"blind_review", g.blind_review},
          {"source_note", g.source_note},
          {"certificate_signatory", g.certificate_signatory},
          {"certificate_signatory_title", g.certificate_signatory_title}};
}

json categories_json(const Setup& setup) {
  json categories = json::array();
  for (const Category& c : setup.categories)
    categories.push_back({{"code", c.code}, {"name", c.name}});
  return {{"categories", categories}, {"clusters", setup.clusters}};
}

json sections_json(const std::vector<FormSection>& sections) {
  json out = json::array();
  for (const FormSection& s : sections) {
    out.push_back({{"code", s.code},
                   {"title", s.title},
                   {"guidance", s.guidance},
                   {"max_words", optional_json(s.max_words)}});
  }
  return out;
}

json attachments_json(const std::vector<RequiredAttachment>& attachments) {
  json out = json::array();
  for (const RequiredAttachment& a : attachments) {
    out.push_back({{"code", a.code},
                   {"title", a.title},
                   {"kind", a.kind},
                   {"required", a.required},
                   {"max_video_seconds", optional_json(a.max_video_seconds)}});
  }
  return out;
}

}  // namespace

std::string_view level_code(Level level) { return kLevels[static_cast<int>(level)]; }

std::optional<Level> parse_level(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kLevels); ++i) {
    if (kLevels[i] == code) return static_cast<Level>(i);
  }
  return std::nullopt;
}

std::string_view status_code(Status status) {
  return status == Status::published ? "published" : "draft";
}

std::optional<Status> parse_status(std::string_view code) {
  if (code == "draft") return Status::draft;
  if (code == "published") return Status::published;
  return std::nullopt;
}

std::string_view cluster_of(std::string_view agency_type) {
  if (agency_type == "bumn" || agency_type == "bumd") return "bumn_bumd";
  for (std::string_view code : kClusterCodes) {
    if (code == agency_type) return code;
  }
  return "";
}

Setup new_setup(General general) {
  Setup setup;
  setup.general = std::move(general);
  for (std::string_view code : kStageCodes) setup.stages.push_back({std::string(code), {}, {}});
  for (std::string_view code : kGroupCodes) setup.groups.push_back({std::string(code)});
  return setup;
}

const Stage* find_stage(const Setup& setup, std::string_view code) {
  for (const Stage& stage : setup.stages) {
    if (stage.code == code) return &stage;
  }
  return nullptr;
}

const GroupRules* find_group(const Setup& setup, std::string_view code) {
  for (const GroupRules& group : setup.groups) {
    if (group.code == code) return &group;
  }
  return nullptr;
}

std::optional<std::int64_t> registration_close(const Setup& setup) {
  const Stage* registration = find_stage(setup, kRegistration);
  return registration ? registration->ends_at : std::nullopt;
}

bool admits_cluster(const Setup& setup, std::string_view cluster) {
  return contains(setup.clusters, cluster);
}

std::string_view part_code(Part part) {
  static constexpr std::string_view kCodes[] = {"umum",     "tahapan",  "kelompok", "kategori",
                                                "formulir", "lampiran", "rubrik",   "wawancara"};
  return kCodes[static_cast<int>(part)];
}

std::optional<Part> parse_part(std::string_view code) {
  for (Part part : kParts) {
    if (part_code(part) == code) return part;
  }
  return std::nullopt;
}

std::optional<Problem> check_owner(Level level, const std::optional<Owner>& owner) {
  switch (level) {
    case Level::national:
      if (owner && owner->type != "kementerian") return Problem{"competition.error.owner_national"};
      return std::nullopt;
    case Level::hub:
      if (!owner || owner->type != "provinsi") return Problem{"competition.error.owner_hub"};
      return std::nullopt;
    case Level::agency:
      if (!owner) return Problem{"competition.error.owner_agency"};
      return std::nullopt;
  }
  return std::nullopt;
}

FieldErrors check_part(Setup& setup, Part part) {
  switch (part) {
    case Part::general:
      return check_general(setup.general);
    case Part::stages:
      return check_stages(setup.stages);
    case Part::groups:
      return check_groups(setup.groups);
    case Part::categories:
      return check_categories(setup.categories, setup.clusters);
    case Part::form:
      return check_sections(setup.sections);
    case Part::attachments:
      return check_attachments(setup.attachments);
    case Part::rubric:
      return check_rubric(setup.rubric, "rubric");
    case Part::interview:
      return check_rubric(setup.interview, "interview");
  }
  return {};
}

FieldErrors check_setup(Setup& setup) {
  FieldErrors errors;
  for (Part part : kParts) errors.merge(check_part(setup, part));
  return errors;
}

std::vector<Problem> publication_problems(const Setup& setup) {
  std::vector<Problem> problems;
  if (!registration_close(setup)) problems.push_back({"competition.publish.needs_deadline"});
  if (std::none_of(setup.groups.begin(), setup.groups.end(),
                   [](const GroupRules& g) { return g.enabled; })) {
    problems.push_back({"competition.publish.needs_group"});
  }
  if (setup.clusters.empty()) problems.push_back({"competition.publish.needs_cluster"});
  return problems;
}

FieldErrors check_published_change(const Setup& before, const Setup& after) {
  FieldErrors errors;
  if (before.general.zone != after.general.zone) {
    errors["timezone"] = {"competition.error.zone_locked", {}};
  }
  for (const Stage& old : before.stages) {
    const Stage* now = find_stage(after, old.code);
    if (old.ends_at && (!now || now->ends_at != old.ends_at)) {
      errors["stage_" + old.code + "_ends"] = {"competition.error.deadline_locked", {}};
    }
  }
  return errors;
}

FieldErrors check_extension(const Setup& setup, std::string_view stage,
                            std::optional<std::int64_t> new_ends_at, std::string& reason) {
  FieldErrors errors;
  const Stage* found = find_stage(setup, stage);
  if (!found || !found->ends_at) {
    errors["stage"] = {"competition.error.no_deadline", {}};
  } else if (!new_ends_at) {
    errors["new_ends_at"] = {"competition.error.datetime", {}};
  } else if (*new_ends_at <= *found->ends_at) {
    errors["new_ends_at"] = {"competition.error.not_later", {}};
  }
  check_long(errors, "reason", reason, kMaxReason);
  if (!errors.contains("reason") && innovations::utf8_length(reason) < 5) {
    errors["reason"] = {reason.empty() ? "form.required" : "form.too_short", {}};
  }
  return errors;
}

std::string code_from_title(std::string_view title) {
  std::string code;
  for (unsigned char c : title) {
    if (std::isalnum(c) && c < 0x80) {
      code += static_cast<char>(std::tolower(c));
    } else if (!code.empty() && code.back() != '_') {
      code += '_';
    }
  }
  if (code.size() > kMaxCodeLength) code.resize(kMaxCodeLength);
  while (!code.empty() && code.back() == '_') code.pop_back();
  return code;
}

std::string title_key(std::string_view title) {
  std::string key;
  bool gap = false;
  for (unsigned char c : title) {
    // Bytes of multi-byte UTF-8 characters count as letters: "Layanan Cepat" and "Layanan Cépat"
    // stay different titles.
    bool letter = std::isalnum(c) || c >= 0x80;
    if (!letter) {
      gap = !key.empty();
      continue;
    }
    if (gap) key += ' ';
    gap = false;
    key += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return key;
}

Setup copied_setup(const Setup& setup, int to_year) {
  Setup copy = setup;
  const int from_year = setup.general.year;
  const int years = to_year - from_year;
  const view::Zone zone = setup.general.zone;
  copy.general.year = to_year;
  const std::string old_year = std::to_string(from_year), new_year = std::to_string(to_year);
  for (auto at = copy.general.title.find(old_year); at != std::string::npos;
       at = copy.general.title.find(old_year, at + new_year.size())) {
    copy.general.title.replace(at, old_year.size(), new_year);
  }
  for (Stage& stage : copy.stages) {
    if (stage.starts_at) stage.starts_at = shift_years(*stage.starts_at, years, zone);
    if (stage.ends_at) stage.ends_at = shift_years(*stage.ends_at, years, zone);
  }
  return copy;
}

json part_json(const Setup& setup, Part part) {
  switch (part) {
    case Part::general:
      return general_json(setup.general);
    case Part::stages:
      return stages_json(setup.stages);
    case Part::groups:
      return groups_json(setup.groups);
    case Part::categories:
      return categories_json(setup);
    case Part::form:
      return sections_json(setup.sections);
    case Part::attachments:
      return attachments_json(setup.attachments);
    case Part::rubric:
      return rubric_json(setup.rubric);
    case Part::interview:
      return rubric_json(setup.interview);
  }
  return nullptr;
}

}  // namespace simpul::competitions
