#include "judging/aggregation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace simpul::judging {

namespace {

// Below this an evaluator's SD is taken as zero: totals that are equal in exact arithmetic can
// leave a spread of 1e-14 in doubles, which would blow rounding noise up into z-scores.
constexpr double kFlatSpread = 1e-9;

double aspect_fraction(const competitions::RubricAspect& aspect, const ScoreSheet& sheet) {
  const auto found = sheet.scores.find(aspect.code);
  if (found == sheet.scores.end()) {
    throw std::invalid_argument("score sheet without aspect " + aspect.code);
  }
  const double score = found->second;
  if (!(score >= aspect.scale_min && score <= aspect.scale_max)) {
    throw std::invalid_argument("score of aspect " + aspect.code + " outside its scale");
  }
  return (score - aspect.scale_min) / (aspect.scale_max - aspect.scale_min);
}

struct Moments {
  double mean = 0;
  double spread = 0;  // population SD
};

// Two passes (mean, then squared deviations) rather than Σx² - n·mean², which cancels badly.
Moments moments(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  return {mean, std::sqrt(squares / n)};
}

double mean_of(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// The marks in a fixed order and dense indices for proposals and evaluators, so that every sum is
// taken in the same order whatever order the sheets came in.
struct Layout {
  std::vector<Mark> marks;  // by proposal id, then evaluator id
  std::vector<std::int64_t> proposal_ids;
  std::vector<std::int64_t> evaluator_ids;
  std::vector<std::size_t> evaluator_of;                     // per mark
  std::vector<std::vector<std::size_t>> marks_of_proposal;   // mark positions
  std::vector<std::vector<std::size_t>> marks_of_evaluator;  // mark positions
};

std::vector<std::int64_t> distinct_sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::size_t position_of(const std::vector<std::int64_t>& sorted_ids, std::int64_t id) {
  return static_cast<std::size_t>(std::lower_bound(sorted_ids.begin(), sorted_ids.end(), id) -
                                  sorted_ids.begin());
}

bool same_sheet(const Mark& a, const Mark& b) {
  return a.proposal_id == b.proposal_id && a.evaluator_id == b.evaluator_id;
}

// A second sheet of one evaluator for one proposal would count their judgement twice, and a total
// that is not a number would spread NaN over every score of its component.
void check_sorted_marks(const std::vector<Mark>& marks) {
  for (const Mark& mark : marks) {
    if (!std::isfinite(mark.total)) throw std::invalid_argument("a total that is not a number");
  }
  if (std::adjacent_find(marks.begin(), marks.end(), same_sheet) != marks.end()) {
    throw std::invalid_argument("two sheets of one evaluator for one proposal");
  }
}

Layout lay_out(std::vector<Mark> marks) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return std::tie(a.proposal_id, a.evaluator_id) < std::tie(b.proposal_id, b.evaluator_id);
  });
  check_sorted_marks(marks);
  Layout layout;
  std::vector<std::int64_t> proposals, evaluators;
  for (const Mark& mark : marks) {
    proposals.push_back(mark.proposal_id);
    evaluators.push_back(mark.evaluator_id);
  }
  layout.proposal_ids = distinct_sorted(std::move(proposals));
  layout.evaluator_ids = distinct_sorted(std::move(evaluators));
  layout.marks_of_proposal.resize(layout.proposal_ids.size());
  layout.marks_of_evaluator.resize(layout.evaluator_ids.size());
  for (std::size_t m = 0; m < marks.size(); ++m) {
    const std::size_t evaluator = position_of(layout.evaluator_ids, marks[m].evaluator_id);
    layout.evaluator_of.push_back(evaluator);
    layout.marks_of_evaluator[evaluator].push_back(m);
    layout.marks_of_proposal[position_of(layout.proposal_ids, marks[m].proposal_id)].push_back(m);
  }
  layout.marks = std::move(marks);
  return layout;
}

std::vector<double> totals_at(const Layout& layout, const std::vector<std::size_t>& positions) {
  std::vector<double> totals;
  for (std::size_t m : positions) totals.push_back(layout.marks[m].total);
  return totals;
}

