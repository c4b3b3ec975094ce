// Sign-in with rate limiting per account and per address, and sign-out.
#include "accounts/routes.hpp"
#include "accounts/store.hpp"
#include "audit/audit.hpp"
#include "core/auth/passwords.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "kernel/context.hpp"
#include "kernel/cookies.hpp"

namespace simpul::accounts {
namespace {

using kernel::Context;
using kernel::Json;

Json demo_accounts(Context& context) {
  Json list = Json::array();
  if (!context.config().demo) return list;
  for (const auto& account : context.service<DemoAccounts>().accounts) {
    list.push_back({{"username", account.username},
                    {"role", context.t(auth::role_label_key(account.role))},
                    {"password", account.password}});
  }
  return list;
}

http::Response render_signin(Context& context, const std::string& username, const std::string& next,
                             const std::string& error, int status) {
  Json model = {{"title", context.t("signin.title")},
                {"username", username},
                {"next", next},
                {"demo_accounts", demo_accounts(context)}};
  if (!error.empty()) model["error"] = error;
  return context.page("accounts/signin", std::move(model), status);
}

struct Limits {
  std::int64_t now;
  std::int64_t window;
  std::int64_t since;
};

// The minutes until the oldest counted failure leaves the window, or 0 when under the limit.
std::int64_t minutes_locked(db::Transaction& tx, const std::string& scope,
                            const std::string& subject, std::int64_t limit, const Limits& limits) {
  if (recent_failures(tx, scope, subject, limits.since) < limit) return 0;
  auto oldest = oldest_recent_failure(tx, scope, subject, limits.since);
  return std::max<std::int64_t>(1, (oldest + limits.window - limits.now + 59) / 60);
}

// A hash of a throw-away password, verified when the username is unknown so that a wrong
// username costs as long as a wrong password and timing does not reveal which accounts exist.
const std::string& decoy_hash(const auth::PasswordCost& cost) {
  static const std::string hash = auth::hash_password(random_hex(16), cost);
  return hash;
}

}  // namespace

http::Response signin_form(Context& context) {
  if (context.user()) return http::Response::redirect("/akun");
  return render_signin(context, "", http::local_target(context.request().query().get("next"), ""),
                       "", 200);
}

http::Response signin(Context& context) {
  const auto& form = context.request().form();
  const auto& config = context.config();
  std::string username = trim(form.get("username"));
  for (auto& c : username) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string password = form.get("password");
  std::string next = http::local_target(form.get("next"), "");
  std::string address = context.request().remote_address;
  if (username.empty() || password.empty() || username.size() > 100 || password.size() > 200) {
    return render_signin(context, username, next, context.t("signin.missing"), 400);
  }

  Limits limits{now_seconds(), config.signin_window.count(), 0};
  limits.since = limits.now - limits.window;
  auto [account_wait, address_wait, credentials] = context.db().read([&](db::Transaction& tx) {
    return std::tuple{
        minutes_locked(tx, "account", username, config.signin_failures_per_account, limits),
        minutes_locked(tx, "address", address, config.signin_failures_per_address, limits),
        find_credentials(tx, username)};
  });
  if (auto wait = std::max(account_wait, address_wait); wait > 0) {
    return render_signin(context, username, next,
                         context.t("signin.rate_limited", {{"minutes", std::to_string(wait)}}),
                         429);
  }

  bool matches = auth::verify_password(
      credentials ? credentials->password_hash : decoy_hash(config.password_cost), password);
  if (!credentials || !matches) {
    context.db().write([&](db::Transaction& tx) {
      record_failure(tx, "account", username, limits.now, limits.since);
      record_failure(tx, "address", address, limits.now, limits.since);
    });
    return render_signin(context, username, next, context.t("signin.wrong"), 401);
  }
  if (!credentials->active) {
    return render_signin(context, username, next, context.t("signin.inactive"), 403);
  }

  // A new session id at every sign-in, so a session id planted before sign-in is worthless.
  std::string session_id = random_hex(32);
  auto old_session = context.request().cookie(kernel::kSessionCookie);
  context.db().write([&](db::Transaction& tx) {
    if (old_session) delete_session(tx, sha256_hex(*old_session));
    clear_failures(tx, "account", username);
    create_session(tx, sha256_hex(session_id), credentials->id, limits.now, address);
    kernel::Actor actor{credentials->id, username, context.request().request_id, address};
    audit::record(tx, actor, {"session.signin", "user", std::to_string(credentials->id)});
  });
  auto response = http::Response::redirect(next.empty() ? "/akun" : next);
  response.set_cookie({std::string(kernel::kSessionCookie), session_id, std::nullopt, true,
                       config.secure_cookies, "Lax"});
  return response;
}

http::Response signout(Context& context) {
  const auto& user = context.signed_in_user();
  context.db().write([&](db::Transaction& tx) {
    delete_session(tx, user.session_hash);
    audit::record(tx, context.actor(), {"session.signout", "user", std::to_string(user.id)});
  });
  auto response = context.redirect_with_notice("/", "notice.signed_out");
  response.set_cookie({std::string(kernel::kSessionCookie), "", 0});
  return response;
}

}  // namespace simpul::accounts
