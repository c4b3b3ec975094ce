#pragma once
// The demo data of `simpul serve --demo` and `simpul seed --demo`: the real innovations of the
// seed articles (samples/innovations.json), loaded straight into the published state through the
// same functions as the synthetic corpus (synthetic/seed.hpp).
#include <string>

#include "core/db/database.hpp"

namespace simpul::samples {

// The real innovations of samples/innovations.json, and sample innovations that bring each listed
// agency up to its reported portfolio counts. Runs once per database; false when it already had.
bool seed_demo_innovations(db::Database& database, const std::string& home);

}  // namespace simpul::samples
