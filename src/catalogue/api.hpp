#pragma once
#include "kernel/context.hpp"

namespace simpul::catalogue {

http::Response api_search(kernel::Context& context);
http::Response api_page(kernel::Context& context);
http::Response openapi_document(kernel::Context& context);

}  // namespace simpul::catalogue
