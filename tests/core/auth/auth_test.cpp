#include <gtest/gtest.h>

#include "core/auth/csrf.hpp"
#include "core/auth/passwords.hpp"
#include "core/auth/roles.hpp"
#include "core/util/crypto.hpp"

namespace simpul::auth {
namespace {

TEST(PasswordRule, FollowsSinovik) {
  EXPECT_EQ(password_rule_broken("Abcdefgh1"), "password.too_short");  // 9 characters
  EXPECT_EQ(password_rule_broken("abcdefghi1"), "password.needs_upper");
  EXPECT_EQ(password_rule_broken("ABCDEFGHI1"), "password.needs_lower");
  EXPECT_EQ(password_rule_broken("Abcdefghij"), "password.needs_digit");
  EXPECT_EQ(password_rule_broken("Abcdefghi1"), std::nullopt);
  EXPECT_EQ(password_rule_broken(std::string(150, 'a') + std::string(60, 'B') + "1"),
            "password.too_long");
}

TEST(Passwords, HashIsArgon2idAndVerifies) {
  init_crypto();
  auto hash = hash_password("Rahasia2026", PasswordCost::for_tests());
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "Rahasia2026"));
  EXPECT_FALSE(verify_password(hash, "rahasia2026"));
  EXPECT_FALSE(verify_password("not a hash", "Rahasia2026"));
  EXPECT_NE(hash, hash_password("Rahasia2026", PasswordCost::for_tests()));  // salted
}

TEST(Csrf, TokenIsBoundToTheCookieAndTheSecret) {
  init_crypto();
  auto cookie = new_csrf_cookie_value();
  ASSERT_EQ(cookie.size(), 32u);
  auto token = csrf_token("secret-1", cookie);
  EXPECT_TRUE(csrf_token_valid("secret-1", cookie, token));
  EXPECT_FALSE(csrf_token_valid("secret-2", cookie, token));
  EXPECT_FALSE(csrf_token_valid("secret-1", new_csrf_cookie_value(), token));
  EXPECT_FALSE(csrf_token_valid("secret-1", cookie, ""));
  EXPECT_FALSE(csrf_token_valid("secret-1", "short", csrf_token("secret-1", "short")));
}

TEST(Roles, RoundTripAndAgencyNeed) {
  for (Role role : kAllRoles) EXPECT_EQ(parse_role(role_code(role)), role);
  EXPECT_EQ(parse_role("admin"), std::nullopt);
  EXPECT_TRUE(role_needs_agency(Role::local_admin));
  EXPECT_TRUE(role_needs_agency(Role::unit_operator));
  EXPECT_FALSE(role_needs_agency(Role::evaluator));
  EXPECT_FALSE(role_needs_agency(Role::organiser));
}

TEST(RandomPassword, MeetsTheRuleItself) {
  init_crypto();
  for (int i = 0; i < 200; ++i) {
    auto password = random_password();
    EXPECT_EQ(password_rule_broken(password), std::nullopt) << password;
  }
}

}  // namespace
}  // namespace simpul::auth
