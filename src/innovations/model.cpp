#include "innovations/model.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace simpul::innovations {
namespace {

bool contains(const auto& list, std::string_view value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_control(std::string_view text, bool multiline) {
  return std::any_of(text.begin(), text.end(), [&](unsigned char c) {
    if (multiline && (c == '\n' || c == '\t')) return false;
    return c < 0x20 || c == 0x7f;
  });
}

// Browsers send textarea line ends as CRLF; stored texts use \n so word diffs and counts agree.
std::string normalise_long_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return trim(out);
}

void check_line(FieldErrors& errors, const std::string& field, std::string& value,
                std::size_t max) {
  value = trim(value);
  if (has_control(value, false)) {
    errors[field] = "form.control_characters";
  } else if (utf8_length(value) > max) {
    errors[field] = "form.too_long";
  }
}

void check_long_text(FieldErrors& errors, const std::string& field, std::string& value) {
  if (auto problem = check_free_text(value, kMaxLongText)) errors[field] = *problem;
}

void check_choice(FieldErrors& errors, const std::string& field, std::string& value,
                  const auto& choices) {
  value = trim(value);
  if (!value.empty() && !contains(choices, value)) errors[field] = "innovation.error.choice";
}

void check_name(FieldErrors& errors, std::string& name) {
  name = trim(name);
  if (name.empty()) {
    errors["name"] = "form.required";
  } else if (has_control(name, false)) {
    errors["name"] = "form.control_characters";
  } else if (utf8_length(name) < 3) {
    errors["name"] = "form.too_short";
  } else if (utf8_length(name) > 200) {
    errors["name"] = "form.too_long";
  }
}

// Affairs in list order without duplicates; an unknown code is an error.
void check_affairs(FieldErrors& errors, std::vector<std::string>& affairs) {
  std::vector<std::string> known;
  for (const auto& affair : kAffairs) {
    if (contains(affairs, affair.code)) known.emplace_back(affair.code);
  }
  std::size_t distinct_given = 0;
  for (std::size_t i = 0; i < affairs.size(); ++i) {
    if (std::find(affairs.begin(), affairs.begin() + i, affairs[i]) == affairs.begin() + i)
      ++distinct_given;
  }
  if (known.size() != distinct_given) errors["affairs"] = "innovation.error.choice";
  affairs = std::move(known);
}

void check_sdgs(FieldErrors& errors, std::vector<int>& sdgs) {
  if (std::any_of(sdgs.begin(), sdgs.end(), [](int goal) { return goal < 1 || goal > kSdgCount; }))
    errors["sdgs"] = "innovation.error.choice";
  std::erase_if(sdgs, [](int goal) { return goal < 1 || goal > kSdgCount; });
  std::sort(sdgs.begin(), sdgs.end());
  sdgs.erase(std::unique(sdgs.begin(), sdgs.end()), sdgs.end());
}

void check_dates(FieldErrors& errors, Fields& fields) {
  fields.trial_date = trim(fields.trial_date);
  fields.implementation_date = trim(fields.implementation_date);
  if (!fields.trial_date.empty() && !is_iso_date(fields.trial_date))
    errors["trial_date"] = "innovation.error.date";
  if (!fields.implementation_date.empty() && !is_iso_date(fields.implementation_date))
    errors["implementation_date"] = "innovation.error.date";
  bool both_valid = !errors.count("trial_date") && !errors.count("implementation_date");
  // ISO dates compare correctly as text.
  if (both_valid && !fields.trial_date.empty() && !fields.implementation_date.empty() &&
      fields.implementation_date < fields.trial_date) {
    errors["implementation_date"] = "innovation.error.date_order";
  }
}

void check_results(FieldErrors& errors, std::vector<ResultRow>& results) {
  std::erase_if(results, [](ResultRow& row) {
    row = {trim(row.indicator), trim(row.before), trim(row.after), trim(row.unit)};
    return row.indicator.empty() && row.before.empty() && row.after.empty() && row.unit.empty();
  });
  if (results.size() > kMaxResults) errors["results"] = "innovation.error.results_too_many";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& row = results[i];
    const std::string field = "result_" + std::to_string(i + 1);
    bool control = has_control(row.indicator + row.before + row.after + row.unit, false);
    if (row.indicator.empty()) {
      errors[field] = "innovation.error.result_indicator";
    } else if (control) {
      errors[field] = "form.control_characters";
    } else if (utf8_length(row.indicator) > 200 || utf8_length(row.before) > 50 ||
               utf8_length(row.after) > 50 || utf8_length(row.unit) > 30) {
      errors[field] = "form.too_long";
    }
  }
}

