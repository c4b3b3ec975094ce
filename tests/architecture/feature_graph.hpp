#pragma once
// The feature graph as src/features.cmake declares it, and the table docs/architecture.md shows
// of it, so the document cannot drift from the build.
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace simpul::architecture {

struct FeatureDeclaration {
  std::string name;
  std::vector<std::string> uses;
  std::vector<std::string> public_headers;
};

// Every simpul_feature(...) call, in order; comments (#) are skipped.
inline std::vector<FeatureDeclaration> read_features(const std::string& cmake) {
  std::string code;
  std::istringstream lines(cmake);
  for (std::string line; std::getline(lines, line);) code += line.substr(0, line.find('#')) + " ";
  static const std::regex call(R"(simpul_feature\(([^)]*)\))");
  std::vector<FeatureDeclaration> features;
  for (std::sregex_iterator it(code.begin(), code.end(), call), end; it != end; ++it) {
    std::istringstream words((*it)[1].str());
    FeatureDeclaration feature;
    words >> feature.name;
    std::vector<std::string>* target = nullptr;
    for (std::string word; words >> word;) {
      if (word == "USES") {
        target = &feature.uses;
      } else if (word == "PUBLIC") {
        target = &feature.public_headers;
      } else if (word == "LIBS") {
        target = nullptr;
      } else if (target) {
        target->push_back(word);
      }
    }
    features.push_back(std::move(feature));
  }
  return features;
}

// The feature and every feature it uses, directly or through others.
inline std::set<std::string> reachable(const std::vector<FeatureDeclaration>& features,
                                       const std::string& name) {
  std::set<std::string> seen;
  std::vector<std::string> next{name};
  while (!next.empty()) {
    std::string current = next.back();
    next.pop_back();
    if (!seen.insert(current).second) continue;
    for (const auto& f : features)
      if (f.name == current) next.insert(next.end(), f.uses.begin(), f.uses.end());
  }
  return seen;
}

inline std::string joined(const std::vector<std::string>& words) {
  if (words.empty()) return "—";
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

// The Markdown table of the graph: one row per feature, in declaration order.
inline std::string graph_table(const std::vector<FeatureDeclaration>& features) {
  std::string table = "| feature | uses | public headers (besides feature.hpp) |\n|---|---|---|\n";
  for (const auto& f : features) {
    table += "| " + f.name + " | " + joined(f.uses) + " | " + joined(f.public_headers) + " |\n";
  }
  return table;
}

}  // namespace simpul::architecture
