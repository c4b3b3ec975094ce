#pragma once
// From the evaluation team's score sheets to a score per proposal, three ways side by side (issue
// 5, reference/peers.md §3): the raw mean; the mean after per-evaluator z-score normalisation
// mapped back to the rubric's scale; and a reviewer-offset calibrated score, the least-squares fit
// of total = quality + evaluator leniency (Platt & Burges 2012, the NIPS calibration; N. Lawrence
// 2014, "Reviewer Calibration for NIPS"). With them: each evaluator's leniency and spread, the
// proposals whose evaluators disagree, and the proposals that would cross the passing grade (85 in
// KIPP 2025, reference/domain.md §2) if the organiser picked another method. Pure, no I/O; nothing
// rounded.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "competitions/model.hpp"

namespace simpul::judging {

// One evaluator's submitted scores for one proposal: aspect code -> score on that aspect's scale.
struct ScoreSheet {
  std::int64_t proposal_id = 0;
  std::int64_t evaluator_id = 0;
  std::map<std::string, double> scores;
};

// The sheet's total on 0..100, the scale of KIPP's passing grade: each aspect's score placed on
// 0..1 within its scale, (score - min) / (max - min), weighted by the aspect's percentage:
//   total = Σ weight × (score - min) / (max - min) × 100 / Σ weight.
// The weights sum to 100 (competitions::check_part), so the last factor is 1; dividing keeps the
// total on 0..100 all the same. Throws std::invalid_argument when an aspect is missing, unknown or
// outside its scale: a total made of part of a sheet would be silently wrong.
double sheet_total(const std::vector<competitions::RubricAspect>& rubric, const ScoreSheet& sheet);

// A sheet reduced to its total; what the methods below work on.
struct Mark {
  std::int64_t proposal_id = 0;
  std::int64_t evaluator_id = 0;
  double total = 0;
};
std::vector<Mark> marks(const std::vector<competitions::RubricAspect>& rubric,
                        const std::vector<ScoreSheet>& sheets);

enum class Method { raw, z_score, calibrated };
inline constexpr Method kMethods[] = {Method::raw, Method::z_score, Method::calibrated};

// How an evaluator's totals enter the z-score method. z = (total - mean) / SD needs an SD:
//   standardised  two or more sheets with different totals;
//   constant      two or more sheets, all with the same total: z = 0, so each sits at the global
//                 mean. The evaluator's level is known (their mean) and the method's premise is
//                 that every evaluator's share is of average quality; their sheets rank nothing.
//   single_sheet  one sheet: its own mean, so the same rule would put the proposal at the global
//                 mean and throw the only judgement away. It is kept as scored (raw total) and
//                 flagged for the page to say so; the calibrated method can correct such a sheet.
enum class ZTreatment { standardised, constant, single_sheet };

struct EvaluatorResult {
  std::int64_t evaluator_id = 0;
  int sheets = 0;
  double mean = 0;      // of their totals
  double spread = 0;    // SD of their totals (population: divided by the count)
  double leniency = 0;  // b_j of the calibration: points added to every total they give
  ZTreatment z_treatment = ZTreatment::standardised;
  int component = 0;  // see Aggregation::components
};

struct ProposalResult {
  std::int64_t proposal_id = 0;
  int sheets = 0;
  double lowest = 0;   // of its sheets' totals
  double highest = 0;  // of its sheets' totals
  double raw = 0;
  double z_score = 0;
  double calibrated = 0;
  int component = 0;
  double score(Method method) const;
  double disagreement() const { return highest - lowest; }
};

struct Aggregation {
  std::vector<ProposalResult> proposals;    // by proposal id
  std::vector<EvaluatorResult> evaluators;  // by evaluator id
  double mean = 0;                          // of all totals
  double spread = 0;                        // SD of all totals (population)
  // Connected parts of the graph "evaluator scored proposal", numbered 0.. in the order of their
  // smallest evaluator id. Leniencies are comparable only within one part: nothing links the
  // evaluators of two parts, so a part's common level cannot be told from its proposals' quality.
  int components = 0;
};

// The calibration's ridge λ: it adds λ Σ_j (b_j - b̄)² to the squared error (b̄ the mean leniency
// of the evaluator's component), shrinking a leniency estimated from few shared proposals towards
// the others, as Platt & Burges's regularised fit does. It counts in sheets: when two evaluators
// score the same m proposals, each keeps m / (m + λ) of the offset the data show.
inline constexpr double kDefaultLeniencyRidge = 1.0;

// The three scores of every proposal and the figures of every evaluator.
//
// z-score (Athalye 2015; hackwestern PR #782): z = (total - mean_e) / SD_e over the evaluator's own
// sheets, mapped back as mean + spread × z with the global mean and SD, then averaged per proposal
// (see ZTreatment for evaluators without an SD).
//
// calibrated: the least-squares fit of total_ij = q_i + b_j + ε with the ridge above, solved
// exactly. Each q_i is the mean of (total - b_j) over its sheets; putting that into the normal
// equations leaves one equation per evaluator, a small symmetric positive definite system solved by
// Cholesky, after which the q_i follow. The fit fixes leniencies only up to a common shift within
// each component; the shift is chosen so that Σ sheets_j × b_j = 0 there, i.e. the average sheet
// is neither lenient nor severe. So calibration moves no component's mean (weighted by sheets, the
// calibrated scores average to the mean of all totals, as the z-scores do when every evaluator is
// standardised) and the passing grade keeps its meaning. An evaluator whose proposals no one else
// scored forms a component alone and gets leniency 0.
//
// Throws std::invalid_argument for a negative ridge, a total that is not a number, or two sheets of
// one evaluator for one proposal.
Aggregation aggregate(const std::vector<Mark>& marks,
                      double leniency_ridge = kDefaultLeniencyRidge);

// Proposals whose sheets' totals differ by more than `threshold` points (e.g. 20), the widest
// first.
std::vector<ProposalResult> disagreements(const Aggregation& aggregation, double threshold);

// A proposal whose verdict against the passing grade depends on the method.
struct Crossing {
  ProposalResult proposal;
  std::array<bool, 3> passes{};  // indexed by Method
  bool passes_chosen = false;
};

// Passing means a score of at least the passing grade. Scores that are equal in exact arithmetic
// can differ in the last bits of a double (a mean of 85 can come out as 84.99999999999999), so a
// score within kPassTolerance below the grade passes.
inline constexpr double kPassTolerance = 1e-9;
bool passes(double score, double passing_grade);

// Proposals that pass under `chosen` but fail under another method, or fail under `chosen` but pass
// under another: those that would cross the cut-off if the method changed. Highest chosen score
// first.
std::vector<Crossing> cutoff_crossings(const Aggregation& aggregation, double passing_grade,
                                       Method chosen);

}  // namespace simpul::judging
