// The innovation registry: drafting, review, publication, versions and public profiles.
#include "app/features.hpp"

namespace simpul::innovations {

void register_routes(app::Routes&) {}

}  // namespace simpul::innovations
