#pragma once
// The evaluator's score sheet: typed scores checked against the edition's rubric, a comment, the
// evaluation stage's window. Pure.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "core/util/errors.hpp"

namespace simpul::judging {

inline constexpr std::size_t kMaxComment = 5000;

// What the form typed, by aspect code; an empty score is allowed in a draft.
struct TypedSheet {
  std::map<std::string, std::string> scores;
  std::string comment;
};
struct CheckedSheet {
  std::map<std::string, int> scores;  // the aspects scored so far
  std::string comment;
  FieldErrors errors;  // "score.<code>" or "comment"
};
// Every score a whole number within its aspect's scale; on submission every aspect scored.
CheckedSheet check_sheet(const std::vector<competitions::RubricAspect>& rubric, TypedSheet typed,
                         bool submitting);

// Where the evaluation stage stands at `now`: scoring is open from its start (or, without a start,
// from publication) until the second before its end (without an end: until results exist).
enum class Window { not_yet, open, closed };
Window evaluation_window(const competitions::Setup& setup, std::int64_t now);

// A sheet's scores as stored (score_sheets and interview_sheets, scores_json): aspect code ->
// whole number. Reading skips anything that is not one, so a damaged row reads as unscored
// aspects, which the rubric checks then name, rather than failing the page.
std::string scores_to_json(const std::map<std::string, int>& scores);
std::map<std::string, int> scores_from_json(const std::string& json);

}  // namespace simpul::judging
