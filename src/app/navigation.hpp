#pragma once
// The site's frame around every page: the programme's public sections, the account menu of the
// signed-in role and its unread notices. The app root owns it because it links every feature.
#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::app {

// count_unread: one indexed count of the signed-in user's unread notices (full pages only).
void add_frame(db::Database& database, const kernel::Context& context, view::Json& model,
               bool count_unread);

}  // namespace simpul::app
