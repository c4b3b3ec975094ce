#pragma once
// What the panel's stages (finals/) read of the evaluation, inside their own transactions: the
// proposals that passed screening, the submitted score sheets and the method the organiser
// recorded. Also the evaluator's workplace, which the evaluators' forms edit.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "judging/aggregation.hpp"
#include "judging/assignment.hpp"

namespace simpul::judging {

struct Profile {
  std::string institution;
  std::string province_code;  // "" when not given
};

// The edition's proposals that passed screening.
std::vector<Proposal> screened_proposals(db::Transaction& tx, std::int64_t edition_id);

// The edition's submitted sheets, for the aggregation.
std::vector<ScoreSheet> submitted_sheets(db::Transaction& tx, std::int64_t edition_id);

// The method the organiser recorded for the edition, with its passing grade.
struct MethodChoice {
  std::string method;  // raw, z_score, calibrated
  int passing_grade = 0;
  std::int64_t chosen_at = 0;
  std::optional<std::int64_t> frozen_at;  // when the finals nominated from it
};
std::optional<MethodChoice> find_method_choice(db::Transaction& tx, std::int64_t edition_id);
// The finals nominated from the recorded method: from now on it may not change.
void freeze_method_choice(db::Transaction& tx, std::int64_t edition_id, std::int64_t now);

}  // namespace simpul::judging
