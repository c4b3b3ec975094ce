#pragma once
// What the proposal pages share: labels, links, and errors in the visitor's language.
#include <cstdint>
#include <string>
#include <string_view>

#include "competitions/eligibility.hpp"
#include "kernel/context.hpp"
#include "proposals/model.hpp"
#include "proposals/service.hpp"

namespace simpul::proposals {

using kernel::Context;
using kernel::Json;

// "proposal.<list>.<code>" in the visitor's language: status, reason, place.
std::string label(const Context& context, std::string_view list, std::string_view code);
std::string group_label(const Context& context, std::string_view code);
std::string cluster_label(const Context& context, std::string_view code);
Json reasons_json(Context& context, const std::vector<competitions::Reason>& reasons,
                  view::Zone zone);
Json checklist_json(const Context& context, const std::vector<CheckItem>& items);
// The three SINOVIK counts.
Json counts_json(const Counts& counts);

}  // namespace simpul::proposals
