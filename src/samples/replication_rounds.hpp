#pragma once
// The demo's replication commitment signings of November 2021 (samples/replication.json, from
// seeds/004): Jawa Tengah, Kepulauan Bangka Belitung and Sumatera Barat, organised by the demo
// organiser through the replication feature's own services. What the sources say is recorded as
// fact; which region chose which innovation, and what the first two signings offered, are
// marked sample data.
#include <string>

#include "core/db/database.hpp"
#include "kernel/events.hpp"

namespace simpul::samples {

// Runs each signing not recorded yet; returns whether any ran. Needs the demo organiser.
bool seed_replication_rounds(db::Database& database, const kernel::Events& events,
                             const std::string& home);

}  // namespace simpul::samples
