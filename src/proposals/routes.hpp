#pragma once
// The proposal pages' handlers.
#include "kernel/context.hpp"

namespace simpul::proposals {

// An edition's proposals as the visitor may see them (a unit's, an agency's, or the organiser's
// submitted ones with the screening form), and the screening of a chosen few.
http::Response list(kernel::Context& context);
http::Response screen_chosen(kernel::Context& context);
// Starting a proposal from a published innovation.
http::Response start_form(kernel::Context& context);
http::Response start(kernel::Context& context);
// One proposal: its page, its form, its attachments and its way through the agency.
http::Response show(kernel::Context& context);
http::Response save(kernel::Context& context);
http::Response download(kernel::Context& context);
http::Response send_page(kernel::Context& context);
http::Response send_back_page(kernel::Context& context);
http::Response submit_page(kernel::Context& context);
http::Response withdraw_page(kernel::Context& context);
// The screening's announcement: public once published; the organiser previews and publishes it.
http::Response announcement(kernel::Context& context);
http::Response announce_page(kernel::Context& context);

}  // namespace simpul::proposals
