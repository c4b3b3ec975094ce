#include "core/search/loader.hpp"

#include <malloc.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/search/batch.hpp"

namespace simpul::search::detail {

namespace {

constexpr std::size_t kWorkers = 2;
constexpr std::size_t kBatchDocuments = 256;
// Batches read but not yet appended: bounds the documents held in memory at once.
constexpr std::size_t kMaxBatchesInFlight = 8;

// The calling thread reads batches of documents and appends the analysed ones in order; the
// workers analyse. Each worker numbers terms on its own, so a worker's batches must be appended
// in the order it analysed them: it takes jobs first come, first served, and they are appended
// by job number.
class BulkLoader {
 public:
  BulkLoader(const Schema& schema, const Analyzer& analyzer) : analyzer_(analyzer), store_(schema) {
    for (std::size_t worker = 0; worker < kWorkers; ++worker) {
      workers_.emplace_back([this, worker] { work(worker); });
    }
  }
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;
  ~BulkLoader() { stop_workers(); }

  Store run(const std::function<bool(Document&)>& next) {
    for (bool more = true; more;) {
      std::vector<Document> batch;
      more = read_batch(next, batch);
      if (!batch.empty()) submit(std::move(batch));
      append_ready(kMaxBatchesInFlight);
    }
    append_ready(0);
    stop_workers();
    // glibc keeps the arenas of the finished analysis threads, all free now: give their pages back
    // before the last steps allocate, or the start-up peak counts both.
    malloc_trim(0);
    store_.pick_all_similar_terms();
    store_.shrink_to_fit();
    return std::move(store_);
  }

 private:
  struct Job {
    std::size_t number;
    std::vector<Document> documents;
  };
  struct Analyzed {
    std::size_t worker;
    AnalyzedBatch batch;
  };

  // Returns false once next has said there is nothing more.
  static bool read_batch(const std::function<bool(Document&)>& next, std::vector<Document>& batch) {
    Document document;
    while (batch.size() < kBatchDocuments) {
      if (!next(document)) return false;
      batch.push_back(std::move(document));
      document = Document{};
    }
    return true;
  }

  void submit(std::vector<Document> documents) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back({submitted_++, std::move(documents)});
    }
    changed_.notify_all();
  }

  // Appends the batches that are ready, in order, and waits while more than max_in_flight are
  // still being analysed.
  void append_ready(std::size_t max_in_flight) {
    while (true) {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] {
        return failure_ || analyzed_.contains(appended_) || submitted_ - appended_ <= max_in_flight;
      });
      if (failure_) std::rethrow_exception(failure_);
      const auto ready = analyzed_.find(appended_);
      if (ready == analyzed_.end()) return;
      Analyzed analyzed = std::move(ready->second);
      analyzed_.erase(ready);
      ++appended_;
      lock.unlock();
      store_.append(analyzed.batch, term_of_local_[analyzed.worker], false);
    }
  }

  void work(std::size_t worker) {
    try {
      BatchAnalyzer analyzer(analyzer_);
      while (std::optional<Job> job = take_job()) {
        AnalyzedBatch batch = analyzer.analyze(job->documents);
        {
          std::lock_guard lock(mutex_);
          analyzed_.emplace(job->number, Analyzed{worker, std::move(batch)});
        }
        changed_.notify_all();
      }
    } catch (...) {
      {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
      }
      changed_.notify_all();
    }
  }

  std::optional<Job> take_job() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !jobs_.empty() || stopping_ || failure_; });
    if (jobs_.empty() || failure_) return std::nullopt;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    return job;
  }

  void stop_workers() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
  }

  const Analyzer& analyzer_;
  Store store_;
  std::vector<TermId> term_of_local_[kWorkers];
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;
  std::map<std::size_t, Analyzed> analyzed_;
  std::size_t submitted_ = 0;
  std::size_t appended_ = 0;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

}  // namespace

Store bulk_load(const Schema& schema, const Analyzer& analyzer,
                const std::function<bool(Document&)>& next) {
  return BulkLoader(schema, analyzer).run(next);
}

}  // namespace simpul::search::detail
