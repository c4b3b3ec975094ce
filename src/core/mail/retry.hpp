#pragma once
// When an email that could not be sent is tried again.
#include <chrono>

namespace simpul::mail {

// The wait after the n-th failed attempt (n >= 1): 1 minute, 5 minutes, 30 minutes, 2 hours, then
// 12 hours for every later one. A mail server that is down for a moment gets the email within
// minutes; one that is down for a day still gets it without being hammered.
std::chrono::seconds retry_delay(int failed_attempts);

}  // namespace simpul::mail
