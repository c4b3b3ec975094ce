#pragma once
// The real KIPP editions of samples/competitions.json for the demo: published as the sources
// report them, dates typed in the edition's zone, facts the sources do not give left empty, and
// each edition's sources in its "sumber" note.
#include <string>

#include "core/db/database.hpp"

namespace simpul::competitions {

// Loads the editions that are not there yet (same level, owner and year), each with an audit
// event; returns how many it added. Throws std::runtime_error naming the edition and field when
// the file is malformed.
int seed_demo_editions(db::Database& database, const std::string& home);

}  // namespace simpul::competitions
