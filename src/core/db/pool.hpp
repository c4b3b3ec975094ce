#pragma once
// The connection pool shared by both drivers: a fixed number of connections opened lazily,
// borrowed by one transaction at a time and dropped when the driver reports them broken.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::db::detail {

class ConnectionPool : public Database {
 public:
  PoolStats stats() const override;

 protected:
  explicit ConnectionPool(PoolOptions options) : options_(options) {}
  const PoolOptions& options() const { return options_; }
  // Opens a new connection; throws Unavailable when the database cannot be reached.
  virtual std::unique_ptr<Connection> connect() = 0;

  std::unique_ptr<Connection> acquire() override;
  void release(std::unique_ptr<Connection> connection) override;

 private:
  std::unique_ptr<Connection> open_new_slot(std::unique_lock<std::mutex>& lock);

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable slot_freed_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // idle + borrowed + being opened
  int in_use_ = 0;
  std::uint64_t acquired_total_ = 0;
  std::uint64_t wait_timeouts_total_ = 0;
};

}  // namespace simpul::db::detail
