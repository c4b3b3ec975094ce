#include "judging/conflicts.hpp"

#include <algorithm>

namespace simpul::judging {

bool is_conflict_kind(std::string_view code) {
  return std::find(std::begin(kConflictKinds), std::end(kConflictKinds), code) !=
         std::end(kConflictKinds);
}

bool still_counts(const std::optional<competitions::LocalDate>& ended_on,
                  competitions::LocalDate today) {
  // The tie counts until the day kLookBackMonths after it ended, that day included.
  return !ended_on || competitions::latest_start(today, kLookBackMonths) <= *ended_on;
}

}  // namespace simpul::judging
