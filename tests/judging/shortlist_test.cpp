// The shortlist helper: the top N without quotas, a 3T minimum that pulls in lower scores, a
// cluster maximum that pushes out a high score, the panel's choices, infeasible quotas named, and
// on small random instances the best total of every subset of size N that meets the quotas,
// enumerated by brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <random>
#include <stdexcept>

#include "judging/shortlist.hpp"

namespace simpul::judging {
namespace {

Nominee nominee(std::int64_t id, double score, std::string cluster = "kabupaten",
                bool is_3t = false, std::string category = "pelayanan",
                std::string group = "umum") {
  return {id, score, std::move(category), std::move(group), std::move(cluster), "31", is_3t};
}

// Ids 1-6 scored 90, 80, ..., 40: the ranking is the id order.
ShortlistRequest six_nominees(int size) {
  ShortlistRequest request;
  for (int id = 1; id <= 6; ++id) request.nominees.push_back(nominee(id, 100 - 10 * id));
  request.size = size;
  return request;
}

const NomineeExplanation& explanation_of(const Shortlist& result, std::int64_t id) {
  const auto found = std::ranges::find(result.explanations, id, &NomineeExplanation::nominee_id);
  EXPECT_NE(found, result.explanations.end()) << id;
  return *found;
}

using Ids = std::vector<std::int64_t>;
using Indices = std::vector<std::size_t>;

TEST(JudgingShortlist, TakesTheTopScoresWithoutQuotas) {
  const Shortlist result = shortlist(six_nominees(3));
  EXPECT_EQ(result.status, ShortlistStatus::optimal);
  EXPECT_EQ(result.selected_ids, (Ids{1, 2, 3}));
  EXPECT_DOUBLE_EQ(result.objective, 90 + 80 + 70);
  EXPECT_DOUBLE_EQ(result.merit_cut_off, 70);
  EXPECT_DOUBLE_EQ(result.lowest_selected_score, 70);
  ASSERT_EQ(result.explanations.size(), 6u);
  EXPECT_EQ(explanation_of(result, 3).reason, NomineeReason::included_on_merit);
  EXPECT_EQ(explanation_of(result, 4).reason, NomineeReason::excluded_below_cut);
  EXPECT_EQ(explanation_of(result, 4).rank, 4);
}

TEST(JudgingShortlist, BreaksEqualScoresTowardsTheLowerId) {
  ShortlistRequest request;
  request.nominees = {nominee(7, 50), nominee(3, 50), nominee(5, 50), nominee(9, 80)};
  request.size = 2;
  EXPECT_EQ(shortlist(request).selected_ids, (Ids{9, 3}));
}

TEST(JudgingShortlist, A3tMinimumPullsInALowerScoreAndSaysWhy) {
  ShortlistRequest request = six_nominees(3);
  request.nominees[4].is_3t = true;  // id 5, score 50
  request.nominees[5].is_3t = true;  // id 6, score 40
  request.quotas = {{QuotaDimension::region_3t, "", 1}};
  const Shortlist result = shortlist(request);
  EXPECT_EQ(result.selected_ids, (Ids{1, 2, 5}));
  EXPECT_DOUBLE_EQ(result.lowest_selected_score, 50);
  EXPECT_EQ(explanation_of(result, 5).reason, NomineeReason::included_for_minimum);
  EXPECT_EQ(explanation_of(result, 5).quotas, (Indices{0}));
  EXPECT_EQ(explanation_of(result, 3).reason, NomineeReason::excluded_displaced);
  EXPECT_EQ(explanation_of(result, 3).quotas, (Indices{0}));
  EXPECT_EQ(explanation_of(result, 6).reason, NomineeReason::excluded_below_cut);
  EXPECT_EQ(result.quota_counts, (std::vector<QuotaCount>{{0, 1, true, false}}));
}

TEST(JudgingShortlist, AClusterMaximumPushesOutAHighScoreAndSaysWhy) {
  ShortlistRequest request = six_nominees(3);
  for (int index : {0, 1, 2}) request.nominees[index].cluster_code = "kota";
  request.quotas = {{QuotaDimension::category, "pelayanan", 1},
                    {QuotaDimension::cluster, "kota", 0, 2}};
  const Shortlist result = shortlist(request);
  EXPECT_EQ(result.selected_ids, (Ids{1, 2, 4}));
  EXPECT_EQ(explanation_of(result, 3).reason, NomineeReason::excluded_by_maximum);
  EXPECT_EQ(explanation_of(result, 3).quotas, (Indices{1}));
  EXPECT_EQ(explanation_of(result, 4).reason, NomineeReason::included_in_freed_place);
  EXPECT_EQ(explanation_of(result, 4).quotas, (Indices{1}));
  EXPECT_EQ(result.quota_counts[1], (QuotaCount{1, 2, false, true}));
}

TEST(JudgingShortlist, FollowsThePanelAndCarriesItsReasons) {
  ShortlistRequest request = six_nominees(3);
  request.panel_choices = {{6, true, "unique in Papua"}, {1, false, "plagiarism found"}};
  const Shortlist result = shortlist(request);
  EXPECT_EQ(result.selected_ids, (Ids{2, 3, 6}));
  EXPECT_EQ(explanation_of(result, 6).reason, NomineeReason::included_by_panel);
  EXPECT_EQ(explanation_of(result, 6).panel_reason, "unique in Papua");
  EXPECT_EQ(explanation_of(result, 1).reason, NomineeReason::excluded_by_panel);
  EXPECT_EQ(explanation_of(result, 1).panel_reason, "plagiarism found");
  EXPECT_EQ(explanation_of(result, 3).reason, NomineeReason::included_on_merit);
}

Infeasibility infeasibility_of(const ShortlistRequest& request) {
  const Shortlist result = shortlist(request);
  EXPECT_EQ(result.status, ShortlistStatus::infeasible);
  EXPECT_TRUE(result.selected_ids.empty());
  return result.infeasibility.value_or(Infeasibility{InfeasibleCause::no_solution_in_time});
}

TEST(JudgingShortlist, NamesWhyQuotasCannotBeMet) {
  ShortlistRequest request = six_nominees(3);
  request.nominees[5].is_3t = true;
  request.quotas = {{QuotaDimension::cluster, "kabupaten", 1}, {QuotaDimension::region_3t, "", 2}};
  EXPECT_EQ(infeasibility_of(request),
            (Infeasibility{InfeasibleCause::too_few_matching, 1, {}, 2, 1}));

  request.quotas = {{QuotaDimension::category, "a", 2}, {QuotaDimension::category, "b", 2}};
  for (int index : {0, 1}) request.nominees[index].category_code = "a";
  for (int index : {2, 3}) request.nominees[index].category_code = "b";
  EXPECT_EQ(
      infeasibility_of(request),
      (Infeasibility{InfeasibleCause::minimums_exceed_size, {}, QuotaDimension::category, 4, 3}));

  request.quotas = {{QuotaDimension::cluster, "kabupaten", 0, 2}};
  EXPECT_EQ(
      infeasibility_of(request),
      (Infeasibility{InfeasibleCause::capacity_below_size, {}, QuotaDimension::cluster, 3, 2}));

  request.quotas = {{QuotaDimension::category, "a", 0, 1}};
  request.panel_choices = {{1, true, ""}, {2, true, ""}};
  EXPECT_EQ(infeasibility_of(request),
            (Infeasibility{InfeasibleCause::panel_exceeds_maximum, 0, {}, 2, 1}));

  request.quotas.clear();
  request.panel_choices = {{1, true, ""}, {2, true, ""}, {3, true, ""}, {4, true, ""}};
  EXPECT_EQ(infeasibility_of(request),
            (Infeasibility{InfeasibleCause::panel_includes_too_many, {}, {}, 4, 3}));

  request.panel_choices = {{1, false, ""}, {2, false, ""}, {3, false, ""}, {4, false, ""}};
  EXPECT_EQ(infeasibility_of(request),
            (Infeasibility{InfeasibleCause::too_few_nominees, {}, {}, 3, 2}));
}

TEST(JudgingShortlist, NamesQuotasThatFailOnlyTogether) {
  // Both 3T nominees are from cities, so two 3T and one regency do not fit in two places.
  ShortlistRequest request;
  request.nominees = {nominee(1, 90, "kota", true), nominee(2, 80, "kota", true),
                      nominee(3, 70, "kabupaten"), nominee(4, 60, "kabupaten")};
  request.size = 2;
  request.quotas = {{QuotaDimension::region_3t, "", 2}, {QuotaDimension::cluster, "kabupaten", 1}};
  EXPECT_EQ(infeasibility_of(request), (Infeasibility{InfeasibleCause::quotas_together}));
}

TEST(JudgingShortlist, RejectsMalformedRequests) {
  ShortlistRequest request = six_nominees(0);
  EXPECT_THROW(shortlist(request), std::invalid_argument);
  request = six_nominees(3);
  request.nominees.push_back(nominee(1, 10));
  EXPECT_THROW(shortlist(request), std::invalid_argument);
  request = six_nominees(3);
  request.quotas = {{QuotaDimension::group, "umum", 3, 2}};
  EXPECT_THROW(shortlist(request), std::invalid_argument);
  request = six_nominees(3);
  request.panel_choices = {{42, true, ""}};
  EXPECT_THROW(shortlist(request), std::invalid_argument);
  request.panel_choices = {{1, true, ""}, {1, false, ""}};
  EXPECT_THROW(shortlist(request), std::invalid_argument);
}

// ---- Random small instances against brute force ----

ShortlistRequest random_request(std::mt19937& random) {
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const std::vector<std::string> codes = {"a", "b", "c"};
  ShortlistRequest request;
  const int count = pick(10, 14);
  request.size = pick(4, 6);
  for (int id = 1; id <= count; ++id) {
    // Scores in steps of 0.25 over a short range: distinct totals, and some equal scores.
    request.nominees.push_back({id, 60 + 0.25 * pick(0, 60), codes[pick(0, 2)], codes[pick(0, 2)],
                                codes[pick(0, 2)], codes[pick(0, 2)], pick(0, 3) == 0});
  }
  for (int quotas = pick(2, 4); quotas > 0; --quotas) {
    Quota quota{static_cast<QuotaDimension>(pick(0, 4)), codes[pick(0, 2)], pick(0, 2)};
    if (pick(0, 1) == 1) quota.max = quota.min + pick(0, 3);
    request.quotas.push_back(quota);
  }
  if (pick(0, 3) == 0) request.panel_choices.push_back({pick(1, count), pick(0, 1) == 1, "panel"});
  return request;
}

bool meets_everything(const ShortlistRequest& request, const std::vector<bool>& selected) {
  for (const Quota& quota : request.quotas) {
    int count = 0;
    for (std::size_t i = 0; i < selected.size(); ++i)
      count += selected[i] && counts_towards(quota, request.nominees[i]);
    if (count < quota.min || (quota.max && count > *quota.max)) return false;
  }
  for (const PanelChoice& choice : request.panel_choices) {
    if (selected[choice.nominee_id - 1] != choice.include) return false;
  }
  return true;
}

// The best total over every subset of size N that meets the quotas and the panel's choices.
std::optional<double> brute_force_best(const ShortlistRequest& request) {
  const std::size_t count = request.nominees.size();
  std::optional<double> best;
  for (std::uint32_t mask = 0; mask < (1u << count); ++mask) {
    if (std::popcount(mask) != request.size) continue;
    std::vector<bool> selected(count);
    double total = 0;
    for (std::size_t i = 0; i < count; ++i) {
      selected[i] = (mask >> i) & 1u;
      if (selected[i]) total += request.nominees[i].score;
    }
    if (meets_everything(request, selected)) best = std::max(best.value_or(total), total);
  }
  return best;
}

TEST(JudgingShortlist, IsOptimalAndMeetsEveryQuotaOnRandomSmallInstances) {
  std::mt19937 random(20240605);
  int feasible = 0;
  for (int round = 0; round < 300; ++round) {
    const ShortlistRequest request = random_request(random);
    const Shortlist result = shortlist(request);
    const std::optional<double> best = brute_force_best(request);
    ASSERT_EQ(result.status == ShortlistStatus::infeasible, !best) << "round " << round;
    if (!best) continue;
    ++feasible;
    EXPECT_EQ(result.status, ShortlistStatus::optimal);
    EXPECT_NEAR(result.objective, *best, 1e-6) << "round " << round;
    std::vector<bool> selected(request.nominees.size());
    for (std::int64_t id : result.selected_ids) selected[id - 1] = true;
    EXPECT_EQ(static_cast<int>(result.selected_ids.size()), request.size);
    EXPECT_TRUE(meets_everything(request, selected)) << "round " << round;
    for (const NomineeExplanation& explanation : result.explanations)
      EXPECT_EQ(explanation.selected, selected[explanation.nominee_id - 1]);
  }
  EXPECT_GT(feasible, 100);  // the instances exercise the solver, not only the checks
}

TEST(JudgingShortlist, GivesTheSameShortlistWhateverTheNomineeOrder) {
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    ShortlistRequest request = random_request(random);
    const Shortlist first = shortlist(request);
    std::ranges::shuffle(request.nominees, random);
    EXPECT_EQ(shortlist(request), first) << "round " << round;
  }
}

}  // namespace
}  // namespace simpul::judging
