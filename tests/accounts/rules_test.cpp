#include <gtest/gtest.h>

#include "accounts/model.hpp"
#include "accounts/rules.hpp"

namespace simpul::accounts {
namespace {

using auth::Role;

TEST(CreatableRoles, FollowTheSinovikFlow) {
  EXPECT_TRUE(may_create(Role::organiser, Role::local_admin));
  EXPECT_TRUE(may_create(Role::organiser, Role::evaluator));
  EXPECT_TRUE(may_create(Role::organiser, Role::panelist));
  EXPECT_TRUE(may_create(Role::organiser, Role::hub_coordinator));
  EXPECT_FALSE(may_create(Role::organiser, Role::unit_operator));  // the local admin's task
  EXPECT_TRUE(may_create(Role::local_admin, Role::unit_operator));
  EXPECT_FALSE(may_create(Role::local_admin, Role::local_admin));
  for (Role role : {Role::unit_operator, Role::hub_coordinator, Role::evaluator, Role::panelist}) {
    EXPECT_TRUE(creatable_roles(role).empty());
  }
}

TEST(MayManage, OrganiserAnyoneButItselfLocalAdminItsOwnUnitOperators) {
  Manager organiser{1, Role::organiser, std::nullopt};
  Manager local{2, Role::local_admin, 10};
  EXPECT_TRUE(may_manage(organiser, {5, Role::local_admin, 10}));
  EXPECT_FALSE(may_manage(organiser, {1, Role::organiser, std::nullopt}));
  EXPECT_TRUE(may_manage(local, {6, Role::unit_operator, 10}));
  EXPECT_FALSE(may_manage(local, {7, Role::unit_operator, 11}));  // another agency
  EXPECT_FALSE(may_manage(local, {8, Role::local_admin, 10}));
  EXPECT_FALSE(may_manage(local, {2, Role::local_admin, 10}));
  EXPECT_FALSE(may_manage({3, Role::evaluator, std::nullopt}, {6, Role::unit_operator, 10}));
}

TEST(Profile, TrimsAndChecksEachField) {
  Profile good{"  Siti Rahma ", "Kepala Bagian", "siti@kaltaraprov.go.id", "+62 812-3456-7890"};
  EXPECT_TRUE(validate_profile(good).empty());
  EXPECT_EQ(good.full_name, "Siti Rahma");
  Profile bad{"Si", "", "siti@", "12ab"};
  auto errors = validate_profile(bad);
  EXPECT_EQ(errors["full_name"], "form.too_short");
  EXPECT_EQ(errors["position"], "form.required");
  EXPECT_EQ(errors["email"], "form.too_short");
  EXPECT_EQ(errors["phone"], "form.bad_phone");
  Profile control{"Nama\x01Aneh", "Staf", "a@b.co.id", ""};
  EXPECT_EQ(validate_profile(control)["full_name"], "form.control_characters");
  Profile email{"Nama Baik", "Staf", "nama baik@contoh.id", ""};
  EXPECT_EQ(validate_profile(email)["email"], "form.bad_email");
  Profile unicode{"Ñoño Wijayakusuma", "Staf", "n@contoh.id", ""};
  EXPECT_TRUE(validate_profile(unicode).empty());
}

TEST(Username, IsLowerCasedAndLimited) {
  std::string name = " Admin.Kaltara ";
  EXPECT_EQ(username_problem(name), std::nullopt);
  EXPECT_EQ(name, "admin.kaltara");
  std::string too_short = "ab";
  EXPECT_EQ(username_problem(too_short), "form.too_short");
  std::string spaces = "admin kaltara";
  EXPECT_EQ(username_problem(spaces), "account.username_chars");
  std::string leading = ".admin";
  EXPECT_EQ(username_problem(leading), "account.username_chars");
  std::string long_name(41, 'a');
  EXPECT_EQ(username_problem(long_name), "form.too_long");
}

}  // namespace
}  // namespace simpul::accounts
