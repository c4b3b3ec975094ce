#include "core/mail/retry.hpp"

#include <algorithm>
#include <array>

namespace simpul::mail {

std::chrono::seconds retry_delay(int failed_attempts) {
  using namespace std::chrono_literals;
  static constexpr std::array<std::chrono::seconds, 5> kDelays{1min, 5min, 30min, 2h, 12h};
  auto index = std::clamp<int>(failed_attempts, 1, static_cast<int>(kDelays.size())) - 1;
  return kDelays[static_cast<std::size_t>(index)];
}

}  // namespace simpul::mail
