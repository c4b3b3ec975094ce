// The synthetic competition of the benchmark: an edition that publishing would accept, open now,
// and proposals that keep to what the workflow allows, the same for the same seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "competitions/calendar.hpp"
#include "proposals/model.hpp"
#include "synthetic/competition.hpp"

namespace simpul::synthetic {
using proposals::is_reason_code;
using proposals::parse_status;
namespace {

// 2026-11-22 16:00 UTC.
constexpr std::int64_t kNow = 1'795'363'200;

// Agencies of every type, a few names used twice, some innovations never implemented.
std::vector<SyntheticEntrant> registry(int count) {
  static const char* types[] = {"kabupaten", "kota", "provinsi",     "kementerian",
                                "lembaga",   "bumd", "unknown_type", "kabupaten"};
  std::vector<SyntheticEntrant> out;
  for (int i = 0; i < count; ++i) {
    SyntheticEntrant p;
    p.id = i + 1;
    p.name = "Inovasi Layanan Nomor " + std::to_string(i % 7 == 0 ? i / 2 : i);
    p.agency_id = 1 + i % 150;
    p.unit_id = 1000 + i % 400;
    p.province_code = std::to_string(11 + i % 38);
    p.agency_type = types[p.agency_id % 8];
    p.implementation_date = i % 11 == 0 ? "" : (i % 13 == 0 ? "2026-06-01" : "2019-03-15");
    out.push_back(p);
  }
  return out;
}

TEST(SyntheticCompetition, TheEditionIsValidAndOpenNow) {
  competitions::Setup setup = synthetic_setup(2026, kNow);
  EXPECT_TRUE(competitions::check_setup(setup).empty());
  EXPECT_TRUE(competitions::publication_problems(setup).empty());
  const auto* registration = competitions::find_stage(setup, competitions::kRegistration);
  EXPECT_LE(*registration->starts_at, kNow - 29 * 86400);
  EXPECT_GT(*registration->ends_at, kNow + 29 * 86400);
  EXPECT_EQ(setup.general.zone, view::Zone::wib);
  EXPECT_FALSE(setup.general.owner_agency_id);
  int weights = 0;
  for (const auto& aspect : setup.rubric) weights += aspect.weight;
  EXPECT_EQ(weights, 100);
  ASSERT_EQ(setup.attachments.size(), 2u);
  EXPECT_EQ(setup.attachments[0].code, "sk");
  EXPECT_EQ(setup.attachments[1].max_video_seconds, 180);
  for (const auto& section : setup.sections) EXPECT_GE(section.max_words.value_or(0), 400);
  for (const auto& group : setup.groups) EXPECT_TRUE(group.enabled) << group.code;
}

TEST(SyntheticCompetition, ProposalsKeepToTheRules) {
  competitions::Setup setup = synthetic_setup(2026, kNow);
  auto published = registry(4000);
  SyntheticPlan plan = plan_synthetic_proposals(setup, published, 1200, 1, kNow);
  ASSERT_EQ(plan.proposals.size(), 1200u);
  std::set<std::string> titles;
  std::set<std::int64_t> innovations;
  std::set<std::int64_t> top_99(plan.top_99.begin(), plan.top_99.end());
  std::set<std::int64_t> top_45(plan.top_45.begin(), plan.top_45.end());
  std::map<std::pair<std::int64_t, std::string>, int> entries;
  std::map<std::string, int> groups;
  auto opened = *competitions::find_stage(setup, competitions::kRegistration)->starts_at;
  for (const SyntheticProposal& p : plan.proposals) {
    EXPECT_TRUE(titles.insert(competitions::title_key(p.innovation.name)).second);
    EXPECT_TRUE(innovations.insert(p.innovation.id).second);
    EXPECT_FALSE(top_99.count(p.innovation.id));
    EXPECT_EQ(p.cluster, competitions::cluster_of(p.innovation.agency_type));
    EXPECT_FALSE(p.cluster.empty());
    EXPECT_EQ(p.innovation.implementation_date, "2019-03-15");
    ++entries[{p.innovation.agency_id, p.group_code}];
    ++groups[p.group_code];
    EXPECT_EQ(p.source_innovation_id.has_value(), p.group_code == "replikasi");
    if (p.source_innovation_id) {
      EXPECT_TRUE(top_99.count(*p.source_innovation_id));
    }
    EXPECT_EQ(top_45.count(p.innovation.id) == 1, p.group_code == "khusus");
    ASSERT_TRUE(parse_status(p.status)) << p.status;
    // The history in order, within registration so far.
    EXPECT_GE(p.created_at, opened);
    EXPECT_LE(p.updated_at, kNow);
    EXPECT_GE(p.updated_at, p.created_at);
    bool submitted = p.status == "submitted" || p.status == "passed" || p.status == "failed";
    EXPECT_EQ(p.submitted_at.has_value(), submitted);
    EXPECT_EQ(p.sent_at.has_value(), p.status != "draft");
    if (p.sent_at && p.submitted_at) {
      EXPECT_LE(*p.sent_at, *p.submitted_at);
    }
    EXPECT_EQ(p.screened_at.has_value(), p.status == "passed" || p.status == "failed");
    EXPECT_EQ(p.screening_reason.has_value(), p.status == "failed");
    if (p.screening_reason) {
      EXPECT_TRUE(is_reason_code(*p.screening_reason));
    }
    EXPECT_EQ(p.return_note.empty(), p.status != "returned");
    EXPECT_GE(p.video_seconds, 60);
    EXPECT_LE(p.video_seconds, 180);
    EXPECT_EQ(p.video_id.size(), 11u);
  }
  for (const auto& [key, count] : entries) {
    const auto* group = competitions::find_group(setup, key.second);
    if (group->max_per_agency) {
      EXPECT_LE(count, *group->max_per_agency) << key.first;
    }
  }
  EXPECT_GT(groups["umum"], 1200 * 70 / 100);
  EXPECT_GT(groups["replikasi"], 1200 * 8 / 100);
  EXPECT_GT(groups["khusus"], 1200 * 2 / 100);
}

TEST(SyntheticCompetition, SameSeedSamePlan) {
  competitions::Setup setup = synthetic_setup(2026, kNow);
  auto published = registry(2000);
  auto ids = [](const SyntheticPlan& plan) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const SyntheticProposal& p : plan.proposals) out.emplace_back(p.innovation.id, p.status);
    return out;
  };
  auto a = plan_synthetic_proposals(setup, published, 300, 7, kNow);
  EXPECT_EQ(ids(a), ids(plan_synthetic_proposals(setup, published, 300, 7, kNow)));
  EXPECT_NE(ids(a), ids(plan_synthetic_proposals(setup, published, 300, 8, kNow)));
}

TEST(SyntheticCompetition, TooSmallARegistryIsRefused) {
  competitions::Setup setup = synthetic_setup(2026, kNow);
  EXPECT_THROW(plan_synthetic_proposals(setup, registry(200), 3500, 1, kNow), std::runtime_error);
}

}  // namespace
}  // namespace simpul::synthetic
