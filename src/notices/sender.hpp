#pragma once
// Sends the email outbox through the configured SMTP server, on a thread of its own.
//
// Every poll interval it sends each due email, one at a time: a short write transaction claims it
// (see store.hpp: claim_due, safe with several app servers on one database), the SMTP exchange
// runs outside any transaction, and another short one records the outcome: sent, or the error
// and the next attempt (mail::retry_delay), or "failed" after max_attempts or for a message that
// cannot be built. A claim lasts kClaimSeconds, longer than any SMTP exchange may take, so a
// server that dies mid-send leaves the email to the others afterwards. Delivery is at least once:
// when recording "sent" fails, the email goes out again after the claim expires.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/db/database.hpp"
#include "core/mail/smtp.hpp"
#include "core/util/clock.hpp"
#include "core/view/i18n.hpp"
#include "kernel/config.hpp"
#include "notices/store.hpp"

namespace simpul::notices {

class Sender {
 public:
  static constexpr std::int64_t kClaimSeconds = 600;

  using Clock = std::function<std::int64_t()>;  // UTC seconds

  // Throws std::runtime_error when smtp.from is missing or not an address. Tests pass a clock they
  // move.
  Sender(db::Database& database, const view::Catalog& catalog, const kernel::Config& config,
         Clock clock = now_seconds);
  ~Sender();  // stops the thread, abandoning a transfer in progress (the email stays due)
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  void start();
  // Sends every email due until none is left or the sender stops; returns how many it tried.
  // What the thread does every interval; public for tests.
  std::size_t send_due();

 private:
  struct Failure {
    std::string error;
    bool permanent = false;  // sending again would fail the same way
  };
  std::optional<Failure> attempt(const EmailRow& email, std::int64_t now);
  bool send_next();
  void run();

  db::Database& database_;
  const view::Catalog& catalog_;
  Clock clock_;
  mail::Server server_;
  mail::Address from_;
  std::string public_url_;
  int max_attempts_;
  std::chrono::milliseconds interval_;
  std::string name_;  // claimed_by: this sender, unique across servers
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace simpul::notices
