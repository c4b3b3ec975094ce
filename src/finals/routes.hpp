#pragma once
// The panel's routes, registered by page file.
#include "kernel/routes.hpp"

namespace simpul::finals {

// Signed-in panelists and those who run competitions; each handler then checks the edition
// (finals::is_panel, finals::runs).
kernel::Access panel_access();

void register_nomination_routes(kernel::Routes& routes);  // nomination_page.cpp
void register_finalist_routes(kernel::Routes& routes);    // finalists_page.cpp
void register_objection_routes(kernel::Routes& routes);   // objections_page.cpp
void register_decision_routes(kernel::Routes& routes);    // decisions_page.cpp
void register_results_routes(kernel::Routes& routes);     // results_page.cpp
void register_export_routes(kernel::Routes& routes);      // export_page.cpp
// Presentations, the timetables and the interview sheets (presentation_page.cpp).
void register_presentation_routes(kernel::Routes& routes);

}  // namespace simpul::finals
