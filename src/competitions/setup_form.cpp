#include "competitions/setup_form.hpp"

#include <algorithm>
#include <charconv>

#include "competitions/calendar.hpp"
#include "core/util/text.hpp"

namespace simpul::competitions {
namespace {

// Rows read from one posted form at most: a crafted form cannot make the server loop for long.
constexpr std::size_t kMaxPostedRows = 60;
constexpr int kLargestNumber = 1'000'000;

std::string number_text(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "";
}

// Reads one part's fields, copying what was typed into the values shown again.
class Reader {
 public:
  Reader(const http::Form& form, ReadPart& out) : form_(form), out_(out) {}

  std::string text(const std::string& name, const std::string& as) {
    std::string value = form_.get(name);
    out_.values.add(as, value);
    return value;
  }
  std::string text(const std::string& name) { return text(name, name); }

  bool flag(const std::string& name, const std::string& as) {
    bool on = form_.get(name) == "1";
    if (on) out_.values.add(as, "1");
    return on;
  }
  bool flag(const std::string& name) { return flag(name, name); }

  // An optional whole number; anything else typed is an error.
  std::optional<int> number(const std::string& name, const std::string& as) {
    std::string typed = trim(text(name, as));
    if (typed.empty()) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(typed.data(), typed.data() + typed.size(), value);
    if (error != std::errc{} || end != typed.data() + typed.size() || value < -kLargestNumber ||
        value > kLargestNumber) {
      out_.errors[as] = {"competition.error.number", {}};
      return std::nullopt;
    }
    return value;
  }
  std::optional<int> number(const std::string& name) { return number(name, name); }

  // A number the row needs; 0 when missing, with the error said.
  int required_number(const std::string& name, const std::string& as) {
    auto value = number(name, as);
    if (!value && !out_.errors.contains(as)) out_.errors[as] = {"form.required", {}};
    return value.value_or(0);
  }

  std::optional<std::int64_t> instant(const std::string& name, view::Zone zone, bool end) {
    std::string typed = trim(text(name));
    if (typed.empty()) return std::nullopt;
    auto value = parse_local_datetime(typed, zone, end);
    if (!value) out_.errors[name] = {"competition.error.datetime", {}};
    return value;
  }

  void keep(const std::string& name, std::string value) { out_.values.add(name, std::move(value)); }
  void error(const std::string& name, std::string key) { out_.errors[name] = {std::move(key), {}}; }

