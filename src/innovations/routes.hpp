#pragma once
// The registry's HTTP handlers and what they share.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/util/numbers.hpp"
#include "innovations/model.hpp"
#include "innovations/rules.hpp"
#include "kernel/context.hpp"

namespace simpul::innovations {

Editor editor_of(const kernel::CurrentUser& user);
// The innovation, when the signed-in user may see its working copy: 404 or 403 otherwise.
Innovation viewable_innovation(kernel::Context& context, std::int64_t id);

http::Response my_innovations(kernel::Context& context);
http::Response new_form(kernel::Context& context);
http::Response create(kernel::Context& context);
http::Response edit_form(kernel::Context& context);
http::Response save(kernel::Context& context);
http::Response submit(kernel::Context& context);
http::Response publish(kernel::Context& context);
http::Response send_back(kernel::Context& context);

http::Response download(kernel::Context& context);

http::Response versions(kernel::Context& context);

http::Response profile(kernel::Context& context);
http::Response preview(kernel::Context& context);
http::Response api_get(kernel::Context& context);
http::Response api_create(kernel::Context& context);
http::Response api_update(kernel::Context& context);
http::Response api_agency_list(kernel::Context& context);
http::Response portfolio(kernel::Context& context);

}  // namespace simpul::innovations
