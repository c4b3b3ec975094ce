// Micro-benchmark of the catalogue search engine (src/core/search), on one thread, following
// shared/BENCHMARKS.md: 100,000 synthetic innovations of about 300 words from a 30,000-word Zipf
// vocabulary, queries of 1-3 content words with Zipf popularity, 30% with one facet filter, 10%
// asking for page 2 or later, every query computing all facet counts. Deterministic (fixed seed).
//
//   search_bench [documents] [queries] [query Zipf exponent]      (defaults: 100000 20000 1.0)
//
// The query exponent sets how query words are drawn from the vocabulary ranks: 1.0 draws them
// as often as the corpus uses them (half of them among the 100 most frequent words, so that a
// tenth of the queries match most of the catalogue); smaller ones favour rarer words.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/search/index.hpp"

namespace {

using simpul::search::Document;
using simpul::search::FieldWeight;
using simpul::search::Index;
using simpul::search::Query;
using simpul::search::Schema;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kVocabulary = 30000;
constexpr double kZipfExponent = 1.0;

// The programme's own words come first, so they are the most frequent.
const std::vector<std::string> kProgrammeWords = {
    "pelayanan",  "inovasi",   "masyarakat", "kependudukan",  "perizinan", "kesehatan",
    "pendidikan", "desa",      "daerah",     "digital",       "aplikasi",  "sistem",
    "data",       "informasi", "publik",     "pemerintah",    "kabupaten", "kota",
    "warga",      "program",   "layanan",    "terpadu",       "online",    "administrasi",
    "keuangan",   "pajak",     "retribusi",  "pertanian",     "perikanan", "pariwisata",
    "lingkungan", "sampah",    "air",        "kesejahteraan", "sosial",    "anak",
    "perempuan",  "umkm",      "ekonomi",    "puskesmas"};

const std::vector<std::string> kStopwords = {"yang",  "dan",    "di",   "ke",    "dari",
                                             "untuk", "dengan", "pada", "dalam", "ini"};

// Made-up words that look Indonesian: two to four syllables, sometimes with affixes.
std::vector<std::string> make_vocabulary(std::mt19937_64& random) {
  const std::string consonants = "bcdghjklmnprstwy";
  const std::string vowels = "aaeiiou";
  const std::vector<std::string> prefixes = {"", "", "", "me", "pe", "ber", "di", "ke", "per"};
  const std::vector<std::string> suffixes = {"", "", "", "", "an", "kan", "i"};
  std::set<std::string> seen(kProgrammeWords.begin(), kProgrammeWords.end());
  seen.insert(kStopwords.begin(), kStopwords.end());
  std::vector<std::string> words = kProgrammeWords;
  while (words.size() < kVocabulary) {
    std::string word = prefixes[random() % prefixes.size()];
    for (int syllable = 0, n = 2 + static_cast<int>(random() % 3); syllable < n; ++syllable) {
      word += consonants[random() % consonants.size()];
      word += vowels[random() % vowels.size()];
      if (random() % 5 == 0) word += consonants[random() % consonants.size()];
    }
    word += suffixes[random() % suffixes.size()];
    if (seen.insert(word).second) words.push_back(word);
  }
  return words;
}

class Zipf {
 public:
  Zipf(std::size_t size, double exponent) : cumulative_(size) {
    double sum = 0;
    for (std::size_t rank = 0; rank < size; ++rank) {
      cumulative_[rank] = sum += 1.0 / std::pow(static_cast<double>(rank + 1), exponent);
    }
    for (double& value : cumulative_) value /= sum;
  }
  std::size_t operator()(std::mt19937_64& random) const {
    const double u = std::uniform_real_distribution<>(0, 1)(random);
    const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min<std::size_t>(found - cumulative_.begin(), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

// Facets like the real programme's, all at most 64 values.
Schema make_schema() {
  return Schema{{{"province", false, 38},
                 {"cluster", false, 8},
                 {"form", false, 2},
                 {"stage", false, 3},
                 {"year", false, 12},
                 {"sdgs", true, 17},
                 {"affairs", true, 32},
                 {"awards", true, 5}},
                2};
}

class CorpusMaker {
 public:
  CorpusMaker()
      : random_(2024),
        vocabulary_(make_vocabulary(random_)),
        zipf_(kVocabulary, kZipfExponent),
        provinces_(38, 0.8) {}

  const std::vector<std::string>& vocabulary() const { return vocabulary_; }

  Document document(std::uint32_t id) {
    Document document;
    document.id = id;
    document.fields.emplace_back(FieldWeight::title, text(3 + random_() % 6, 0));
    document.fields.emplace_back(FieldWeight::tags, text(3 + random_() % 3, 0));
    // 200-400 words across four sections, a quarter of them function words.
    const std::size_t body_words = 200 + random_() % 201;
    for (int section = 0; section < 4; ++section) {
      document.fields.emplace_back(FieldWeight::body, text(body_words / 4, 4));
    }
    const std::uint64_t stage_roll = random_() % 100;
    document.facet_values = {provinces_(random_),
                             random_() % 8,
                             random_() % 2,
                             stage_roll < 3    ? 0u
                             : stage_roll < 10 ? 1u
                                               : 2u,
                             random_() % 12,
                             random_bits(17, 1 + random_() % 3),
                             random_bits(32, 1 + random_() % 2),
                             random_() % 5 == 0 ? random_bits(5, 1) : 0};
    document.sort_keys = {static_cast<std::int64_t>(1388534400 + random_() % 378000000),
                          static_cast<std::int64_t>(zipf_(random_) % 50)};
    return document;
  }

 private:
  std::string text(std::size_t words, int one_stopword_in) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) {
      if (one_stopword_in > 0 && random_() % one_stopword_in == 0) {
        text += kStopwords[random_() % kStopwords.size()];
      } else {
        text += vocabulary_[zipf_(random_)];
      }
      text += i % 12 == 11 ? ". " : " ";
    }
    return text;
  }

  std::uint64_t random_bits(int cardinality, int bits) {
    std::uint64_t mask = 0;
    for (int i = 0; i < bits; ++i) mask |= std::uint64_t{1} << (random_() % cardinality);
    return mask;
  }

  std::mt19937_64 random_;
  std::vector<std::string> vocabulary_;
  Zipf zipf_;
  Zipf provinces_;  // populous provinces first, like the real programme
};

std::vector<Query> make_queries(const CorpusMaker& corpus, const Schema& schema, std::size_t count,
                                double exponent) {
  std::mt19937_64 random(99);
  const Zipf popularity(kVocabulary, exponent);
  std::vector<Query> queries;
  for (std::size_t i = 0; i < count; ++i) {
    Query query;
    const int words = 1 + static_cast<int>(random() % 3);
    for (int w = 0; w < words; ++w) {
      query.text += (w ? " " : "") + corpus.vocabulary()[popularity(random)];
    }
    query.filters.assign(schema.facets.size(), 0);
    if (random() % 100 < 30) {
      const std::size_t facet = random() % schema.facets.size();
      query.filters[facet] = std::uint64_t{1} << (random() % schema.facets[facet].cardinality);
    }
    if (random() % 100 < 10) query.offset = 20 * (1 + random() % 5);
    queries.push_back(std::move(query));
  }
  return queries;
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(fraction * (values.size() - 1))];
}

long status_kilobytes(const char* field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::string(field).size());
  }
  return -1;
}

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t document_count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const std::size_t query_count = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20000;
  const double query_exponent = argc > 3 ? std::strtod(argv[3], nullptr) : 1.0;
  const Schema schema = make_schema();
  CorpusMaker corpus;
  std::vector<Document> documents;
  std::size_t words = 0;
  for (std::uint32_t id = 1; id <= document_count; ++id) {
    documents.push_back(corpus.document(id));
    for (const auto& [weight, text] : documents.back().fields) {
      words += static_cast<std::size_t>(std::count(text.begin(), text.end(), ' '));
    }
  }
  std::printf("corpus: %zu documents, %.0f words each on average, vocabulary %zu\n", document_count,
              static_cast<double>(words) / document_count, kVocabulary);

  Index index(schema);
  const auto load_start = Clock::now();
  index.rebuild(documents);
  const double load_ms = milliseconds_since(load_start);
  documents = {};
  malloc_trim(0);
  std::printf("load: %.2f s; memory_bytes: %.1f MB; RSS without the corpus: %.1f MB\n",
              load_ms / 1000, index.memory_bytes() / 1e6, status_kilobytes("VmRSS:") / 1e3);

  const std::vector<Query> queries = make_queries(corpus, schema, query_count, query_exponent);
  for (std::size_t i = 0; i < std::min<std::size_t>(1000, queries.size()); ++i) {
    index.search(queries[i]);  // warm-up
  }
  std::vector<double> latencies;
  std::vector<double> totals;
  const auto run_start = Clock::now();
  for (const Query& query : queries) {
    const auto start = Clock::now();
    const std::uint64_t total = index.search(query).total;
    latencies.push_back(milliseconds_since(start));
    totals.push_back(static_cast<double>(total));
  }
  const double run_ms = milliseconds_since(run_start);
  std::printf(
      "search (query Zipf exponent %.2f): %zu queries, median %.3f ms, p90 %.3f ms, p99 %.3f ms, "
      "max %.3f ms, "
      "%.0f queries/s on one thread\n",
      query_exponent, queries.size(), percentile(latencies, 0.5), percentile(latencies, 0.9),
      percentile(latencies, 0.99), percentile(latencies, 1.0), queries.size() / (run_ms / 1000));
  std::printf("matches per query: median %.0f, p90 %.0f, p99 %.0f\n", percentile(totals, 0.5),
              percentile(totals, 0.9), percentile(totals, 0.99));

  std::mt19937_64 random(5);
  std::vector<double> similar_latencies;
  for (int i = 0; i < 1000; ++i) {
    const auto start = Clock::now();
    index.similar(1 + static_cast<std::uint32_t>(random() % document_count), 5);
    similar_latencies.push_back(milliseconds_since(start));
  }
  std::printf("similar: median %.3f ms, p99 %.3f ms\n", percentile(similar_latencies, 0.5),
              percentile(similar_latencies, 0.99));

  std::vector<double> upsert_latencies;
  for (int i = 0; i < 2000; ++i) {
    const Document document =
        corpus.document(1 + static_cast<std::uint32_t>(random() % document_count));
    const auto start = Clock::now();
    index.upsert(document);
    upsert_latencies.push_back(milliseconds_since(start));
  }
  std::printf("upsert: median %.3f ms, p99 %.3f ms; memory_bytes after 2000: %.1f MB\n",
              percentile(upsert_latencies, 0.5), percentile(upsert_latencies, 0.99),
              index.memory_bytes() / 1e6);
  // Removing a quarter of the catalogue triggers a compaction, which holds the write lock.
  double slowest_remove = 0;
  for (std::uint32_t id = 1; id <= document_count / 4 + 1; ++id) {
    const auto start = Clock::now();
    index.remove(id * 4 % document_count + 1);
    slowest_remove = std::max(slowest_remove, milliseconds_since(start));
  }
  std::printf("remove a quarter: slowest (the compaction) %.0f ms; memory_bytes after: %.1f MB\n",
              slowest_remove, index.memory_bytes() / 1e6);
  std::printf("peak RSS (corpus included): %.1f MB\n", status_kilobytes("VmHWM:") / 1e3);
}
