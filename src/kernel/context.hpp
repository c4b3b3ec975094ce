#pragma once
// What a handler sees: the request, the visitor (language, signed-in user, CSRF token) and the
// application through kernel::Host. Handlers run on the worker pool, so they may block.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "core/http/message.hpp"
#include "core/http/multipart.hpp"
#include "core/util/errors.hpp"
#include "core/view/format.hpp"
#include "core/view/template.hpp"
#include "kernel/flash.hpp"
#include "kernel/host.hpp"

namespace simpul::kernel {

using view::Json;

struct CurrentUser {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  bool must_complete_profile = false;
  bool must_change_password = false;
  std::string session_hash;

  bool is(auth::Role r) const { return role == r; }
  // The first sign-in's profile and password steps are behind it.
  bool setup_done() const { return !must_complete_profile && !must_change_password; }
};

// An agency's system calling the JSON API with one of the agency's tokens (api_tokens/).
struct ApiClient {
  std::int64_t token_id = 0;
  std::int64_t agency_id = 0;
  std::string label;
};

// Who did it, for the audit log.
struct Actor {
  std::optional<std::int64_t> user_id;
  std::string name;  // username, or "system" / "cli"
  std::string request_id;
  std::string remote_address;
};

class Context {
 public:
  Context(Host& host, http::Request& request) : host_(host), request_(request) {}

  http::Request& request() { return request_; }
  const http::Request& request() const { return request_; }
  db::Database& db() { return host_.db(); }
  const Config& config() const { return host_.config(); }
  const view::Catalog& catalog() const { return host_.catalog(); }
  const view::TemplateSet& templates() const { return host_.templates(); }
  const http::StaticFiles& static_files() const { return host_.static_files(); }
  Events& events() { return host_.events(); }
  // An object another feature lends (kernel/services.hpp).
  template <class T>
  T& service() const {
    return host_.services().get<T>();
  }

  view::Lang lang() const { return lang_; }
  const std::optional<CurrentUser>& user() const { return user_; }
  // Set on routes with Access::api_token() only.
  const std::optional<ApiClient>& api_client() const { return api_client_; }
  const CurrentUser& signed_in_user() const;  // throws 401 when nobody is signed in
  // The signed-in user's agency; 403 for an account of none (the organiser's side).
  std::int64_t own_agency_id() const;
  const std::string& csrf_token() const { return csrf_token_; }
  Actor actor() const;
  // The path parameter (`{id}`, `{proposal}`) as an id: NotFound when it is not a positive
  // whole number, as for an id that names nothing.
  std::int64_t path_id(std::string_view name = "id") const;
  // The version a form was shown with (its hidden "version" field, for optimistic locking): 400
  // when missing or not a positive whole number.
  static std::int64_t form_version(const http::Form& form);

  // The request's form: url-encoded, or multipart/form-data with its files. Files are bounded by
  // the request's own limit only, so that the feature's check refuses an oversized file with
  // what was typed still on the page instead of a bare 413.
  struct FormBody {
    http::Form fields;
    std::optional<http::Multipart> multipart;
  };
  FormBody form_body(std::size_t max_parts = 64) const;

  std::string t(std::string_view key, const MessageArgs& args = {}) const;
  std::string explain(const Problem& problem) const { return t(problem.key, problem.args); }
  // A form's field errors in the visitor's language, by field name, for the form's template.
  Json translated(const FieldErrors& errors) const;
  // The error summary at the top of a refused form (templates/_error_summary.html): one link per
  // error to the field's element, "label: message", in the form's order. `fields` names each
  // field's element id and its label as shown; an error of a field not named links to the
  // element with the field's name as id (form_id empty) or to form_id, with its message alone.
  // Null without errors.
  struct SummaryField {
    std::string field;
    std::string element_id;
    std::string label;
  };
  Json error_summary(const FieldErrors& errors, const std::vector<SummaryField>& fields,
                     std::string_view form_id = "") const;
  // The page template rendered inside the layout; the model gets the common fields.
  http::Response page(std::string_view template_name, Json model, int status = 200);
  // The model with the fields every page shares (language, CSRF token, ...), for a fragment
  // rendered without the layout (htmx requests).
  Json common_model(Json page_model) const { return layout_model(std::move(page_model)); }
  // Post/redirect/get with a one-time notice (an i18n key and its arguments) shown on the next
  // page: the one way a page says what just happened (kernel/flash.hpp).
  http::Response redirect_with_notice(std::string location, std::string notice_key,
                                      MessageArgs args = {});
  // The agency zone a date is shown in, WIB when the user has no agency.
  view::Zone zone() const { return zone_; }
  std::string format_datetime(std::int64_t utc_seconds) const;

  // Set by the dispatcher.
  void set_lang(view::Lang lang) { lang_ = lang; }
  void set_user(std::optional<CurrentUser> user) { user_ = std::move(user); }
  void set_api_client(ApiClient client) { api_client_ = std::move(client); }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
  void set_zone(view::Zone zone) { zone_ = zone; }
  void set_notice(Notice notice) { notice_ = std::move(notice); }
  std::vector<http::Cookie>& cookies_to_set() { return cookies_; }

 private:
  Json layout_model(Json page_model) const;

  Host& host_;
  http::Request& request_;
  view::Lang lang_ = view::Lang::id;
  view::Zone zone_ = view::Zone::wib;
  std::optional<CurrentUser> user_;
  std::optional<ApiClient> api_client_;
  std::string csrf_token_;
  std::optional<Notice> notice_;
  std::vector<http::Cookie> cookies_;
};

}  // namespace simpul::kernel
