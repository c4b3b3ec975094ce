#pragma once
#include <chrono>
#include <cstdint>

namespace simpul {

// Seconds since the Unix epoch, UTC. The server's clock decides deadlines.
inline std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace simpul
