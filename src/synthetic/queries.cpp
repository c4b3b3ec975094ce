#include "synthetic/queries.hpp"

#include <random>

#include "core/http/message.hpp"

namespace simpul::synthetic {
namespace {

// One facet filter of the kind people pick: a province, a cluster, a form, a stage or a year.
std::string facet_filter(std::mt19937_64& random) {
  static const char* kFilters[] = {
      "provinsi=65",        "provinsi=32",       "provinsi=35",
      "provinsi=73",        "provinsi=91",       "klaster=kota",
      "klaster=kabupaten",  "klaster=provinsi",  "bentuk=pelayanan_publik",
      "bentuk=tata_kelola", "jenis=digital",     "tahap=penerapan",
      "tahap=uji_coba",     "tahun=2021",        "tahun=2023",
      "urusan=kesehatan",   "urusan=pendidikan", "sdg=3"};
  return kFilters[random() % std::size(kFilters)];
}

}  // namespace

std::vector<std::string> search_paths(const Vocabulary& vocabulary, std::size_t count,
                                      std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::string> paths;
  paths.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t words = 1 + random() % 3;
    std::string text;
    for (std::size_t w = 0; w < words; ++w) text += (w ? " " : "") + vocabulary.draw(random);
    std::string path = "/katalog?q=" + http::url_encode(text);
    auto roll = random() % 100;
    if (roll < 30) path += "&" + facet_filter(random);
    if (roll >= 90) path += "&halaman=" + std::to_string(2 + random() % 3);
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace simpul::synthetic
