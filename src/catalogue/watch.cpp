#include "catalogue/watch.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "catalogue/catalogue.hpp"
#include "replication/counts.hpp"

namespace simpul::catalogue {

Watch::Watch(db::Database& database, Catalogue& catalogue, std::chrono::milliseconds interval)
    : database_(database), catalogue_(catalogue), interval_(interval) {
  database_.read([&](db::Transaction& tx) {
    mark_ = tx.scalar("SELECT COALESCE(MAX(published_at), 0) FROM innovation_published");
    award_mark_ = tx.scalar("SELECT COALESCE(MAX(id), 0) FROM innovation_awards");
    replication_mark_ = replication::newest_step(tx);
    // The catalogue's load reads these; reading them again would only cost memory.
    for (auto row : tx.query(
             "SELECT innovation_id FROM innovation_published WHERE published_at = $1", {mark_})) {
      at_mark_.insert(row.integer(0));
    }
  });
}

Watch::~Watch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Watch::start() {
  thread_ = std::thread([this] { run(); });
}

std::size_t Watch::poll() { return poll_publications() + poll_awards() + poll_replications(); }

// Replications started or stopped since the last round: their sources' counts are re-read.
std::size_t Watch::poll_replications() {
  auto changes = database_.read(
      [&](db::Transaction& tx) { return replication::changed_since(tx, replication_mark_); });
  replication_mark_ = changes.mark;
  for (auto id : changes.sources) catalogue_.refresh(id);
  return changes.sources.size();
}

// Awards written since the last round (a competition's results, on another server): their
// innovations are re-read, so that the award facet counts them.
std::size_t Watch::poll_awards() {
  auto rows = database_.read([&](db::Transaction& tx) {
    return tx.query("SELECT id, innovation_id FROM innovation_awards WHERE id > $1 ORDER BY id",
                    {award_mark_});
  });
  std::set<std::int64_t> innovations;
  for (auto row : rows) {
    award_mark_ = std::max(award_mark_, row.integer(0));
    innovations.insert(row.integer(1));
  }
  for (auto id : innovations) catalogue_.refresh(id);
  return innovations.size();
}

std::size_t Watch::poll_publications() {
  auto rows = database_.read([&](db::Transaction& tx) {
    return tx.query(
        "SELECT innovation_id, published_at FROM innovation_published WHERE published_at >= $1 "
        "ORDER BY published_at",
        {mark_});
  });
  std::size_t refreshed = 0;
  for (auto row : rows) {
    auto id = row.integer(0);
    auto at = row.integer(1);
    if (at == mark_ && at_mark_.count(id)) continue;
    if (at > mark_) {
      mark_ = at;
      at_mark_.clear();
    }
    at_mark_.insert(id);
    catalogue_.refresh(id);
    ++refreshed;
  }
  return refreshed;
}

void Watch::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (auto count = poll()) spdlog::info("catalogue: {} publications from elsewhere", count);
    } catch (const std::exception& error) {
      // The database may be away for a moment; the next round catches up.
      spdlog::warn("catalogue: could not look for new publications: {}", error.what());
    }
    lock.lock();
  }
}

}  // namespace simpul::catalogue
