#pragma once
// The panel's routes, registered by page file.
#include "app/context.hpp"

namespace simpul::finals {

// Signed-in panelists and those who run competitions; each handler then checks the edition
// (finals::is_panel, finals::runs).
app::Access panel_access();

void register_nomination_routes(app::Routes& routes);  // nomination_page.cpp
void register_finalist_routes(app::Routes& routes);    // finalists_page.cpp
void register_objection_routes(app::Routes& routes);   // objections_page.cpp
void register_decision_routes(app::Routes& routes);    // decisions_page.cpp
void register_results_routes(app::Routes& routes);     // results_page.cpp
void register_export_routes(app::Routes& routes);      // export_page.cpp
// Presentations, the timetables and the interview sheets (presentation_page.cpp).
void register_presentation_routes(app::Routes& routes);

}  // namespace simpul::finals
