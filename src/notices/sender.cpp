#include "notices/sender.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "core/mail/retry.hpp"
#include "core/util/crypto.hpp"
#include "notices/email.hpp"
#include "notices/store.hpp"

namespace simpul::notices {
namespace {

constexpr std::size_t kMaxErrorBytes = 500;

mail::Server server_of(const kernel::SmtpConfig& smtp) {
  mail::Server server;
  server.host = smtp.host;
  server.port = smtp.port;
  server.starttls = smtp.starttls;
  server.username = smtp.username;
  server.password = smtp.password;
  server.ca_file = smtp.ca_file;
  return server;
}

mail::Address sender_address(const std::string& from) {
  if (from.empty()) {
    throw std::runtime_error(
        "smtp.from is required with smtp.host, e.g. \"Simpul <no-reply@simpul.example.go.id>\"");
  }
  try {
    return mail::parse_mailbox(from);
  } catch (const mail::InvalidMessage& error) {
    throw std::runtime_error("smtp.from: " + std::string(error.what()));
  }
}

// At most kMaxErrorBytes, cut between UTF-8 characters (PostgreSQL refuses a broken one).
std::string clipped(std::string text) {
  if (text.size() <= kMaxErrorBytes) return text;
  std::size_t end = kMaxErrorBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
  text.resize(end);
  return text;
}

}  // namespace

Sender::Sender(db::Database& database, const view::Catalog& catalog, const kernel::Config& config,
               Clock clock)
    : database_(database),
      catalog_(catalog),
      clock_(std::move(clock)),
      server_(server_of(config.smtp)),
      from_(sender_address(config.smtp.from)),
      public_url_(config.public_url),
      max_attempts_(std::max(1, config.smtp.max_attempts)),
      interval_(std::max(config.smtp.poll, std::chrono::milliseconds(10))),
      name_(random_hex(8)) {}

Sender::~Sender() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sender::start() {
  thread_ = std::thread([this] { run(); });
}

std::size_t Sender::send_due() {
  std::size_t tried = 0;
  while (!stopping_ && send_next()) ++tried;
  return tried;
}

// One attempt at sending the email: nullopt once sent, else why not.
std::optional<Sender::Failure> Sender::attempt(const EmailRow& email, std::int64_t now) {
  try {
    mail::send(server_, compose_email(catalog_, email, from_, public_url_, now), &stopping_);
    return std::nullopt;
  } catch (const mail::SendError& failed) {
    return Failure{failed.what(), false};
  } catch (const std::exception& broken) {
    // A message that cannot be built (mail::InvalidMessage: a bad address) fails the same way
    // every time.
    return Failure{broken.what(), true};
  }
}

// Claims one due email and sends it; false when none was due.
bool Sender::send_next() {
  auto now = clock_();
  auto email = database_.write(
      [&](db::Transaction& tx) { return claim_due(tx, now, now + kClaimSeconds, name_); });
  if (!email) return false;
  auto failure = attempt(*email, now);
  if (!failure) {
    database_.write([&](db::Transaction& tx) { record_sent(tx, email->id, name_, clock_()); });
    return true;
  }
  if (stopping_ && !failure->permanent) {  // abandoned, not failed: the email stays due
    database_.write([&](db::Transaction& tx) { release(tx, email->id, name_); });
    return true;
  }
  int attempts = email->attempts + 1;
  std::optional<std::int64_t> retry_at;
  if (!failure->permanent && attempts < max_attempts_) {
    retry_at = clock_() + mail::retry_delay(attempts).count();
  }
  spdlog::warn("outbox: email {} to {} not sent (attempt {}): {}", email->id, email->recipient,
               attempts, failure->error);
  database_.write([&](db::Transaction& tx) {
    record_failure(tx, email->id, name_, clipped(failure->error), retry_at);
  });
  return true;
}

void Sender::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      if (auto count = send_due()) spdlog::info("outbox: {} emails tried", count);
    } catch (const std::exception& error) {
      // The database may be away for a moment; claimed emails come back after their claim.
      spdlog::warn("outbox: could not send: {}", error.what());
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_.load(); });
  }
}

}  // namespace simpul::notices
