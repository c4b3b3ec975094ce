#pragma once
// What the evaluators' score sheets and the panel's interview sheets share on the page: the
// rubric's aspects as fields. A refused form comes back with what was typed; otherwise the
// stored scores fill it.
#include <map>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "judging/scoring.hpp"
#include "kernel/context.hpp"

namespace simpul::judging {

// A rubric aspect's guidance, read for the sheet: lines "8–10: what these levels mean" (or "8:",
// "8-10:") describe bands of levels; the other lines are the aspect's general guidance.
struct RubricBand {
  int from = 0;
  int to = 0;
  std::string text;
};
struct RubricGuidance {
  std::string text;
  std::vector<RubricBand> bands;
};
RubricGuidance read_guidance(const std::string& guidance);

// Scales with at most this many steps are shown as a row of choices.
inline constexpr int kMaxChoiceLevels = 10;

// Each aspect's code, title, weight, scale, guidance and its bands, the levels to choose from,
// value and error ("score.<code>" in errors).
kernel::Json aspect_fields(const kernel::Context& context,
                           const std::vector<competitions::RubricAspect>& rubric,
                           const TypedSheet* typed, const std::map<std::string, int>* stored,
                           const FieldErrors& errors);

}  // namespace simpul::judging
