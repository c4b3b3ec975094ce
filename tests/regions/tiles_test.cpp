// The tile map's provinces: all 38, each on its own square, each abbreviation once, and the
// islands in their order from west to east.
#include "regions/tiles.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace simpul::regions {
namespace {

TEST(ProvinceTiles, EveryProvinceOnItsOwnSquare) {
  auto tiles = province_tiles();
  EXPECT_EQ(tiles.size(), 38u);
  std::set<std::string> codes, abbreviations;
  std::set<std::pair<int, int>> squares;
  std::map<std::string, int> column;
  for (const auto& tile : tiles) {
    codes.insert(std::string(tile.code));
    abbreviations.insert(std::string(tile.abbreviation));
    squares.insert({tile.column, tile.row});
    column[std::string(tile.code)] = tile.column;
    EXPECT_GE(tile.column, 0);
    EXPECT_LT(tile.column, 16);
    EXPECT_GE(tile.row, 0);
    EXPECT_LT(tile.row, 7);
  }
  EXPECT_EQ(codes.size(), 38u);
  EXPECT_EQ(abbreviations.size(), 38u);
  EXPECT_EQ(squares.size(), 38u) << "no two provinces on one square";
  // West to east: Aceh, Jakarta, Kalimantan Utara, Sulawesi Utara, Maluku, Papua.
  EXPECT_LT(column["11"], column["31"]);
  EXPECT_LT(column["31"], column["65"]);
  EXPECT_LT(column["65"], column["71"]);
  EXPECT_LT(column["71"], column["81"]);
  EXPECT_LT(column["81"], column["91"]);
}

}  // namespace
}  // namespace simpul::regions
