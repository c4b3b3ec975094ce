// The pure rules of replication: the path's order, what each step must carry, the dates, who
// records, milestones, and the IID replication indicator on the examples of domain.md §8.
#include <gtest/gtest.h>

#include "replication/model.hpp"

namespace simpul::replication {
namespace {

using competitions::LocalDate;

constexpr LocalDate kToday{2021, 11, 15};  // Sumatera Barat's signing day, seeds/004

StepInput step(Stage stage, std::string date, std::string link = "https://contoh.go.id/surat",
               std::string note = "", std::string decree = "") {
  return {stage, std::move(date), std::move(link), false, std::move(note), std::move(decree)};
}

TEST(ReplicationPath, StagesFollowInOrderWithTheStudyVisitOptional) {
  EXPECT_TRUE(may_follow(Stage::minat, Stage::kaji_tiru));
  EXPECT_TRUE(may_follow(Stage::minat, Stage::komitmen)) << "the study visit may be skipped";
  EXPECT_FALSE(may_follow(Stage::minat, Stage::penerapan)) << "the commitment may not";
  EXPECT_TRUE(may_follow(Stage::kaji_tiru, Stage::komitmen));
  EXPECT_TRUE(may_follow(Stage::komitmen, Stage::penerapan));
  EXPECT_FALSE(may_follow(Stage::komitmen, Stage::evaluasi));
  EXPECT_TRUE(may_follow(Stage::evaluasi, Stage::berlanjut));
  EXPECT_FALSE(may_follow(Stage::penerapan, Stage::penerapan));
  EXPECT_FALSE(may_follow(Stage::berlanjut, Stage::minat)) << "no way back";
  for (Stage stage : kPath) EXPECT_TRUE(may_follow(stage, Stage::berhenti));
  EXPECT_TRUE(next_stages(Stage::berhenti).empty()) << "a stopped record ends";
  EXPECT_EQ(next_stages(Stage::berlanjut), std::vector<Stage>{Stage::berhenti});
  for (Stage stage : kPath) EXPECT_EQ(parse_stage(stage_code(stage)), stage);
  EXPECT_EQ(parse_stage("diterapkan"), std::nullopt);
  EXPECT_FALSE(implemented(Stage::komitmen));
  EXPECT_TRUE(implemented(Stage::penerapan));
  EXPECT_TRUE(implemented(Stage::berlanjut));
  EXPECT_FALSE(implemented(Stage::berhenti));
}

TEST(ReplicationPath, EachStepCarriesWhatItsStageNeeds) {
  auto ok = step(Stage::kaji_tiru, "2021-07-01");
  EXPECT_TRUE(check_step(ok, Stage::minat, LocalDate{2021, 6, 16}, kToday).empty());
  auto bare = step(Stage::komitmen, "2021-11-15", "");
  EXPECT_EQ(check_step(bare, Stage::kaji_tiru, std::nullopt, kToday).at("berkas").key,
            "replication.error.evidence");
  bare.has_file = true;  // a scanned commitment instead of a link
  EXPECT_TRUE(check_step(bare, Stage::kaji_tiru, std::nullopt, kToday).empty());
  auto no_decree = step(Stage::penerapan, "2021-11-15");
  EXPECT_EQ(check_step(no_decree, Stage::komitmen, std::nullopt, kToday).at("sk").key,
            "form.required");
  auto stopped = step(Stage::berhenti, "2021-11-15", "", "  ");
  EXPECT_EQ(check_step(stopped, Stage::penerapan, std::nullopt, kToday).at("catatan").key,
            "form.required")
      << "a stop needs its reason, spaces are not one";
  auto sustained =
      step(Stage::berlanjut, "2021-11-15", "", "Dianggarkan dalam APBD 2022 dan diatur Perbup.");
  EXPECT_TRUE(check_step(sustained, Stage::evaluasi, std::nullopt, kToday).empty());
  auto bad_link = step(Stage::minat, "2021-11-01", "javascript:alert(1)");
  EXPECT_EQ(check_step(bad_link, std::nullopt, std::nullopt, kToday).at("tautan").key,
            "replication.error.link");
  auto skipped = step(Stage::penerapan, "2021-11-15", "https://x.go.id/sk", "", "SK 12/2021");
  EXPECT_EQ(check_step(skipped, Stage::minat, std::nullopt, kToday).at("tahap").key,
            "replication.error.stage_order");
  // A new record starts at the letter of interest, or at a round's commitment.
  auto first = step(Stage::komitmen, "2021-11-15");
  EXPECT_TRUE(check_step(first, std::nullopt, std::nullopt, kToday).empty());
  auto late_start = step(Stage::evaluasi, "2021-11-15");
  EXPECT_EQ(check_step(late_start, std::nullopt, std::nullopt, kToday).count("tahap"), 1u);
}

TEST(ReplicationPath, DatesAreRealPastAndInOrder) {
  auto future = step(Stage::kaji_tiru, "2021-11-16");
  EXPECT_EQ(check_step(future, Stage::minat, std::nullopt, kToday).at("tanggal").key,
            "replication.error.future");
  auto before = step(Stage::komitmen, "2021-06-15");
  auto errors = check_step(before, Stage::kaji_tiru, LocalDate{2021, 6, 16}, kToday);
  EXPECT_EQ(errors.at("tanggal").key, "replication.error.before_previous");
  EXPECT_EQ(errors.at("tanggal").args.at(0).second, "2021-06-16");
  auto same_day = step(Stage::komitmen, "2021-06-16");
  EXPECT_TRUE(check_step(same_day, Stage::kaji_tiru, LocalDate{2021, 6, 16}, kToday).empty());
  for (const char* wrong : {"2021-02-30", "15/11/2021", "", "2021-11-15T00:00"}) {
    auto typed = step(Stage::kaji_tiru, wrong);
    EXPECT_EQ(check_step(typed, Stage::minat, std::nullopt, kToday).count("tanggal"), 1u) << wrong;
  }
}

// domain.md §8: replicated by 1, 2 or at least 3 other regions scores 1, 2 or 3 (weight 3).
TEST(IidReplicationIndicator, ScoresOneTwoOrThreeRegions) {
  EXPECT_EQ(iid_replication_score(0), 0);
  EXPECT_EQ(iid_replication_score(1), 1);
  EXPECT_EQ(iid_replication_score(2), 2);
  EXPECT_EQ(iid_replication_score(3), 3);
  EXPECT_EQ(iid_replication_score(19), 3) << "the 19 regencies and cities of Sumatera Barat";
  EXPECT_EQ(kIidReplicationWeight, 3);
}

TEST(IidReplicationIndicator, CountsOtherRegionalGovernmentsThatKeptGoing) {
  EXPECT_TRUE(counts_for_iid("kabupaten", false, Stage::minat, std::nullopt))
      << "a letter of interest is evidence the IID accepts";
  EXPECT_TRUE(counts_for_iid("kota", false, Stage::berlanjut, std::nullopt));
  EXPECT_TRUE(counts_for_iid("provinsi", false, Stage::komitmen, std::nullopt));
  EXPECT_FALSE(counts_for_iid("kementerian", false, Stage::penerapan, std::nullopt))
      << "a ministry is not a region";
  EXPECT_FALSE(counts_for_iid("bumd", false, Stage::penerapan, std::nullopt));
  EXPECT_FALSE(counts_for_iid("kota", true, Stage::penerapan, std::nullopt)) << "not its own";
  EXPECT_FALSE(counts_for_iid("kota", false, Stage::berhenti, Stage::komitmen))
      << "stopped before implementation";
  EXPECT_TRUE(counts_for_iid("kota", false, Stage::berhenti, Stage::evaluasi))
      << "it was replicated, then stopped";
}

TEST(ReplicationRecorders, TheAdoptingAgencyRecordsItsOwn) {
  Editor admin{auth::Role::local_admin, 7, std::nullopt};
  Editor unit{auth::Role::unit_operator, 7, 70};
  Editor other_unit{auth::Role::unit_operator, 7, 71};
  Editor organiser{auth::Role::organiser, std::nullopt, std::nullopt};
  Editor elsewhere{auth::Role::local_admin, 8, std::nullopt};
  EXPECT_TRUE(may_record(admin, 7, std::nullopt));
  EXPECT_TRUE(may_record(admin, 7, 71));
  EXPECT_TRUE(may_record(unit, 7, 70));
  EXPECT_FALSE(may_record(unit, 7, std::nullopt)) << "no unit named yet: the local admin's";
  EXPECT_FALSE(may_record(other_unit, 7, 70));
  EXPECT_FALSE(may_record(organiser, 7, 70));
  EXPECT_FALSE(may_record(elsewhere, 7, std::nullopt));
  EXPECT_FALSE(may_record({auth::Role::evaluator, 7, 70}, 7, 70));
}

TEST(ReplicationMilestones, LateWhenTheTargetPassedUnreached) {
  Milestone pending{1, "Perbup terbit", "2021-10-01", std::nullopt};
  EXPECT_TRUE(is_late(pending, kToday));
  pending.target_on = "2021-11-15";
  EXPECT_FALSE(is_late(pending, kToday)) << "due today is not late yet";
  Milestone on_time{2, "Aplikasi berjalan", "2021-10-01", "2021-09-30"};
  EXPECT_FALSE(is_late(on_time, kToday));
  Milestone reached_late{3, "Pelatihan petugas", "2021-10-01", "2021-10-20"};
  EXPECT_TRUE(is_late(reached_late, kToday));
  std::string title = "  ";
  EXPECT_EQ(check_milestone(title, "2021-13-01").size(), 2u);
}

TEST(ReplicationMentoring, ASessionNeedsItsFacts) {
  SessionInput session{"2021-06-16",
                       "universitas",
                       "Universitas Andalas",
                       "Kick-off pendampingan replikasi",
                       "45",
                       ""};
  EXPECT_TRUE(check_session(session, kToday).empty());
  session.attendance = " 0 ";
  EXPECT_TRUE(check_session(session, kToday).empty()) << "a session nobody attended is a fact";
  for (const char* wrong : {"-3", "empat", "100001", "4.5", ""}) {
    session.attendance = wrong;
    EXPECT_EQ(check_session(session, kToday).count("hadir"), 1u) << wrong;
  }
  SessionInput bare{"2022-01-01", "dukun", "", "", "3", ""};
  auto errors = check_session(bare, kToday);
  for (const char* field : {"tanggal", "jenis", "pendamping", "topik"})
    EXPECT_EQ(errors.count(field), 1u) << field;
}

}  // namespace
}  // namespace simpul::replication
