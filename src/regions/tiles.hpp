#pragma once
// Where each of the 38 provinces sits on a tile map: a 16 x 7 grid laid out west to east and north
// to south as on a map of Indonesia (Sumatra on the left, Java and Nusa Tenggara along the bottom,
// Kalimantan and Sulawesi in the middle, Maluku and the six Papuan provinces on the right), with
// the usual two-letter abbreviation of each.
#include <span>
#include <string_view>

namespace simpul::regions {

struct ProvinceTile {
  std::string_view code;  // Kemendagri code, "65"
  int column = 0;
  int row = 0;
  std::string_view abbreviation;  // "KU"
};

std::span<const ProvinceTile> province_tiles();

}  // namespace simpul::regions
