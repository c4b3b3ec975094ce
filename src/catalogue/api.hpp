#pragma once
#include "app/context.hpp"

namespace simpul::catalogue {

http::Response api_search(app::Context& context);
http::Response api_page(app::Context& context);
http::Response openapi_document(app::Context& context);

}  // namespace simpul::catalogue
