// Who may do what to an innovation in which state.
#include <gtest/gtest.h>

#include "innovations/rules.hpp"

namespace simpul::innovations {
namespace {

using auth::Role;

constexpr std::int64_t kAgency = 10, kOtherAgency = 11, kUnit = 100, kOtherUnit = 101;

const Editor kUnitOperator{Role::unit_operator, kAgency, kUnit};
const Editor kOtherUnitOperator{Role::unit_operator, kAgency, kOtherUnit};
const Editor kLocalAdmin{Role::local_admin, kAgency, std::nullopt};
const Editor kOtherLocalAdmin{Role::local_admin, kOtherAgency, std::nullopt};
const Editor kOrganiser{Role::organiser, std::nullopt, std::nullopt};

Holding in(Status status) { return {status, kAgency, kUnit}; }

constexpr Status kAllStatuses[] = {Status::draft, Status::submitted, Status::returned,
                                   Status::published};
constexpr Action kAllActions[] = {Action::view, Action::edit, Action::submit, Action::publish,
                                  Action::send_back};

TEST(Rules, TheUnitDraftsEditsAndSends) {
  EXPECT_EQ(decide(kUnitOperator, Action::edit, in(Status::draft)), Verdict::allowed);
  EXPECT_EQ(decide(kUnitOperator, Action::submit, in(Status::draft)), Verdict::allowed);
  EXPECT_EQ(decide(kUnitOperator, Action::edit, in(Status::returned)), Verdict::allowed);
  EXPECT_EQ(decide(kUnitOperator, Action::submit, in(Status::returned)), Verdict::allowed);
  // While the local admin has it, the unit only looks.
  EXPECT_EQ(decide(kUnitOperator, Action::view, in(Status::submitted)), Verdict::allowed);
  EXPECT_EQ(decide(kUnitOperator, Action::edit, in(Status::submitted)), Verdict::wrong_state);
  EXPECT_EQ(decide(kUnitOperator, Action::submit, in(Status::submitted)), Verdict::wrong_state);
  // A published innovation can be revised, and a revision sent again.
  EXPECT_EQ(decide(kUnitOperator, Action::edit, in(Status::published)), Verdict::allowed);
  EXPECT_EQ(decide(kUnitOperator, Action::submit, in(Status::published)), Verdict::wrong_state);
  for (Status status : kAllStatuses) {
    EXPECT_EQ(decide(kUnitOperator, Action::publish, in(status)), Verdict::forbidden);
    EXPECT_EQ(decide(kUnitOperator, Action::send_back, in(status)), Verdict::forbidden);
  }
}

TEST(Rules, TheLocalAdminReviewsPublishesAndReturns) {
  for (Status status : kAllStatuses) {
    EXPECT_EQ(decide(kLocalAdmin, Action::view, in(status)), Verdict::allowed);
    EXPECT_EQ(decide(kLocalAdmin, Action::edit, in(status)), Verdict::allowed);
    EXPECT_EQ(decide(kLocalAdmin, Action::submit, in(status)), Verdict::forbidden);
  }
  EXPECT_EQ(decide(kLocalAdmin, Action::publish, in(Status::submitted)), Verdict::allowed);
  EXPECT_EQ(decide(kLocalAdmin, Action::publish, in(Status::draft)), Verdict::allowed);
  EXPECT_EQ(decide(kLocalAdmin, Action::publish, in(Status::published)), Verdict::wrong_state);
  EXPECT_EQ(decide(kLocalAdmin, Action::send_back, in(Status::submitted)), Verdict::allowed);
  EXPECT_EQ(decide(kLocalAdmin, Action::send_back, in(Status::draft)), Verdict::wrong_state);
  EXPECT_EQ(decide(kLocalAdmin, Action::send_back, in(Status::published)), Verdict::wrong_state);
}

TEST(Rules, OutsidersAreForbiddenEverything) {
  for (Status status : kAllStatuses) {
    for (Action action : kAllActions) {
      EXPECT_EQ(decide(kOtherUnitOperator, action, in(status)), Verdict::forbidden);
      EXPECT_EQ(decide(kOtherLocalAdmin, action, in(status)), Verdict::forbidden);
      for (Role role : {Role::evaluator, Role::panelist, Role::hub_coordinator}) {
        EXPECT_EQ(decide({role, kAgency, kUnit}, action, in(status)), Verdict::forbidden);
      }
    }
  }
  // A unit operator of the same unit number in another agency is still an outsider.
  EXPECT_EQ(decide({Role::unit_operator, kOtherAgency, kUnit}, Action::view, in(Status::draft)),
            Verdict::forbidden);
}

TEST(Rules, TheOrganiserSeesEverythingAndChangesNothing) {
  for (Status status : kAllStatuses) {
    EXPECT_EQ(decide(kOrganiser, Action::view, in(status)), Verdict::allowed);
    for (Action action : {Action::edit, Action::submit, Action::publish, Action::send_back}) {
      EXPECT_EQ(decide(kOrganiser, action, in(status)), Verdict::forbidden);
    }
  }
}

TEST(Rules, CreationOnlyInOnesOwnUnitOrAgency) {
  EXPECT_TRUE(may_create(kUnitOperator, kAgency, kUnit));
  EXPECT_FALSE(may_create(kUnitOperator, kAgency, kOtherUnit));
  EXPECT_TRUE(may_create(kLocalAdmin, kAgency, kOtherUnit));
  EXPECT_FALSE(may_create(kLocalAdmin, kOtherAgency, 200));
  EXPECT_FALSE(may_create(kOrganiser, kAgency, kUnit));
  EXPECT_FALSE(may_create({Role::evaluator, std::nullopt, std::nullopt}, kAgency, kUnit));
}

TEST(Rules, SavingAPublishedInnovationStartsARevision) {
  EXPECT_EQ(status_after_save(kUnitOperator, Status::published), Status::draft);
  EXPECT_EQ(status_after_save(kLocalAdmin, Status::published), Status::submitted);
  for (Status status : {Status::draft, Status::submitted, Status::returned}) {
    EXPECT_EQ(status_after_save(kUnitOperator, status), status);
    EXPECT_EQ(status_after_save(kLocalAdmin, status), status);
  }
}

TEST(Rules, PublishedFilesArePublicOthersOnlyForViewers) {
  EXPECT_TRUE(may_download(true, Verdict::forbidden));
  EXPECT_TRUE(may_download(false, Verdict::allowed));
  EXPECT_FALSE(may_download(false, Verdict::forbidden));
}

}  // namespace
}  // namespace simpul::innovations
