#include "catalogue/schema.hpp"

#include <algorithm>

#include "agencies/model.hpp"
#include "innovations/model.hpp"

namespace simpul::catalogue {
namespace {

template <class List>
std::vector<std::string> codes_of(const List& list) {
  std::vector<std::string> codes;
  for (const auto& item : list) codes.emplace_back(item);
  return codes;
}

std::uint64_t single(const FacetValues& values, Facet facet, std::string_view code) {
  auto index = values.find(facet, code);
  return index ? *index : search::kNoValue;
}

}  // namespace

std::optional<std::size_t> FacetValues::find(Facet facet, std::string_view code) const {
  const auto& list = codes[facet];
  auto it = std::find(list.begin(), list.end(), code);
  if (it == list.end()) return std::nullopt;
  return static_cast<std::size_t>(it - list.begin());
}

FacetValues facet_values(const std::vector<std::string>& province_codes) {
  FacetValues values;
  values.codes.resize(kFacetCount);
  values.codes[province] = province_codes;
  values.codes[cluster] = codes_of(agencies::kTypes);
  values.codes[form] = codes_of(innovations::kForms);
  values.codes[type] = codes_of(innovations::kTypes);
  values.codes[stage] = codes_of(innovations::kStages);
  values.codes[award] = codes_of(innovations::kAwardTiers);
  for (const auto& affair_item : innovations::kAffairs) {
    values.codes[affair].emplace_back(affair_item.code);
  }
  for (int goal = 1; goal <= innovations::kSdgCount; ++goal) {
    values.codes[sdg].push_back(std::to_string(goal));
  }
  for (int year_value = kFirstYear; year_value < kFirstYear + kYearCount; ++year_value) {
    values.codes[year].push_back(std::to_string(year_value));
  }
  values.codes[replicated] = codes_of(kReplicatedCodes);
  return values;
}

search::Schema schema(const FacetValues& values) {
  search::Schema result;
  for (std::size_t facet = 0; facet < kFacetCount; ++facet) {
    bool multi = facet == affair || facet == sdg || facet == award;
    result.facets.push_back(
        {std::string(kFacetParams[facet]), multi, static_cast<int>(values.codes[facet].size())});
  }
  result.sort_keys = kSortKeyCount;
  result.tie_key = real_record;
  return result;
}

search::Document to_document(const Published& innovation, const FacetValues& values) {
  search::Document document;
  document.id = static_cast<std::uint32_t>(innovation.id);
  document.fields = {{search::FieldWeight::title, innovation.name + " " + innovation.short_name},
                     {search::FieldWeight::tags, innovation.tags},
                     {search::FieldWeight::body, innovation.text}};
  document.facet_values.resize(kFacetCount, search::kNoValue);
  document.facet_values[province] = single(values, province, innovation.province_code);
  document.facet_values[cluster] = single(values, cluster, innovation.agency_type);
  document.facet_values[form] = single(values, form, innovation.form);
  document.facet_values[type] = single(values, type, innovation.type);
  document.facet_values[stage] = single(values, stage, innovation.stage);
  document.facet_values[affair] = static_cast<std::uint64_t>(innovation.affair_mask);
  document.facet_values[sdg] = static_cast<std::uint64_t>(innovation.sdg_mask);
  document.facet_values[award] = static_cast<std::uint64_t>(innovation.award_mask);
  if (innovation.year) {
    int offset = std::clamp(*innovation.year, kFirstYear, kFirstYear + kYearCount - 1) - kFirstYear;
    document.facet_values[year] = static_cast<std::uint64_t>(offset);
  }
  document.facet_values[replicated] = innovation.replications > 0 ? 0 : 1;
  document.sort_keys = {innovation.published_at, innovation.replications,
                        innovation.is_sample ? 0 : 1};
  return document;
}

}  // namespace simpul::catalogue