void check_tags(FieldErrors& errors, std::vector<std::string>& tags) {
  std::optional<std::string> problem;
  tags = parse_tags(join_tags(tags), problem);
  if (problem) errors["tags"] = *problem;
}

bool is_video_id(std::string_view id) {
  return id.size() == 11 && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

// The value of v= in a query string (without the '?'), "" when absent.
std::string_view query_value(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (pair.starts_with(key) && pair.size() > key.size() && pair[key.size()] == '=')
      return pair.substr(key.size() + 1);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
  }
  return {};
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.500.000" -> "1500000"; plain digits pass through; anything else is "".
std::string ungroup(std::string_view number) {
  if (number.find('.') == std::string_view::npos)
    return all_digits(number) ? std::string(number) : "";
  std::string digits;
  bool first = true;
  while (true) {
    const auto dot = number.find('.');
    std::string_view group = number.substr(0, dot);
    bool fits = first ? group.size() >= 1 && group.size() <= 3 : group.size() == 3;
    if (!fits || !all_digits(group)) return "";
    digits += group;
    first = false;
    if (dot == std::string_view::npos) return digits;
    number.remove_prefix(dot + 1);
  }
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Letters and digits: ASCII ones, and beyond ASCII anything but the symbol and punctuation blocks
// (dashes, bullets, arrows and the like from U+2000 to U+2BFF, CJK punctuation, ×, ÷, Latin-1
// signs). Good enough to count the words of Indonesian prose.
bool is_word_code_point(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<unsigned char>(c));
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  return !(c >= 0x2000 && c < 0x2C00) && !(c >= 0x3000 && c < 0x3040);
}

// The code point starting at text[i] and the number of bytes it takes; text is valid UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > text.size()) return {0xFFFD, 1};
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  return {c, length};
}

const nlohmann::json& member(const nlohmann::json& json, const char* key) {
  static const nlohmann::json kNull;
  return json.is_object() && json.contains(key) ? json[key] : kNull;
}

std::string text_of(const nlohmann::json& json, const char* key) {
  const auto& value = member(json, key);
  return value.is_string() ? value.get<std::string>() : "";
}

}  // namespace

std::string_view status_code(Status status) {
  switch (status) {
    case Status::draft:
      return "draft";
    case Status::submitted:
      return "submitted";
    case Status::returned:
      return "returned";
    case Status::published:
      return "published";
  }
  return "draft";
}

std::optional<Status> parse_status(std::string_view code) {
  for (Status status : {Status::draft, Status::submitted, Status::returned, Status::published}) {
    if (status_code(status) == code) return status;
  }
  return std::nullopt;
}

std::size_t utf8_length(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](unsigned char c) { return (c & 0xC0) != 0x80; });
}

std::optional<std::string> check_free_text(std::string& text, std::size_t max) {
  text = normalise_long_text(text);
  if (has_control(text, true)) return "form.control_characters";
  if (utf8_length(text) > max) return "form.too_long";
  return std::nullopt;
}

FieldErrors check_fields(Fields& fields) {
  FieldErrors errors;
  check_name(errors, fields.name);
  check_line(errors, "short_name", fields.short_name, 40);
  check_choice(errors, "form", fields.form, kForms);
  check_choice(errors, "type", fields.type, kTypes);
  check_choice(errors, "stage", fields.stage, kStages);
  check_choice(errors, "initiator", fields.initiator, kInitiators);
  check_affairs(errors, fields.affairs);
  check_sdgs(errors, fields.sdgs);
  check_dates(errors, fields);
  check_long_text(errors, "problem", fields.problem);
  check_long_text(errors, "design", fields.design);
  check_long_text(errors, "goals", fields.goals);
  check_long_text(errors, "benefits", fields.benefits);
  check_results(errors, fields.results);
  if (fields.budget && *fields.budget < 0) errors["budget"] = "innovation.error.budget";
  check_line(errors, "video_url", fields.video_url, 200);
  if (!errors.count("video_url") && !fields.video_url.empty() && !is_youtube_url(fields.video_url))
    errors["video_url"] = "innovation.error.video";
  check_tags(errors, fields.tags);
  return errors;
}

