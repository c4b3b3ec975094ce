// The score sheet's checks and the evaluation window on worked examples.
#include <gtest/gtest.h>

#include "judging/scoring.hpp"

namespace simpul::judging {
namespace {

std::vector<competitions::RubricAspect> scoring_rubric() {
  return {{"kebaruan", "Kebaruan", 60, 1, 5, ""}, {"dampak", "Dampak", 40, 0, 100, ""}};
}

TEST(JudgingScoring, ADraftMayBeHalfDoneASubmissionMayNot) {
  auto draft = check_sheet(scoring_rubric(), {{{"kebaruan", " 4 "}}, "Baik."}, false);
  EXPECT_TRUE(draft.errors.empty());
  EXPECT_EQ(draft.scores, (std::map<std::string, int>{{"kebaruan", 4}}));
  auto submitted = check_sheet(scoring_rubric(), {{{"kebaruan", "4"}}, ""}, true);
  EXPECT_EQ(submitted.errors.at("score.dampak"), "judging.error.score_missing");
  auto complete = check_sheet(scoring_rubric(), {{{"kebaruan", "5"}, {"dampak", "0"}}, ""}, true);
  EXPECT_TRUE(complete.errors.empty());
  EXPECT_EQ(complete.scores.at("dampak"), 0) << "the scale's bottom is a score";
}

TEST(JudgingScoring, ScoresAreWholeNumbersWithinTheirScale) {
  for (const char* bad : {"6", "0", "-1", "4.5", "4,5", "empat", "1e1"}) {
    auto sheet = check_sheet(scoring_rubric(), {{{"kebaruan", bad}}, ""}, false);
    EXPECT_EQ(sheet.errors.at("score.kebaruan"), "judging.error.score_range") << bad;
  }
  auto control = check_sheet(scoring_rubric(), {{}, std::string("a\x01b")}, false);
  EXPECT_TRUE(control.errors.contains("comment"));
}

TEST(JudgingScoring, TheEvaluationWindowFollowsTheStage) {
  competitions::Setup setup = competitions::new_setup({});
  EXPECT_EQ(evaluation_window(setup, 1000), Window::open) << "no dates: open";
  for (auto& stage : setup.stages) {
    if (stage.code == "evaluation") {
      stage.starts_at = 2000;
      stage.ends_at = 3000;
    }
  }
  EXPECT_EQ(evaluation_window(setup, 1999), Window::not_yet);
  EXPECT_EQ(evaluation_window(setup, 2000), Window::open);
  EXPECT_EQ(evaluation_window(setup, 2999), Window::open);
  EXPECT_EQ(evaluation_window(setup, 3000), Window::closed) << "the closing second is closed";
}

TEST(JudgingScoring, StoredScoresReadBackAndADamagedRowReadsAsUnscored) {
  std::map<std::string, int> scores{{"kebaruan", 8}, {"dampak", 10}};
  EXPECT_EQ(scores_from_json(scores_to_json(scores)), scores);
  EXPECT_EQ(scores_from_json(R"({"kebaruan": 8, "dampak": "10", "x": 7.5})"),
            (std::map<std::string, int>{{"kebaruan", 8}}))
      << "only whole numbers";
  EXPECT_TRUE(scores_from_json("[1, 2]").empty());
  EXPECT_TRUE(scores_from_json("{rusak").empty());
}

}  // namespace
}  // namespace simpul::judging
