// docs/glossary.md gives each of the programme's things one name per language; its last column
// lists the English words that would make one thing look like two. A message whose Indonesian
// text uses a term may not say one of those in English.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/view/i18n.hpp"

namespace simpul::view {
namespace {

const std::string kGlossaryHome = SIMPUL_SOURCE_DIR;

struct Term {
  std::string indonesian;
  std::vector<std::string> ruled_out;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(' ');
  auto last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The table's rows: | Indonesian | English | Meaning | Not in English |.
std::vector<Term> glossary() {
  std::ifstream in(kGlossaryHome + "/docs/glossary.md");
  std::vector<Term> terms;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| ") || line.starts_with("| Indonesian")) continue;
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trimmed(cell));
    if (cells.size() < 4 || cells[3].empty()) continue;
    Term term{lower(cells[0]), {}};
    std::stringstream words(cells[3]);
    for (std::string word; std::getline(words, word, ',');)
      term.ruled_out.push_back(lower(trimmed(word)));
    terms.push_back(std::move(term));
  }
  return terms;
}

// A whole word or phrase: letters on neither side.
bool has_phrase(const std::string& text, const std::string& phrase) {
  for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
    bool before = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    auto end = at + phrase.size();
    bool after = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (before && after) return true;
  }
  return false;
}

TEST(Glossary, HasTheProgrammesTermsWithWhatTheyAreNotCalled) {
  auto terms = glossary();
  EXPECT_GE(terms.size(), 10u) << "docs/glossary.md lost its table";
}

TEST(Glossary, TheCataloguesNameEachThingOneWay) {
  auto catalog = Catalog::load(kGlossaryHome + "/i18n");
  auto terms = glossary();
  std::vector<std::string> clashes;
  for (const auto& key : catalog.keys(Lang::id)) {
    std::string indonesian = lower(catalog.text(Lang::id, key));
    std::string english = lower(catalog.text(Lang::en, key));
    for (const auto& term : terms) {
      if (!has_phrase(indonesian, term.indonesian)) continue;
      for (const auto& word : term.ruled_out)
        if (has_phrase(english, word))
          clashes.push_back(key + ": \"" + word + "\" for " + term.indonesian);
    }
  }
  EXPECT_TRUE(clashes.empty()) << [&] {
    std::string all;
    for (const auto& c : clashes) all += c + "\n";
    return all;
  }();
}

}  // namespace
}  // namespace simpul::view
