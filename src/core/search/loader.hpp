#pragma once
// Internal to the search engine: the bulk load behind Index::rebuild.
#include <functional>

#include "core/search/index.hpp"
#include "core/search/store.hpp"

namespace simpul::search::detail {

// Builds a store from a stream of documents: next fills the document it is given and returns
// true, or returns false at the end. It is called on the calling thread, which also appends the
// analysed batches in order, while two worker threads analyse.
Store bulk_load(const Schema& schema, const Analyzer& analyzer,
                const std::function<bool(Document&)>& next);

}  // namespace simpul::search::detail
