// The shortlist as a binary integer program, x_i = 1 when nominee i is shortlisted:
//
//   maximise   Σ score_i x_i
//   subject to Σ x_i = N
//              min_q <= Σ x_i over the nominees quota q counts <= max_q    for every quota q
//              x_i = 1 (the panel includes i), x_i = 0 (the panel excludes i), x_i in {0, 1}
//
// Quotas of one dimension alone would leave a totally unimodular matrix (an LP would do), but
// quotas of several dimensions overlap, so it is solved as an integer program: GLPK's glp_intopt,
// presolve on, branch and bound with its default zero gap, so a returned optimum is proven.
//
// Infeasibility: before solving, simple necessary conditions name what fails: the panel's choices,
// one quota's minimum against the nominees it counts, one quota's maximum against the panel's
// inclusions, and per dimension (each nominee has one value, so its quotas bound disjoint groups)
// the sum of minimums above N or the most the maximums allow below N. Anything else the solver
// finds is "the quotas together".
//
// Ties: the nominees enter the program in rank order (score, then id), so GLPK, which is
// deterministic, sees the same program whatever the input order. Afterwards, while some selected
// nominee can be swapped for a better-ranked one of exactly the same score within every quota, the
// swap is made, so equal scores go to the lower id where the quotas allow it.
//
// Explanations compare the result with the merit set (the top N by score, quotas and panel aside)
// and look at the quotas that are tight in the result: a minimum met exactly, a maximum full.
//   a panel choice                  -> included_by_panel / excluded_by_panel
//   selected, in the merit set      -> included_on_merit
//   selected, below it              -> included_for_minimum, naming the exactly met minimums that
//                                      count it (without it they would fail); when there is none,
//                                      included_in_freed_place, naming the full maximums that keep
//                                      a merit nominee out (none: the panel freed the place)
//   not selected, in the merit set  -> excluded_by_maximum, naming the full maximums that count
//                                      it; when there is none, excluded_displaced, naming the
//                                      exactly met minimums that took in a nominee from below the
//                                      merit set (none: the panel took the place)
//   not selected, below it          -> excluded_below_cut
#include "judging/shortlist.hpp"

#include <glpk.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace simpul::judging {

bool counts_towards(const Quota& quota, const Nominee& nominee) {
  switch (quota.dimension) {
    case QuotaDimension::category:
      return nominee.category_code == quota.value;
    case QuotaDimension::group:
      return nominee.group_code == quota.value;
    case QuotaDimension::cluster:
      return nominee.cluster_code == quota.value;
    case QuotaDimension::province:
      return nominee.province_code == quota.value;
    case QuotaDimension::region_3t:
      return nominee.is_3t;
  }
  return false;
}

