#include <utility>

#include "core/db/database.hpp"

namespace simpul::db {

// The borrowed connection, handed back to its pool when the transaction ends.
struct Transaction::Lease {
  Lease(Database& database, std::unique_ptr<Connection> connection)
      : database(database), connection(std::move(connection)) {}
  ~Lease() { database.release(std::move(connection)); }

  // PostgreSQL refuses every statement after a failed one until rollback; SQLite would carry
  // on. Refusing on both engines keeps code tested on SQLite correct on PostgreSQL.
  template <class Fn>
  auto run(Fn&& fn) {
    if (failed) throw Error("an earlier statement of this transaction failed; it must roll back");
    try {
      return fn(*connection);
    } catch (...) {
      failed = true;
      throw;
    }
  }

  Database& database;
  std::unique_ptr<Connection> connection;
  bool failed = false;
};

Transaction::Transaction(std::unique_ptr<Lease> lease, bool write) : lease_(std::move(lease)) {
  lease_->connection->begin(write);
}

Transaction::Transaction(Transaction&& other) noexcept
    : lease_(std::move(other.lease_)), done_(other.done_) {
  other.done_ = true;
}

Transaction::~Transaction() {
  if (!lease_ || done_) return;
  try {
    lease_->connection->rollback();
  } catch (...) {
    // Destructors must not throw. The driver has marked the connection unhealthy, so the pool
    // closes it, which ends the transaction on the server.
  }
}

Transaction::Lease& Transaction::active() {
  if (!lease_ || done_) throw Error("the transaction has already ended");
  return *lease_;
}

Connection& Transaction::connection() { return *active().connection; }

Result Transaction::query(std::string_view sql, const Params& params) {
  return active().run([&](Connection& c) { return c.query(sql, params); });
}

std::int64_t Transaction::execute(std::string_view sql, const Params& params) {
  return active().run([&](Connection& c) { return c.execute(sql, params); });
}

std::int64_t Transaction::scalar(std::string_view sql, const Params& params) {
  const Result result = query(sql, params);
  if (result.empty() || result.columns().empty()) {
    throw Error("scalar query returned no value: " + std::string(sql));
  }
  return result.front().integer(0);
}

Engine Transaction::engine() const {
  if (!lease_) throw Error("the transaction has been moved from");
  return lease_->connection->engine();
}

void Transaction::commit() {
  active().run([](Connection& c) { c.commit(); });
  done_ = true;
}

Transaction Database::begin_read() {
  return Transaction(std::make_unique<Transaction::Lease>(*this, acquire()), false);
}

Transaction Database::begin_write() {
  return Transaction(std::make_unique<Transaction::Lease>(*this, acquire()), true);
}

}  // namespace simpul::db
