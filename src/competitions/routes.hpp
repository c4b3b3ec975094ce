#pragma once
// The competition pages' handlers.
#include "app/context.hpp"

namespace simpul::competitions {

// Public: the list of published editions (with the visitor's own when it runs competitions) and
// an edition's page.
http::Response list(app::Context& context);
http::Response show(app::Context& context);

// The organisers: a new edition, its set-up part by part, publication, extensions and copies.
http::Response new_form(app::Context& context);
http::Response create(app::Context& context);
http::Response setup(app::Context& context);
http::Response save(app::Context& context);
http::Response publish(app::Context& context);
http::Response extend_form(app::Context& context);
http::Response extend(app::Context& context);
http::Response copy_form(app::Context& context);
http::Response copy(app::Context& context);

}  // namespace simpul::competitions
