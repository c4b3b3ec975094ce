#include "judging/scoring.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "core/util/text.hpp"
#include "innovations/model.hpp"

namespace simpul::judging {
namespace {

// A whole number written plainly ("7", " 10 "); nullopt for anything else.
std::optional<int> whole_number(const std::string& typed) {
  std::string text = trim(typed);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

CheckedSheet check_sheet(const std::vector<competitions::RubricAspect>& rubric, TypedSheet typed,
                         bool submitting) {
  CheckedSheet out;
  for (const auto& aspect : rubric) {
    std::string field = "score." + aspect.code;
    auto it = typed.scores.find(aspect.code);
    std::string text = it == typed.scores.end() ? "" : trim(it->second);
    if (text.empty()) {
      if (submitting) out.errors[field] = "judging.error.score_missing";
      continue;
    }
    auto score = whole_number(text);
    if (!score || *score < aspect.scale_min || *score > aspect.scale_max) {
      out.errors[field] = "judging.error.score_range";
      continue;
    }
    out.scores[aspect.code] = *score;
  }
  if (auto problem = innovations::check_free_text(typed.comment, kMaxComment))
    out.errors["comment"] = *problem;
  out.comment = typed.comment;
  return out;
}

Window evaluation_window(const competitions::Setup& setup, std::int64_t now) {
  const auto* stage = competitions::find_stage(setup, "evaluation");
  if (stage && stage->starts_at && now < *stage->starts_at) return Window::not_yet;
  if (stage && stage->ends_at && now >= *stage->ends_at) return Window::closed;
  return Window::open;
}

std::string scores_to_json(const std::map<std::string, int>& scores) {
  return nlohmann::json(scores).dump();
}

std::map<std::string, int> scores_from_json(const std::string& json) {
  std::map<std::string, int> scores;
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object()) return scores;
  for (const auto& [code, value] : parsed.items())
    if (value.is_number_integer()) scores[code] = value.get<int>();
  return scores;
}

}  // namespace simpul::judging
