#include "core/db/pool.hpp"

#include <chrono>

namespace simpul::db::detail {

PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return {open_, in_use_, acquired_total_, wait_timeouts_total_};
}

std::unique_ptr<Connection> ConnectionPool::acquire() {
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  std::unique_lock lock(mutex_);
  const bool free = slot_freed_.wait_until(lock, deadline,
                                           [&] { return !idle_.empty() || open_ < options_.size; });
  if (!free) {
    ++wait_timeouts_total_;
    throw Unavailable("no free database connection");
  }
  if (idle_.empty()) return open_new_slot(lock);
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  ++in_use_;
  ++acquired_total_;
  return connection;
}

// Connecting can take up to connect_timeout, so it happens outside the lock with the slot
// reserved; a failure gives the slot back to the next waiter.
std::unique_ptr<Connection> ConnectionPool::open_new_slot(std::unique_lock<std::mutex>& lock) {
  ++open_;
  lock.unlock();
  try {
    auto connection = connect();
    lock.lock();
    ++in_use_;
    ++acquired_total_;
    return connection;
  } catch (...) {
    if (!lock.owns_lock()) lock.lock();
    --open_;
    slot_freed_.notify_one();
    throw;
  }
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  std::vector<std::unique_ptr<Connection>> dropped;
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (connection->healthy()) {
      idle_.push_back(std::move(connection));
    } else {
      // A broken connection usually means the server restarted, which broke the idle ones
      // too: drop them all so the next callers reconnect instead of failing one by one.
      dropped.swap(idle_);
      open_ -= 1 + static_cast<int>(dropped.size());
    }
  }
  slot_freed_.notify_all();
}  // broken connections close here, outside the lock

}  // namespace simpul::db::detail
