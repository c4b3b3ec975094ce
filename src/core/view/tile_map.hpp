#pragma once
// A tile map drawn on the server as SVG: one square per area on a grid that keeps the areas'
// rough positions, shaded by a count on a five-step scale, each tile labelled and titled, and
// optionally a link. Equal squares keep a small province as visible as a large one and stay
// legible on a phone; the page shows the same numbers as a table beside it.
#include <cstdint>
#include <string>
#include <vector>

namespace simpul::view {

struct Tile {
  int column = 0;
  int row = 0;
  std::string label;  // two or three letters, drawn in the square
  std::string title;  // the full name and the count, the tile's accessible name; the label goes
                      // in front when the title does not start with it
  std::int64_t value = 0;
  std::string href;  // empty: not a link
};

// The upper bounds of the shades above zero: values 1..bounds[0] take the first, and so on; the
// last shade takes everything above bounds[2]. Chosen from the largest value so the scale
// spreads the data: {ceil(max/4), ceil(max/2), ceil(3max/4)}.
std::vector<std::int64_t> shade_bounds(std::int64_t max_value);
// 0 for zero, 1..4 for the shades above.
int shade_of(std::int64_t value, const std::vector<std::int64_t>& bounds);

// The SVG element (escaped texts), sized by its viewBox to the width of its container.
// `label` names the map for assistive technology.
std::string tile_map_svg(const std::vector<Tile>& tiles, const std::string& label);

}  // namespace simpul::view
