// Benchmark of the evaluator assignment (src/judging/assignment), as issue 5 asks: 3,500 screened
// proposals, 40 evaluators, k = 2, with realistic conflicts, in at most 2 s. Deterministic (fixed
// seed).
//
//   assignment_bench [proposals] [evaluators] [k] [seed]      (defaults: 3500 40 2 1)
//
// The instance: the 552 regional governments (38 provinces and their 514 regencies and cities, as
// idn-area-data counts them) propose with a skew: Java's agencies three times as often, Sumatra's
// larger provinces, Bali and South Sulawesi one and a half times, Papua's half, each agency's
// activity log-normal on top. Categories are ten, the popular ones four times as frequent as the
// rare. Evaluators are academics of universities spread like Indonesia's (many in Java): each
// conflicts with every proposal of their province, one in ten also works for their province's
// government, each declares 0-5 agencies they advised (the active ones more likely) and knows 1-3
// categories.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "judging/assignment.hpp"

namespace {

using simpul::judging::Evaluator;
using simpul::judging::Proposal;
using simpul::judging::Request;
using simpul::judging::Result;
using Clock = std::chrono::steady_clock;

struct Province {
  const char* code;
  int regencies;             // regencies and cities
  double proposal_activity;  // relative proposals per agency
  double universities;       // relative number of evaluators working there
};

// idn-area-data's 38 provinces with their counts of regencies and cities.
const std::vector<Province> kProvinces = {
    {"11", 23, 1.0, 1},   {"12", 33, 1.5, 2},   {"13", 19, 1.5, 1.5}, {"14", 12, 1.0, 1},
    {"15", 11, 1.0, 0.5}, {"16", 17, 1.0, 1},   {"17", 10, 1.0, 0.5}, {"18", 15, 1.0, 1},
    {"19", 7, 1.0, 0.3},  {"21", 7, 1.0, 0.3},  {"31", 6, 3.0, 6},    {"32", 27, 3.0, 6},
    {"33", 35, 3.0, 4},   {"34", 5, 3.0, 5},    {"35", 38, 3.0, 6},   {"36", 8, 3.0, 1.5},
    {"51", 9, 1.5, 1.5},  {"52", 10, 1.0, 0.5}, {"53", 22, 1.0, 0.5}, {"61", 14, 1.0, 0.5},
    {"62", 14, 1.0, 0.3}, {"63", 13, 1.0, 0.5}, {"64", 10, 1.0, 0.5}, {"65", 5, 1.0, 0.2},
    {"71", 15, 1.0, 0.5}, {"72", 13, 1.0, 0.5}, {"73", 24, 1.5, 2},   {"74", 17, 1.0, 0.5},
    {"75", 6, 1.0, 0.3},  {"76", 6, 1.0, 0.2},  {"81", 11, 1.0, 0.3}, {"82", 10, 1.0, 0.2},
    {"91", 9, 0.5, 0.3},  {"92", 7, 0.5, 0.2},  {"93", 4, 0.5, 0.1},  {"94", 8, 0.5, 0.1},
    {"95", 8, 0.5, 0.1},  {"96", 6, 0.5, 0.1}};

constexpr int kCategories = 10;

struct Agency {
  std::int64_t id = 0;  // province code × 100 + its number, 0 for the provincial government
  std::size_t province = 0;
  double activity = 0;
};

std::vector<Agency> make_agencies(std::mt19937_64& random) {
  std::lognormal_distribution<double> activity(0.0, 0.8);
  std::vector<Agency> agencies;
  for (std::size_t p = 0; p < kProvinces.size(); ++p) {
    const std::int64_t base = std::atoll(kProvinces[p].code) * 100;
    for (int number = 0; number <= kProvinces[p].regencies; ++number)
      agencies.push_back({base + number, p, kProvinces[p].proposal_activity * activity(random)});
  }
  return agencies;
}

std::vector<Proposal> make_proposals(const std::vector<Agency>& agencies, int count,
                                     std::mt19937_64& random) {
  std::vector<double> weights;
  for (const Agency& agency : agencies) weights.push_back(agency.activity);
  std::discrete_distribution<std::size_t> pick_agency(weights.begin(), weights.end());
  std::discrete_distribution<int> pick_category({20, 16, 14, 12, 10, 8, 7, 6, 4, 3});
  std::vector<Proposal> proposals;
  for (int id = 1; id <= count; ++id) {
    const Agency& agency = agencies[pick_agency(random)];
    proposals.push_back({id, agency.id, kProvinces[agency.province].code,
                         "cat" + std::to_string(pick_category(random))});
  }
  return proposals;
}

Evaluator make_evaluator(std::int64_t id, const std::vector<Agency>& agencies,
                         std::discrete_distribution<std::size_t>& pick_province,
                         std::discrete_distribution<std::size_t>& pick_advised,
                         std::mt19937_64& random) {
  Evaluator evaluator;
  evaluator.id = id;
  const std::size_t province = pick_province(random);
  evaluator.province_code = kProvinces[province].code;
  if (id % 10 == 0) evaluator.agency_id = std::atoll(kProvinces[province].code) * 100;
  const int fields = 1 + static_cast<int>(random() % 3);
  while (static_cast<int>(evaluator.expertise.size()) < fields)
    evaluator.expertise.insert("cat" + std::to_string(random() % kCategories));
  for (int declared = static_cast<int>(random() % 6); declared > 0; --declared)
    evaluator.conflict_agency_ids.insert(agencies[pick_advised(random)].id);
  return evaluator;
}

std::vector<Evaluator> make_evaluators(const std::vector<Agency>& agencies, int count,
                                       std::mt19937_64& random) {
  std::vector<double> universities, activity;
  for (const Province& province : kProvinces) universities.push_back(province.universities);
  for (const Agency& agency : agencies) activity.push_back(agency.activity);
  std::discrete_distribution<std::size_t> pick_province(universities.begin(), universities.end());
  std::discrete_distribution<std::size_t> pick_advised(activity.begin(), activity.end());
  std::vector<Evaluator> evaluators;
  for (int id = 1; id <= count; ++id)
    evaluators.push_back(make_evaluator(id, agencies, pick_province, pick_advised, random));
  return evaluators;
}

// At most k pairs in expertise per proposal, from its eligible experts: the matches there would
// be if loads did not have to be even, to compare with what the even loads leave.
int matches_without_balance(const Request& request, const Proposal& proposal) {
  int experts = 0;
  for (const Evaluator& evaluator : request.evaluators)
    experts += !simpul::judging::conflicted(evaluator, proposal) &&
               simpul::judging::has_expertise(evaluator, proposal);
  return std::min(experts, request.evaluators_per_proposal);
}

void describe(const Request& request) {
  int java = 0, fewest = static_cast<int>(request.evaluators.size()), conflicts = 0, matches = 0;
  for (const Proposal& proposal : request.proposals) {
    java += proposal.province_code[0] == '3';
    int eligible = 0;
    for (const Evaluator& evaluator : request.evaluators)
      eligible += !simpul::judging::conflicted(evaluator, proposal);
    conflicts += static_cast<int>(request.evaluators.size()) - eligible;
    fewest = std::min(fewest, eligible);
    matches += matches_without_balance(request, proposal);
  }
  const double pairs = static_cast<double>(request.proposals.size() * request.evaluators.size());
  std::printf("instance: %zu proposals (%.0f%% from Java), %zu evaluators, k = %d\n",
              request.proposals.size(), 100.0 * java / request.proposals.size(),
              request.evaluators.size(), request.evaluators_per_proposal);
  std::printf(
      "conflicts: %d of %.0f pairs (%.1f%%); fewest eligible evaluators of a proposal: %d\n",
      conflicts, pairs, 100.0 * conflicts / pairs, fewest);
  std::printf("expertise matches possible if loads were free: %d\n", matches);
}

void report(const Result& result, std::vector<double> seconds) {
  std::ranges::sort(seconds);
  std::printf("wall time over %zu runs: best %.1f ms, median %.1f ms\n", seconds.size(),
              1000 * seconds.front(), 1000 * seconds[seconds.size() / 2]);
  std::printf("loads: min %d, max %d (spread %d)\n", result.min_load, result.max_load,
              result.max_load - result.min_load);
  std::printf("expertise matches: %d of %zu pairs (%.1f%%)\n", result.expertise_matches,
              result.pairs.size(), 100.0 * result.expertise_matches / result.pairs.size());
  std::printf("proposals short of k evaluators: %zu\n", result.shortfalls.size());
}

}  // namespace

int main(int argc, char** argv) {
  const int proposals = argc > 1 ? std::atoi(argv[1]) : 3500;
  const int evaluators = argc > 2 ? std::atoi(argv[2]) : 40;
  const int k = argc > 3 ? std::atoi(argv[3]) : 2;
  std::mt19937_64 random(argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1);
  const std::vector<Agency> agencies = make_agencies(random);
  Request request{make_proposals(agencies, proposals, random),
                  make_evaluators(agencies, evaluators, random),
                  k,
                  {}};
  describe(request);
  Result result;
  std::vector<double> seconds;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    result = simpul::judging::assign(request);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  report(result, seconds);
}
