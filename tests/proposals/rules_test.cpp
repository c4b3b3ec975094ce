// The pure rules of proposals on worked examples: who may do what in which state, who may enter
// which level of competition, words as the form counts them, and the completeness checklist.
#include <gtest/gtest.h>

#include "proposals/model.hpp"
#include "proposals/rules.hpp"

namespace simpul::proposals {
namespace {

using auth::Role;

constexpr std::int64_t kAgency = 7, kUnit = 70;

Person unit_operator() { return {Role::unit_operator, kAgency, kUnit, false}; }
Person other_unit() { return {Role::unit_operator, kAgency, kUnit + 1, false}; }
Person local_admin() { return {Role::local_admin, kAgency, std::nullopt, false}; }
Person other_admin() { return {Role::local_admin, kAgency + 1, std::nullopt, false}; }
Person organiser() { return {Role::organiser, std::nullopt, std::nullopt, true}; }
Holding in(Status status) { return {status, kAgency, kUnit}; }

TEST(ProposalRules, TheUnitDraftsAndSendsOnlyWhileItHoldsTheProposal) {
  for (Status s : {Status::draft, Status::returned}) {
    EXPECT_EQ(decide(unit_operator(), Action::edit, in(s)), Verdict::allowed);
    EXPECT_EQ(decide(unit_operator(), Action::send, in(s)), Verdict::allowed);
  }
  for (Status s : {Status::at_admin, Status::submitted, Status::passed, Status::withdrawn}) {
    EXPECT_EQ(decide(unit_operator(), Action::edit, in(s)), Verdict::wrong_state);
    EXPECT_EQ(decide(unit_operator(), Action::view, in(s)), Verdict::allowed);
  }
  for (Action a : {Action::submit, Action::send_back, Action::withdraw, Action::screen})
    EXPECT_EQ(decide(unit_operator(), a, in(Status::draft)), Verdict::forbidden);
  EXPECT_EQ(decide(other_unit(), Action::view, in(Status::draft)), Verdict::forbidden);
}

TEST(ProposalRules, TheLocalAdminReturnsSubmitsAndWithdrawsItsAgencysProposals) {
  EXPECT_EQ(decide(local_admin(), Action::send_back, in(Status::at_admin)), Verdict::allowed);
  EXPECT_EQ(decide(local_admin(), Action::send_back, in(Status::draft)), Verdict::wrong_state);
  for (Status s : {Status::draft, Status::returned, Status::at_admin})
    EXPECT_EQ(decide(local_admin(), Action::submit, in(s)), Verdict::allowed);
  EXPECT_EQ(decide(local_admin(), Action::submit, in(Status::submitted)), Verdict::wrong_state);
  EXPECT_EQ(decide(local_admin(), Action::withdraw, in(Status::submitted)), Verdict::allowed);
  for (Status s : {Status::passed, Status::failed, Status::withdrawn})
    EXPECT_EQ(decide(local_admin(), Action::withdraw, in(s)), Verdict::wrong_state);
  EXPECT_EQ(decide(local_admin(), Action::send, in(Status::draft)), Verdict::forbidden);
  EXPECT_EQ(decide(local_admin(), Action::screen, in(Status::submitted)), Verdict::forbidden);
  EXPECT_EQ(decide(other_admin(), Action::view, in(Status::submitted)), Verdict::forbidden);
}

TEST(ProposalRules, TheOrganiserSeesAndScreensOnlyWhatWasSubmitted) {
  for (Status s : {Status::draft, Status::returned, Status::at_admin, Status::withdrawn})
    EXPECT_EQ(decide(organiser(), Action::view, in(s)), Verdict::forbidden);
  for (Status s : {Status::submitted, Status::passed, Status::failed}) {
    EXPECT_EQ(decide(organiser(), Action::view, in(s)), Verdict::allowed);
    EXPECT_EQ(decide(organiser(), Action::screen, in(s)), Verdict::allowed);
    EXPECT_EQ(decide(organiser(), Action::edit, in(s)), Verdict::forbidden);
  }
  Person not_managing = organiser();
  not_managing.manages_edition = false;
  EXPECT_EQ(decide(not_managing, Action::screen, in(Status::submitted)), Verdict::forbidden);
  // A local admin running its agency's internal selection screens its own agency's proposals.
  Person selecting = local_admin();
  selecting.manages_edition = true;
  EXPECT_EQ(decide(selecting, Action::screen, in(Status::submitted)), Verdict::allowed);
  EXPECT_EQ(decide(selecting, Action::screen, in(Status::at_admin)), Verdict::wrong_state);
}

TEST(ProposalRules, WhoStartsAndWhoEnters) {
  EXPECT_TRUE(may_start(unit_operator(), kAgency, kUnit));
  EXPECT_FALSE(may_start(unit_operator(), kAgency, kUnit + 1));
  EXPECT_TRUE(may_start(local_admin(), kAgency, kUnit + 1));
  EXPECT_FALSE(may_start(other_admin(), kAgency, kUnit));
  EXPECT_FALSE(may_start(organiser(), kAgency, kUnit));
  using competitions::Level;
  Entrant kaltara{1, "65"}, tarakan{2, "65"}, bandung{3, "32"};
  EXPECT_TRUE(may_enter(Level::national, std::nullopt, bandung));
  EXPECT_TRUE(may_enter(Level::hub, kaltara, tarakan));
  EXPECT_FALSE(may_enter(Level::hub, kaltara, bandung));
  EXPECT_FALSE(may_enter(Level::hub, Entrant{9, ""}, Entrant{3, ""})) << "no province, no hub";
  EXPECT_TRUE(may_enter(Level::agency, tarakan, tarakan));
  EXPECT_FALSE(may_enter(Level::agency, tarakan, kaltara));
}

TEST(ProposalModel, WordsAreRunsOfNonSpace) {
  EXPECT_EQ(count_words(""), 0);
  EXPECT_EQ(count_words("  \n\t "), 0);
  EXPECT_EQ(count_words("Layanan"), 1);
  EXPECT_EQ(count_words(" pelayanan  publik\nyang\tinklusif "), 4);
  EXPECT_EQ(count_words("Rp\u00a01.500.000 per\u00a0bulan"), 4) << "no-break spaces separate";
  EXPECT_EQ(count_words("e-KTP, SIPANDU-online; 24/7"), 3);
}

TEST(ProposalModel, PlacesAreTheThreeCountsOfSinovik) {
  EXPECT_EQ(place_of(Status::draft), Place::unit);
  EXPECT_EQ(place_of(Status::returned), Place::unit);
  EXPECT_EQ(place_of(Status::at_admin), Place::admin);
  for (Status s : {Status::submitted, Status::passed, Status::failed})
    EXPECT_EQ(place_of(s), Place::organiser);
  EXPECT_EQ(place_of(Status::withdrawn), Place::withdrawn);
  for (auto code : kStatusCodes) EXPECT_EQ(status_code(*parse_status(code)), code);
  EXPECT_FALSE(parse_status("approved"));
}

competitions::Setup form_setup() {
  competitions::Setup setup;
  setup.categories = {{"inklusif", "Pelayanan inklusif"}};
  setup.sections = {{"ringkasan", "Ringkasan", "", 5}, {"dampak", "Dampak", "", std::nullopt}};
  setup.attachments = {{"sk", "SK inovator", "file", true, std::nullopt},
                       {"video", "Video", "video", true, 180},
                       {"foto", "Foto", "file", false, std::nullopt}};
  return setup;
}

TEST(ProposalModel, TheChecklistNamesWhatIsMissingInFormOrder) {
  Content content;
  auto items = checklist(form_setup(), content, false);
  ASSERT_EQ(items.size(), 5u) << "category, two sections, two required attachments";
  EXPECT_EQ(items[0].key, "proposal.check.category");
  EXPECT_EQ(items[1].args[0].second, "Ringkasan");
  EXPECT_EQ(items[3].key, "proposal.check.file");
  EXPECT_EQ(items[4].key, "proposal.check.video");
  EXPECT_FALSE(complete(items));

  content.sections = {{"ringkasan", "satu dua tiga empat lima enam"}, {"dampak", "besar"}};
  content.files = {{1, "sk", "sk.pdf", "application/pdf", 10, "", std::nullopt},
                   {2, "video", "", "", 0, "https://youtu.be/a", 200}};
  items = checklist(form_setup(), content, true);
  EXPECT_EQ(items[1].key, "proposal.check.section_too_long");
  EXPECT_EQ(items[4].key, "proposal.check.video_too_long");
  EXPECT_FALSE(complete(items));

  content.sections["ringkasan"] = "satu dua tiga empat lima";
  content.files[1].video_seconds = 180;
  EXPECT_TRUE(complete(checklist(form_setup(), content, true))) << "exactly at the limits";
}

TEST(ProposalModel, VideoLinksAreWebAddresses) {
  EXPECT_TRUE(is_video_url("https://www.youtube.com/watch?v=abc"));
  EXPECT_TRUE(is_video_url("http://youtu.be/abc"));
  EXPECT_FALSE(is_video_url("javascript:alert(1)"));
  EXPECT_FALSE(is_video_url("https://localhost"));
  EXPECT_FALSE(is_video_url("https://youtu.be/a b"));
  EXPECT_FALSE(is_video_url("https://youtu.be/\"onmouseover"));
  EXPECT_FALSE(is_video_url("https://" + std::string(600, 'a') + ".com"));
  for (auto code : kReasonCodes) EXPECT_TRUE(is_reason_code(code));
  EXPECT_FALSE(is_reason_code("lainnya"));
}

}  // namespace
}  // namespace simpul::proposals
