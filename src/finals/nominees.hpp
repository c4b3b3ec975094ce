#pragma once
// What the panel's pages and the finals' services share about nominees: the panelist conflict
// rules and the quota fields, which need the nominees' rows of the finals store.
#include <cstdint>
#include <optional>
#include <vector>

#include "competitions/model.hpp"
#include "core/db/database.hpp"
#include "finals/model.hpp"
#include "finals/store.hpp"
#include "judging/assignment.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {

// Whether the user is a panelist in conflict with the nominee's agency (its own, its province, a
// declared tie that still counts): such a panelist is refused every step on that nominee (403
// "finals.error.conflicted"), its interview included.
bool panelist_conflicted(db::Transaction& tx, const kernel::CurrentUser& user,
                         const competitions::Edition& edition, const NomineeRow& nominee,
                         std::int64_t now);
// The signed-in panelist as the conflict rules see them (workplace, ties still counting); nullopt
// for whoever is not a panelist. For a step over many finalists, read once.
std::optional<judging::Evaluator> panelist_profile(db::Transaction& tx,
                                                   const kernel::CurrentUser& user,
                                                   const competitions::Edition& edition,
                                                   std::int64_t now);
bool conflicted_with(const std::optional<judging::Evaluator>& panelist, const NomineeRow& nominee);
// The quotas' form fields for the edition: its categories, groups, clusters, the nominees'
// provinces and 3T.
std::vector<QuotaField> quota_fields(const competitions::Edition& edition,
                                     const std::vector<NomineeRow>& nominees);
}  // namespace simpul::finals
