#pragma once
// The shortlist helper: from the nominees, the finalists (Top 99, or the size the edition sets)
// with the largest total score that meet the organiser's quotas (per category, group, cluster,
// province and 3T regions) and the panel's manual inclusions and exclusions. Exact: a binary
// integer program solved by GLPK's branch and bound, in memory. Pure, no I/O: the caller reads the
// nominees, logs the panel's reasons and stores the outcome.
//
// Every nominee gets an explanation as data (a reason code, the quotas behind it, its rank without
// quotas) for the pages to put into words; the rule is written in shortlist.cpp.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "competitions/programme.hpp"

namespace simpul::judging {

struct Nominee {
  std::int64_t id = 0;
  double score = 0;  // the score the edition ranks by; higher is better
  std::string category_code;
  std::string group_code;    // competitions::kGroupCodes
  std::string cluster_code;  // competitions::kClusterCodes
  std::string province_code;
  bool is_3t = false;  // from a daerah tertinggal, terdepan or terluar
};

enum class QuotaDimension { category, group, cluster, province, region_3t };

// "At least min and at most max shortlisted nominees whose <dimension> is <value>". A region_3t
// quota counts the nominees from 3T regions and ignores its value.
struct Quota {
  QuotaDimension dimension = QuotaDimension::category;
  std::string value;
  int min = 0;
  std::optional<int> max;
};

bool counts_towards(const Quota& quota, const Nominee& nominee);

// A manual adjustment by the panel: the nominee is in (or out) whatever the score says. The
// caller logs the reason; it is carried into the nominee's explanation.
struct PanelChoice {
  std::int64_t nominee_id = 0;
  bool include = true;
  std::string reason;
};

struct ShortlistRequest {
  std::vector<Nominee> nominees;
  int size = competitions::programme::kFinalists;  // N
  std::vector<Quota> quotas;
  std::vector<PanelChoice> panel_choices;
  // A safety net: the solver stops here and the result says it is not proven optimal.
  std::chrono::milliseconds time_limit{10'000};
};

enum class ShortlistStatus { optimal, not_proven_optimal, infeasible };

enum class InfeasibleCause {
  panel_includes_too_many,  // needed: the panel's inclusions; available: N
  too_few_nominees,         // needed: N; available: nominees the panel did not exclude
  too_few_matching,         // quota_index; needed: its min; available: nominees it counts
  panel_exceeds_maximum,    // quota_index; needed: the panel's inclusions it counts; available: max
  minimums_exceed_size,     // dimension; needed: the sum of its minimums; available: N
  capacity_below_size,      // dimension; needed: N; available: the most its maximums allow
  quotas_together,          // no simple reason: the quotas together cannot be met
  no_solution_in_time,      // the time limit passed before any shortlist was found
};

struct Infeasibility {
  InfeasibleCause cause = InfeasibleCause::quotas_together;
  std::optional<std::size_t> quota_index;  // into ShortlistRequest::quotas
  std::optional<QuotaDimension> dimension;
  int needed = 0;
  int available = 0;
  bool operator==(const Infeasibility&) const = default;
};

struct QuotaCount {
  std::size_t quota_index = 0;
  int count = 0;            // shortlisted nominees the quota counts
  bool at_minimum = false;  // a positive minimum met exactly
  bool at_maximum = false;
  bool operator==(const QuotaCount&) const = default;
};

enum class NomineeReason {
  included_on_merit,        // in the top N by score alone
  included_for_minimum,     // below the top N; a minimum in quotas would fail without it
  included_in_freed_place,  // below the top N; fills a place a maximum (quotas) or the panel freed
  included_by_panel,
  excluded_below_cut,   // below the top N, and no rule needs it
  excluded_by_maximum,  // in the top N, but a maximum it counts towards (quotas) is full
  excluded_displaced,   // in the top N, but nominees a minimum (quotas) or the panel needs took its
                        // place
  excluded_by_panel,
};

struct NomineeExplanation {
  std::int64_t nominee_id = 0;
  int rank = 0;  // 1-based, by score alone (ties: lower id first)
  bool selected = false;
  NomineeReason reason = NomineeReason::excluded_below_cut;
  std::vector<std::size_t> quotas;  // indices into ShortlistRequest::quotas, ascending
  std::string panel_reason;         // for the two panel reasons
  bool operator==(const NomineeExplanation&) const = default;
};

struct Shortlist {
  ShortlistStatus status = ShortlistStatus::infeasible;
  std::optional<Infeasibility> infeasibility;  // when infeasible
  std::vector<std::int64_t> selected_ids;      // by score, highest first (ties: lower id first)
  double objective = 0;                        // the total score of the selection
  double merit_cut_off = 0;                    // the N-th best score, quotas and panel aside
  double lowest_selected_score = 0;
  std::vector<QuotaCount> quota_counts;          // one per quota, in request order
  std::vector<NomineeExplanation> explanations;  // every nominee, by rank; empty when infeasible
  bool operator==(const Shortlist&) const = default;
};

// The same request with its nominees in any order gives the same shortlist. Among selections of
// equal total, one where no nominee could be swapped for a better-ranked one of the same score is
// returned. Throws std::invalid_argument for a size below 1, a repeated nominee id, a score that is
// not finite, a quota with a negative bound or min above max, or a panel choice naming an unknown
// nominee or the same one twice.
Shortlist shortlist(const ShortlistRequest& request);

}  // namespace simpul::judging