std::vector<double> all_totals(const Layout& layout) {
  std::vector<double> totals;
  for (const Mark& mark : layout.marks) totals.push_back(mark.total);
  return totals;
}

// Components of the graph "evaluator scored proposal", as a label per evaluator numbered in the
// order of the evaluators' ids (union-find over the evaluators of each proposal).
std::vector<int> component_labels(const Layout& layout) {
  std::vector<std::size_t> parent(layout.evaluator_ids.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto root = [&parent](std::size_t node) {
    while (parent[node] != node) node = parent[node] = parent[parent[node]];
    return node;
  };
  for (const auto& positions : layout.marks_of_proposal) {
    const std::size_t first = root(layout.evaluator_of[positions.front()]);
    for (std::size_t m : positions) parent[root(layout.evaluator_of[m])] = first;
  }
  std::vector<int> label_of_root(parent.size(), -1);
  std::vector<int> labels;
  int next = 0;
  for (std::size_t e = 0; e < parent.size(); ++e) {
    int& label = label_of_root[root(e)];
    if (label < 0) label = next++;
    labels.push_back(label);
  }
  return labels;
}

std::vector<EvaluatorResult> describe_evaluators(const Layout& layout,
                                                 const std::vector<int>& components) {
  std::vector<EvaluatorResult> evaluators;
  for (std::size_t e = 0; e < layout.evaluator_ids.size(); ++e) {
    const auto own = moments(totals_at(layout, layout.marks_of_evaluator[e]));
    EvaluatorResult evaluator;
    evaluator.evaluator_id = layout.evaluator_ids[e];
    evaluator.sheets = static_cast<int>(layout.marks_of_evaluator[e].size());
    evaluator.mean = own.mean;
    evaluator.spread = own.spread;
    evaluator.component = components[e];
    if (evaluator.sheets == 1) {
      evaluator.z_treatment = ZTreatment::single_sheet;
    } else if (own.spread < kFlatSpread) {
      evaluator.z_treatment = ZTreatment::constant;
    }
    evaluators.push_back(evaluator);
  }
  return evaluators;
}

// Each mark's total after z-score normalisation, on the rubric's scale (ZTreatment).
std::vector<double> z_normalised(const Layout& layout,
                                 const std::vector<EvaluatorResult>& evaluators,
                                 const Moments& global) {
  std::vector<double> normalised;
  for (std::size_t m = 0; m < layout.marks.size(); ++m) {
    const EvaluatorResult& evaluator = evaluators[layout.evaluator_of[m]];
    const double total = layout.marks[m].total;
    switch (evaluator.z_treatment) {
      case ZTreatment::single_sheet:
        normalised.push_back(total);
        break;
      case ZTreatment::constant:
        normalised.push_back(global.mean);
        break;
      case ZTreatment::standardised: {
        const double z = (total - evaluator.mean) / evaluator.spread;
        normalised.push_back(global.mean + global.spread * z);
        break;
      }
    }
  }
  return normalised;
}

struct SquareMatrix {
  explicit SquareMatrix(std::size_t size) : n(size), cells(size * size, 0.0) {}
  double& at(std::size_t row, std::size_t column) { return cells[row * n + column]; }
  std::size_t n;
  std::vector<double> cells;
};

// Solves A x = rhs for a symmetric positive definite A by Cholesky, A = L Lᵀ (L kept in A's lower
// triangle), then forward and back substitution.
std::vector<double> solve_positive_definite(SquareMatrix a, std::vector<double> rhs) {
  const std::size_t n = a.n;
  for (std::size_t j = 0; j < n; ++j) {
    double pivot = a.at(j, j);
    for (std::size_t k = 0; k < j; ++k) pivot -= a.at(j, k) * a.at(j, k);
    if (!(pivot > 0)) throw std::logic_error("calibration system is not positive definite");
    a.at(j, j) = std::sqrt(pivot);
    for (std::size_t i = j + 1; i < n; ++i) {
      double sum = a.at(i, j);
      for (std::size_t k = 0; k < j; ++k) sum -= a.at(i, k) * a.at(j, k);
      a.at(i, j) = sum / a.at(j, j);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < i; ++k) rhs[i] -= a.at(i, k) * rhs[k];
    rhs[i] /= a.at(i, i);
  }
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t k = i + 1; k < n; ++k) rhs[i] -= a.at(k, i) * rhs[k];
    rhs[i] /= a.at(i, i);
  }
  return rhs;
}