namespace {

constexpr QuotaDimension kDimensions[] = {QuotaDimension::category, QuotaDimension::group,
                                          QuotaDimension::cluster, QuotaDimension::province,
                                          QuotaDimension::region_3t};
constexpr const char* k3tKey = "3t";

enum class Mark { free, included, excluded };

// The request in rank order, shared by the solver, the tie pass and the explanations.
struct IntegerProgram {
  int size = 0;
  std::vector<const Nominee*> ranked;             // by score, highest first, then by id
  std::vector<Mark> marks;                        // by rank
  std::vector<const std::string*> panel_reasons;  // by rank; null without a panel choice
  std::vector<std::vector<bool>> counted;         // [quota][rank]
  const std::vector<Quota>* quotas = nullptr;
  int nominees() const { return static_cast<int>(ranked.size()); }
  double score(int rank) const { return ranked[rank]->score; }
};

void validate(const ShortlistRequest& request) {
  if (request.size < 1) throw std::invalid_argument("shortlist: the size must be at least 1");
  std::set<std::int64_t> ids;
  for (const Nominee& nominee : request.nominees) {
    if (!std::isfinite(nominee.score))
      throw std::invalid_argument("shortlist: a score is not a finite number");
    if (!ids.insert(nominee.id).second)
      throw std::invalid_argument("shortlist: a nominee id is repeated");
  }
  for (const Quota& quota : request.quotas) {
    if (quota.min < 0 || (quota.max && (*quota.max < 0 || *quota.max < quota.min)))
      throw std::invalid_argument("shortlist: a quota's bounds are negative or min exceeds max");
  }
  std::set<std::int64_t> chosen;
  for (const PanelChoice& choice : request.panel_choices) {
    if (!ids.contains(choice.nominee_id))
      throw std::invalid_argument("shortlist: a panel choice names an unknown nominee");
    if (!chosen.insert(choice.nominee_id).second)
      throw std::invalid_argument("shortlist: a nominee has two panel choices");
  }
}

IntegerProgram make_instance(const ShortlistRequest& request) {
  IntegerProgram instance;
  instance.size = request.size;
  instance.quotas = &request.quotas;
  for (const Nominee& nominee : request.nominees) instance.ranked.push_back(&nominee);
  std::ranges::sort(instance.ranked, [](const Nominee* a, const Nominee* b) {
    return a->score != b->score ? a->score > b->score : a->id < b->id;
  });
  std::map<std::int64_t, int> rank_of;
  for (int rank = 0; rank < instance.nominees(); ++rank) rank_of[instance.ranked[rank]->id] = rank;
  instance.marks.assign(instance.ranked.size(), Mark::free);
  instance.panel_reasons.assign(instance.ranked.size(), nullptr);
  for (const PanelChoice& choice : request.panel_choices) {
    const int rank = rank_of.at(choice.nominee_id);
    instance.marks[rank] = choice.include ? Mark::included : Mark::excluded;
    instance.panel_reasons[rank] = &choice.reason;
  }
  for (const Quota& quota : request.quotas) {
    std::vector<bool>& counted = instance.counted.emplace_back();
    for (const Nominee* nominee : instance.ranked)
      counted.push_back(counts_towards(quota, *nominee));
  }
  return instance;
}

int count_ranks(const IntegerProgram& instance, auto&& predicate) {
  int count = 0;
  for (int rank = 0; rank < instance.nominees(); ++rank) count += predicate(rank) ? 1 : 0;
  return count;
}

// ---- Necessary conditions, each naming what fails ----

std::string value_of(QuotaDimension dimension, const Nominee& nominee) {
  switch (dimension) {
    case QuotaDimension::category:
      return nominee.category_code;
    case QuotaDimension::group:
      return nominee.group_code;
    case QuotaDimension::cluster:
      return nominee.cluster_code;
    case QuotaDimension::province:
      return nominee.province_code;
    case QuotaDimension::region_3t:
      return nominee.is_3t ? k3tKey : "";
  }
  return "";
}

std::string value_of(const Quota& quota) {
  return quota.dimension == QuotaDimension::region_3t ? k3tKey : quota.value;
}

std::optional<Infeasibility> check_panel(const IntegerProgram& instance) {
  const int included =
      count_ranks(instance, [&](int r) { return instance.marks[r] == Mark::included; });
  if (included > instance.size)
    return Infeasibility{InfeasibleCause::panel_includes_too_many, {}, {}, included, instance.size};
  const int available =
      count_ranks(instance, [&](int r) { return instance.marks[r] != Mark::excluded; });
  if (available < instance.size)
    return Infeasibility{InfeasibleCause::too_few_nominees, {}, {}, instance.size, available};
  return std::nullopt;
}

std::optional<Infeasibility> check_quota(const IntegerProgram& instance, std::size_t index) {
  const Quota& quota = (*instance.quotas)[index];
  const std::vector<bool>& counted = instance.counted[index];
  const int available = count_ranks(
      instance, [&](int r) { return counted[r] && instance.marks[r] != Mark::excluded; });
  if (quota.min > available)
    return Infeasibility{InfeasibleCause::too_few_matching, index, {}, quota.min, available};
  const int included = count_ranks(
      instance, [&](int r) { return counted[r] && instance.marks[r] == Mark::included; });
  if (quota.max && included > *quota.max)
    return Infeasibility{InfeasibleCause::panel_exceeds_maximum, index, {}, included, *quota.max};
  return std::nullopt;
}

// The values of one dimension split the nominees into disjoint groups; each group holds between
// its largest minimum and its smallest maximum (or all it has) of the shortlist.
std::optional<Infeasibility> check_dimension(const IntegerProgram& instance,
                                             QuotaDimension dimension) {
  struct Group {
    int available = 0;
    int min = 0;
    std::optional<int> max;
  };
  std::map<std::string, Group> groups;
  for (int rank = 0; rank < instance.nominees(); ++rank) {
    if (instance.marks[rank] != Mark::excluded)
      ++groups[value_of(dimension, *instance.ranked[rank])].available;
  }
  for (const Quota& quota : *instance.quotas) {
    if (quota.dimension != dimension) continue;
    Group& group = groups[value_of(quota)];
    group.min = std::max(group.min, quota.min);
    if (quota.max) group.max = std::min(group.max.value_or(INT_MAX), *quota.max);
  }
  int minimums = 0;
  int capacity = 0;
  for (const auto& [value, group] : groups) {
    minimums += group.min;
    capacity += std::min(group.available, group.max.value_or(INT_MAX));
  }
  if (minimums > instance.size)
    return Infeasibility{
        InfeasibleCause::minimums_exceed_size, {}, dimension, minimums, instance.size};
  if (capacity < instance.size)
    return Infeasibility{
        InfeasibleCause::capacity_below_size, {}, dimension, instance.size, capacity};
  return std::nullopt;
}

std::optional<Infeasibility> check_necessary(const IntegerProgram& instance) {
  if (auto failure = check_panel(instance)) return failure;
  for (std::size_t index = 0; index < instance.quotas->size(); ++index) {
    if (auto failure = check_quota(instance, index)) return failure;
  }
  for (QuotaDimension dimension : kDimensions) {
    if (auto failure = check_dimension(instance, dimension)) return failure;
  }
  return std::nullopt;
}

// ---- The integer program ----

struct ProblemDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

// One row over the given columns (numbered from 1, as GLPK does), each with coefficient 1.
void add_row(glp_prob* problem, const std::vector<int>& columns, int lower,
             std::optional<int> upper) {
  const int row = glp_add_rows(problem, 1);
  std::vector<int> indices{0};  // GLPK ignores element 0 of its arrays
  indices.insert(indices.end(), columns.begin(), columns.end());
  const std::vector<double> ones(indices.size(), 1.0);
  glp_set_mat_row(problem, row, static_cast<int>(columns.size()), indices.data(), ones.data());
  const int type = !upper ? GLP_LO : *upper == lower ? GLP_FX : GLP_DB;
  glp_set_row_bnds(problem, row, type, lower, upper.value_or(lower));
}

Problem build_program(const IntegerProgram& instance) {
  Problem problem(glp_create_prob());
  glp_set_obj_dir(problem.get(), GLP_MAX);
  glp_add_cols(problem.get(), instance.nominees());
  std::vector<int> every_column;
  for (int rank = 0; rank < instance.nominees(); ++rank) {
    const int column = rank + 1;
    every_column.push_back(column);
    glp_set_col_kind(problem.get(), column, GLP_BV);
    glp_set_obj_coef(problem.get(), column, instance.score(rank));
    if (instance.marks[rank] != Mark::free) {
      const double fixed = instance.marks[rank] == Mark::included ? 1 : 0;
      glp_set_col_bnds(problem.get(), column, GLP_FX, fixed, fixed);
    }
  }
  add_row(problem.get(), every_column, instance.size, instance.size);
  for (std::size_t index = 0; index < instance.quotas->size(); ++index) {
    const Quota& quota = (*instance.quotas)[index];
    if (quota.min == 0 && !quota.max) continue;  // bounds nothing
    std::vector<int> columns;
    for (int rank = 0; rank < instance.nominees(); ++rank) {
      if (instance.counted[index][rank]) columns.push_back(rank + 1);
    }
    add_row(problem.get(), columns, quota.min, quota.max);
  }
  return problem;
}

struct Solution {
  ShortlistStatus status = ShortlistStatus::infeasible;
  std::optional<Infeasibility> infeasibility;
  std::vector<bool> selected;  // by rank
};

// GLPK keeps an environment per thread, created on first use; a web server's worker threads
// would leave theirs behind when they end. Freed after each solve (declared before the problem,
// so it goes after it); the next solve on the thread makes a new one.
struct EnvironmentGuard {
  ~EnvironmentGuard() { glp_free_env(); }
};

Solution solve(const IntegerProgram& instance, std::chrono::milliseconds time_limit) {
  EnvironmentGuard environment;
  glp_term_out(GLP_OFF);
  Problem problem = build_program(instance);
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.presolve = GLP_ON;
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.tm_lim = static_cast<int>(std::clamp<std::int64_t>(time_limit.count(), 1, INT_MAX));
  const int code = glp_intopt(problem.get(), &parameters);
  const int status = glp_mip_status(problem.get());
  Solution solution;
  if (status == GLP_OPT || status == GLP_FEAS) {
    solution.status = status == GLP_OPT && code == 0 ? ShortlistStatus::optimal
                                                     : ShortlistStatus::not_proven_optimal;
    for (int rank = 0; rank < instance.nominees(); ++rank)
      solution.selected.push_back(glp_mip_col_val(problem.get(), rank + 1) > 0.5);
  } else if (code == GLP_ETMLIM) {
    solution.infeasibility = Infeasibility{InfeasibleCause::no_solution_in_time};
  } else if (code == 0 || code == GLP_ENOPFS) {
    solution.infeasibility = Infeasibility{InfeasibleCause::quotas_together};
  } else {
    throw std::runtime_error("shortlist: GLPK failed with code " + std::to_string(code));
  }
  return solution;
}

// ---- Ties ----

std::vector<int> count_per_quota(const IntegerProgram& instance,
                                 const std::vector<bool>& selected) {
  std::vector<int> counts;
  for (const std::vector<bool>& counted : instance.counted)
    counts.push_back(count_ranks(instance, [&](int r) { return selected[r] && counted[r]; }));
  return counts;
}

bool swap_keeps_quotas(const IntegerProgram& instance, const std::vector<int>& counts, int out,
                       int in) {
  for (std::size_t index = 0; index < counts.size(); ++index) {
    const Quota& quota = (*instance.quotas)[index];
    const int next = counts[index] - instance.counted[index][out] + instance.counted[index][in];
    if (next < quota.min || (quota.max && next > *quota.max)) return false;
  }
  return true;
}

// Each swap moves a place to a better rank, so the loop ends.
void prefer_better_ranked_ties(const IntegerProgram& instance, std::vector<bool>& selected) {
  std::vector<int> counts = count_per_quota(instance, selected);
  const auto swappable = [&](int rank, bool want_selected) {
    return selected[rank] == want_selected && instance.marks[rank] == Mark::free;
  };
  for (bool swapped = true; swapped;) {
    swapped = false;
    for (int in = 0; in < instance.nominees(); ++in) {
      if (!swappable(in, false)) continue;
      for (int out = instance.nominees() - 1; out > in; --out) {
        if (!swappable(out, true) || instance.score(out) != instance.score(in) ||
            !swap_keeps_quotas(instance, counts, out, in))
          continue;
        selected[out] = false;
        selected[in] = true;
        counts = count_per_quota(instance, selected);
        swapped = true;
        break;
      }
    }
  }
}

// ---- Explanations ----

struct Tight {
  std::vector<bool> exact_minimum;  // by quota: a positive minimum met exactly
  std::vector<bool> full_maximum;   // by quota
  // The reasons the other side of a swap away from the merit set gets.
  std::vector<std::size_t> maxima_keeping_merit_out;
  std::vector<std::size_t> minima_taking_in_below;
};

Tight find_tight(const IntegerProgram& instance, const std::vector<bool>& selected,
                 const std::vector<int>& counts) {
  Tight tight;
  const auto is_free = [&](int rank) { return instance.marks[rank] == Mark::free; };
  for (std::size_t index = 0; index < counts.size(); ++index) {
    const Quota& quota = (*instance.quotas)[index];
    const std::vector<bool>& counted = instance.counted[index];
    tight.exact_minimum.push_back(quota.min > 0 && counts[index] == quota.min);
    tight.full_maximum.push_back(quota.max && counts[index] == *quota.max);
    const bool keeps_merit_out =
        count_ranks(instance, [&](int r) {
          return r < instance.size && !selected[r] && is_free(r) && counted[r];
        }) > 0;
    const bool takes_in_below =
        count_ranks(instance, [&](int r) {
          return r >= instance.size && selected[r] && is_free(r) && counted[r];
        }) > 0;
    if (tight.full_maximum.back() && keeps_merit_out)
      tight.maxima_keeping_merit_out.push_back(index);
    if (tight.exact_minimum.back() && takes_in_below) tight.minima_taking_in_below.push_back(index);
  }
  return tight;
}

std::vector<std::size_t> quotas_counting(const IntegerProgram& instance, int rank,
                                         const std::vector<bool>& flagged) {
  std::vector<std::size_t> quotas;
  for (std::size_t index = 0; index < flagged.size(); ++index) {
    if (flagged[index] && instance.counted[index][rank]) quotas.push_back(index);
  }
  return quotas;
}

NomineeExplanation explain(const IntegerProgram& instance, const std::vector<bool>& selected,
                           const Tight& tight, int rank) {
  NomineeExplanation explanation{instance.ranked[rank]->id, rank + 1, selected[rank]};
  const bool in_merit_set = rank < instance.size;
  if (instance.marks[rank] != Mark::free) {
    explanation.reason =
        selected[rank] ? NomineeReason::included_by_panel : NomineeReason::excluded_by_panel;
    explanation.panel_reason = *instance.panel_reasons[rank];
  } else if (selected[rank] && in_merit_set) {
    explanation.reason = NomineeReason::included_on_merit;
  } else if (selected[rank]) {
    explanation.quotas = quotas_counting(instance, rank, tight.exact_minimum);
    explanation.reason = NomineeReason::included_for_minimum;
    if (explanation.quotas.empty()) {
      explanation.reason = NomineeReason::included_in_freed_place;
      explanation.quotas = tight.maxima_keeping_merit_out;
    }
  } else if (in_merit_set) {
    explanation.quotas = quotas_counting(instance, rank, tight.full_maximum);
    explanation.reason = NomineeReason::excluded_by_maximum;
    if (explanation.quotas.empty()) {
      explanation.reason = NomineeReason::excluded_displaced;
      explanation.quotas = tight.minima_taking_in_below;
    }
  } else {
    explanation.reason = NomineeReason::excluded_below_cut;
  }
  return explanation;
}

void describe_selection(const IntegerProgram& instance, const std::vector<bool>& selected,
                        Shortlist& result) {
  const std::vector<int> counts = count_per_quota(instance, selected);
  for (std::size_t index = 0; index < counts.size(); ++index) {
    const Quota& quota = (*instance.quotas)[index];
    result.quota_counts.push_back({index, counts[index],
                                   quota.min > 0 && counts[index] == quota.min,
                                   quota.max && counts[index] == *quota.max});
  }
  const Tight tight = find_tight(instance, selected, counts);
  for (int rank = 0; rank < instance.nominees(); ++rank) {
    result.explanations.push_back(explain(instance, selected, tight, rank));
    if (!selected[rank]) continue;
    result.selected_ids.push_back(instance.ranked[rank]->id);
    result.objective += instance.score(rank);
    result.lowest_selected_score = instance.score(rank);
  }
}

}  // namespace

Shortlist shortlist(const ShortlistRequest& request) {
  validate(request);
  const IntegerProgram instance = make_instance(request);
  Shortlist result;
  if (!instance.ranked.empty())
    result.merit_cut_off = instance.score(std::min(instance.size, instance.nominees()) - 1);
  if (auto failure = check_necessary(instance)) {
    result.infeasibility = failure;
    return result;
  }
  Solution solution = solve(instance, request.time_limit);
  result.status = solution.status;
  if (solution.status == ShortlistStatus::infeasible) {
    result.infeasibility = solution.infeasibility;
    return result;
  }
  prefer_better_ranked_ties(instance, solution.selected);
  describe_selection(instance, solution.selected, result);
  return result;
}

}  // namespace simpul::judging
