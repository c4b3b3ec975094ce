// A competition's set-up: validation part by part, who runs what, the forms read back, copies to
// another year, and the catalogue keys the feature names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "competitions/calendar.hpp"
#include "competitions/model.hpp"
#include "competitions/rules.hpp"
#include "competitions/setup_form.hpp"
#include "core/view/i18n.hpp"

namespace simpul::competitions {
namespace {

using auth::Role;
using view::Zone;

std::int64_t at(const char* local, Zone zone = Zone::wib) {
  return *parse_local_datetime(local, zone, false);
}

Setup valid_setup() {
  General general;
  general.year = 2026;
  general.title = "KIPP 2026";
  auto setup = new_setup(general);
  setup.stages[0].starts_at = at("2026-03-16T00:00");
  setup.stages[0].ends_at = at("2026-04-16T12:00");
  setup.stages[1].starts_at = at("2026-04-18T00:00");
  setup.groups[0].enabled = true;
  setup.categories = {{"", "Pendidikan"}, {"", "Kesehatan"}};
  setup.clusters = {"kota", "provinsi"};
  setup.rubric = {{"", "Kebaruan", 30, 1, 10, ""}, {"", "Kemanfaatan", 70, 1, 10, ""}};
  return setup;
}

std::set<std::string> fields(const FieldErrors& errors) {
  std::set<std::string> out;
  for (const auto& [field, problem] : errors) out.insert(field);
  return out;
}

TEST(CompetitionSetup, AValidSetUpPassesAndIsNormalised) {
  auto setup = valid_setup();
  EXPECT_TRUE(check_setup(setup).empty());
  EXPECT_EQ(setup.categories[0].code, "pendidikan");
  EXPECT_EQ(setup.rubric[1].code, "kemanfaatan");
  EXPECT_EQ(setup.clusters, (std::vector<std::string>{"provinsi", "kota"}));
  EXPECT_TRUE(publication_problems(setup).empty());
}

TEST(CompetitionSetup, GeneralFieldsAreChecked) {
  auto setup = valid_setup();
  setup.general.title = "  K ";
  setup.general.year = 1999;
  setup.general.passing_grade = 101;
  setup.general.evaluators_per_proposal = 0;
  setup.general.finalist_count = std::nullopt;  // not known: allowed
  auto errors = check_part(setup, Part::general);
  EXPECT_EQ(fields(errors),
            (std::set<std::string>{"title", "year", "passing_grade", "evaluators_per_proposal"}));
  EXPECT_EQ(errors["passing_grade"].key, "competition.error.range");
  EXPECT_EQ(setup.general.title, "K") << "trimmed";
}

TEST(CompetitionSetup, StagesAreInOrder) {
  auto setup = valid_setup();
  setup.stages[0].ends_at = at("2026-03-01T00:00");    // before its start
  setup.stages[2].starts_at = at("2026-04-01T00:00");  // evaluation before screening starts
  auto errors = check_part(setup, Part::stages);
  EXPECT_EQ(errors["stage_registration_ends"].key, "competition.error.ends_before_start");
  EXPECT_EQ(errors["stage_evaluation_starts"].key, "competition.error.before_previous_stage");
  EXPECT_EQ(errors.size(), 2u);
  // A stage known only by its end is placed by that end.
  setup = valid_setup();
  setup.stages[3].ends_at = at("2026-04-17T00:00");
  EXPECT_EQ(fields(check_part(setup, Part::stages)),
            std::set<std::string>{"stage_nomination_ends"});
}

TEST(CompetitionSetup, AtLeastOneGroupWithSaneRules) {
  auto setup = valid_setup();
  for (auto& group : setup.groups) group.enabled = false;
  setup.groups[2].requires_top_award = setup.groups[2].excludes_top_award = true;
  setup.groups[1].min_age_months = -1;
  setup.groups[1].max_per_agency = 0;
  EXPECT_EQ(fields(check_part(setup, Part::groups)),
            (std::set<std::string>{"groups", "group_khusus_rules", "group_replikasi_min_age_months",
                                   "group_replikasi_max_per_agency"}));
}

TEST(CompetitionSetup, CodesAreUniqueAndWellFormed) {
  auto setup = valid_setup();
  setup.categories = {{"", "Tata Kelola"},
                      {"tata_kelola", "Tata kelola pemerintahan"},
                      {"Bad Code", "Lain"},
                      {"", "¿¿"},
                      {"", ""}};
  auto errors = check_part(setup, Part::categories);
  EXPECT_EQ(errors["category_2_code"].key, "competition.error.code_taken");
  EXPECT_EQ(errors["category_3_code"].key, "competition.error.code");
  EXPECT_EQ(errors["category_4_code"].key, "competition.error.code") << "no ASCII letter to use";
  EXPECT_EQ(setup.categories.size(), 4u) << "the blank row is dropped";
}

TEST(CompetitionSetup, WeightsSumToOneHundred) {
  auto setup = valid_setup();
  setup.rubric[1].weight = 60;
  auto errors = check_part(setup, Part::rubric);
  EXPECT_EQ(errors["rubric"], (Problem{"competition.error.weights", {{"sum", "90"}}}));
  setup.interview = {{"", "Presentasi", 100, 5, 5, ""}};
  EXPECT_EQ(fields(check_part(setup, Part::interview)),
            std::set<std::string>{"interview_1_scale_max"});
  setup.interview.clear();
  EXPECT_TRUE(check_part(setup, Part::interview).empty()) << "no interview rubric yet";
}

TEST(CompetitionSetup, WordLimitsAndVideosAreSane) {
  auto setup = valid_setup();
  setup.sections = {{"", "Ringkasan", "", 5}, {"", "Kebaruan", "", 10001}, {"", "Dampak", "", 500}};
  EXPECT_EQ(fields(check_part(setup, Part::form)),
            (std::set<std::string>{"section_1_max_words", "section_2_max_words"}));
  setup.attachments = {{"", "SK inovator", "file", true, 180},
                       {"", "Video", "video", true, 180},
                       {"", "Lain", "audio", false, std::nullopt}};
  auto errors = check_part(setup, Part::attachments);
  EXPECT_EQ(errors["attachment_1_max_video_seconds"].key, "competition.error.video_only");
  EXPECT_EQ(errors["attachment_3_kind"].key, "competition.error.choice");
  EXPECT_EQ(errors.size(), 2u);
}

TEST(CompetitionSetup, PublicationNeedsADeadlineAGroupAndACluster) {
  auto setup = new_setup(General{2026, "KIPP 2026"});
  EXPECT_EQ(publication_problems(setup).size(), 3u);
  EXPECT_EQ(publication_problems(valid_setup()).size(), 0u);
}

TEST(CompetitionSetup, AfterPublicationDeadlinesMoveOnlyByExtension) {
  auto before = valid_setup();
  auto after = valid_setup();
  after.stages[0].ends_at = *after.stages[0].ends_at + 3600;
  after.stages[1].ends_at = at("2026-04-30T00:00");  // a deadline that was not set yet
  after.general.zone = Zone::wita;
  EXPECT_EQ(fields(check_published_change(before, after)),
            (std::set<std::string>{"stage_registration_ends", "timezone"}));
  std::string reason = " Surat Deputi B/188/PP.00.05/2023 ";
  EXPECT_TRUE(check_extension(before, "registration", at("2026-04-20T23:59"), reason).empty());
  EXPECT_EQ(reason, "Surat Deputi B/188/PP.00.05/2023");
  EXPECT_EQ(
      check_extension(before, "registration", at("2026-04-16T12:00"), reason)["new_ends_at"].key,
      "competition.error.not_later");
  EXPECT_EQ(check_extension(before, "screening", at("2026-05-01T00:00"), reason)["stage"].key,
            "competition.error.no_deadline");
  std::string empty;
  EXPECT_EQ(check_extension(before, "registration", at("2026-04-20T23:59"), empty)["reason"].key,
            "form.required");
}

TEST(CompetitionOwners, LevelAndOwnerAreCoherent) {
  EXPECT_FALSE(check_owner(Level::national, std::nullopt));
  EXPECT_FALSE(check_owner(Level::national, Owner{1, "kementerian"}));
  EXPECT_TRUE(check_owner(Level::national, Owner{1, "provinsi"}));
  EXPECT_FALSE(check_owner(Level::hub, Owner{2, "provinsi"}));
  EXPECT_TRUE(check_owner(Level::hub, Owner{2, "kota"}));
  EXPECT_TRUE(check_owner(Level::hub, std::nullopt));
  EXPECT_FALSE(check_owner(Level::agency, Owner{3, "bumd"}));
  EXPECT_TRUE(check_owner(Level::agency, std::nullopt));
}

TEST(CompetitionOwners, EachRoleRunsItsOwnLevel) {
  const Manager organiser{Role::organiser, std::nullopt};
  const Manager hub{Role::hub_coordinator, 20};
  const Manager admin{Role::local_admin, 30};
  EXPECT_TRUE(may_manage(organiser, Level::national, std::nullopt));
  EXPECT_FALSE(may_manage(organiser, Level::hub, 20));
  EXPECT_TRUE(may_manage(hub, Level::hub, 20));
  EXPECT_FALSE(may_manage(hub, Level::hub, 21));
  EXPECT_FALSE(may_manage(hub, Level::agency, 20));
  EXPECT_TRUE(may_manage(admin, Level::agency, 30));
  EXPECT_FALSE(may_manage(admin, Level::national, std::nullopt));
  EXPECT_FALSE(may_manage({Role::evaluator, std::nullopt}, Level::national, std::nullopt));
  EXPECT_FALSE(may_manage({Role::unit_operator, 30}, Level::agency, 30));
  EXPECT_TRUE(may_create(organiser));
  EXPECT_FALSE(may_create({Role::local_admin, std::nullopt}));
  EXPECT_FALSE(may_create({Role::panelist, std::nullopt}));
  EXPECT_EQ(owner_for(hub), 20);
  EXPECT_EQ(owner_for(organiser), std::nullopt);
}

TEST(CompetitionTitles, CodesAndDuplicateKeys) {
  EXPECT_EQ(code_from_title("Pelayanan Publik yang Inklusif dan Berkeadilan"),
            "pelayanan_publik_yang_inklusif_dan_berke");
  EXPECT_EQ(code_from_title("  SK (Surat Keputusan)  "), "sk_surat_keputusan");
  EXPECT_EQ(title_key("SIPANDU  Online!"), title_key("sipandu online"));
  EXPECT_EQ(title_key("  Pro-Lantera KU "), "pro lantera ku");
  EXPECT_NE(title_key("Layanan Cepat"), title_key("Layanan Cépat"));
}

TEST(CompetitionCopies, MoveEveryDateAndTheYearInTheTitle) {
  auto setup = valid_setup();
  setup.general.title = "KIPP 2026 (Kompetisi 2026)";
  auto copy = copied_setup(setup, 2027);
  EXPECT_EQ(copy.general.year, 2027);
  EXPECT_EQ(copy.general.title, "KIPP 2027 (Kompetisi 2027)");
  EXPECT_EQ(local_input(*copy.stages[0].ends_at, Zone::wib), "2027-04-16T12:00");
  EXPECT_EQ(copy.groups, setup.groups);
  EXPECT_EQ(copy.rubric, setup.rubric);
}

TEST(CompetitionForms, APartReadBackIsWhatWasStored) {
  auto stored = valid_setup();
  stored.sections = {{"ringkasan", "Ringkasan", "Satu halaman.", 300}};
  stored.attachments = {{"video", "Video", "video", true, 180}, {"sk", "SK", "file", false, {}}};
  stored.groups[1] = {"replikasi", true, 12, 5, false, false, true};
  ASSERT_TRUE(check_setup(stored).empty());
  for (Part part : kParts) {
    auto read = new_setup(General{});
    auto result = read_part(form_of(stored, part), part, read, Zone::wib);
    EXPECT_TRUE(result.errors.empty()) << part_code(part);
    check_part(read, part);
    EXPECT_EQ(part_json(read, part), part_json(stored, part)) << part_code(part);
  }
}

TEST(CompetitionForms, BlankRowsAreDroppedAndRowsNumberedAgain) {
  http::Form form;
  for (auto [n, name] : {std::pair{1, ""}, {2, "Kesehatan"}, {3, ""}, {4, "Pendidikan"}}) {
    form.add("category_" + std::to_string(n) + "_code", "");
    form.add("category_" + std::to_string(n) + "_name", name);
  }
  auto setup = new_setup(General{});
  auto read = read_part(form, Part::categories, setup, Zone::wib);
  ASSERT_EQ(setup.categories.size(), 2u);
  EXPECT_EQ(read.values.get("category_2_name"), "Pendidikan");
  EXPECT_EQ(row_count(read.values, Part::categories), 2u);
}

TEST(CompetitionForms, BadNumbersAndDatesAreSaidWithoutGuessing) {
  http::Form form;
  form.add("stage_registration_ends", "16/04/2026");
  form.add("stage_screening_starts", "2026-04-18T08:00");
  auto setup = new_setup(General{});
  auto stages = read_part(form, Part::stages, setup, Zone::wita);
  EXPECT_EQ(stages.errors["stage_registration_ends"].key, "competition.error.datetime");
  EXPECT_EQ(setup.stages[1].starts_at, at("2026-04-18T08:00", Zone::wita));
  http::Form rubric;
  rubric.add("rubric_1_code", "");
  rubric.add("rubric_1_title", "Kebaruan");
  rubric.add("rubric_1_weight", "30%");
  rubric.add("rubric_1_scale_min", "");
  rubric.add("rubric_1_scale_max", "10");
  auto read = read_part(rubric, Part::rubric, setup, Zone::wib);
  EXPECT_EQ(read.errors["rubric_1_weight"].key, "competition.error.number");
  EXPECT_EQ(read.errors["rubric_1_scale_min"].key, "form.required");
  EXPECT_EQ(read.values.get("rubric_1_weight"), "30%") << "shown again as typed";
}

// Every "competition.*" key the feature's sources and templates name exists in both languages.
TEST(CompetitionCatalogue, EveryCompetitionKeyExists) {
  const std::string home = SIMPUL_SOURCE_DIR;
  auto catalog = view::Catalog::load(home + "/i18n");
  static const std::regex key(R"re(["@](competition\.[a-z_.]+[a-z_])["}])re");
  std::set<std::string> missing;
  for (const auto* folder : {"/src/competitions", "/templates/competitions"}) {
    for (const auto& entry : std::filesystem::directory_iterator(home + folder)) {
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string source = text.str();
      for (std::sregex_iterator it(source.begin(), source.end(), key), end; it != end; ++it) {
        std::string name = (*it)[1];
        static const std::set<std::string> audit_actions = {
            "competition.create", "competition.update", "competition.publish",
            "competition.extend", "competition.copy",   "competition.seed"};
        if (audit_actions.contains(name)) continue;
        if (!catalog.has(view::Lang::id, name) || !catalog.has(view::Lang::en, name))
          missing.insert(name);
      }
    }
  }
  EXPECT_TRUE(missing.empty()) << [&] {
    std::string list;
    for (const auto& name : missing) list += name + "\n";
    return list;
  }();
}

}  // namespace
}  // namespace simpul::competitions
