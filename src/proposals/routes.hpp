#pragma once
// The proposal pages' handlers.
#include "app/context.hpp"

namespace simpul::proposals {

// An edition's proposals as the visitor may see them (a unit's, an agency's, or the organiser's
// submitted ones with the screening form), and the screening of a chosen few.
http::Response list(app::Context& context);
http::Response screen_chosen(app::Context& context);
// Starting a proposal from a published innovation.
http::Response start_form(app::Context& context);
http::Response start(app::Context& context);
// One proposal: its page, its form, its attachments and its way through the agency.
http::Response show(app::Context& context);
http::Response save(app::Context& context);
http::Response upload(app::Context& context);
http::Response video(app::Context& context);
http::Response remove_upload(app::Context& context);
http::Response download(app::Context& context);
http::Response send(app::Context& context);
http::Response send_back(app::Context& context);
http::Response submit(app::Context& context);
http::Response withdraw(app::Context& context);
// The screening's announcement: public once published; the organiser previews and publishes it.
http::Response announcement(app::Context& context);
http::Response announce(app::Context& context);

}  // namespace simpul::proposals
