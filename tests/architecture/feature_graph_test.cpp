// docs/architecture.md shows the feature graph exactly as src/features.cmake declares it.
#include "feature_graph.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace simpul::architecture {
namespace {

std::string read_source(const std::string& relative) {
  std::ifstream in(std::filesystem::path(SIMPUL_SOURCE_DIR) / relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(FeatureGraph, ReadsTheDeclarations) {
  auto features = read_features(R"(
    # a comment with simpul_feature(ignored)
    simpul_feature(audit PUBLIC audit.hpp)
    simpul_feature(finals USES judging
                   LIBS simpul_sheet)
    simpul_feature(judging USES proposals competitions PUBLIC results.hpp LIBS ${GLPK_LIBRARY})
  )");
  ASSERT_EQ(features.size(), 3u);
  EXPECT_EQ(features[1].name, "finals");
  EXPECT_EQ(features[1].uses, (std::vector<std::string>{"judging"}));
  EXPECT_TRUE(features[1].public_headers.empty());
  EXPECT_EQ(features[2].uses, (std::vector<std::string>{"proposals", "competitions"}));
  EXPECT_EQ(features[2].public_headers, (std::vector<std::string>{"results.hpp"}));
  EXPECT_EQ(graph_table(features),
            "| feature | uses | public headers (besides feature.hpp) |\n|---|---|---|\n"
            "| audit | — | audit.hpp |\n| finals | judging | — |\n"
            "| judging | proposals, competitions | results.hpp |\n");
}

TEST(FeatureGraph, TheArchitecturePageShowsTheDeclaredGraph) {
  auto table = graph_table(read_features(read_source("src/features.cmake")));
  EXPECT_NE(read_source("docs/architecture.md").find(table), std::string::npos)
      << "docs/architecture.md should contain this table:\n"
      << table;
}

}  // namespace
}  // namespace simpul::architecture
