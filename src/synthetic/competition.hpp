#pragma once
// A synthetic national competition full of proposals, for the organiser's pages under load
// (`simpul seed --synthetic-competition N --seed S`, bench/competition.sh). It builds on the
// synthetic registry (`simpul seed --synthetic`): one published edition set up like a real KIPP,
// registration open (30 days behind, 30 ahead), and N proposals from distinct published
// innovations, spread over groups, categories and states as an edition in its last weeks of
// registration looks. The same registry and seed give the same proposals.
//
// Seeding writes the rows directly, in one transaction: it bypasses the workflow and its checks,
// which are for people, but keeps to what they would allow (distinct titles, the caps per agency,
// the age rule, a Replikasi source that won before, Khusus entries that won before).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "core/db/database.hpp"

namespace simpul::synthetic {

// The edition's set-up: groups with the 2021 guideline's rules, its ten categories, every
// cluster, a seven-section form with word limits, the decree and the video, rubrics of 100.
competitions::Setup synthetic_setup(int year, std::int64_t now);

// A published innovation as the seed reads it.
struct SyntheticEntrant {
  std::int64_t id = 0;
  std::string name;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  std::string province_code;
  std::string agency_type;
  std::string implementation_date;  // YYYY-MM-DD or empty
};

// One proposal to write. Times are UTC seconds within registration so far.
struct SyntheticProposal {
  SyntheticEntrant innovation;
  std::string cluster;
  std::string group_code;
  std::string category_code;
  std::optional<std::int64_t> source_innovation_id;
  std::string status;
  std::string return_note;
  std::optional<std::string> screening_reason;
  std::string screening_note;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> submitted_at;
  std::optional<std::int64_t> screened_at;
  std::string video_id;  // of the YouTube-like link
  int video_seconds = 0;
};

struct SyntheticPlan {
  std::vector<SyntheticProposal> proposals;
  // Earlier winners: the innovations Replikasi entries adapt (recorded as Top 99) and those
  // entering Khusus (recorded as Top 45).
  std::vector<std::int64_t> top_99;
  std::vector<std::int64_t> top_45;
};

// Chooses count entrants from the published innovations and plans their proposals. Pure and
// deterministic for the same inputs. Throws std::runtime_error when too few innovations can enter.
SyntheticPlan plan_synthetic_proposals(const competitions::Setup& setup,
                                       const std::vector<SyntheticEntrant>& published,
                                       std::int64_t count, std::uint64_t seed, std::int64_t now);

struct SyntheticCompetition {
  std::int64_t edition_id = 0;
  std::int64_t proposals = 0;
};

// Writes the edition and its proposals in one write transaction. Throws std::runtime_error when
// a national edition of this year exists already or the registry is too small.
SyntheticCompetition seed_synthetic_competition(db::Database& database, const std::string& home,
                                                std::int64_t count, std::uint64_t seed);

}  // namespace simpul::synthetic
