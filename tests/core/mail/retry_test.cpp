// The schedule of attempts of an email that could not be sent.
#include <gtest/gtest.h>

#include "core/mail/retry.hpp"

namespace simpul::mail {
namespace {

using namespace std::chrono_literals;

TEST(RetryDelay, GrowsFromAMinuteToTwelveHours) {
  EXPECT_EQ(retry_delay(1), 1min);
  EXPECT_EQ(retry_delay(2), 5min);
  EXPECT_EQ(retry_delay(3), 30min);
  EXPECT_EQ(retry_delay(4), 2h);
  EXPECT_EQ(retry_delay(5), 12h);
  EXPECT_EQ(retry_delay(6), 12h);
  EXPECT_EQ(retry_delay(100), 12h);
}

TEST(RetryDelay, ANonsenseCountIsTheFirstDelay) { EXPECT_EQ(retry_delay(0), 1min); }

}  // namespace
}  // namespace simpul::mail
