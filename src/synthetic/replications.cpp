#include "synthetic/replications.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <unordered_map>

#include "competitions/calendar.hpp"
#include "core/util/clock.hpp"
#include "innovations/model.hpp"
#include "replication/loading.hpp"
#include "synthetic/seed.hpp"

namespace simpul::synthetic {
namespace {

using replication::Stage;

struct Source {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
};

struct Corpus {
  std::vector<std::int64_t> regions;
  // Per affair bit, the innovations addressing it, in their popularity order.
  std::unordered_map<int, std::vector<Source>> by_affair;
};

Corpus read_corpus(db::Database& database, std::mt19937_64& random) {
  Corpus corpus;
  database.read([&](db::Transaction& tx) {
    for (const auto& r : tx.query("SELECT id FROM agencies WHERE type IN ('provinsi', "
                                  "'kabupaten', 'kota') AND active = 1 ORDER BY id"))
      corpus.regions.push_back(r.integer(0));
    std::vector<std::pair<Source, std::int64_t>> published;
    for (const auto& r : tx.query("SELECT innovation_id, agency_id, affair_mask FROM "
                                  "innovation_published ORDER BY innovation_id"))
      published.push_back({{r.integer(0), r.integer(1)}, r.integer(2)});
    // Popularity is a shuffled order: rank 0 is the most replicated.
    std::shuffle(published.begin(), published.end(), random);
    for (const auto& [source, mask] : published)
      for (int bit = 0; bit < 63; ++bit)
        if ((mask >> bit) & 1) corpus.by_affair[bit].push_back(source);
  });
  return corpus;
}

// A log-uniform rank in [0, n): rank r is drawn with probability about 1 / (r + 1).
std::size_t popular_rank(std::size_t n, std::mt19937_64& random) {
  double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  auto rank = static_cast<std::size_t>(std::pow(static_cast<double>(n) + 1.0, u)) - 1;
  return std::min(rank, n - 1);
}

// How far a record gets: most past their commitment, a few stopped.
Stage reached(std::mt19937_64& random) {
  static const std::vector<std::pair<Stage, int>> kShare = {
      {Stage::minat, 12},    {Stage::kaji_tiru, 8},  {Stage::komitmen, 20}, {Stage::penerapan, 25},
      {Stage::evaluasi, 12}, {Stage::berlanjut, 17}, {Stage::berhenti, 6}};
  int roll = std::uniform_int_distribution<int>(0, 99)(random);
  for (const auto& [stage, share] : kShare) {
    if (roll < share) return stage;
    roll -= share;
  }
  return Stage::komitmen;
}

std::vector<replication::LoadedStep> steps_to(Stage last, std::mt19937_64& random,
                                              competitions::LocalDate today) {
  std::vector<Stage> path;
  Stage target = last == Stage::berhenti
                     ? replication::kPath[std::uniform_int_distribution<int>(0, 4)(random)]
                     : last;
  bool study_visit = std::uniform_int_distribution<int>(0, 1)(random) == 1;
  for (Stage stage : replication::kPath) {
    if (stage == Stage::kaji_tiru && !study_visit && target != Stage::kaji_tiru) continue;
    path.push_back(stage);
    if (stage == target) break;
  }
  if (last == Stage::berhenti) path.push_back(Stage::berhenti);
  auto day = competitions::days_from_civil({2018, 1, 1}) +
             std::uniform_int_distribution<int>(0, 6 * 365)(random);
  auto last_day = competitions::days_from_civil(today);
  std::vector<replication::LoadedStep> steps;
  for (Stage stage : path) {
    if (day > last_day) break;
    std::string date = competitions::iso_date(competitions::civil_from_days(day));
    steps.push_back(
        {stage, date,
         "https://contoh.go.id/replikasi/" + std::string(replication::stage_code(stage)),
         stage == Stage::berhenti    ? "Anggaran dialihkan (data contoh)."
         : stage == Stage::berlanjut ? "Dianggarkan tiap tahun (data contoh)."
                                     : ""});
    day += std::uniform_int_distribution<int>(30, 180)(random);
  }
  return steps;
}

}  // namespace

std::vector<RegionNeeds> region_needs(const std::vector<std::int64_t>& regions,
                                      std::uint64_t seed) {
  std::mt19937_64 random(seed * 7919 + 17);
  int affairs = static_cast<int>(std::size(innovations::kAffairs));
  std::vector<RegionNeeds> needs;
  for (auto id : regions) {
    int first = std::uniform_int_distribution<int>(0, affairs - 1)(random);
    int second = std::uniform_int_distribution<int>(0, affairs - 2)(random);
    if (second >= first) ++second;
    needs.push_back({id, first, second});
  }
  return needs;
}

std::int64_t seed_replications(db::Database& database, std::int64_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  Corpus corpus = read_corpus(database, random);
  auto needs = region_needs(corpus.regions, seed);
  auto today = competitions::local_date(now_seconds(), view::Zone::wib);
  std::set<std::pair<std::int64_t, std::int64_t>> pairs;
  std::vector<replication::LoadedRecord> batch;
  std::int64_t written = 0;
  auto flush = [&] {
    database.write([&](db::Transaction& tx) {
      for (const auto& record : batch)
        replication::insert_loaded(tx, kSeeder, record, now_seconds());
    });
    written += static_cast<std::int64_t>(batch.size());
    batch.clear();
  };
  std::int64_t attempts = 0;
  while (written + static_cast<std::int64_t>(batch.size()) < count && attempts++ < count * 20) {
    if (needs.empty()) break;
    const auto& region =
        needs[std::uniform_int_distribution<std::size_t>(0, needs.size() - 1)(random)];
    int need = std::uniform_int_distribution<int>(0, 1)(random) ? region.first : region.second;
    auto found = corpus.by_affair.find(need);
    if (found == corpus.by_affair.end() || found->second.empty()) continue;
    const Source& source = found->second[popular_rank(found->second.size(), random)];
    if (source.agency_id == region.agency_id || !pairs.insert({source.id, region.agency_id}).second)
      continue;
    auto steps = steps_to(reached(random), random, today);
    if (steps.empty()) continue;
    bool implemented = replication::implemented(steps.back().stage) ||
                       (steps.back().stage == Stage::berhenti && steps.size() > 1 &&
                        replication::implemented(steps[steps.size() - 2].stage));
    batch.push_back({source.id, region.agency_id,
                     "Alur layanan dan aplikasinya dipakai seperti di daerah sumber (data contoh).",
                     "Disesuaikan dengan jumlah petugas dan jangkauan sinyal di daerah (data "
                     "contoh).",
                     implemented ? "SK contoh " + std::to_string(written + batch.size() + 1) : "",
                     steps, true});
    if (batch.size() == 1000) flush();
  }
  if (!batch.empty()) flush();
  return written;
}

}  // namespace simpul::synthetic
