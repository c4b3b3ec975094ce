#pragma once
// The registry's HTTP handlers and what they share.
#include <cstdint>
#include <optional>
#include <string_view>

#include "app/context.hpp"
#include "core/util/numbers.hpp"
#include "innovations/model.hpp"
#include "innovations/rules.hpp"

namespace simpul::innovations {

Editor editor_of(const app::CurrentUser& user);
// The path parameter as an id; 404 when it is not one.
std::int64_t path_id(app::Context& context, std::string_view name = "id");
// The innovation, when the signed-in user may see its working copy: 404 or 403 otherwise.
Innovation viewable_innovation(app::Context& context, std::int64_t id);
// A one-time message named in the query (?pesan=tersimpan) after a post/redirect/get; a fixed
// list, so a link cannot put arbitrary text on the page.
std::string notice_from_query(app::Context& context);

http::Response my_innovations(app::Context& context);
http::Response new_form(app::Context& context);
http::Response create(app::Context& context);
http::Response edit_form(app::Context& context);
http::Response save(app::Context& context);
http::Response submit(app::Context& context);
http::Response publish(app::Context& context);
http::Response send_back(app::Context& context);

http::Response upload(app::Context& context);
http::Response remove_upload(app::Context& context);
http::Response download(app::Context& context);

http::Response versions(app::Context& context);

http::Response profile(app::Context& context);
http::Response preview(app::Context& context);
http::Response api_get(app::Context& context);
http::Response api_create(app::Context& context);
http::Response api_update(app::Context& context);
http::Response api_agency_list(app::Context& context);
http::Response portfolio(app::Context& context);

}  // namespace simpul::innovations