 private:
  const http::Form& form_;
  ReadPart& out_;
};

std::string field(const std::string& prefix, std::size_t n, const std::string& name) {
  return prefix + "_" + std::to_string(n) + "_" + name;
}

// Calls read(row, as_row) for every non-blank posted row: `row` numbers the posted names,
// `as_row` the rows kept.
template <class ReadRow>
void read_rows(const http::Form& form, const RowShape& shape, ReadRow read) {
  std::size_t kept = 0;
  for (std::size_t row = 1; row <= kMaxPostedRows; ++row) {
    if (!form.has(field(shape.prefix, row, "code"))) break;
    bool blank = std::all_of(shape.fields.begin(), shape.fields.end(), [&](const auto& name) {
      return trim(form.get(field(shape.prefix, row, name))).empty();
    });
    if (!blank) read(row, ++kept);
  }
}

void read_general(Reader& in, General& g) {
  auto year = in.number("year");
  g.year = year.value_or(0);
  g.title = in.text("title");
  g.theme = in.text("theme");
  std::string zone = in.text("timezone");
  if (auto parsed = view::parse_zone(zone)) {
    g.zone = *parsed;
  } else {
    in.error("timezone", "competition.error.choice");
  }
  g.evaluators_per_proposal = in.number("evaluators_per_proposal");
  g.passing_grade = in.number("passing_grade");
  g.finalist_count = in.number("finalist_count");
  g.blind_review = in.flag("blind_review");
  g.source_note = in.text("source_note");
  g.certificate_signatory = in.text("certificate_signatory");
  g.certificate_signatory_title = in.text("certificate_signatory_title");
  if (!year) in.error("year", "form.required");
}

void read_stages(Reader& in, std::vector<Stage>& stages, view::Zone zone) {
  stages.clear();
  for (std::string_view code : kStageCodes) {
    const std::string name = "stage_" + std::string(code);
    stages.push_back({std::string(code), in.instant(name + "_starts", zone, false),
                      in.instant(name + "_ends", zone, true)});
  }
}

void read_groups(Reader& in, std::vector<GroupRules>& groups) {
  groups.clear();
  for (std::string_view code : kGroupCodes) {
    const std::string name = "group_" + std::string(code) + "_";
    groups.push_back({std::string(code), in.flag(name + "enabled"),
                      in.number(name + "min_age_months"), in.number(name + "max_per_agency"),
                      in.flag(name + "requires_top_award"), in.flag(name + "excludes_top_award"),
                      in.flag(name + "requires_source_innovation")});
  }
}

void read_categories(const http::Form& form, Reader& in, Setup& setup) {
  setup.categories.clear();
  const RowShape shape = row_shape(Part::categories);
  read_rows(form, shape, [&](std::size_t row, std::size_t as) {
    auto name = [&](const char* f) {
      return in.text(field(shape.prefix, row, f), field(shape.prefix, as, f));
    };
    setup.categories.push_back({name("code"), name("name")});
  });
  setup.clusters = form.all("clusters");
  for (const auto& code : setup.clusters) in.keep("clusters", code);
}

void read_sections(const http::Form& form, Reader& in, std::vector<FormSection>& sections) {
  sections.clear();
  const RowShape shape = row_shape(Part::form);
  read_rows(form, shape, [&](std::size_t row, std::size_t as) {
    auto posted = [&](const char* f) { return field(shape.prefix, row, f); };
    auto kept = [&](const char* f) { return field(shape.prefix, as, f); };
    sections.push_back({in.text(posted("code"), kept("code")),
                        in.text(posted("title"), kept("title")),
                        in.text(posted("guidance"), kept("guidance")),
                        in.number(posted("max_words"), kept("max_words"))});
  });
}

void read_attachments(const http::Form& form, Reader& in,
                      std::vector<RequiredAttachment>& attachments) {
  attachments.clear();
  const RowShape shape = row_shape(Part::attachments);
  read_rows(form, shape, [&](std::size_t row, std::size_t as) {
    auto posted = [&](const char* f) { return field(shape.prefix, row, f); };
    auto kept = [&](const char* f) { return field(shape.prefix, as, f); };
    attachments.push_back(
        {in.text(posted("code"), kept("code")), in.text(posted("title"), kept("title")),
         in.text(posted("kind"), kept("kind")), in.flag(posted("required"), kept("required")),
         in.number(posted("max_video_seconds"), kept("max_video_seconds"))});
  });
}

void read_rubric(const http::Form& form, Reader& in, Part part,
                 std::vector<RubricAspect>& aspects) {
  aspects.clear();
  const RowShape shape = row_shape(part);
  read_rows(form, shape, [&](std::size_t row, std::size_t as) {
    auto posted = [&](const char* f) { return field(shape.prefix, row, f); };
    auto kept = [&](const char* f) { return field(shape.prefix, as, f); };
    RubricAspect aspect;
    aspect.code = in.text(posted("code"), kept("code"));
    aspect.title = in.text(posted("title"), kept("title"));
    aspect.weight = in.required_number(posted("weight"), kept("weight"));
    aspect.scale_min = in.required_number(posted("scale_min"), kept("scale_min"));
    aspect.scale_max = in.required_number(posted("scale_max"), kept("scale_max"));
    aspect.guidance = in.text(posted("guidance"), kept("guidance"));
    aspects.push_back(std::move(aspect));
  });
}

void write_rows(http::Form& out, const std::string& prefix, std::size_t n,
                const std::vector<std::pair<const char*, std::string>>& fields) {
  for (const auto& [name, value] : fields) out.add(field(prefix, n, name), value);
}

void write_rubric(http::Form& out, const std::string& prefix,
                  const std::vector<RubricAspect>& aspects) {
  for (std::size_t i = 0; i < aspects.size(); ++i) {
    const RubricAspect& a = aspects[i];
    write_rows(out, prefix, i + 1,
               {{"code", a.code},
                {"title", a.title},
                {"weight", std::to_string(a.weight)},
                {"scale_min", std::to_string(a.scale_min)},
                {"scale_max", std::to_string(a.scale_max)},
                {"guidance", a.guidance}});
  }
}

}  // namespace

RowShape row_shape(Part part) {
  switch (part) {
    case Part::categories:
      return {"category", {"code", "name"}};
    case Part::form:
      return {"section", {"code", "title", "guidance", "max_words"}};
    case Part::attachments:
      return {"attachment", {"code", "title", "max_video_seconds"}};
    case Part::rubric:
      return {"rubric", {"code", "title", "weight", "scale_min", "scale_max", "guidance"}};
    case Part::interview:
      return {"interview", {"code", "title", "weight", "scale_min", "scale_max", "guidance"}};
    case Part::general:
    case Part::stages:
    case Part::groups:
      break;
  }
  return {};
}

ReadPart read_part(const http::Form& form, Part part, Setup& setup, view::Zone zone) {
  ReadPart out;
  Reader in(form, out);
  switch (part) {
    case Part::general:
      read_general(in, setup.general);
      break;
    case Part::stages:
      read_stages(in, setup.stages, zone);
      break;
    case Part::groups:
      read_groups(in, setup.groups);
      break;
    case Part::categories:
      read_categories(form, in, setup);
      break;
    case Part::form:
      read_sections(form, in, setup.sections);
      break;
    case Part::attachments:
      read_attachments(form, in, setup.attachments);
      break;
    case Part::rubric:
      read_rubric(form, in, part, setup.rubric);
      break;
    case Part::interview:
      read_rubric(form, in, part, setup.interview);
      break;
  }
  return out;
}

http::Form form_of(const Setup& setup, Part part) {
  http::Form out;
  const General& g = setup.general;
  switch (part) {
    case Part::general:
      out.add("year", std::to_string(g.year));
      out.add("title", g.title);
      out.add("theme", g.theme);
      out.add("timezone", std::string(view::zone_name(g.zone)));
      out.add("evaluators_per_proposal", number_text(g.evaluators_per_proposal));
      out.add("passing_grade", number_text(g.passing_grade));
      out.add("finalist_count", number_text(g.finalist_count));
      if (g.blind_review) out.add("blind_review", "1");
      out.add("source_note", g.source_note);
      out.add("certificate_signatory", g.certificate_signatory);
      out.add("certificate_signatory_title", g.certificate_signatory_title);
      break;
    case Part::stages:
      for (const Stage& stage : setup.stages) {
        auto shown = [&](const auto& at) { return at ? local_input(*at, g.zone) : ""; };
        out.add("stage_" + stage.code + "_starts", shown(stage.starts_at));
        out.add("stage_" + stage.code + "_ends", shown(stage.ends_at));
      }
      break;
    case Part::groups:
      for (const GroupRules& group : setup.groups) {
        const std::string name = "group_" + group.code + "_";
        if (group.enabled) out.add(name + "enabled", "1");
        out.add(name + "min_age_months", number_text(group.min_age_months));
        out.add(name + "max_per_agency", number_text(group.max_per_agency));
        if (group.requires_top_award) out.add(name + "requires_top_award", "1");
        if (group.excludes_top_award) out.add(name + "excludes_top_award", "1");
        if (group.requires_source_innovation) out.add(name + "requires_source_innovation", "1");
      }
      break;
    case Part::categories:
      for (std::size_t i = 0; i < setup.categories.size(); ++i) {
        write_rows(out, "category", i + 1,
                   {{"code", setup.categories[i].code}, {"name", setup.categories[i].name}});
      }
      for (const auto& code : setup.clusters) out.add("clusters", code);
      break;
    case Part::form:
      for (std::size_t i = 0; i < setup.sections.size(); ++i) {
        const FormSection& s = setup.sections[i];
        write_rows(out, "section", i + 1,
                   {{"code", s.code},
                    {"title", s.title},
                    {"guidance", s.guidance},
                    {"max_words", number_text(s.max_words)}});
      }
      break;
    case Part::attachments:
      for (std::size_t i = 0; i < setup.attachments.size(); ++i) {
        const RequiredAttachment& a = setup.attachments[i];
        write_rows(out, "attachment", i + 1,
                   {{"code", a.code},
                    {"title", a.title},
                    {"kind", a.kind},
                    {"max_video_seconds", number_text(a.max_video_seconds)}});
        if (a.required) out.add(field("attachment", i + 1, "required"), "1");
      }
      break;
    case Part::rubric:
      write_rubric(out, "rubric", setup.rubric);
      break;
    case Part::interview:
      write_rubric(out, "interview", setup.interview);
      break;
  }
  return out;
}

std::size_t row_count(const http::Form& values, Part part) {
  const RowShape shape = row_shape(part);
  std::size_t rows = 0;
  while (rows < kMaxPostedRows && values.has(field(shape.prefix, rows + 1, "code"))) ++rows;
  return rows;
}

}  // namespace simpul::competitions
