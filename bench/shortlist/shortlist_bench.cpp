// Benchmark of the shortlist helper (src/judging/shortlist), as issue 5 asks: the Top 99 from 300
// nominees with quotas in at most 2 s. Deterministic (fixed seed).
//
//   shortlist_bench [nominees] [size] [seed]      (defaults: 300 99 1)
//
// The instance: every province has at least one nominee, the rest come from provinces in
// proportion to their regencies and cities, Java's three times as often and Papua's half. Ten
// categories, the popular ones four times as frequent as the rare; groups Umum, Replikasi and
// Khusus; six clusters with regencies the largest. A nominee is from a 3T region with probability
// 0.5 in Papua, Maluku and Nusa Tenggara Timur and 0.11 elsewhere (about 15% in all). Scores are
// evaluators' averages on a 0-100 scale to two decimals, normal around 72, three points lower for
// 3T regions and Replikasi so that their minimums bind.
//
// The quotas: at least 1 per category, at least 15 from 3T regions, at most 40 per cluster, at
// least 10 Replikasi, at least 1 from each of ten provinces (Papua's six, both Malukus, Gorontalo,
// Kalimantan Utara).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "judging/shortlist.hpp"

namespace {

using simpul::judging::Nominee;
using simpul::judging::NomineeReason;
using simpul::judging::Quota;
using simpul::judging::QuotaDimension;
using simpul::judging::Shortlist;
using simpul::judging::ShortlistRequest;
using simpul::judging::ShortlistStatus;
using Clock = std::chrono::steady_clock;

struct Province {
  const char* code;
  int regencies;    // regencies and cities
  double activity;  // relative nominees per agency
  bool remote;      // Papua, Maluku, Nusa Tenggara Timur: many 3T regions
};

// idn-area-data's 38 provinces with their counts of regencies and cities.
const std::vector<Province> kProvinces = {
    {"11", 23, 1.0, false}, {"12", 33, 1.5, false}, {"13", 19, 1.5, false}, {"14", 12, 1.0, false},
    {"15", 11, 1.0, false}, {"16", 17, 1.0, false}, {"17", 10, 1.0, false}, {"18", 15, 1.0, false},
    {"19", 7, 1.0, false},  {"21", 7, 1.0, false},  {"31", 6, 3.0, false},  {"32", 27, 3.0, false},
    {"33", 35, 3.0, false}, {"34", 5, 3.0, false},  {"35", 38, 3.0, false}, {"36", 8, 3.0, false},
    {"51", 9, 1.5, false},  {"52", 10, 1.0, false}, {"53", 22, 1.0, true},  {"61", 14, 1.0, false},
    {"62", 14, 1.0, false}, {"63", 13, 1.0, false}, {"64", 10, 1.0, false}, {"65", 5, 1.0, false},
    {"71", 15, 1.0, false}, {"72", 13, 1.0, false}, {"73", 24, 1.5, false}, {"74", 17, 1.0, false},
    {"75", 6, 1.0, false},  {"76", 6, 1.0, false},  {"81", 11, 1.0, true},  {"82", 10, 1.0, true},
    {"91", 9, 0.5, true},   {"92", 7, 0.5, true},   {"93", 4, 0.5, true},   {"94", 8, 0.5, true},
    {"95", 8, 0.5, true},   {"96", 6, 0.5, true}};

const char* const kGroups[] = {"umum", "replikasi", "khusus"};
const char* const kClusters[] = {"kementerian", "lembaga", "provinsi",
                                 "kabupaten",   "kota",    "bumn_bumd"};
const char* const kNamedProvinces[] = {"91", "92", "93", "94", "95", "96", "81", "82", "75", "65"};
constexpr int kCategories = 10;

Nominee make_nominee(std::int64_t id, const Province& province, std::mt19937_64& random) {
  std::discrete_distribution<int> pick_category({20, 16, 14, 12, 10, 8, 7, 6, 4, 3});
  std::discrete_distribution<int> pick_group({75, 13, 12});
  std::discrete_distribution<int> pick_cluster({8, 5, 10, 45, 25, 7});
  std::bernoulli_distribution from_3t(province.remote ? 0.5 : 0.11);
  std::normal_distribution<double> score(72, 8);
  Nominee nominee{id,
                  0,
                  "cat" + std::to_string(pick_category(random)),
                  kGroups[pick_group(random)],
                  kClusters[pick_cluster(random)],
                  province.code,
                  from_3t(random)};
  const double handicap = (nominee.is_3t ? 3 : 0) + (nominee.group_code == "replikasi" ? 3 : 0);
  nominee.score = std::round(std::clamp(score(random) - handicap, 30.0, 99.0) * 100) / 100;
  return nominee;
}

std::vector<Nominee> make_nominees(int count, std::mt19937_64& random) {
  std::vector<double> weights;
  for (const Province& province : kProvinces)
    weights.push_back((province.regencies + 1) * province.activity);
  std::discrete_distribution<std::size_t> pick_province(weights.begin(), weights.end());
  std::vector<Nominee> nominees;
  for (std::int64_t id = 1; id <= count; ++id) {
    const bool every_province_once = id <= static_cast<std::int64_t>(kProvinces.size());
    const Province& province = kProvinces[every_province_once ? id - 1 : pick_province(random)];
    nominees.push_back(make_nominee(id, province, random));
  }
  return nominees;
}

std::vector<Quota> make_quotas() {
  std::vector<Quota> quotas;
  for (int category = 0; category < kCategories; ++category)
    quotas.push_back({QuotaDimension::category, "cat" + std::to_string(category), 1});
  quotas.push_back({QuotaDimension::region_3t, "", 15});
  for (const char* cluster : kClusters) quotas.push_back({QuotaDimension::cluster, cluster, 0, 40});
  quotas.push_back({QuotaDimension::group, "replikasi", 10});
  for (const char* province : kNamedProvinces)
    quotas.push_back({QuotaDimension::province, province, 1});
  return quotas;
}

void describe(const ShortlistRequest& request) {
  std::map<std::string, int> clusters;
  int from_3t = 0, replikasi = 0;
  for (const Nominee& nominee : request.nominees) {
    from_3t += nominee.is_3t;
    replikasi += nominee.group_code == "replikasi";
    ++clusters[nominee.cluster_code];
  }
  std::printf("instance: %zu nominees, shortlist of %d, %zu quotas\n", request.nominees.size(),
              request.size, request.quotas.size());
  std::printf("nominees from 3T regions: %d (%.0f%%), Replikasi: %d, kabupaten: %d\n", from_3t,
              100.0 * from_3t / request.nominees.size(), replikasi, clusters["kabupaten"]);
}

const char* status_name(ShortlistStatus status) {
  switch (status) {
    case ShortlistStatus::optimal:
      return "optimal (proven)";
    case ShortlistStatus::not_proven_optimal:
      return "feasible, NOT proven optimal";
    case ShortlistStatus::infeasible:
      return "infeasible";
  }
  return "";
}

void report(const Shortlist& result, std::vector<double> seconds) {
  std::ranges::sort(seconds);
  std::printf("wall time over %zu runs: best %.1f ms, median %.1f ms\n", seconds.size(),
              1000 * seconds.front(), 1000 * seconds[seconds.size() / 2]);
  std::printf("status: %s\n", status_name(result.status));
  std::printf("objective: %.2f; merit cut-off %.2f, lowest shortlisted %.2f\n", result.objective,
              result.merit_cut_off, result.lowest_selected_score);
  std::map<NomineeReason, int> reasons;
  for (const auto& explanation : result.explanations) ++reasons[explanation.reason];
  std::printf(
      "in on merit %d, for a minimum %d, in a freed place %d; out by a maximum %d, displaced %d\n",
      reasons[NomineeReason::included_on_merit], reasons[NomineeReason::included_for_minimum],
      reasons[NomineeReason::included_in_freed_place], reasons[NomineeReason::excluded_by_maximum],
      reasons[NomineeReason::excluded_displaced]);
}

}  // namespace

int main(int argc, char** argv) {
  const int nominees = argc > 1 ? std::atoi(argv[1]) : 300;
  const int size = argc > 2 ? std::atoi(argv[2]) : 99;
  std::mt19937_64 random(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1);
  ShortlistRequest request;
  request.nominees = make_nominees(nominees, random);
  request.size = size;
  request.quotas = make_quotas();
  describe(request);
  Shortlist result;
  std::vector<double> seconds;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    result = simpul::judging::shortlist(request);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  report(result, seconds);
}
