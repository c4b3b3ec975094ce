#pragma once
// A deterministic generator of realistic Indonesian-language innovations, for tests and benchmarks
// (`simpul seed --synthetic N --seed S`). The same seed and region data give the same corpus.
//
// What "realistic" means here (the team's BENCHMARKS.md): a vocabulary of 20,000+ content words
// with Zipf-like frequencies, the programme's own words first and place names from idn-area-data
// as the rare tail; 200-400 words of text per innovation; names of 3-8 words; forms about half
// public service and half governance; about 90% at the implementation stage; years 2014 to now;
// spread over every agency.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "innovations/model.hpp"

namespace simpul::synthetic {

class Vocabulary {
 public:
  // The programme's words, then extra_words (place names, deduplicated, lower-cased).
  explicit Vocabulary(const std::vector<std::string>& extra_words);
  std::size_t size() const { return words_.size(); }
  // A word drawn with Zipf-like popularity (rank r with weight 1 / (r + 2.7)).
  const std::string& draw(std::mt19937_64& random) const;
  const std::string& at(std::size_t rank) const { return words_[rank]; }

 private:
  std::vector<std::string> words_;
  std::vector<double> cumulative_;
};

struct SyntheticInnovation {
  std::size_t agency_index = 0;  // into the agency list given to the generator
  std::string unit_name;         // a typical OPD name
  innovations::Fields fields;
};

class Generator {
 public:
  Generator(const Vocabulary& vocabulary, std::uint64_t seed, std::size_t agency_count,
            int current_year);
  SyntheticInnovation next();

 private:
  std::string sentence(std::size_t words);
  std::string paragraph(std::size_t words);
  std::string title();

  const Vocabulary& vocabulary_;
  std::mt19937_64 random_;
  std::size_t agency_count_;
  int current_year_;
  std::uint64_t counter_ = 0;
};

// The whole of a text file; throws std::runtime_error naming it when it cannot be read.
std::string read_text(const std::string& path);

// Place names from idn-area-data CSV text (districts.csv or villages.csv: code,...,name): the
// single words of every name, lower-cased, in file order, without duplicates.
std::vector<std::string> place_words(const std::string& csv_text, std::size_t limit);

}  // namespace simpul::synthetic
