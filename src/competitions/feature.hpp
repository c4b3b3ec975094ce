#pragma once
// What the app root wires of this feature.
#include "kernel/routes.hpp"

namespace simpul::competitions {

void register_routes(kernel::Routes& routes);

}  // namespace simpul::competitions
