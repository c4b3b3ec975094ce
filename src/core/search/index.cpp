#include "core/search/index.hpp"

#include <mutex>
#include <shared_mutex>

#include "core/search/batch.hpp"
#include "core/search/loader.hpp"
#include "core/search/query.hpp"
#include "core/search/searcher.hpp"
#include "core/search/store.hpp"

namespace simpul::search {

// Many searches share the lock; writers take it alone, and only after the costly analysis.
struct Index::Impl {
  explicit Impl(Schema index_schema) : schema(std::move(index_schema)), store(schema) {}

  // glibc's shared mutex prefers readers: under a steady flow of searches a writer could wait
  // for ever. A writer holds the turnstile while it waits, so new searches queue behind it.
  std::shared_lock<std::shared_mutex> read_lock() const {
    std::lock_guard turn(turnstile);
    return std::shared_lock(mutex);
  }
  std::unique_lock<std::shared_mutex> write_lock() {
    std::lock_guard turn(turnstile);
    return std::unique_lock(mutex);
  }

  Schema schema;
  Analyzer analyzer;
  mutable std::mutex turnstile;
  mutable std::shared_mutex mutex;
  detail::Store store;
};

Index::Index(Schema schema) : impl_(std::make_unique<Impl>(std::move(schema))) {}

Index::~Index() = default;

void Index::upsert(const Document& document) {
  detail::BatchAnalyzer analyzer(impl_->analyzer);
  const detail::AnalyzedBatch batch = analyzer.analyze({&document, 1});
  std::vector<detail::TermId> term_of_local;
  const auto lock = impl_->write_lock();
  impl_->store.append(batch, term_of_local, true);
  impl_->store.compact_if_needed();
}

void Index::remove(std::uint32_t id) {
  const auto lock = impl_->write_lock();
  impl_->store.remove(id);
  impl_->store.compact_if_needed();
}

void Index::rebuild(const std::vector<Document>& documents) {
  std::size_t next = 0;
  rebuild([&](Document& document) {
    if (next == documents.size()) return false;
    document = documents[next++];
    return true;
  });
}

void Index::rebuild(const std::function<bool(Document&)>& next) {
  detail::Store fresh = detail::bulk_load(impl_->schema, impl_->analyzer, next);
  {
    const auto lock = impl_->write_lock();
    std::swap(impl_->store, fresh);
  }
  // The old contents are freed here, outside the lock.
}

Result Index::search(const Query& query) const {
  const detail::ParsedQuery parsed = detail::parse_query(impl_->analyzer, query.text);
  const auto lock = impl_->read_lock();
  return detail::run_search(impl_->store, parsed, query);
}

std::vector<Hit> Index::similar(std::uint32_t id, std::uint32_t limit) const {
  const auto lock = impl_->read_lock();
  return detail::run_similar(impl_->store, id, limit);
}

std::size_t Index::size() const {
  const auto lock = impl_->read_lock();
  return impl_->store.live_count();
}

std::size_t Index::memory_bytes() const {
  const auto lock = impl_->read_lock();
  return sizeof(Impl) + impl_->store.memory_bytes();
}

const Schema& Index::schema() const { return impl_->schema; }

const Analyzer& Index::analyzer() const { return impl_->analyzer; }

}  // namespace simpul::search
