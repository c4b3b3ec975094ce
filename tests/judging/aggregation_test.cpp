// The three ways from score sheets to a proposal's score (raw mean, per-evaluator z-scores,
// reviewer-offset calibration), on small examples worked by hand in the comments; then the
// disagreement flag and the proposals that cross the passing grade when the method changes; then a
// noise-free random design whose leniencies must come back exactly, and a KIPP-sized run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "judging/aggregation.hpp"

namespace simpul::judging {
namespace {

constexpr double kExact = 1e-9;
constexpr std::int64_t kA = 1, kB = 2, kC = 3, kD = 4, kE = 5;

const ProposalResult& proposal(const Aggregation& aggregation, std::int64_t id) {
  const auto found = std::find_if(aggregation.proposals.begin(), aggregation.proposals.end(),
                                  [id](const auto& p) { return p.proposal_id == id; });
  EXPECT_NE(found, aggregation.proposals.end()) << "proposal " << id;
  return *found;
}

const EvaluatorResult& evaluator(const Aggregation& aggregation, std::int64_t id) {
  const auto found = std::find_if(aggregation.evaluators.begin(), aggregation.evaluators.end(),
                                  [id](const auto& e) { return e.evaluator_id == id; });
  EXPECT_NE(found, aggregation.evaluators.end()) << "evaluator " << id;
  return *found;
}

std::vector<std::int64_t> ids(const std::vector<ProposalResult>& proposals) {
  std::vector<std::int64_t> out;
  for (const auto& p : proposals) out.push_back(p.proposal_id);
  return out;
}

// Two aspects on different scales: novelty 60 % on 1..5, benefit 40 % on 0..100.
std::vector<competitions::RubricAspect> rubric() {
  competitions::RubricAspect novelty{"kebaruan", "Kebaruan", 60, 1, 5, ""};
  competitions::RubricAspect benefit{"manfaat", "Kemanfaatan", 40, 0, 100, ""};
  return {novelty, benefit};
}

ScoreSheet sheet(std::int64_t proposal_id, std::int64_t evaluator_id, double novelty,
                 double benefit) {
  return {proposal_id, evaluator_id, {{"kebaruan", novelty}, {"manfaat", benefit}}};
}

TEST(JudgingAggregationTotals, EachAspectIsPlacedInItsScaleThenWeighted) {
  // novelty 4 on 1..5: (4 - 1) / (5 - 1) = 0.75, × 60 = 45; benefit 70 on 0..100: 0.7 × 40 = 28.
  EXPECT_NEAR(sheet_total(rubric(), sheet(1, kA, 4, 70)), 73, kExact);
  EXPECT_NEAR(sheet_total(rubric(), sheet(1, kA, 5, 100)), 100, kExact);
  EXPECT_NEAR(sheet_total(rubric(), sheet(1, kA, 1, 0)), 0, kExact);
  // novelty 3: 0.5 × 60 = 30; benefit 85: 0.85 × 40 = 34.
  EXPECT_NEAR(sheet_total(rubric(), sheet(1, kA, 3, 85)), 64, kExact);
}

TEST(JudgingAggregationTotals, AnIncompleteOrOutOfScaleSheetIsRefused) {
  EXPECT_THROW(sheet_total(rubric(), {1, kA, {{"kebaruan", 4}}}), std::invalid_argument);
  EXPECT_THROW(sheet_total(rubric(), sheet(1, kA, 6, 70)), std::invalid_argument);
  EXPECT_THROW(sheet_total(rubric(), sheet(1, kA, 4, -1)), std::invalid_argument);
  ScoreSheet extra = sheet(1, kA, 4, 70);
  extra.scores["lain"] = 1;
  EXPECT_THROW(sheet_total(rubric(), extra), std::invalid_argument);
}

TEST(JudgingAggregationRaw, AProposalsRawScoreIsTheMeanOfItsTotals) {
  // Totals 73 (novelty 4, benefit 70) and 81 (novelty 4.5: 0.875 × 60 = 52.5; benefit 71.25:
  // 0.7125 × 40 = 28.5): mean 77.
  const auto result = aggregate(marks(rubric(), {sheet(7, kA, 4, 70), sheet(7, kB, 4.5, 71.25)}));
  ASSERT_EQ(result.proposals.size(), 1u);
  EXPECT_NEAR(proposal(result, 7).raw, 77, kExact);
  EXPECT_NEAR(proposal(result, 7).lowest, 73, kExact);
  EXPECT_NEAR(proposal(result, 7).highest, 81, kExact);
  EXPECT_EQ(proposal(result, 7).sheets, 2);
}

TEST(JudgingAggregationZScore, TwoEvaluatorsOnThreeProposalsByHand) {
  // A (severe): P1 50, P2 60, P3 70; mean 60, SD √((100 + 0 + 100) / 3) = 10√(2/3);
  //   z = -√1.5, 0, +√1.5.
  // B (lenient): P1 90, P2 70, P3 80; mean 80, same SD; z = +√1.5, -√1.5, 0.
  // All six totals: mean 420 / 6 = 70; squared deviations 400 + 100 + 0 + 400 + 0 + 100 = 1000,
  //   SD √(1000 / 6). Mapped back: 70 + SD × z, and SD × √1.5 = √(1000 / 6 × 1.5) = √250.
  // P1: z mean 0 -> 70 (raw 70). P2: z mean -√1.5 / 2 -> 70 - √250 / 2 (raw 65).
  // P3: z mean +√1.5 / 2 -> 70 + √250 / 2 (raw 75).
  const auto result =
      aggregate({{1, kA, 50}, {2, kA, 60}, {3, kA, 70}, {1, kB, 90}, {2, kB, 70}, {3, kB, 80}});
  EXPECT_NEAR(result.mean, 70, kExact);
  EXPECT_NEAR(result.spread, std::sqrt(1000.0 / 6), kExact);
  EXPECT_NEAR(evaluator(result, kA).mean, 60, kExact);
  EXPECT_NEAR(evaluator(result, kA).spread, 10 * std::sqrt(2.0 / 3), kExact);
  EXPECT_EQ(evaluator(result, kA).z_treatment, ZTreatment::standardised);
  EXPECT_NEAR(proposal(result, 1).z_score, 70, kExact);
  EXPECT_NEAR(proposal(result, 2).z_score, 70 - std::sqrt(250.0) / 2, kExact);
  EXPECT_NEAR(proposal(result, 3).z_score, 70 + std::sqrt(250.0) / 2, kExact);
  EXPECT_NEAR(proposal(result, 2).raw, 65, kExact);
}

TEST(JudgingAggregationZScore, OneSheetStaysAsScoredAndAFlatEvaluatorSitsAtTheGlobalMean) {
  // A: P1 60, P2 70, P3 80; z = -√1.5, 0, +√1.5. B: one sheet, P1 90, kept as 90.
  // C: P2 85, P3 85, SD 0: both at the global mean.
  // Global: totals 60, 70, 80, 90, 85, 85; mean 470 / 6; deviations (in sixths) -110, -50, 10, 70,
  //   40, 40, squares 22800 / 36, so variance 22800 / 216 = 950 / 9 and SD √950 / 3.
  // P1: (mean - SD √1.5 + 90) / 2. P2: (mean + mean) / 2. P3: (mean + SD √1.5 + mean) / 2.
  const auto result =
      aggregate({{1, kA, 60}, {2, kA, 70}, {3, kA, 80}, {1, kB, 90}, {2, kC, 85}, {3, kC, 85}});
  const double mean = 470.0 / 6, spread = std::sqrt(950.0) / 3;
  EXPECT_NEAR(result.spread, spread, kExact);
  EXPECT_EQ(evaluator(result, kA).z_treatment, ZTreatment::standardised);
  EXPECT_EQ(evaluator(result, kB).z_treatment, ZTreatment::single_sheet);
  EXPECT_EQ(evaluator(result, kC).z_treatment, ZTreatment::constant);
  EXPECT_NEAR(proposal(result, 1).z_score, (mean - spread * std::sqrt(1.5) + 90) / 2, kExact);
  EXPECT_NEAR(proposal(result, 2).z_score, mean, kExact);
  EXPECT_NEAR(proposal(result, 3).z_score, (mean + spread * std::sqrt(1.5) + mean) / 2, kExact);
}

TEST(JudgingAggregationCalibration, AConstantOffsetSplitsIntoPlusAndMinusHalf) {
  // B always gives 10 more than A on the same three proposals. Only b_B - b_A = 10 is identified;
  // with Σ b = 0 (equal sheet counts) b_A = -5, b_B = +5, and every quality is A's total + 5.
  const auto result =
      aggregate({{1, kA, 60}, {2, kA, 70}, {3, kA, 80}, {1, kB, 70}, {2, kB, 80}, {3, kB, 90}}, 0);
  EXPECT_NEAR(evaluator(result, kA).leniency, -5, kExact);
  EXPECT_NEAR(evaluator(result, kB).leniency, 5, kExact);
  EXPECT_NEAR(proposal(result, 1).calibrated, 65, kExact);
  EXPECT_NEAR(proposal(result, 2).calibrated, 75, kExact);
  EXPECT_NEAR(proposal(result, 3).calibrated, 85, kExact);
  EXPECT_EQ(result.components, 1);
}

TEST(JudgingAggregationCalibration, TheRidgeShrinksTheOffsetsBySheetsOverSheetsPlusRidge) {
  // Same design, leniencies ∓d by symmetry and qualities the raw means (b_A + b_B = 0): the
  // objective is 3 × 2 × (5 - d)² + λ × 2 d², least at d = 5 × 3 / (3 + λ); λ = 1 gives 3.75.
  const std::vector<Mark> design = {{1, kA, 60}, {2, kA, 70}, {3, kA, 80},
                                    {1, kB, 70}, {2, kB, 80}, {3, kB, 90}};
  const auto result = aggregate(design, 1);
  EXPECT_NEAR(evaluator(result, kA).leniency, -3.75, kExact);
  EXPECT_NEAR(evaluator(result, kB).leniency, 3.75, kExact);
  EXPECT_NEAR(proposal(result, 1).calibrated, 65, kExact);
  EXPECT_EQ(kDefaultLeniencyRidge, 1);
  EXPECT_NEAR(evaluator(aggregate(design), kB).leniency, 3.75, kExact);
  EXPECT_THROW(aggregate(design, -1), std::invalid_argument);
}

TEST(JudgingAggregationCalibration, LeniencyIsCentredOnTheAverageSheetSoTheMeanStays) {
  // A: P1 60, P2 70, P3 80; B: P1 70 only. b_B - b_A = 10; 3 b_A + 1 b_B = 0 gives b_A = -2.5,
  // b_B = 7.5. P1: (60 + 2.5 + 70 - 7.5) / 2 = 62.5; P2 72.5; P3 82.5. Weighted by sheets the
  // calibrated scores average (2 × 62.5 + 72.5 + 82.5) / 4 = 70, the mean of the four totals.
  const auto result = aggregate({{1, kA, 60}, {2, kA, 70}, {3, kA, 80}, {1, kB, 70}}, 0);
  EXPECT_NEAR(evaluator(result, kA).leniency, -2.5, kExact);
  EXPECT_NEAR(evaluator(result, kB).leniency, 7.5, kExact);
  EXPECT_NEAR(proposal(result, 1).calibrated, 62.5, kExact);
  EXPECT_NEAR(proposal(result, 2).calibrated, 72.5, kExact);
  EXPECT_NEAR(proposal(result, 3).calibrated, 82.5, kExact);
  EXPECT_NEAR(result.mean, 70, kExact);
}

TEST(JudgingAggregationCalibration, EachComponentIsCentredOnItsOwn) {
  // Component 0: A and B on P1..P3, B = A + 10 -> ∓5. Component 1: C and D on P4, P5, D = C + 4
  // -> ∓2. Component 2: E alone on P6, whom no one can be compared with -> 0, P6 as scored.
  const auto result = aggregate({{1, kA, 60},
                                 {2, kA, 70},
                                 {3, kA, 80},
                                 {1, kB, 70},
                                 {2, kB, 80},
                                 {3, kB, 90},
                                 {4, kC, 80},
                                 {5, kC, 84},
                                 {4, kD, 84},
                                 {5, kD, 88},
                                 {6, kE, 95}},
                                0);
  EXPECT_EQ(result.components, 3);
  EXPECT_EQ(evaluator(result, kB).component, 0);
  EXPECT_EQ(evaluator(result, kD).component, 1);
  EXPECT_EQ(evaluator(result, kE).component, 2);
  EXPECT_EQ(proposal(result, 5).component, 1);
  EXPECT_NEAR(evaluator(result, kB).leniency, 5, kExact);
  EXPECT_NEAR(evaluator(result, kC).leniency, -2, kExact);
  EXPECT_NEAR(evaluator(result, kD).leniency, 2, kExact);
  EXPECT_NEAR(evaluator(result, kE).leniency, 0, kExact);
  EXPECT_NEAR(proposal(result, 4).calibrated, 82, kExact);
  EXPECT_NEAR(proposal(result, 6).calibrated, 95, kExact);
}

TEST(JudgingAggregationDisagreement, ProposalsWhoseTotalsSpreadBeyondTheThresholdWidestFirst) {
  // Ranges: P1 25, P2 5, P3 45, P4 exactly 20 (not beyond 20).
  const auto result = aggregate({{1, kA, 60},
                                 {1, kB, 85},
                                 {2, kA, 70},
                                 {2, kB, 75},
                                 {3, kA, 50},
                                 {3, kB, 95},
                                 {4, kA, 60},
                                 {4, kB, 80}});
  const auto flagged = disagreements(result, 20);
  EXPECT_EQ(ids(flagged), (std::vector<std::int64_t>{3, 1}));
  EXPECT_NEAR(flagged[0].disagreement(), 45, kExact);
}

// A (lenient): P1 95, P2 88 (alone). B: P1 85, P3 80 (alone). Passing grade 85.
//   raw:        P1 90, P2 88, P3 80.
//   z-score:    A mean 91.5, SD 3.5, z +1, -1; B mean 82.5, SD 2.5, z +1, -1; all four totals
//               mean 87, SD √((64 + 1 + 4 + 49) / 4) = √29.5. P1 87 + √29.5 ≈ 92.4;
//               P2 and P3 87 - √29.5 ≈ 81.6.
//   calibrated: b_A - b_B = 10 from P1, two sheets each: b_A = 5, b_B = -5. P1 90, P2 83, P3 85.
// P1 passes under all three; P2 passes only raw; P3 passes only calibrated (exactly at 85).
Aggregation lenient_and_severe() {
  return aggregate({{1, kA, 95}, {2, kA, 88}, {1, kB, 85}, {3, kB, 80}}, 0);
}

TEST(JudgingAggregationCutoff, TheThreeScoresOfTheWorkedExample) {
  const auto result = lenient_and_severe();
  EXPECT_NEAR(proposal(result, 1).z_score, 87 + std::sqrt(29.5), kExact);
  EXPECT_NEAR(proposal(result, 2).z_score, 87 - std::sqrt(29.5), kExact);
  EXPECT_NEAR(proposal(result, 1).calibrated, 90, kExact);
  EXPECT_NEAR(proposal(result, 2).calibrated, 83, kExact);
  EXPECT_NEAR(proposal(result, 3).calibrated, 85, kExact);
}

TEST(JudgingAggregationCutoff, ListsTheProposalsWhoseVerdictDependsOnTheMethod) {
  const auto crossings = cutoff_crossings(lenient_and_severe(), 85, Method::calibrated);
  ASSERT_EQ(crossings.size(), 2u);
  EXPECT_EQ(crossings[0].proposal.proposal_id, 3);  // 85 under the chosen method, then 83
  EXPECT_TRUE(crossings[0].passes_chosen);
  EXPECT_EQ(crossings[0].passes, (std::array<bool, 3>{false, false, true}));
  EXPECT_EQ(crossings[1].proposal.proposal_id, 2);
  EXPECT_FALSE(crossings[1].passes_chosen);
  EXPECT_EQ(crossings[1].passes, (std::array<bool, 3>{true, false, false}));

  const auto by_raw = cutoff_crossings(lenient_and_severe(), 85, Method::raw);
  ASSERT_EQ(by_raw.size(), 2u);
  EXPECT_EQ(by_raw[0].proposal.proposal_id, 2);  // 88 raw, then 80
  EXPECT_TRUE(by_raw[0].passes_chosen);
  EXPECT_FALSE(by_raw[1].passes_chosen);
}

TEST(JudgingAggregationCutoff, AScoreOfExactlyThePassingGradePasses) {
  EXPECT_TRUE(passes(85, 85));
  EXPECT_TRUE(passes(84.99999999999999, 85));
  EXPECT_FALSE(passes(84.999, 85));
}

TEST(JudgingAggregation, ASecondSheetOfOneEvaluatorForOneProposalIsRefused) {
  EXPECT_THROW(aggregate({{1, kA, 80}, {2, kB, 70}, {1, kA, 90}}), std::invalid_argument);
  EXPECT_THROW(aggregate({{1, kA, std::nan("")}}), std::invalid_argument);
}

TEST(JudgingAggregation, NoSheetsGiveNoScores) {
  const auto result = aggregate({});
  EXPECT_TRUE(result.proposals.empty());
  EXPECT_TRUE(result.evaluators.empty());
  EXPECT_EQ(result.components, 0);
}

// Each proposal scored by evaluators proposal % count and (proposal + 1) % count, which links all
// evaluators in a ring, plus a third random one now and then.
std::vector<std::pair<std::int64_t, std::int64_t>> ring_design(int proposals, int evaluators,
                                                               std::mt19937_64& random) {
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  std::uniform_int_distribution<int> pick(0, evaluators - 1);
  for (int p = 0; p < proposals; ++p) {
    std::set<std::int64_t> chosen = {p % evaluators, (p + 1) % evaluators};
    if (p % 3 == 0) chosen.insert(pick(random));
    for (std::int64_t e : chosen) pairs.emplace_back(p, e);
  }
  return pairs;
}

TEST(JudgingAggregationCalibration, RecoversNoiseFreeLeniencies) {
  constexpr int kProposals = 300, kEvaluators = 17;
  std::mt19937_64 random(20250512);
  std::uniform_real_distribution<double> quality_of(40, 95), leniency_of(-8, 8);
  std::vector<double> quality(kProposals), leniency(kEvaluators);
  for (double& q : quality) q = quality_of(random);
  for (double& b : leniency) b = leniency_of(random);
  std::vector<Mark> marks;
  std::vector<double> sheets(kEvaluators, 0.0);
  for (const auto& [p, e] : ring_design(kProposals, kEvaluators, random)) {
    marks.push_back({p, e, quality[p] + leniency[e]});
    sheets[e] += 1;
  }
  // The fit returns leniencies centred on the average sheet: b - Σ m b / Σ m.
  double weighted = 0;
  for (int e = 0; e < kEvaluators; ++e) weighted += sheets[e] * leniency[e];
  const double level = weighted / static_cast<double>(marks.size());

  const auto result = aggregate(marks, 0);
  ASSERT_EQ(result.components, 1);
  for (int e = 0; e < kEvaluators; ++e) {
    EXPECT_NEAR(evaluator(result, e).leniency, leniency[e] - level, kExact) << "evaluator " << e;
  }
  for (int p = 0; p < kProposals; ++p) {
    EXPECT_NEAR(proposal(result, p).calibrated, quality[p] + level, kExact) << "proposal " << p;
  }
}

TEST(JudgingAggregation, TheOrderOfTheSheetsChangesNothing) {
  std::vector<Mark> marks = {{1, kA, 95}, {2, kA, 88}, {1, kB, 85}, {3, kB, 80}, {3, kC, 70}};
  const auto before = aggregate(marks);
  std::reverse(marks.begin(), marks.end());
  const auto after = aggregate(marks);
  for (std::size_t i = 0; i < before.proposals.size(); ++i) {
    EXPECT_EQ(before.proposals[i].z_score, after.proposals[i].z_score);
    EXPECT_EQ(before.proposals[i].calibrated, after.proposals[i].calibrated);
  }
}

// A KIPP-sized run (3,500 proposals, two sheets each, 40 evaluators) to see that it completes;
// speed is measured in bench/, not asserted here. It also checks that none of the three methods
// moves the mean of all totals, weighted by sheets.
TEST(JudgingAggregation, AKippSizedEditionRuns) {
  constexpr int kProposals = 3500, kEvaluators = 40;
  std::mt19937_64 random(85);
  std::uniform_real_distribution<double> quality_of(55, 95), leniency_of(-6, 6);
  std::normal_distribution<double> noise(0, 4);
  std::vector<double> leniency(kEvaluators);
  for (double& b : leniency) b = leniency_of(random);
  std::vector<Mark> marks;
  std::uniform_int_distribution<int> pick(0, kEvaluators - 1);
  for (int p = 0; p < kProposals; ++p) {
    const double quality = quality_of(random);
    const int first = pick(random);
    const int second = (first + 1 + pick(random) % (kEvaluators - 1)) % kEvaluators;
    for (int e : {first, second}) {
      const double total = std::clamp(quality + leniency[e] + noise(random), 0.0, 100.0);
      marks.push_back({p, e, total});
    }
  }
  const auto result = aggregate(marks);
  ASSERT_EQ(result.proposals.size(), static_cast<std::size_t>(kProposals));
  ASSERT_EQ(result.evaluators.size(), static_cast<std::size_t>(kEvaluators));
  double raw = 0, z = 0, calibrated = 0;
  for (const auto& p : result.proposals) {
    raw += p.sheets * p.raw;
    z += p.sheets * p.z_score;
    calibrated += p.sheets * p.calibrated;
  }
  EXPECT_NEAR(z, raw, 1e-6);
  EXPECT_NEAR(calibrated, raw, 1e-6);
  EXPECT_NEAR(raw / static_cast<double>(marks.size()), result.mean, 1e-9);
  const auto lenient = std::max_element(leniency.begin(), leniency.end()) - leniency.begin();
  const auto severe = std::min_element(leniency.begin(), leniency.end()) - leniency.begin();
  EXPECT_GT(evaluator(result, lenient).leniency, evaluator(result, severe).leniency + 5);
}

}  // namespace
}  // namespace simpul::judging