std::optional<std::int64_t> parse_rupiah(std::string_view text) {
  std::string value = trim(text);
  std::string_view rest = value;
  if (starts_with_ignoring_case(rest, "rp")) {
    rest.remove_prefix(2);
    if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  if (const auto comma = rest.find(','); comma != std::string_view::npos) {
    std::string_view fraction = rest.substr(comma + 1);
    bool zero = fraction.size() <= 2 && all_digits(fraction) &&
                fraction.find_first_not_of('0') == std::string_view::npos;
    if (!zero) return std::nullopt;  // rupiah have no cents worth keeping
    rest = rest.substr(0, comma);
  }
  std::string digits = ungroup(rest);
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  return std::stoll(digits);
}

bool is_youtube_url(std::string_view url) {
  if (!url.starts_with("https://")) return false;
  url.remove_prefix(8);
  const auto host_end = url.find_first_of("/?#");
  const std::string host = lower_ascii(url.substr(0, host_end));
  std::string_view rest = host_end == std::string_view::npos ? "" : url.substr(host_end);
  rest = rest.substr(0, rest.find('#'));
  if (host == "youtu.be") {
    return rest.starts_with("/") && is_video_id(rest.substr(1, rest.find('?') - 1));
  }
  if (host != "youtube.com" && host != "www.youtube.com" && host != "m.youtube.com") return false;
  const auto question = rest.find('?');
  if (question == std::string_view::npos || rest.substr(0, question) != "/watch") return false;
  return is_video_id(query_value(rest.substr(question + 1), "v"));
}

std::vector<std::string> parse_tags(std::string_view text, std::optional<std::string>& problem) {
  std::vector<std::string> tags;
  std::vector<std::string> seen;  // lower-cased
  while (true) {
    const auto comma = text.find(',');
    std::string tag = trim(text.substr(0, comma));
    if (!tag.empty() && !contains(seen, lower_ascii(tag))) {
      seen.push_back(lower_ascii(tag));
      if (utf8_length(tag) > kMaxTagLength || has_control(tag, false))
        problem = "innovation.error.tag_too_long";
      tags.push_back(std::move(tag));
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (tags.size() > kMaxTags) problem = "innovation.error.tags_too_many";
  return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& tag : tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

bool is_iso_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  if (!all_digits(date.substr(0, 4)) || !all_digits(date.substr(5, 2)) ||
      !all_digits(date.substr(8, 2))) {
    return false;
  }
  int year = std::stoi(std::string(date.substr(0, 4)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  int day = std::stoi(std::string(date.substr(8, 2)));
  return year >= 1945 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;  // inside a run of non-space characters that holds a letter or digit
  std::size_t i = 0;
  while (i < text.size()) {
    auto [c, length] = decode(text, i);
    i += length;
    // A no-break space (U+00A0) separates words like a space does.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0) {
      in_word = false;
    } else if (!in_word && is_word_code_point(c)) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

std::vector<CheckItem> checklist(const Fields& fields) {
  std::vector<CheckItem> items;
  auto add = [&](std::string key, bool done,
                 std::vector<std::pair<std::string, std::string>> args = {}) {
    items.push_back({"innovation.check." + key, done, std::move(args)});
  };
  add("name", !fields.name.empty());
  add("form", !fields.form.empty());
  add("type", !fields.type.empty());
  add("stage", !fields.stage.empty());
  add("initiator", !fields.initiator.empty());
  add("affairs", !fields.affairs.empty());
  add("sdgs", !fields.sdgs.empty());
  // An initiative has not been tried yet; a trial has no implementation date yet.
  if (fields.stage == "uji_coba" || fields.stage == "penerapan")
    add("trial_date", !fields.trial_date.empty());
  if (fields.stage == "penerapan") add("implementation_date", !fields.implementation_date.empty());
  add("problem", !fields.problem.empty());
  std::size_t words = count_words(fields.design);
  add("design", words >= kMinDesignWords,
      {{"min", std::to_string(kMinDesignWords)}, {"count", std::to_string(words)}});
  add("goals", !fields.goals.empty());
  add("benefits", !fields.benefits.empty());
  if (fields.stage == "penerapan") add("results", !fields.results.empty());
  add("budget", fields.budget.has_value());
  return items;
}

std::vector<CheckItem> missing_items(const Fields& fields) {
  auto items = checklist(fields);
  std::erase_if(items, [](const CheckItem& item) { return item.done; });
  return items;
}

std::optional<int> affair_index(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kAffairs); ++i) {
    if (kAffairs[i].code == code) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::int64_t affair_mask(const std::vector<std::string>& affairs) {
  std::int64_t mask = 0;
  for (const auto& code : affairs) {
    if (auto index = affair_index(code)) mask |= std::int64_t{1} << *index;
  }
  return mask;
}

std::int64_t sdg_mask(const std::vector<int>& sdgs) {
  std::int64_t mask = 0;
  for (int goal : sdgs) {
    if (goal >= 1 && goal <= kSdgCount) mask |= std::int64_t{1} << (goal - 1);
  }
  return mask;
}

std::optional<int> innovation_year(const Fields& fields) {
  const std::string& date =
      fields.implementation_date.empty() ? fields.trial_date : fields.implementation_date;
  if (!is_iso_date(date)) return std::nullopt;
  return std::stoi(date.substr(0, 4));
}

nlohmann::json results_to_json(const std::vector<ResultRow>& results) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : results) {
    rows.push_back({{"indicator", row.indicator},
                    {"before", row.before},
                    {"after", row.after},
                    {"unit", row.unit}});
  }
  return rows;
}

std::vector<ResultRow> results_from_json(const nlohmann::json& json) {
  std::vector<ResultRow> results;
  if (!json.is_array()) return results;
  for (const auto& row : json) {
    results.push_back({text_of(row, "indicator"), text_of(row, "before"), text_of(row, "after"),
                       text_of(row, "unit")});
  }
  return results;
}

nlohmann::json fields_to_json(const Fields& fields) {
  return {{"name", fields.name},
          {"short_name", fields.short_name},
          {"form", fields.form},
          {"type", fields.type},
          {"stage", fields.stage},
          {"initiator", fields.initiator},
          {"affairs", fields.affairs},
          {"sdgs", fields.sdgs},
          {"trial_date", fields.trial_date},
          {"implementation_date", fields.implementation_date},
          {"problem", fields.problem},
          {"design", fields.design},
          {"goals", fields.goals},
          {"benefits", fields.benefits},
          {"results", results_to_json(fields.results)},
          {"budget", fields.budget ? nlohmann::json(*fields.budget) : nlohmann::json(nullptr)},
          {"video_url", fields.video_url},
          {"tags", fields.tags}};
}

nlohmann::json make_snapshot(const Innovation& innovation) {
  nlohmann::json snapshot = fields_to_json(innovation.fields);
  snapshot["agency"] = {{"id", innovation.agency_id},
                        {"name", innovation.agency_name},
                        {"type", innovation.agency_type},
                        {"province_code", innovation.province_code}};
  snapshot["unit"] = {{"id", innovation.unit_id}, {"name", innovation.unit_name}};
  snapshot["is_sample"] = innovation.is_sample;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : innovation.files) {
    files.push_back({{"id", file.id},
                     {"name", file.name},
                     {"content_type", file.content_type},
                     {"size", file.size},
                     {"sha256", file.sha256}});
  }
  snapshot["files"] = std::move(files);
  return snapshot;
}

std::vector<Attachment> attachments_from_json(const nlohmann::json& json) {
  std::vector<Attachment> files;
  if (!json.is_array()) return files;
  for (const auto& file : json) {
    const auto& id = member(file, "id");
    const auto& size = member(file, "size");
    files.push_back({id.is_number_integer() ? id.get<std::int64_t>() : 0, text_of(file, "name"),
                     text_of(file, "content_type"),
                     size.is_number_integer() ? size.get<std::int64_t>() : 0,
                     text_of(file, "sha256")});
  }
  return files;
}

Fields fields_from_json(const nlohmann::json& json) {
  Fields fields;
  fields.name = text_of(json, "name");
  fields.short_name = text_of(json, "short_name");
  fields.form = text_of(json, "form");
  fields.type = text_of(json, "type");
  fields.stage = text_of(json, "stage");
  fields.initiator = text_of(json, "initiator");
  for (const auto& code : member(json, "affairs")) {
    if (code.is_string()) fields.affairs.push_back(code.get<std::string>());
  }
  for (const auto& goal : member(json, "sdgs")) {
    if (goal.is_number_integer()) fields.sdgs.push_back(goal.get<int>());
  }
  fields.trial_date = text_of(json, "trial_date");
  fields.implementation_date = text_of(json, "implementation_date");
  fields.problem = text_of(json, "problem");
  fields.design = text_of(json, "design");
  fields.goals = text_of(json, "goals");
  fields.benefits = text_of(json, "benefits");
  fields.results = results_from_json(member(json, "results"));
  if (const auto& budget = member(json, "budget"); budget.is_number_integer())
    fields.budget = budget.get<std::int64_t>();
  fields.video_url = text_of(json, "video_url");
  for (const auto& tag : member(json, "tags")) {
    if (tag.is_string()) fields.tags.push_back(tag.get<std::string>());
  }
  return fields;
}

}  // namespace simpul::innovations
