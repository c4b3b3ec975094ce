// The tile map: the shade scale spreads the counts, the SVG escapes what it is given, a tile is a
// link only when it has one, and every tile is named for assistive technology.
#include "core/view/tile_map.hpp"

#include <gtest/gtest.h>

namespace simpul::view {
namespace {

TEST(TileMap, TheScaleSpreadsTheCountsOverFourShades) {
  auto bounds = shade_bounds(19);  // Sumatera Barat's 19 regencies and cities
  EXPECT_EQ(bounds, (std::vector<std::int64_t>{5, 10, 15}));
  EXPECT_EQ(shade_of(0, bounds), 0);
  EXPECT_EQ(shade_of(1, bounds), 1);
  EXPECT_EQ(shade_of(5, bounds), 1);
  EXPECT_EQ(shade_of(6, bounds), 2);
  EXPECT_EQ(shade_of(15, bounds), 3);
  EXPECT_EQ(shade_of(16, bounds), 4);
  EXPECT_EQ(shade_of(19, bounds), 4);
  // One region replicating somewhere: the only non-zero tile takes the first shade.
  EXPECT_EQ(shade_of(1, shade_bounds(1)), 1);
  EXPECT_EQ(shade_of(0, shade_bounds(0)), 0);
}

TEST(TileMap, TheSvgNamesEveryTileAndEscapesText) {
  std::vector<Tile> tiles = {
      {0, 0, "AC", "Aceh: 0", 0, ""},
      {2, 1, "S<B", "S<B Sumatera \"Barat\": 19", 19, "/replikasi?p=13&x=1"}};
  auto svg = tile_map_svg(tiles, "Peta <replikasi>");
  EXPECT_NE(svg.find("viewBox=\"0 0 132 88\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("aria-label=\"Peta &lt;replikasi&gt;\""), std::string::npos);
  // The letters drawn are part of the name (what a voice user says to follow the link).
  EXPECT_NE(svg.find("<g role=\"img\" aria-label=\"AC · Aceh: 0\">"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/replikasi?p=13&amp;x=1\" aria-label=\"S&lt;B Sumatera "
                     "&quot;Barat&quot;: 19\">"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("S&lt;B"), std::string::npos);
  EXPECT_EQ(svg.find("S<B"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#0b4f85\""), std::string::npos) << "the largest count is darkest";
  EXPECT_NE(svg.find("fill=\"#e8edf2\""), std::string::npos) << "zero is the pale tile";
}

}  // namespace
}  // namespace simpul::view
