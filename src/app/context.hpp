#pragma once
// What a handler sees: the request, the visitor (language, signed-in user, CSRF token) and the
// services of the application. Handlers run on the worker pool, so they may block.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "core/http/message.hpp"
#include "core/view/format.hpp"
#include "core/view/template.hpp"

namespace simpul::app {

class App;
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
  Context(App& app, http::Request& request) : app_(app), request_(request) {}

  App& app() { return app_; }
  http::Request& request() { return request_; }
  db::Database& db();
  const view::TemplateSet& templates();

  view::Lang lang() const { return lang_; }
  const std::optional<CurrentUser>& user() const { return user_; }
  // Set on routes with Access::api_token() only.
  const std::optional<ApiClient>& api_client() const { return api_client_; }
  const CurrentUser& signed_in_user() const;  // throws 401 when nobody is signed in
  // The signed-in user's agency; 403 for an account of none (the organiser's side).
  std::int64_t own_agency_id() const;
  const std::string& csrf_token() const { return csrf_token_; }
  Actor actor() const;

  std::string t(std::string_view key, const MessageArgs& args = {}) const;
  // The page template rendered inside the layout; the model gets the common fields.
  http::Response page(std::string_view template_name, Json model, int status = 200);
  // The model with the fields every page shares (language, CSRF token, ...), for a fragment
  // rendered without the layout (htmx requests).
  Json common_model(Json page_model) const { return layout_model(std::move(page_model)); }
  // Post/redirect/get with a one-time notice (an i18n key) shown on the next page.
  http::Response redirect_with_notice(std::string location, std::string notice_key);
  // The agency zone a date is shown in, WIB when the user has no agency.
  view::Zone zone() const { return zone_; }
  std::string format_datetime(std::int64_t utc_seconds) const;

  // Set by the dispatcher.
  void set_lang(view::Lang lang) { lang_ = lang; }
  void set_user(std::optional<CurrentUser> user) { user_ = std::move(user); }
  void set_api_client(ApiClient client) { api_client_ = std::move(client); }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
  void set_zone(view::Zone zone) { zone_ = zone; }
  void set_notice(std::string key) { notice_key_ = std::move(key); }
  std::vector<http::Cookie>& cookies_to_set() { return cookies_; }

 private:
  Json layout_model(Json page_model) const;

  App& app_;
  http::Request& request_;
  view::Lang lang_ = view::Lang::id;
  view::Zone zone_ = view::Zone::wib;
  std::optional<CurrentUser> user_;
  std::optional<ApiClient> api_client_;
  std::string csrf_token_;
  std::string notice_key_;
  std::vector<http::Cookie> cookies_;
};

// Who may call a route. Every route states one; there is no default.
class Access {
 public:
  static Access anyone() { return Access(Kind::anyone, {}); }
  // Signed in with a completed first-login setup.
  static Access signed_in() { return Access(Kind::signed_in, {}); }
  static Access roles(std::initializer_list<auth::Role> roles) {
    return Access(Kind::roles, roles);
  }
  // Signed in, reachable while the first-login setup is still pending (profile, password).
  static Access account_setup() { return Access(Kind::account_setup, {}); }
  // Loopback callers (a local Prometheus) or a signed-in organiser.
  static Access monitoring() { return Access(Kind::monitoring, {}); }
  // An agency's active API token in "Authorization: Bearer"; no session, no cookies, so no CSRF
  // check either: a browser never sends the header by itself.
  static Access api_token() { return Access(Kind::api_token, {}); }

  enum class Kind { anyone, signed_in, roles, account_setup, monitoring, api_token };
  Kind kind() const { return kind_; }
  bool allows(auth::Role role) const;

 private:
  Access(Kind kind, std::vector<auth::Role> roles) : kind_(kind), roles_(std::move(roles)) {}
  Kind kind_;
  std::vector<auth::Role> roles_;
};

using Page = std::function<http::Response(Context&)>;

struct Route {
  http::Method method;
  std::string pattern;
  Access access;
  Page page;
};

// Features add their routes here; the app wraps each with session, CSRF and access checks.
class Routes {
 public:
  void get(std::string pattern, Access access, Page page) {
    routes_.push_back({http::Method::get, std::move(pattern), std::move(access), std::move(page)});
  }
  void post(std::string pattern, Access access, Page page) {
    routes_.push_back({http::Method::post, std::move(pattern), std::move(access), std::move(page)});
  }
  void put(std::string pattern, Access access, Page page) {
    routes_.push_back({http::Method::put, std::move(pattern), std::move(access), std::move(page)});
  }
  const std::vector<Route>& all() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace simpul::app
