#include "core/view/tile_map.hpp"

#include <algorithm>

#include "core/view/template.hpp"

namespace simpul::view {
namespace {

constexpr int kTile = 40;
constexpr int kStep = 44;  // the tile and its gap
// A sequential blue scale; text turns white where the shade is dark enough (WCAG AA contrast).
constexpr const char* kFills[] = {"#e8edf2", "#c6dbef", "#9ecae1", "#4a90c2", "#0b4f85"};
constexpr const char* kInk[] = {"#3d4a57", "#1b2733", "#1b2733", "#ffffff", "#ffffff"};

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

}  // namespace

std::vector<std::int64_t> shade_bounds(std::int64_t max_value) {
  if (max_value <= 0) return {0, 0, 0};
  return {ceil_div(max_value, 4), ceil_div(max_value, 2), ceil_div(3 * max_value, 4)};
}

int shade_of(std::int64_t value, const std::vector<std::int64_t>& bounds) {
  if (value <= 0) return 0;
  int shade = 1;
  for (auto bound : bounds)
    if (value > bound) ++shade;
  return std::min(shade, 4);
}

std::string tile_map_svg(const std::vector<Tile>& tiles, const std::string& label) {
  int columns = 0, rows = 0;
  std::int64_t max_value = 0;
  for (const auto& tile : tiles) {
    columns = std::max(columns, tile.column + 1);
    rows = std::max(rows, tile.row + 1);
    max_value = std::max(max_value, tile.value);
  }
  auto bounds = shade_bounds(max_value);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tile-map\" viewBox=\"0 0 " +
                    std::to_string(columns * kStep) + " " + std::to_string(rows * kStep) +
                    "\" role=\"group\" aria-label=\"" + escape_html(label) + "\">";
  for (const auto& tile : tiles) {
    int shade = shade_of(tile.value, bounds);
    // The name starts with the letters a sighted user sees (and a voice user says).
    std::string name =
        tile.title.starts_with(tile.label) ? tile.title : tile.label + " · " + tile.title;
    std::string x = std::to_string(tile.column * kStep), y = std::to_string(tile.row * kStep);
    std::string square = "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + std::to_string(kTile) +
                         "\" height=\"" + std::to_string(kTile) + "\" rx=\"4\" fill=\"" +
                         kFills[shade] + "\"/>";
    std::string text = "<text x=\"" + std::to_string(tile.column * kStep + kTile / 2) + "\" y=\"" +
                       std::to_string(tile.row * kStep + kTile / 2 + 5) +
                       "\" text-anchor=\"middle\" font-size=\"14\" fill=\"" + kInk[shade] +
                       "\" aria-hidden=\"true\">" + escape_html(tile.label) + "</text>";
    // The name is the aria-label alone: a <title> would add its words to the text axe and
    // voice control read as the link's visible text.
    std::string inner = square + text;
    if (tile.href.empty()) {
      svg += "<g role=\"img\" aria-label=\"" + escape_html(name) + "\">" + inner + "</g>";
    } else {
      svg += "<a href=\"" + escape_html(tile.href) + "\" aria-label=\"" + escape_html(tile.title) +
             "\">" + inner + "</a>";
    }
  }
  return svg + "</svg>";
}

}  // namespace simpul::view
