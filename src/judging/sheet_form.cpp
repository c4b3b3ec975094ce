#include "judging/sheet_form.hpp"

#include <charconv>

#include "core/util/text.hpp"

namespace simpul::judging {
namespace {

// Parses "8" or "8-10" / "8–10" at the start of a line, before ":" — a band of levels.
std::optional<RubricBand> band_of(std::string_view line) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string head = trim(line.substr(0, colon));
  std::string text = trim(line.substr(colon + 1));
  auto number = [](std::string_view digits) -> std::optional<int> {
    int value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  std::optional<int> from, to;
  auto dash = head.find_first_of("-\xE2");  // "-" or the first byte of "–" (E2 80 93)
  if (dash == std::string::npos) {
    from = to = number(head);
  } else {
    std::size_t after = head.compare(dash, 3, "\xE2\x80\x93") == 0 ? dash + 3 : dash + 1;
    from = number(trim(std::string_view(head).substr(0, dash)));
    to = number(trim(std::string_view(head).substr(after)));
  }
  if (!from || !to || *from > *to || text.empty()) return std::nullopt;
  return RubricBand{*from, *to, text};
}

}  // namespace

RubricGuidance read_guidance(const std::string& guidance) {
  RubricGuidance out;
  std::string_view rest = guidance;
  while (!rest.empty()) {
    auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (auto band = band_of(line)) {
      out.bands.push_back(std::move(*band));
    } else if (!trim(line).empty()) {
      out.text += (out.text.empty() ? "" : " ") + trim(line);
    }
  }
  return out;
}

kernel::Json aspect_fields(const kernel::Context& context,
                           const std::vector<competitions::RubricAspect>& rubric,
                           const TypedSheet* typed, const std::map<std::string, int>* stored,
                           const FieldErrors& errors) {
  kernel::Json out = kernel::Json::array();
  for (const auto& a : rubric) {
    std::string value;
    if (typed) {
      if (auto it = typed->scores.find(a.code); it != typed->scores.end()) value = it->second;
    } else if (stored) {
      if (auto it = stored->find(a.code); it != stored->end()) value = std::to_string(it->second);
    }
    auto guidance = read_guidance(a.guidance);
    // A short scale is a row of choices under the rubric's bands; a long one (0–100) a number
    // field.
    kernel::Json levels = kernel::Json::array();
    if (a.scale_max - a.scale_min <= kMaxChoiceLevels) {
      for (int level = a.scale_min; level <= a.scale_max; ++level) {
        levels.push_back({{"name", "nilai." + a.code},
                          {"id", "nilai-" + a.code + "-" + std::to_string(level)},
                          {"value", level},
                          {"checked", value == std::to_string(level)}});
      }
    }
    kernel::Json bands = kernel::Json::array();
    for (const auto& band : guidance.bands)
      bands.push_back({{"from", band.from},
                       {"to", band.to},
                       {"same", band.from == band.to},
                       {"text", band.text}});
    auto error = errors.find("score." + a.code);
    out.push_back({{"code", a.code},
                   {"title", a.title},
                   {"weight", a.weight},
                   {"min", a.scale_min},
                   {"max", a.scale_max},
                   {"guidance", guidance.text},
                   {"has_bands", !bands.empty()},
                   {"bands", bands},
                   {"levels", levels},
                   {"value", value},
                   {"error", error == errors.end() ? "" : context.explain(error->second)}});
  }
  return out;
}

}  // namespace simpul::judging
