// Assignment of evaluators to proposals: conflicts by agency, province and declaration are never
// assigned, loads stay within one when they can, proposals that cannot get k evaluators are named,
// kept pairs stay, and on small random instances the result is as balanced and as expert as the
// best of every conflict-free assignment, enumerated by brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <map>
#include <random>
#include <stdexcept>

#include "judging/assignment.hpp"

namespace simpul::judging {
namespace {

Proposal proposal(std::int64_t id, std::int64_t agency, std::string province,
                  std::string category) {
  return {id, agency, std::move(province), std::move(category)};
}

Evaluator academic(std::int64_t id, std::optional<std::string> province,
                   std::set<std::string> expertise = {}) {
  Evaluator evaluator;
  evaluator.id = id;
  evaluator.province_code = std::move(province);
  evaluator.expertise = std::move(expertise);
  return evaluator;
}

std::map<std::int64_t, std::vector<std::int64_t>> evaluators_by_proposal(const Result& result) {
  std::map<std::int64_t, std::vector<std::int64_t>> grouped;
  for (const Pair& pair : result.pairs) grouped[pair.proposal_id].push_back(pair.evaluator_id);
  return grouped;
}

// No pair in conflict, no evaluator twice on a proposal, loads as counted from the pairs.
void expect_sound(const Request& request, const Result& result) {
  std::map<std::int64_t, const Proposal*> proposals;
  std::map<std::int64_t, const Evaluator*> evaluators;
  for (const Proposal& p : request.proposals) proposals[p.id] = &p;
  for (const Evaluator& e : request.evaluators) evaluators[e.id] = &e;
  std::map<std::int64_t, int> load;
  for (const Pair& pair : result.pairs) {
    EXPECT_FALSE(conflicted(*evaluators.at(pair.evaluator_id), *proposals.at(pair.proposal_id)))
        << pair.proposal_id << " " << pair.evaluator_id;
    ++load[pair.evaluator_id];
  }
  EXPECT_EQ(std::ranges::adjacent_find(result.pairs), result.pairs.end());
  for (const Load& entry : result.loads) EXPECT_EQ(entry.proposals, load[entry.evaluator_id]);
}

// Proposals 1-3 in provinces 31-33; evaluator 100 is from province 31.
Request tiny_request() {
  return {{proposal(1, 10, "31", "kesehatan"), proposal(2, 20, "32", "pendidikan"),
           proposal(3, 30, "33", "kesehatan")},
          {academic(100, "31", {"kesehatan"}), academic(200, std::nullopt, {"pendidikan"}),
           academic(300, std::nullopt)},
          2,
          {}};
}

TEST(JudgingConflict, SameAgencySameProvinceOrDeclared) {
  const Proposal bandung = proposal(1, 3273, "32", "kesehatan");
  Evaluator evaluator = academic(9, "35");
  EXPECT_FALSE(conflicted(evaluator, bandung));
  evaluator.agency_id = 3273;
  EXPECT_TRUE(conflicted(evaluator, bandung));
  evaluator.agency_id = 3578;
  evaluator.conflict_agency_ids = {3273};
  EXPECT_TRUE(conflicted(evaluator, bandung));
  EXPECT_TRUE(conflicted(academic(9, "32"), bandung));
  // An agency without a province shares none with anyone.
  EXPECT_FALSE(conflicted(academic(9, ""), proposal(2, 1, "", "")));
}

TEST(JudgingConflict, ExpertiseIsTheProposalsCategory) {
  const Evaluator evaluator = academic(9, std::nullopt, {"kesehatan"});
  EXPECT_TRUE(has_expertise(evaluator, proposal(1, 1, "32", "kesehatan")));
  EXPECT_FALSE(has_expertise(evaluator, proposal(1, 1, "32", "pendidikan")));
  EXPECT_FALSE(has_expertise(evaluator, proposal(1, 1, "32", "")));
}

// Proposal 1 cannot go to 100 (province 31), so it takes 200 and 300; 100 then needs 2 and 3 for
// an even load of 2, and 2 -> 200, 3 -> 300 gives two pairs in expertise (3 -> 100, 2 -> 200).
TEST(JudgingAssignment, TinyCaseByHand) {
  const Result result = assign(tiny_request());
  const std::vector<Pair> expected = {{1, 200}, {1, 300}, {2, 100}, {2, 200}, {3, 100}, {3, 300}};
  EXPECT_EQ(result.pairs, expected);
  EXPECT_EQ(result.loads, (std::vector<Load>{{100, 2}, {200, 2}, {300, 2}}));
  EXPECT_EQ(result.min_load, 2);
  EXPECT_EQ(result.max_load, 2);
  EXPECT_EQ(result.expertise_matches, 2);
  EXPECT_TRUE(result.complete());
}

TEST(JudgingAssignment, NeverAssignsAConflict) {
  std::mt19937 random(7);
  Request request;
  request.evaluators_per_proposal = 3;
  for (int p = 1; p <= 300; ++p)
    request.proposals.push_back(proposal(p, p % 40, std::to_string(11 + p % 9), ""));
  for (int e = 1; e <= 15; ++e) {
    Evaluator evaluator = academic(1000 + e, std::to_string(11 + e % 9));
    if (e % 3 == 0) evaluator.agency_id = e;
    for (int c = 0; c < 6; ++c) evaluator.conflict_agency_ids.insert(random() % 40);
    request.evaluators.push_back(evaluator);
  }
  const Result result = assign(request);
  expect_sound(request, result);
  ASSERT_TRUE(result.complete());
  for (const auto& [id, evaluators] : evaluators_by_proposal(result))
    EXPECT_EQ(evaluators.size(), 3u) << id;
  EXPECT_LE(result.max_load - result.min_load, 1);
}

// Proposal 7 is from province 35 (evaluator 1's) and agency 7 (evaluator 2's): only evaluator 3
// may see it, one of the two it needs. The others are still assigned in full.
TEST(JudgingAssignment, NamesTheProposalsThatCannotGetKEvaluators) {
  Request request;
  for (int p = 1; p <= 6; ++p) request.proposals.push_back(proposal(p, 100 + p, "31", ""));
  request.proposals.push_back(proposal(7, 7, "35", ""));
  Evaluator own_agency = academic(2, std::nullopt);
  own_agency.agency_id = 7;
  request.evaluators = {academic(1, "35"), own_agency, academic(3, std::nullopt)};
  const Result result = assign(request);
  expect_sound(request, result);
  EXPECT_FALSE(result.complete());
  EXPECT_EQ(result.shortfalls, (std::vector<Shortfall>{{7, 1, 1}}));
  EXPECT_EQ(result.pairs.size(), 13u);
}

TEST(JudgingAssignment, MaxLoadsTooSmallLeaveProposalsShort) {
  Request request;
  for (int p = 1; p <= 3; ++p) request.proposals.push_back(proposal(p, p, "31", ""));
  for (int e = 1; e <= 2; ++e) {
    request.evaluators.push_back(academic(e, std::nullopt));
    request.evaluators.back().max_load = 2;
  }
  const Result result = assign(request);
  expect_sound(request, result);
  EXPECT_EQ(result.pairs.size(), 4u);
  EXPECT_EQ(result.max_load, 2);
  int missing = 0;
  for (const Shortfall& shortfall : result.shortfalls) {
    EXPECT_EQ(shortfall.eligible, 2);
    missing += 2 - shortfall.assigned;
  }
  EXPECT_EQ(missing, 2);
}

TEST(JudgingAssignment, LoadsWithinOneOfEachOther) {
  Request request;
  request.evaluators_per_proposal = 2;
  for (int p = 1; p <= 7; ++p) request.proposals.push_back(proposal(p, p, "31", "a"));
  for (int e = 1; e <= 3; ++e) request.evaluators.push_back(academic(e, "32", {"a"}));
  const Result result = assign(request);
  EXPECT_EQ(result.min_load, 4);  // 14 pairs over 3 evaluators: 4, 5, 5
  EXPECT_EQ(result.max_load, 5);
  EXPECT_EQ(result.expertise_matches, 14);
}

// Evaluator 3 declared a conflict with every agency but proposal 1's, so it can take one proposal
// at most: the largest load is 3 (the other two share five), and evaluator 3 takes proposal 1
// rather than none, because the smallest load is raised as far as it goes.
TEST(JudgingAssignment, RelaxesToTheMostBalancedFeasibleBand) {
  Request request;
  request.evaluators_per_proposal = 1;
  for (int p = 1; p <= 6; ++p) request.proposals.push_back(proposal(p, p, "31", ""));
  request.evaluators = {academic(1, std::nullopt), academic(2, std::nullopt),
                        academic(3, std::nullopt)};
  request.evaluators[2].conflict_agency_ids = {2, 3, 4, 5, 6};
  const Result result = assign(request);
  expect_sound(request, result);
  EXPECT_EQ(result.loads, (std::vector<Load>{{1, 3}, {2, 2}, {3, 1}}));
}

// Two health proposals, one health evaluator, k = 1: the even load (one each) comes before the
// second pair in expertise.
TEST(JudgingAssignment, BalanceComesBeforeExpertise) {
  Request request{{proposal(1, 1, "31", "kesehatan"), proposal(2, 2, "31", "kesehatan")},
                  {academic(1, std::nullopt, {"kesehatan"}), academic(2, std::nullopt)},
                  1,
                  {}};
  const Result result = assign(request);
  EXPECT_EQ(result.max_load, 1);
  EXPECT_EQ(result.expertise_matches, 1);
}

// A manual move put evaluator 300 on proposal 2; assigning again keeps it and balances around it.
TEST(JudgingAssignment, KeepsPairsMovedByHand) {
  Request request = tiny_request();
  request.kept = {{2, 300}};
  const Result result = assign(request);
  const std::vector<Pair> expected = {{1, 200}, {1, 300}, {2, 100}, {2, 300}, {3, 100}, {3, 200}};
  EXPECT_EQ(result.pairs, expected);
  EXPECT_EQ(result.max_load, 2);
  EXPECT_EQ(result.expertise_matches, 1);
}

TEST(JudgingAssignment, RefusesAKeptConflictAndMalformedRequests) {
  Request request = tiny_request();
  request.kept = {{1, 100}};  // same province
  EXPECT_THROW(assign(request), std::invalid_argument);
  request.kept = {{1, 999}};
  EXPECT_THROW(assign(request), std::invalid_argument);
  request.kept = {{2, 300}, {2, 300}};
  EXPECT_THROW(assign(request), std::invalid_argument);
  request.kept = {{2, 100}, {2, 200}, {2, 300}};  // more than k
  EXPECT_THROW(assign(request), std::invalid_argument);
  request.kept = {};
  request.evaluators_per_proposal = 0;
  EXPECT_THROW(assign(request), std::invalid_argument);
  request = tiny_request();
  request.proposals.push_back(request.proposals.front());
  EXPECT_THROW(assign(request), std::invalid_argument);
}

TEST(JudgingAssignment, SameInputInAnyOrderGivesTheSameResult) {
  Request request;
  std::mt19937 random(11);
  for (int p = 1; p <= 120; ++p)
    request.proposals.push_back(proposal(p, p % 17, std::to_string(11 + p % 5),
                                         std::string(1, static_cast<char>('a' + p % 4))));
  for (int e = 1; e <= 9; ++e)
    request.evaluators.push_back(
        academic(e, std::to_string(11 + e % 5), {std::string(1, static_cast<char>('a' + e % 4))}));
  const Result first = assign(request);
  std::ranges::shuffle(request.proposals, random);
  std::ranges::shuffle(request.evaluators, random);
  EXPECT_EQ(assign(request), first);
  EXPECT_EQ(assign(request), first);
}

// ---- Optimality against brute force ----

// How balanced an assignment is, as assign() orders it: the largest load, smaller is better; then
// the largest L with every load at least min(max load, L), at most the largest load; then the
// pairs in expertise.
struct Score {
  int max_load = 0;
  int lower = 0;
  int matches = 0;
};

Score score(const Request& request, const std::vector<int>& load, int matches) {
  Score s{*std::ranges::max_element(load), 0, matches};
  s.lower = s.max_load;
  for (std::size_t e = 0; e < load.size(); ++e)
    if (load[e] < request.evaluators[e].max_load.value_or(1 << 20))
      s.lower = std::min(s.lower, load[e]);
  return s;
}

bool better(const Score& a, const Score& b) {
  if (a.max_load != b.max_load) return a.max_load < b.max_load;
  if (a.lower != b.lower) return a.lower > b.lower;
  return a.matches > b.matches;
}

// Every complete conflict-free assignment within the max loads: each proposal takes one of the
// k-subsets of its eligible evaluators.
class BruteForce {
 public:
  explicit BruteForce(const Request& request)
      : request_(request), load_(request.evaluators.size(), 0) {
    const int evaluators = static_cast<int>(request.evaluators.size());
    for (const Proposal& p : request.proposals) {
      std::vector<unsigned> subsets;
      for (unsigned mask = 0; mask < (1u << evaluators); ++mask)
        if (std::popcount(mask) == request.evaluators_per_proposal && allowed(p, mask))
          subsets.push_back(mask);
      choices_.push_back(subsets);
    }
    search(0, 0);
  }
  std::optional<Score> best;
  int best_lower_alone = -1;  // the largest `lower` of any assignment, whatever its max load

