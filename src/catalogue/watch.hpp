#pragma once
// Keeps one server's catalogue in step with publications made elsewhere: by another app server on
// the same database, or by `simpul import`. In-process publications reach the index at once through
// the "innovation.published" event; this catches the rest within one poll interval.
//
// Every interval it reads the innovations published since the newest publication time it has seen
// (an indexed range scan of innovation_published), and those given an award since the newest
// award it has seen (innovation_awards by id: a competition's results), and re-reads each one
// into the index. Award ids are taken in order; on PostgreSQL two award-writing transactions
// committing out of id order could hide the earlier id from one round, which results publication
// (one transaction per edition, by one organiser) does not do.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <thread>

#include "core/db/database.hpp"

namespace simpul::catalogue {

class Catalogue;

class Watch {
 public:
  // Starts from the newest publication now in the database: call before the catalogue loads, so
  // nothing published in between is missed.
  Watch(db::Database& database, Catalogue& catalogue, std::chrono::milliseconds interval);
  ~Watch();  // stops the thread
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;

  void start();
  // One round; returns how many innovations were re-read. Public for tests.
  std::size_t poll();

 private:
  void run();
  std::size_t poll_publications();
  std::size_t poll_awards();
  std::size_t poll_replications();

  db::Database& database_;
  Catalogue& catalogue_;
  std::chrono::milliseconds interval_;
  std::int64_t mark_ = 0;              // the newest published_at seen
  std::set<std::int64_t> at_mark_;     // ids re-read with published_at == mark_
  std::int64_t award_mark_ = 0;        // the newest innovation_awards id seen
  std::int64_t replication_mark_ = 0;  // the newest replication step seen
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace simpul::catalogue
