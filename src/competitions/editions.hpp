#pragma once
// What later stages (proposals, judging, finals) read of an edition inside their own
// transactions, and the edition's row lock they take before a step that must not interleave.
#include <cstdint>
#include <optional>

#include "competitions/model.hpp"
#include "core/db/database.hpp"

namespace simpul::competitions {

std::optional<Edition> find_edition(db::Transaction& tx, std::int64_t id);

// Takes the edition's row lock for the rest of the transaction: steps that read the edition's
// state and then change it (a cap's last place, a publication, a reminder round) run one after the
// other on PostgreSQL as they do on SQLite, whose writers take turns anyway.
void lock_edition(db::Transaction& tx, std::int64_t id);

// How far the panel's stages (finals/) have come, for the edition page's links.
struct FinalsProgress {
  bool nominated = false;
  bool finalists_published = false;
  bool results_published = false;
};
FinalsProgress finals_progress(db::Transaction& tx, std::int64_t id);

}  // namespace simpul::competitions