 private:
  bool allowed(const Proposal& p, unsigned mask) const {
    for (std::size_t e = 0; e < request_.evaluators.size(); ++e)
      if ((mask >> e & 1) && conflicted(request_.evaluators[e], p)) return false;
    return true;
  }

  void search(std::size_t p, int matches) {
    if (p == choices_.size()) return record(matches);
    for (unsigned mask : choices_[p]) {
      int gained = 0;
      for (std::size_t e = 0; e < load_.size(); ++e) {
        if (!(mask >> e & 1)) continue;
        ++load_[e];
        gained += has_expertise(request_.evaluators[e], request_.proposals[p]);
      }
      search(p + 1, matches + gained);
      for (std::size_t e = 0; e < load_.size(); ++e) load_[e] -= mask >> e & 1;
    }
  }

  void record(int matches) {
    for (std::size_t e = 0; e < load_.size(); ++e)
      if (load_[e] > request_.evaluators[e].max_load.value_or(1 << 20)) return;
    const Score s = score(request_, load_, matches);
    if (!best || better(s, *best)) best = s;
    best_lower_alone = std::max(best_lower_alone, s.lower);
  }

  const Request& request_;
  std::vector<int> load_;
  std::vector<std::vector<unsigned>> choices_;
};

Request random_small_request(std::mt19937& random) {
  auto below = [&](int n) { return static_cast<int>(random() % n); };
  const std::vector<std::string> provinces = {"31", "32", "33"};
  const std::vector<std::string> categories = {"a", "b", "c"};
  Request request;
  request.evaluators_per_proposal = 2;
  const int proposals = 5 + below(3), evaluators = 3 + below(2);
  for (int p = 0; p < proposals; ++p)
    request.proposals.push_back(
        proposal(10 + p, 1 + below(6), provinces[below(3)], below(4) ? categories[below(3)] : ""));
  for (int e = 0; e < evaluators; ++e) {
    Evaluator evaluator =
        academic(100 + e, below(2) ? std::optional(provinces[below(3)]) : std::nullopt);
    if (below(3) == 0) evaluator.agency_id = 1 + below(6);
    for (const std::string& category : categories)
      if (below(2)) evaluator.expertise.insert(category);
    for (int c = below(3); c > 0; --c) evaluator.conflict_agency_ids.insert(1 + below(6));
    if (below(5) == 0) evaluator.max_load = 1 + below(4);
    request.evaluators.push_back(evaluator);
  }
  return request;
}

TEST(JudgingAssignment, OptimalOnSmallInstancesCheckedByBruteForce) {
  std::mt19937 random(2024);
  int complete = 0;
  for (int round = 0; round < 500; ++round) {
    const Request request = random_small_request(random);
    const Result result = assign(request);
    const BruteForce brute(request);
    expect_sound(request, result);
    ASSERT_EQ(result.complete(), brute.best.has_value()) << "round " << round;
    if (!brute.best) continue;
    ++complete;
    std::vector<int> load;
    for (const Load& entry : result.loads) load.push_back(entry.proposals);
    const Score ours = score(request, load, result.expertise_matches);
    EXPECT_EQ(ours.max_load, brute.best->max_load) << "round " << round;
    EXPECT_EQ(ours.lower, brute.best->lower) << "round " << round;
    EXPECT_EQ(ours.matches, brute.best->matches) << "round " << round;
    // Frank and Murota: the smallest largest load costs nothing of the largest smallest load.
    EXPECT_EQ(ours.lower, brute.best_lower_alone) << "round " << round;
  }
  EXPECT_GT(complete, 150);
}

}  // namespace
}  // namespace simpul::judging
