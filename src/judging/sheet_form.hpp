#pragma once
// What the evaluators' score sheets and the panel's interview sheets share on the page: the
// rubric's aspects as fields. A refused form comes back with what was typed; otherwise the
// stored scores fill it.
#include <map>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "judging/scoring.hpp"
#include "kernel/context.hpp"

namespace simpul::judging {

// Each aspect's code, title, weight, scale, guidance, value and error ("score.<code>" in errors).
kernel::Json aspect_fields(const kernel::Context& context,
                           const std::vector<competitions::RubricAspect>& rubric,
                           const TypedSheet* typed, const std::map<std::string, int>* stored,
                           const FieldErrors& errors);

}  // namespace simpul::judging
