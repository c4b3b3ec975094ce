#pragma once
// Routes: a method, a path pattern, who may call it and the handler. Features add theirs to one
// Routes list; the app root wraps each with session, CSRF and access checks.
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/http/message.hpp"
#include "kernel/context.hpp"

namespace simpul::kernel {

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

}  // namespace simpul::kernel
