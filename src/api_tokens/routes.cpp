// The local admin's page of the agency's API tokens: the list, a form for a new one (shown once,
// on the answer to the form, never again), and revocation.
#include "api_tokens/feature.hpp"
#include "api_tokens/paths.hpp"
#include "api_tokens/service.hpp"
#include "api_tokens/store.hpp"
#include "api_tokens/token.hpp"
#include "core/util/numbers.hpp"
#include "kernel/paths.hpp"

namespace simpul::api_tokens {
namespace {

using auth::Role;
using kernel::Access;
using kernel::Context;
using kernel::Json;

Json token_rows(Context& context, std::int64_t agency_id) {
  auto tokens = context.db().read([&](db::Transaction& tx) { return tokens_of(tx, agency_id); });
  Json rows = Json::array();
  for (const auto& token : tokens) {
    rows.push_back(
        {{"revoke_url", kernel::path(paths::kRevoke, {token.id})},
         {"label", token.label},
         {"prefix", token.prefix},
         {"created_by", token.created_by},
         {"created_at", context.format_datetime(token.created_at)},
         {"last_used_at", token.last_used_at ? context.format_datetime(*token.last_used_at)
                                             : context.t("api_tokens.never_used")},
         {"revoked_at", token.revoked_at ? context.format_datetime(*token.revoked_at) : ""},
         {"active", !token.revoked_at}});
  }
  return rows;
}

// The page, with the new token when one was just created, or the form's error.
http::Response render(Context& context, Json extra, int status) {
  auto agency_id = context.own_agency_id();
  Json model = {{"title", context.t("api_tokens.title")},
                {"tokens", token_rows(context, agency_id)},
                {"max_label", kMaxLabelLength}};
  model["has_tokens"] = !model["tokens"].empty();
  Json units = Json::array();
  for (const auto& [id, name] :
       context.db().read([&](db::Transaction& tx) { return units_of(tx, agency_id); })) {
    units.push_back({{"id", id}, {"name", name}});
  }
  model["units"] = std::move(units);
  model.update(extra);
  return context.page("api_tokens/index", std::move(model), status);
}

http::Response index(Context& context) { return render(context, Json::object(), 200); }

// The form again with the label typed and why it was refused (too long, a duplicate).
http::Response label_refused(Context& context, const std::string& label, const UserError& error) {
  return render(context, {{"label", label}, {"label_error", context.t(error.key(), error.args())}},
                http_status(error.failure()));
}

http::Response create(Context& context) {
  std::string label = context.request().form().get("label");
  try {
    auto created = create_token(context.db(), context.actor(), context.own_agency_id(), label);
    // Answered directly, not redirected: the token must not travel in a URL or a cookie.
    auto response = render(context, {{"new_token", created.token}, {"label", ""}}, 201);
    response.set_header("Cache-Control", "no-store");
    return response;
  } catch (const Invalid& error) {
    return label_refused(context, label, error);
  } catch (const Conflict& error) {
    return label_refused(context, label, error);
  }
}

http::Response revoke_route(Context& context) {
  auto id = context.path_id();
  revoke_token(context.db(), context.actor(), context.own_agency_id(), id);
  return context.redirect_with_notice(paths::kTokens, "notice.api_token_revoked");
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  auto admins = Access::roles({Role::local_admin});
  routes.get(paths::kTokens, admins, index);
  routes.post(paths::kTokens, admins, create);
  routes.post(paths::kRevoke, admins, revoke_route);
}

}  // namespace simpul::api_tokens
