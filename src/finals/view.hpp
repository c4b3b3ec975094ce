#pragma once
// What the panel's pages share: the edition and proposal in the path, where the edition stands,
// labels and numbers in the visitor's language.
#include <cstdint>
#include <string>

#include "competitions/model.hpp"
#include "finals/model.hpp"
#include "finals/nominees.hpp"
#include "finals/service.hpp"
#include "finals/store.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {

using kernel::Context;
using kernel::Json;

// The edition for the panel's pages: 404, or 403 for who is not on the panel.
competitions::Edition panel_edition(Context& context);
std::optional<Stage> stage_of(Context& context, std::int64_t edition_id);
std::string score_text(const Context& context, double score);
std::string tier_label(const Context& context, std::string_view tier);  // "" for none
// The nominee as the tables show it.
Json nominee_json(const Context& context, const NomineeRow& n);

}  // namespace simpul::finals
