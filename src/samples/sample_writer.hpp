#pragma once
// Sample innovations for the demo that read as plausible profiles: sentences of the programme's
// own kind (samples/sample_texts.json: service areas with their units, services, people,
// problems, designs, goals, benefits and results, and ways of working), filled from a seeded
// random draw so the same seed gives the same samples. They are published as samples ("data
// contoh") and rank below real records at equal relevance. The benchmark's generator
// (synthetic::Generator) stays as it is: its word statistics suit load, not reading.
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/util/errors.hpp"
#include "synthetic/corpus.hpp"

namespace simpul::samples {

class SampleWriter {
 public:
  // Throws std::runtime_error naming what is missing when texts is not of the expected shape.
  SampleWriter(nlohmann::json texts, std::uint64_t seed, int current_year);
  // One innovation of the given form ("pelayanan_publik" or "tata_kelola"), its name unlike any
  // earlier one of this writer.
  synthetic::SyntheticInnovation next(std::string_view form);

 private:
  const nlohmann::json& pick(const nlohmann::json& list);
  int between(int low, int high);
  std::string sentences(const nlohmann::json& templates, std::size_t count,
                        const MessageArgs& slots);
  void set_dates_and_kind(innovations::Fields& fields, bool digital);

  nlohmann::json texts_;
  std::mt19937_64 random_;
  int current_year_;
  std::set<std::string> names_;
};

}  // namespace simpul::samples