// The fit of aggregate(): minimise Σ_s (y_s - q_i - b_j)² + λ Σ_j (b_j - b̄_C)². Putting every
// q_i = mean over its sheets of (y - b_j) into the normal equations leaves, for each evaluator j,
//   (m_j + λ) b_j - Σ_i c_ij / n_i Σ_k c_ik b_k = Σ_{s of j} (y_s - ȳ_i(s))
// on the solution with Σ_C b = 0 in every component C (where b̄_C = 0, so the ridge's gradient is
// λ b_j), with m_j the evaluator's sheet count, n_i the proposal's and c_ij the sheets of j on i.
// With λ = 0 the matrix is singular along each component's all-ones vector u_C (shifting a
// component's b into its q's changes nothing); adding u_C u_Cᵀ makes it positive definite and, as
// the right side sums to zero over each component, forces Σ_C b = 0, for any λ ≥ 0.
std::vector<double> centred_leniencies(const Layout& layout, const std::vector<int>& components,
                                       double ridge) {
  const std::size_t count = layout.evaluator_ids.size();
  SquareMatrix system(count);
  std::vector<double> rhs(count, 0.0);
  for (const auto& positions : layout.marks_of_proposal) {
    const double sheets = static_cast<double>(positions.size());
    const double proposal_mean = mean_of(totals_at(layout, positions));
    for (std::size_t s : positions) {
      const std::size_t j = layout.evaluator_of[s];
      system.at(j, j) += 1.0;
      rhs[j] += layout.marks[s].total - proposal_mean;
      for (std::size_t t : positions) system.at(j, layout.evaluator_of[t]) -= 1.0 / sheets;
    }
  }
  for (std::size_t j = 0; j < count; ++j) {
    system.at(j, j) += ridge;
    for (std::size_t k = 0; k < count; ++k) {
      if (components[j] == components[k]) system.at(j, k) += 1.0;
    }
  }
  return solve_positive_definite(std::move(system), std::move(rhs));
}

// Shifts each component's leniencies so that Σ sheets_j × b_j = 0 there (aggregate()). The fit
// and the ridge see only q + b and differences between leniencies, so the shift changes neither.
void centre_on_sheets(std::vector<double>& leniencies,
                      const std::vector<EvaluatorResult>& evaluators, int component_count) {
  std::vector<double> weighted(component_count, 0.0), sheets(component_count, 0.0);
  for (std::size_t j = 0; j < evaluators.size(); ++j) {
    weighted[evaluators[j].component] += evaluators[j].sheets * leniencies[j];
    sheets[evaluators[j].component] += evaluators[j].sheets;
  }
  for (std::size_t j = 0; j < evaluators.size(); ++j) {
    const int component = evaluators[j].component;
    leniencies[j] -= weighted[component] / sheets[component];
  }
}

ProposalResult describe_proposal(const Layout& layout, std::size_t index,
                                 const std::vector<double>& z_totals,
                                 const std::vector<EvaluatorResult>& evaluators) {
  const auto& positions = layout.marks_of_proposal[index];
  const std::vector<double> totals = totals_at(layout, positions);
  std::vector<double> z, calibrated;
  for (std::size_t m : positions) {
    z.push_back(z_totals[m]);
    const EvaluatorResult& evaluator = evaluators[layout.evaluator_of[m]];
    calibrated.push_back(layout.marks[m].total - evaluator.leniency);
  }
  ProposalResult proposal;
  proposal.proposal_id = layout.proposal_ids[index];
  proposal.sheets = static_cast<int>(positions.size());
  proposal.lowest = *std::min_element(totals.begin(), totals.end());
  proposal.highest = *std::max_element(totals.begin(), totals.end());
  proposal.raw = mean_of(totals);
  proposal.z_score = mean_of(z);
  proposal.calibrated = mean_of(calibrated);
  proposal.component = evaluators[layout.evaluator_of[positions.front()]].component;
  return proposal;
}

}  // namespace

