// The panel's pure rules on worked examples: the objection window, the quota form, the public's
// objection, the awards the results write.
#include <gtest/gtest.h>

#include "finals/model.hpp"

namespace simpul::finals {
namespace {

using judging::QuotaDimension;

TEST(FinalsModel, TheObjectionWindowRunsFromPublicationToItsEnd) {
  Stage stage;
  EXPECT_FALSE(objection_open(stage, 1000)) << "not published";
  stage.finalists_published_at = 1000;
  stage.objection_ends_at = 2000;
  EXPECT_FALSE(objection_open(stage, 999));
  EXPECT_TRUE(objection_open(stage, 1000));
  EXPECT_TRUE(objection_open(stage, 1999));
  EXPECT_FALSE(objection_open(stage, 2000)) << "the end is exclusive";
  stage.results_published_at = 1500;
  EXPECT_FALSE(objection_open(stage, 1600)) << "results end it";
}

TEST(FinalsModel, TheWindowEndsAtTheStagesEndOrFiveDaysLater) {
  const std::int64_t published = 1'700'000'000;
  EXPECT_EQ(objection_end(std::nullopt, published), published + 5 * 86400);
  EXPECT_EQ(objection_end(published + 3 * 86400, published), published + 3 * 86400);
  EXPECT_EQ(objection_end(published - 1, published), published + 5 * 86400)
      << "a stage end already past gives the default";
}

TEST(FinalsModel, QuotasFromTheFormKeepOnlyBoundsAndRefuseWhatIsWrong) {
  std::vector<QuotaField> fields = {{QuotaDimension::category, "inklusif"},
                                    {QuotaDimension::province, "65"},
                                    {QuotaDimension::region_3t, "3t"}};
  auto parsed = parse_quotas(fields,
                             {{"min.category.inklusif", " 2 "},
                              {"max.category.inklusif", ""},
                              {"max.province.65", "1"},
                              {"min.region_3t.3t", ""},
                              {"aksi", "kuota"}},
                             99);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.quotas.size(), 2u);
  EXPECT_EQ(parsed.quotas[0].value, "inklusif");
  EXPECT_EQ(parsed.quotas[0].min, 2);
  EXPECT_FALSE(parsed.quotas[0].max.has_value());
  EXPECT_EQ(parsed.quotas[1].min, 0);
  EXPECT_EQ(parsed.quotas[1].max, 1);

  auto bad = parse_quotas(fields,
                          {{"min.category.inklusif", "5"},
                           {"max.category.inklusif", "3"},
                           {"max.province.65", "-1"},
                           {"min.region_3t.3t", "100"},
                           {"max.province.11", "2"}},
                          99);
  EXPECT_EQ(bad.errors.at("max.category.inklusif"), "finals.error.min_above_max");
  EXPECT_EQ(bad.errors.at("max.province.65"), "finals.error.bound");
  EXPECT_EQ(bad.errors.at("min.region_3t.3t"), "finals.error.bound") << "above the places";
  EXPECT_EQ(bad.errors.at("max.province.11"), "finals.error.unknown_quota");
}

TEST(FinalsModel, AnObjectionNeedsANameAContactAndAReason) {
  TypedObjection fine{"  Warga  ", " warga@example.id ", "Layanan ini sudah berhenti sejak Maret."};
  EXPECT_TRUE(check_objection(fine).empty());
  EXPECT_EQ(fine.name, "Warga");
  EXPECT_EQ(fine.contact, "warga@example.id");
  EXPECT_TRUE(is_contact("+62 812-3456-7890"));
  EXPECT_TRUE(is_contact("081234567890"));
  EXPECT_FALSE(is_contact("12"));
  EXPECT_FALSE(is_contact("warga at example"));
  TypedObjection bad{"Nama\nbaris", "x", "pendek"};
  auto errors = check_objection(bad);
  EXPECT_EQ(errors.at("nama"), "form.control_characters");
  EXPECT_EQ(errors.at("kontak"), "finals.error.contact");
  EXPECT_EQ(errors.at("alasan"), "finals.error.reason_short");
  TypedObjection control{"Warga", "warga@example.id", std::string("Alasan panjang sekali\x01 ya.")};
  EXPECT_EQ(check_objection(control).at("alasan"), "form.control_characters");
  TypedObjection empty{"", "", std::string(kMaxObjectionReason + 1, 'a')};
  errors = check_objection(empty);
  EXPECT_EQ(errors.at("nama"), "form.required");
  EXPECT_EQ(errors.at("kontak"), "form.required");
  EXPECT_EQ(errors.at("alasan"), "form.too_long");
}

TEST(FinalsModel, NationalResultsGiveTheProgrammesTiersOthersTheirOwn) {
  EXPECT_EQ(award_for("national", "top_inovasi", 99, "KIPP 2027").tier, "top_inovasi");
  EXPECT_EQ(award_for("national", "replikasi", 99, "KIPP 2027").title,
            "Top 5 Replikasi · KIPP 2027");
  EXPECT_EQ(award_for("national", "outstanding", 99, "KIPP 2027").tier, "outstanding");
  auto finalist = award_for("national", "finalist", 99, "KIPP 2027");
  EXPECT_EQ(finalist.tier, "top_99");
  EXPECT_EQ(finalist.title, "Top 99 · KIPP 2027");
  auto hub = award_for("hub", "top_inovasi", 20, "Kompetisi Kaltara 2027");
  EXPECT_EQ(hub.tier, "lainnya") << "a hub's winner is not a national Top Inovasi";
  EXPECT_EQ(hub.title, "Pemenang · Kompetisi Kaltara 2027");
  EXPECT_TRUE(is_tier("outstanding"));
  EXPECT_FALSE(is_tier("juara"));
  EXPECT_EQ(tier_target("national", "top_inovasi"), 45);
  EXPECT_EQ(tier_target("hub", "top_inovasi"), 0) << "a hub sets its own numbers";
}

}  // namespace
}  // namespace simpul::finals
