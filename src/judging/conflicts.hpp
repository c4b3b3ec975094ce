#pragma once
// Declared conflicts of interest: the typed ties an evaluator declares with agencies, and whether
// a tie still counts. Pure.
//
// Decision, for the record: a tie counts while it lasts and for kLookBackMonths after it ended
// (three years, as the conflict rules of large public research funders count past employment and
// collaboration), measured to the local date of the check. A tie that ended on 22 November 2023
// still counts on 22 November 2026 and no longer on the 23rd.
#include <optional>
#include <string>
#include <string_view>

#include "competitions/calendar.hpp"

namespace simpul::judging {

// Labels under "judging.conflict.kind.<code>".
inline constexpr std::string_view kConflictKinds[] = {"employment", "advisory", "collaboration",
                                                      "family", "other"};
inline constexpr int kLookBackMonths = 36;
inline constexpr std::size_t kMaxConflictNote = 500;
inline constexpr std::size_t kMaxInstitution = 200;
inline constexpr std::size_t kMaxConflictsPerEvaluator = 100;

bool is_conflict_kind(std::string_view code);

// Whether a tie that ended on ended_on (nullopt: it lasts) still counts on `today`.
bool still_counts(const std::optional<competitions::LocalDate>& ended_on,
                  competitions::LocalDate today);

}  // namespace simpul::judging