double sheet_total(const std::vector<competitions::RubricAspect>& rubric, const ScoreSheet& sheet) {
  if (sheet.scores.size() != rubric.size()) {
    throw std::invalid_argument("score sheet with an aspect the rubric does not have");
  }
  double weighted = 0;
  double weights = 0;
  for (const auto& aspect : rubric) {
    weighted += aspect.weight * aspect_fraction(aspect, sheet);
    weights += aspect.weight;
  }
  return weighted * 100.0 / weights;
}

std::vector<Mark> marks(const std::vector<competitions::RubricAspect>& rubric,
                        const std::vector<ScoreSheet>& sheets) {
  std::vector<Mark> result;
  for (const auto& sheet : sheets) {
    result.push_back({sheet.proposal_id, sheet.evaluator_id, sheet_total(rubric, sheet)});
  }
  return result;
}

double ProposalResult::score(Method method) const {
  switch (method) {
    case Method::raw:
      return raw;
    case Method::z_score:
      return z_score;
    case Method::calibrated:
      return calibrated;
  }
  return raw;
}

Aggregation aggregate(const std::vector<Mark>& marks, double leniency_ridge) {
  if (!(leniency_ridge >= 0 && std::isfinite(leniency_ridge))) {
    throw std::invalid_argument("the leniency ridge must be a finite number, zero or more");
  }
  Aggregation result;
  if (marks.empty()) return result;
  const Layout layout = lay_out(marks);
  const Moments global = moments(all_totals(layout));
  result.mean = global.mean;
  result.spread = global.spread;
  const std::vector<int> components = component_labels(layout);
  result.components = *std::max_element(components.begin(), components.end()) + 1;
  result.evaluators = describe_evaluators(layout, components);
  std::vector<double> leniencies = centred_leniencies(layout, components, leniency_ridge);
  centre_on_sheets(leniencies, result.evaluators, result.components);
  for (std::size_t j = 0; j < leniencies.size(); ++j) result.evaluators[j].leniency = leniencies[j];
  const std::vector<double> z_totals = z_normalised(layout, result.evaluators, global);
  for (std::size_t i = 0; i < layout.proposal_ids.size(); ++i) {
    result.proposals.push_back(describe_proposal(layout, i, z_totals, result.evaluators));
  }
  return result;
}

std::vector<ProposalResult> disagreements(const Aggregation& aggregation, double threshold) {
  std::vector<ProposalResult> flagged;
  for (const auto& proposal : aggregation.proposals) {
    if (proposal.disagreement() > threshold) flagged.push_back(proposal);
  }
  std::stable_sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) {
    return a.disagreement() > b.disagreement();
  });
  return flagged;
}

bool passes(double score, double passing_grade) { return score >= passing_grade - kPassTolerance; }

std::vector<Crossing> cutoff_crossings(const Aggregation& aggregation, double passing_grade,
                                       Method chosen) {
  std::vector<Crossing> crossings;
  for (const auto& proposal : aggregation.proposals) {
    Crossing crossing{proposal};
    for (Method method : kMethods) {
      crossing.passes[static_cast<std::size_t>(method)] =
          passes(proposal.score(method), passing_grade);
    }
    crossing.passes_chosen = crossing.passes[static_cast<std::size_t>(chosen)];
    const bool unanimous = std::all_of(crossing.passes.begin(), crossing.passes.end(),
                                       [&](bool pass) { return pass == crossing.passes_chosen; });
    if (!unanimous) crossings.push_back(crossing);
  }
  std::stable_sort(crossings.begin(), crossings.end(), [chosen](const auto& a, const auto& b) {
    return a.proposal.score(chosen) > b.proposal.score(chosen);
  });
  return crossings;
}

}  // namespace simpul::judging
