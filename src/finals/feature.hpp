#pragma once
// What the app root wires of this feature.
#include "competitions/editions.hpp"
#include "kernel/routes.hpp"

namespace simpul::finals {

void register_routes(kernel::Routes& routes);
// Tells the competition its pages on an edition's page.
void register_stage(competitions::LaterStages& stages);

}  // namespace simpul::finals
