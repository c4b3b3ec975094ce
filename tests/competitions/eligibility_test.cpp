// Eligibility for a competition's groups, on the worked examples of reference/domain.md §1.4:
// ages counted back from the registration close in the edition's zone, awards, sources, caps,
// titles; the registration window to the second; and the sentences a participant reads.
#include <gtest/gtest.h>

#include "competitions/calendar.hpp"
#include "competitions/eligibility.hpp"

namespace simpul::competitions {
namespace {

using innovations::Award;
using view::Lang;
using view::Zone;

// 16 April 2022 at 12.00 WIB: the close of KIPP 2022's registration.
constexpr std::int64_t kClose2022 = 1650085200;

const view::Catalog& catalog() {
  static const view::Catalog loaded = view::Catalog::load(std::string(SIMPUL_SOURCE_DIR) + "/i18n");
  return loaded;
}

std::string words(const Reason& reason, Lang lang = Lang::id, Zone zone = Zone::wib) {
  return explain(reason, catalog(), lang, zone);
}

std::vector<std::string> keys(const std::vector<Reason>& reasons) {
  std::vector<std::string> out;
  for (const auto& reason : reasons) out.push_back(reason.key);
  return out;
}

// KIPP 2021's groups (domain.md §1.4), with 2022's registration close.
Setup kipp() {
  General general;
  general.year = 2022;
  general.title = "KIPP 2022";
  auto setup = new_setup(general);
  for (Stage& stage : setup.stages) {
    if (stage.code == "registration") stage.ends_at = kClose2022;
  }
  for (GroupRules& group : setup.groups) {
    group.enabled = true;
    if (group.code == "umum") {
      group.min_age_months = 24;
      group.max_per_agency = 10;
      group.excludes_top_award = true;
    } else if (group.code == "replikasi") {
      group.min_age_months = 12;
      group.max_per_agency = 5;
      group.requires_source_innovation = true;
    } else {
      group.min_age_months = 24;
      group.requires_top_award = true;
    }
  }
  setup.clusters = {"kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn_bumd"};
  return setup;
}

Candidate implemented_on(const std::string& date) {
  Candidate candidate;
  candidate.innovation_id = 7;
  candidate.implementation_date = date;
  candidate.agency_type = "kabupaten";
  return candidate;
}

const GroupRules& group(const Setup& setup, const char* code) { return *find_group(setup, code); }

TEST(EligibilityAge, TheWorkedExampleReadsAsPeopleSayIt) {
  auto reasons = check_eligibility(kipp(), "umum", implemented_on("2021-01-16"));
  ASSERT_EQ(keys(reasons), std::vector<std::string>{"competition.eligibility.too_young"});
  EXPECT_EQ(words(reasons[0]),
            "Inovasi baru berjalan 1 tahun 3 bulan sejak penerapan; kelompok Umum mensyaratkan "
            "minimal 2 tahun sebelum penutupan pendaftaran 16 April 2022 pukul 12.00 WIB.");
  EXPECT_EQ(words(reasons[0], Lang::en),
            "The innovation has run for only 1 year 3 months since its implementation; the Umum "
            "(general) group asks for at least 2 years before registration closes on 16 April "
            "2022, 12:00 WIB.");
}

TEST(EligibilityAge, ExactlyTwoYearsBeforeTheCloseIsOldEnough) {
  EXPECT_TRUE(check_eligibility(kipp(), "umum", implemented_on("2020-04-16")).empty());
  auto one_day_late = check_eligibility(kipp(), "umum", implemented_on("2020-04-17"));
  ASSERT_EQ(keys(one_day_late), std::vector<std::string>{"competition.eligibility.too_young"});
  EXPECT_NE(words(one_day_late[0]).find("berjalan 1 tahun 11 bulan"), std::string::npos);
  // Replikasi asks for one year in 2021.
  EXPECT_TRUE(
      check_eligibility(
          kipp(), "replikasi",
          [] {
            auto c = implemented_on("2021-04-16");
            c.source = SourceInnovation{3, "Sipelandukilat", {{2019, "top_inovasi", "Top 45", ""}}};
            return c;
          }())
          .empty());
}

TEST(EligibilityAge, LeapDayAnniversaryFallsOnTheLastDayOfFebruary) {
  GroupRules two_years{"umum", true, 24};
  Deadline feb_28{2022, instant_of({2022, 2, 28}, 12 * 60, Zone::wib), Zone::wib};
  Deadline feb_27{2022, instant_of({2022, 2, 27}, 12 * 60, Zone::wib), Zone::wib};
  EXPECT_TRUE(check_group_rules(two_years, implemented_on("2020-02-29"), feb_28).empty());
  auto short_by_a_day = check_group_rules(two_years, implemented_on("2020-02-29"), feb_27);
  ASSERT_EQ(short_by_a_day.size(), 1u);
  EXPECT_NE(words(short_by_a_day[0]).find("1 tahun 11 bulan"), std::string::npos);
  EXPECT_EQ(whole_months_between({2020, 2, 29}, {2024, 2, 28}), 47);
  EXPECT_EQ(whole_months_between({2020, 2, 29}, {2024, 2, 29}), 48);
  EXPECT_EQ(whole_months_between({2021, 1, 31}, {2021, 2, 28}), 1);
  EXPECT_EQ(whole_months_between({2021, 1, 31}, {2021, 2, 27}), 0);
  EXPECT_EQ(whole_months_between({2021, 3, 31}, {2021, 4, 30}), 1);
  EXPECT_EQ(whole_months_between({2021, 5, 2}, {2021, 5, 1}), -1);
}

TEST(EligibilityAge, CountsToTheCloseDateInTheEditionsZone) {
  // 16 April 2022 at 01.00 WIT is still 15 April in WIB: the zone decides the close's date.
  GroupRules two_years{"umum", true, 24};
  const std::int64_t close = 1650038400;
  EXPECT_EQ(close, *parse_local_datetime("2022-04-16T01:00", Zone::wit, false));
  EXPECT_TRUE(
      check_group_rules(two_years, implemented_on("2020-04-16"), {2022, close, Zone::wit}).empty());
  EXPECT_EQ(
      check_group_rules(two_years, implemented_on("2020-04-16"), {2022, close, Zone::wib}).size(),
      1u);
}

TEST(EligibilityAge, AMissingImplementationDateIsSaidAndATrialDoesNotCount) {
  auto none = check_eligibility(kipp(), "umum", implemented_on(""));
  ASSERT_EQ(keys(none), std::vector<std::string>{"competition.eligibility.no_implementation_date"});
  EXPECT_EQ(words(none[0]),
            "Tanggal mulai diterapkan belum diisi, sehingga usia inovasi belum dapat diperiksa; "
            "kelompok Umum mensyaratkan paling sedikit 2 tahun.");
  Candidate trial = implemented_on("");
  trial.trial_date = "2018-01-01";
  auto trial_only = check_eligibility(kipp(), "umum", trial);
  ASSERT_EQ(keys(trial_only), std::vector<std::string>{"competition.eligibility.trial_only"});
  EXPECT_NE(words(trial_only[0]).find("bukan sejak uji coba"), std::string::npos);
  auto later = check_eligibility(kipp(), "umum", implemented_on("2022-05-01"));
  ASSERT_EQ(keys(later), std::vector<std::string>{"competition.eligibility.not_yet_implemented"});
  EXPECT_EQ(words(later[0]),
            "Tanggal penerapan 1 Mei 2022 jatuh sesudah penutupan pendaftaran 16 April 2022 pukul "
            "12.00 WIB.");
}

TEST(EligibilityAge, NoRuleOrNoDeadlineMeansNothingToCheck) {
  auto setup = kipp();
  Candidate undated = implemented_on("");
  GroupRules no_age{"umum", true};
  EXPECT_TRUE(check_group_rules(no_age, undated, {2022, kClose2022, Zone::wib}).empty());
  EXPECT_TRUE(
      check_group_rules(group(setup, "umum"), undated, {2022, std::nullopt, Zone::wib}).empty());
}

TEST(EligibilityAwards, KhususIsForEarlierTopWinnersOnly) {
  Candidate candidate = implemented_on("2017-01-01");
  candidate.awards = {{2019, "top_99", "Top 99 KIPP 2019", ""}};
  auto top_99_only = check_eligibility(kipp(), "khusus", candidate);
  ASSERT_EQ(keys(top_99_only), std::vector<std::string>{"competition.eligibility.needs_top_award"});
  EXPECT_NE(words(top_99_only[0]).find("Kelompok Khusus hanya untuk"), std::string::npos);
  // A top award of the edition's own year is not an earlier one.
  candidate.awards = {{2022, "top_inovasi", "Top 45 KIPP 2022", ""}};
  EXPECT_EQ(check_eligibility(kipp(), "khusus", candidate).size(), 1u);
  candidate.awards = {{2019, "top_inovasi", "Top 45 KIPP 2019", ""}};
  EXPECT_TRUE(check_eligibility(kipp(), "khusus", candidate).empty());
  candidate.awards = {{std::nullopt, "outstanding", "Outstanding Achievement", ""}};
  EXPECT_TRUE(check_eligibility(kipp(), "khusus", candidate).empty());
}

TEST(EligibilityAwards, UmumIsClosedToEarlierTopWinners) {
  Candidate candidate = implemented_on("2017-01-01");
  candidate.awards = {{2019, "top_inovasi", "Top 45 KIPP 2019", ""}};
  auto reasons = check_eligibility(kipp(), "umum", candidate);
  ASSERT_EQ(keys(reasons), std::vector<std::string>{"competition.eligibility.has_top_award"});
  EXPECT_EQ(words(reasons[0]),
            "Inovasi ini pernah meraih Top 45 KIPP 2019; kelompok Umum tertutup bagi peraih "
            "penghargaan tersebut.");
  candidate.awards = {{2019, "top_99", "Top 99 KIPP 2019", ""}};
  EXPECT_TRUE(check_eligibility(kipp(), "umum", candidate).empty());
  // Not Top 99 twice (the 2021 definition): once is fine, twice before the edition is not.
  candidate.awards.push_back({2022, "top_99", "Top 99 KIPP 2022", ""});
  EXPECT_TRUE(check_eligibility(kipp(), "umum", candidate).empty()) << "2022 is the edition's year";
  candidate.awards.back() = {2020, "top_99", "Top 99 KIPP 2020", ""};
  auto twice = check_eligibility(kipp(), "umum", candidate);
  ASSERT_EQ(keys(twice), std::vector<std::string>{"competition.eligibility.twice_top_99"});
  EXPECT_EQ(words(twice[0]),
            "Inovasi ini sudah 2 kali masuk Top 99; kelompok Umum tertutup bagi inovasi yang dua "
            "kali masuk Top 99.");
  EXPECT_TRUE(check_eligibility(kipp(), "khusus", candidate).size() == 1u)
      << "Khusus asks for a top award, not for fewer finalist places";
}

TEST(EligibilitySources, ReplikasiNamesAnEarlierTopInnovationThatIsNotItself) {
  Candidate candidate = implemented_on("2020-01-01");
  EXPECT_EQ(keys(check_eligibility(kipp(), "replikasi", candidate)),
            std::vector<std::string>{"competition.eligibility.needs_source"});
  candidate.source = SourceInnovation{7, "Inovasi ini", {{2019, "top_99", "Top 99", ""}}};
  EXPECT_EQ(keys(check_eligibility(kipp(), "replikasi", candidate)),
            std::vector<std::string>{"competition.eligibility.source_is_self"});
  candidate.source =
      SourceInnovation{3, "Layanan Keliling", {{2019, "lainnya", "Juara daerah", ""}}};
  auto not_top = check_eligibility(kipp(), "replikasi", candidate);
  ASSERT_EQ(keys(not_top), std::vector<std::string>{"competition.eligibility.source_not_top"});
  EXPECT_NE(words(not_top[0]).find("\u201cLayanan Keliling\u201d"), std::string::npos);
  candidate.source->awards = {{2019, "top_99", "Top 99 KIPP 2019", ""}};
  EXPECT_TRUE(check_eligibility(kipp(), "replikasi", candidate).empty());
}

TEST(EligibilityCaps, TheAgencysTenthUmumProposalIsTheLast) {
  Candidate candidate = implemented_on("2017-01-01");
  candidate.agency_entries_in_group = 9;
  EXPECT_TRUE(check_eligibility(kipp(), "umum", candidate).empty());
  candidate.agency_entries_in_group = 10;
  auto reasons = check_eligibility(kipp(), "umum", candidate);
  ASSERT_EQ(keys(reasons), std::vector<std::string>{"competition.eligibility.cap_reached"});
  EXPECT_EQ(words(reasons[0]),
            "Instansi Anda sudah mengajukan 10 proposal di kelompok Umum; batasnya 10 proposal per "
            "instansi.");
}

TEST(EligibilityEditions, GroupsNotOfferedAndClustersNotAdmittedAreSaidFirst) {
  auto setup = kipp();
  for (GroupRules& g : setup.groups) g.enabled = g.code != "replikasi";
  auto closed = check_eligibility(setup, "replikasi", implemented_on("2017-01-01"));
  ASSERT_EQ(keys(closed), std::vector<std::string>{"competition.eligibility.group_not_offered"});
  EXPECT_EQ(words(closed[0]), "Kelompok Replikasi tidak dibuka pada kompetisi ini.");
  setup.clusters = {"provinsi", "kabupaten", "kota"};
  Candidate enterprise = implemented_on("2017-01-01");
  enterprise.agency_type = "bumd";
  auto cluster = check_eligibility(setup, "umum", enterprise);
  ASSERT_EQ(keys(cluster), std::vector<std::string>{"competition.eligibility.cluster"});
  EXPECT_EQ(words(cluster[0]), "Klaster BUMN/BUMD tidak termasuk peserta kompetisi ini.");
}

TEST(EligibilityEditions, EveryReasonIsReturnedAtOnce) {
  Candidate candidate = implemented_on("2021-06-01");
  candidate.awards = {{2020, "outstanding", "Outstanding Achievement 2020", ""}};
  candidate.agency_entries_in_group = 12;
  candidate.duplicate_title = true;
  EXPECT_EQ(keys(check_eligibility(kipp(), "umum", candidate)),
            (std::vector<std::string>{
                "competition.eligibility.too_young", "competition.eligibility.has_top_award",
                "competition.eligibility.cap_reached", "competition.eligibility.duplicate_title"}));
}

// The close at 12.00 in each zone: open at 11.59.59, closed at 12.00.00.
TEST(RegistrationWindow, ClosesAtTheExactSecondInEachZone) {
  const std::pair<Zone, std::int64_t> closes[] = {
      {Zone::wib, 1650085200}, {Zone::wita, 1650081600}, {Zone::wit, 1650078000}};
  for (const auto& [zone, close] : closes) {
    EXPECT_EQ(parse_local_datetime("2022-04-16T12:00", zone, true), close);
    Edition edition;
    edition.status = Status::published;
    edition.setup = kipp();
    edition.setup.general.zone = zone;
    edition.setup.stages[0].starts_at = *parse_local_datetime("2022-03-16", zone, false);
    edition.setup.stages[0].ends_at = close;
    EXPECT_TRUE(registration_open(edition, close - 1)) << view::zone_name(zone);
    EXPECT_FALSE(registration_open(edition, close)) << view::zone_name(zone);
    EXPECT_FALSE(registration_open(edition, *edition.setup.stages[0].starts_at - 1));
    EXPECT_TRUE(registration_open(edition, *edition.setup.stages[0].starts_at));
    edition.status = Status::draft;
    EXPECT_FALSE(registration_open(edition, close - 1)) << "a draft takes no proposals";
  }
}

TEST(RegistrationWindow, WithoutAStartItIsOpenFromPublicationUntilTheClose) {
  Edition edition;
  edition.status = Status::published;
  edition.setup = kipp();
  EXPECT_TRUE(registration_open(edition, 0));
  edition.setup.stages[0].ends_at.reset();
  EXPECT_FALSE(registration_open(edition, 0)) << "no deadline, no registration";
}

TEST(PlainWords, GroupsAreDescribedInPlainWords) {
  auto setup = kipp();
  Deadline deadline{2022, kClose2022, Zone::wib};
  std::vector<std::string> umum;
  for (const auto& rule : describe_rules(group(setup, "umum"), deadline))
    umum.push_back(words(rule));
  ASSERT_EQ(umum.size(), 3u);
  EXPECT_EQ(umum[0],
            "Inovasi sudah diterapkan paling sedikit 2 tahun sebelum penutupan pendaftaran 16 "
            "April 2022 pukul 12.00 WIB, artinya mulai diterapkan paling lambat 16 April 2020.");
  EXPECT_EQ(umum[1], "Paling banyak 10 proposal dari setiap instansi.");
  EXPECT_EQ(describe_rules(GroupRules{"umum", true}, deadline).front().key,
            "competition.rule.none");
  EXPECT_EQ(
      describe_rules(GroupRules{"umum", true, 24}, {2022, std::nullopt, Zone::wib}).front().key,
      "competition.rule.min_age");
}

TEST(PlainWords, DurationsInBothLanguages) {
  EXPECT_EQ(duration_text(15, catalog(), Lang::id), "1 tahun 3 bulan");
  EXPECT_EQ(duration_text(24, catalog(), Lang::id), "2 tahun");
  EXPECT_EQ(duration_text(1, catalog(), Lang::en), "1 month");
  EXPECT_EQ(duration_text(14, catalog(), Lang::en), "1 year 2 months");
  EXPECT_EQ(duration_text(0, catalog(), Lang::id), "kurang dari sebulan");
}

// The latest start date is exactly where the age rule flips, on every day of four years.
TEST(CompetitionCalendar, LatestStartIsTheLastDayThatIsOldEnough) {
  for (std::int64_t day = days_from_civil({2023, 1, 1}); day < days_from_civil({2027, 1, 1});
       ++day) {
    LocalDate by = civil_from_days(day);
    for (int months : {1, 12, 24}) {
      LocalDate latest = latest_start(by, months);
      ASSERT_GE(whole_months_between(latest, by), months) << iso_date(by) << " " << months;
      ASSERT_LT(whole_months_between(civil_from_days(days_from_civil(latest) + 1), by), months)
          << iso_date(by) << " " << months;
    }
  }
}

TEST(CompetitionCalendar, DatesAndTimesAreReadStrictly) {
  EXPECT_FALSE(parse_date("2021-02-29"));
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2024-2-29"));
  EXPECT_FALSE(parse_date("2024-02-+9"));
  EXPECT_EQ(parse_local_datetime("2023-05-06 23:59", Zone::wib, false), 1683392340);
  EXPECT_EQ(parse_local_datetime("2023-05-06", Zone::wib, true), 1683392340);
  EXPECT_EQ(parse_local_datetime("2023-05-06", Zone::wib, false), 1683392340 - 23 * 3600 - 59 * 60);
  EXPECT_FALSE(parse_local_datetime("2023-05-06T24:00", Zone::wib, false));
  EXPECT_FALSE(parse_local_datetime("2023-05-06T23:5", Zone::wib, false));
  EXPECT_FALSE(parse_local_datetime("6 Mei 2023", Zone::wib, false));
  EXPECT_EQ(local_input(1683392340, Zone::wib), "2023-05-06T23:59");
  EXPECT_EQ(local_input(1683392340, Zone::wit), "2023-05-07T01:59");
  for (std::int64_t day = -800; day < 80000; day += 37) {
    EXPECT_EQ(days_from_civil(civil_from_days(day)), day);
  }
}

TEST(CompetitionCalendar, ShiftingYearsKeepsTheLocalTime) {
  // 29 February 2024, 10.00 WIB, a year later: 28 February 2025, 10.00 WIB.
  EXPECT_EQ(shift_years(1709175600, 1, Zone::wib), 1740711600);
  EXPECT_EQ(local_input(shift_years(1683392340, 2, Zone::wita), Zone::wita), "2025-05-07T00:59");
  EXPECT_EQ(shift_years(1683392340, 0, Zone::wib), 1683392340);
}

}  // namespace
}  // namespace simpul::competitions
