#pragma once
// What the presentation pages share: a slot in words, in the edition's zone and in a finalist's
// own, and the routes of the pages besides /presentasi.
#include <cstdint>
#include <string>

#include "finals/presentation_rules.hpp"
#include "finals/view.hpp"
#include "kernel/routes.hpp"

namespace simpul::finals {

// "Senin, 4 Juli 2027"
std::string day_text(const Context& context, std::int64_t utc, view::Zone zone);
// "08.00–08.20 WIB"
std::string time_range(const Context& context, const Booking& booking, view::Zone zone);
// "Senin, 4 Juli 2027, 08.00–08.20 WIB"
std::string slot_text(const Context& context, const Booking& booking, view::Zone zone);
view::Zone zone_of(const NomineeRow& finalist, view::Zone fallback);
std::string panel_label(const Context& context, std::int64_t panel);
// The booking for a table row: its day, times in the edition's zone and, when it differs, in the
// finalist's own (or the reader's) zone.
Json slot_json(const Context& context, const Booking& booking, view::Zone edition_zone,
               view::Zone own_zone);

void register_presentation_schedule_routes(
    kernel::Routes& routes);                             // presentation_schedule_page.cpp
void register_interview_routes(kernel::Routes& routes);  // interview_page.cpp

}  // namespace simpul::finals
