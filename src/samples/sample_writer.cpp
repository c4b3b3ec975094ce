#include "samples/sample_writer.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "core/view/i18n.hpp"
#include "innovations/model.hpp"

namespace simpul::samples {
namespace {

using nlohmann::json;

// The keys every theme needs, with the least number of entries of each list.
constexpr std::pair<const char*, std::size_t> kThemeLists[] = {
    {"services", 1}, {"people", 1},   {"problems", 2}, {"designs", 3},
    {"goals", 1},    {"benefits", 2}, {"results", 1},  {"tags", 1}};

void require_list(const json& object, const char* key, std::size_t at_least,
                  const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_array() || it->size() < at_least)
    throw std::runtime_error("sample_texts.json: " + where + " needs a list \"" + key +
                             "\" of at least " + std::to_string(at_least));
}

void check_shape(const json& texts) {
  if (!texts.is_object()) throw std::runtime_error("sample_texts.json: not an object");
  require_list(texts, "places", 1, "the file");
  require_list(texts, "approaches", 1, "the file");
  require_list(texts, "themes", 1, "the file");
  for (const auto& theme : texts.at("themes")) {
    std::string where = "theme " + theme.value("affair", std::string("?"));
    for (const auto& [key, count] : kThemeLists) require_list(theme, key, count, where);
    for (const char* key : {"affair", "unit", "form"}) {
      if (!theme.contains(key) || !theme.at(key).is_string())
        throw std::runtime_error("sample_texts.json: " + where + " needs \"" + key + "\"");
    }
  }
}

// "Layanan Keliling" -> "LK": the initials of a way of working, for short names.
std::string initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      start = true;
    } else if (start) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      start = false;
    }
  }
  return out;
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A template filled from the slots (a slot not drawn stays as typed, so a fault in the file shows
// on the page), as a sentence: its first letter in capitals.
std::string fill(const std::string& text, const MessageArgs& slots) {
  std::string out = view::substitute(text, slots);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

SampleWriter::SampleWriter(json texts, std::uint64_t seed, int current_year)
    : texts_(std::move(texts)), random_(seed), current_year_(current_year) {
  check_shape(texts_);
}

const json& SampleWriter::pick(const json& list) { return list.at(random_() % list.size()); }

int SampleWriter::between(int low, int high) {
  if (high <= low) return low;
  return low + static_cast<int>(random_() % static_cast<std::uint64_t>(high - low + 1));
}

// count different sentences of the list, in the list's order, each filled from the slots.
std::string SampleWriter::sentences(const json& templates, std::size_t count,
                                    const MessageArgs& slots) {
  std::vector<std::size_t> order(templates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random_);
  order.resize(std::min(count, order.size()));
  std::sort(order.begin(), order.end());
  std::string out;
  for (auto i : order)
    out += (out.empty() ? "" : " ") + fill(templates.at(i).get<std::string>(), slots);
  return out;
}

// Mostly in use for years (the programme's 2023 IID counts: about 90% implementation), digital
// as the way of working says, begun between 2016 and last year.
void SampleWriter::set_dates_and_kind(innovations::Fields& f, bool digital) {
  f.type = digital ? "digital" : "non_digital";
  int roll = between(1, 100);
  f.stage = roll <= 90 ? "penerapan" : roll <= 96 ? "uji_coba" : "inisiatif";
  f.initiator = innovations::kInitiators[random_() % std::size(innovations::kInitiators)];
  int year = between(2016, current_year_ - 1);
  int month = between(1, 12), day = between(1, 28);
  f.trial_date = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
  if (f.stage == "penerapan") {
    f.implementation_date =
        std::to_string(std::min(year + 1, current_year_)) + "-" + two_digits(month) + "-01";
  }
  f.budget = static_cast<std::int64_t>(between(5, 900)) * 1'000'000;
}

synthetic::SyntheticInnovation SampleWriter::next(std::string_view form) {
  std::vector<const json*> themes;
  for (const auto& theme : texts_.at("themes")) {
    if (theme.at("form") == form) themes.push_back(&theme);
  }
  if (themes.empty())
    throw std::runtime_error("sample_texts.json: no theme of form " + std::string(form));
  synthetic::SyntheticInnovation out;
  auto& f = out.fields;
  // A name not used before: a few draws, then the place makes it unique.
  const json* theme = nullptr;
  const json* approach = nullptr;
  const json* service = nullptr;
  for (int attempt = 0; attempt < 20 && (f.name.empty() || names_.contains(f.name)); ++attempt) {
    theme = themes[random_() % themes.size()];
    approach = &pick(texts_.at("approaches"));
    service = &pick(theme->at("services"));
    f.name = approach->at("name").get<std::string>() + " " + service->at("name").get<std::string>();
  }
  std::string place = pick(texts_.at("places")).get<std::string>();
  if (names_.contains(f.name)) f.name += " di " + place;
  names_.insert(f.name);
  f.short_name = initials(approach->at("name").get<std::string>()) + "-" +
                 upper(service->at("short").get<std::string>());
  f.form = std::string(form);
  out.unit_name = theme->at("unit").get<std::string>();
  f.affairs = {theme->at("affair").get<std::string>()};
  for (const auto& sdg : theme->value("sdgs", json::array())) f.sdgs.push_back(sdg.get<int>());
  std::sort(f.sdgs.begin(), f.sdgs.end());
  set_dates_and_kind(f, approach->value("digital", false));

  const auto& result = theme->at("results").at(0);
  auto draw = [&](const json& range) {
    return between(range.at(0).get<int>(), range.at(1).get<int>());
  };
  int before = draw(result.at("before"));
  int after = draw(result.at("after"));
  // "how" is a clause inside a sentence: its place filled in, its first letter kept small.
  std::string how = view::substitute(approach->at("how").get<std::string>(), {{"place", place}});
  MessageArgs slots{{"name", f.name},
                    {"short", f.short_name},
                    {"object", service->at("object").get<std::string>()},
                    {"people", pick(theme->at("people")).get<std::string>()},
                    {"place", place},
                    {"approach", approach->at("name").get<std::string>()},
                    {"how", how},
                    {"unit", out.unit_name},
                    {"year", f.trial_date.substr(0, 4)},
                    {"n", std::to_string(between(4, 120) * 25)},
                    {"before", std::to_string(before)},
                    {"after", std::to_string(after)},
                    {"result_unit", result.at("unit").get<std::string>()}};
  f.problem = sentences(theme->at("problems"), 2, slots);
  f.design = sentences(theme->at("designs"), 3, slots);
  f.goals = sentences(theme->at("goals"), 1, slots);
  f.benefits = sentences(theme->at("benefits"), 2, slots);
  for (const auto& r : theme->at("results")) {
    bool first = &r == &result;
    int b = first ? before : draw(r.at("before"));
    int a = first ? after : draw(r.at("after"));
    std::string unit = r.at("unit").get<std::string>();
    f.results.push_back(
        {r.at("indicator").get<std::string>(), std::to_string(b), std::to_string(a), unit});
  }
  for (const auto& tag : theme->at("tags")) f.tags.push_back(tag.get<std::string>());
  return out;
}

}  // namespace simpul::samples
