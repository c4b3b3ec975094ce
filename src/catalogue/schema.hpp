#pragma once
// The catalogue's facets and how a published innovation becomes a search document. The facet
// order here is the order of search::Schema::facets, Query::filters and Result::facet_counts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/index.hpp"

namespace simpul::catalogue {

enum Facet : std::size_t {
  province,
  cluster,
  form,
  type,
  stage,
  award,
  affair,
  sdg,
  year,
  replicated,  // replicated by another agency ("sudah") or not yet ("belum")
  kFacetCount
};

// The URL parameter of each facet, in Facet order: /katalog?provinsi=65&bentuk=tata_kelola.
inline constexpr std::string_view kFacetParams[] = {"provinsi", "klaster",     "bentuk", "jenis",
                                                    "tahap",    "penghargaan", "urusan", "sdg",
                                                    "tahun",    "replikasi"};
static_assert(std::size(kFacetParams) == kFacetCount);

inline constexpr int kFirstYear = 2014;  // the first KIPP year; earlier years count as 2014
inline constexpr int kYearCount = 17;    // 2014 .. 2030
inline constexpr std::string_view kReplicatedCodes[] = {"sudah", "belum"};

// real_record is no order a visitor chooses: it breaks ties of relevance, so that at equal
// relevance a real record comes before a sample one (search::Schema::tie_key).
enum SortKey : int { newest = 0, most_replicated = 1, real_record = 2, kSortKeyCount };

// The codes of each facet's values, in value order. Provinces come from the database.
struct FacetValues {
  std::vector<std::vector<std::string>> codes;  // [facet][value] -> code ("65", "kota", "2021")
  std::optional<std::size_t> find(Facet facet, std::string_view code) const;
};
FacetValues facet_values(const std::vector<std::string>& province_codes);
search::Schema schema(const FacetValues& values);

// What the catalogue indexes of one published innovation.
struct Published {
  std::int64_t id = 0;
  std::string name, short_name;
  std::string province_code, agency_type, form, type, stage;
  std::optional<int> year;
  std::int64_t sdg_mask = 0, affair_mask = 0;
  std::int64_t award_mask = 0;  // bit i for innovations::kAwardTiers[i]
  std::int64_t published_at = 0;
  std::int64_t replications = 0;
  bool is_sample = false;  // generated for the demo, marked "data contoh"
  std::string tags;        // space separated
  std::string text;        // problem, design, goals, benefits
};

search::Document to_document(const Published& innovation, const FacetValues& values);

}  // namespace simpul::catalogue
