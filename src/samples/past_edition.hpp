#pragma once
// The demo's past edition, run from the call to the certificates through the features' own
// services, each step at a moment of its stage (the edition in samples/competitions.json whose
// stages ended about a year ago): Kalimantan Utara's local admin enters its sample innovations, the
// hub screens and announces, two sample evaluators and demo.evaluator score, the hub nominates, the
// panel shortlists, the finalists are published, one objection is filed and dismissed, the panel
// decides and the hub publishes the results, whose awards reach the innovations' profiles. A
// newcomer sees every stage's pages filled without typing anything; every step is in the audit
// log as the system's demo seeder.
#include <string>

#include "core/db/database.hpp"

namespace simpul::samples {

inline constexpr char kPastEditionTitle[] =
    "Kompetisi Inovasi Pelayanan Publik Kalimantan Utara (contoh, edisi lalu)";

// Runs the past edition once (nothing when its results are published already, or when the
// edition or the demo accounts are missing). Returns whether it ran; throws what a step throws,
// naming the step.
bool seed_past_edition(db::Database& database, const std::string& home);

}  // namespace simpul::samples
