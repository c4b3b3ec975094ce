#pragma once
// The competition pages' handlers.
#include "kernel/context.hpp"

namespace simpul::competitions {

// Public: the list of published editions (with the visitor's own when it runs competitions) and
// an edition's page.
http::Response list(kernel::Context& context);
http::Response show(kernel::Context& context);

// The organisers: a new edition, its set-up part by part, publication, extensions and copies.
http::Response new_form(kernel::Context& context);
http::Response create(kernel::Context& context);
http::Response setup(kernel::Context& context);
http::Response save(kernel::Context& context);
http::Response publish(kernel::Context& context);
http::Response extend_form(kernel::Context& context);
http::Response extend(kernel::Context& context);
http::Response copy_form(kernel::Context& context);
http::Response copy(kernel::Context& context);

}  // namespace simpul::competitions
