#include "kernel/flash.hpp"

#include <gtest/gtest.h>

namespace simpul::kernel {
namespace {

TEST(Flash, ANoticeSurvivesItsCookie) {
  Notice reminded{"judging.remind.done", {{"n", "12"}}};
  auto value = encode_notice(reminded);
  EXPECT_EQ(value, "judging.remind.done&n=12");
  auto back = decode_notice(value);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, "judging.remind.done");
  EXPECT_EQ(back->args, reminded.args);
}

TEST(Flash, TextIsEncodedSoTheCookieStaysOneToken) {
  Notice notice{"finals.notice.saved", {{"title", "Pro Lantera; KU & \"Dokter\" Terbang"}}};
  auto value = encode_notice(notice);
  EXPECT_EQ(value.find_first_of(" ;,\"\\"), std::string::npos) << value;
  EXPECT_EQ(decode_notice(value)->args.front().second, "Pro Lantera; KU & \"Dokter\" Terbang");
}

TEST(Flash, WhatOnlyAHandEditedCookieHoldsIsRefused) {
  EXPECT_FALSE(decode_notice(""));
  EXPECT_FALSE(decode_notice("%zz"));                  // a broken escape
  EXPECT_FALSE(decode_notice("key=value"));            // the key carries no value
  EXPECT_FALSE(decode_notice(std::string(101, 'k')));  // a key beyond any of the catalogue
  EXPECT_FALSE(decode_notice("k&a=1&b=2&c=3&d=4&e=5"));
  EXPECT_FALSE(decode_notice("k&a=" + std::string(201, 'x')));
  EXPECT_TRUE(decode_notice("k&a=1&b=2&c=3&d=4"));
}

}  // namespace
}  // namespace simpul::kernel
