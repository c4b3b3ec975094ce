#pragma once
// The solvers' inputs (the assignment's proposals and evaluators, the timetable's panels and
// finalists) name each item once, by an `id` member.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace simpul {

// Pointers to the items in the order of their ids. Throws std::invalid_argument
// "<solver>: repeated <what> id N" when two items share an id: the caller's mistake, not data.
template <class Item>
std::vector<const Item*> sorted_by_id(const std::vector<Item>& items, std::string_view solver,
                                      std::string_view what) {
  std::vector<const Item*> sorted;
  for (const Item& item : items) sorted.push_back(&item);
  std::ranges::sort(sorted, {}, &Item::id);
  const auto repeated = std::ranges::adjacent_find(
      sorted, [](const Item* a, const Item* b) { return a->id == b->id; });
  if (repeated != sorted.end()) {
    throw std::invalid_argument(std::string(solver) + ": repeated " + std::string(what) + " id " +
                                std::to_string((*repeated)->id));
  }
  return sorted;
}

}  // namespace simpul
