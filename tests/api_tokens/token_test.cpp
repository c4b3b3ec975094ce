// API tokens as text: their shape, how a header is read, and label rules.
#include <gtest/gtest.h>

#include "api_tokens/token.hpp"
#include "core/util/crypto.hpp"

namespace simpul::api_tokens {
namespace {

TEST(ApiToken, NewTokensAreLongRandomAndRecognisable) {
  init_crypto();
  auto a = new_token(), b = new_token();
  EXPECT_EQ(a.size(), kTokenLength);
  EXPECT_TRUE(a.starts_with("simpul_"));
  EXPECT_NE(a, b);
  EXPECT_EQ(bearer_token("Bearer " + a), a);
}

TEST(ApiToken, OnlyAWellFormedBearerHeaderYieldsAToken) {
  const std::string token = "simpul_" + std::string(48, 'a');
  EXPECT_EQ(bearer_token("bearer " + token), token);
  EXPECT_EQ(bearer_token("  BEARER   " + token + "  "), token);
  EXPECT_FALSE(bearer_token(""));
  EXPECT_FALSE(bearer_token(token));                                    // no scheme
  EXPECT_FALSE(bearer_token("Basic " + token));                         // another scheme
  EXPECT_FALSE(bearer_token("Bearer " + token + "a"));                  // too long
  EXPECT_FALSE(bearer_token("Bearer simpul_" + std::string(48, 'A')));  // not lower-case hex
  EXPECT_FALSE(bearer_token("Bearer other_" + std::string(49, 'a')));
}

TEST(ApiToken, LabelsAreTrimmedShortAndPrintable) {
  std::string label = "  SIINOVDA  ";
  EXPECT_FALSE(check_label(label));
  EXPECT_EQ(label, "SIINOVDA");
  std::string empty = " \t ";
  EXPECT_EQ(check_label(empty), "form.required");
  std::string long_label(kMaxLabelLength + 1, 'x');
  EXPECT_EQ(check_label(long_label), "api_tokens.error.label_too_long");
  std::string control = "a\nb";
  EXPECT_EQ(check_label(control), "api_tokens.error.label_control");
}

}  // namespace
}  // namespace simpul::api_tokens
