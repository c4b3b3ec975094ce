#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>

#include "agencies/feature.hpp"
#include "api_tokens/feature.hpp"
#include "api_tokens/service.hpp"
#include "app/navigation.hpp"
#include "audit/feature.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/feature.hpp"
#include "catalogue/watch.hpp"
#include "competitions/feature.hpp"
#include "core/auth/csrf.hpp"
#include "core/http/multipart.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "finals/feature.hpp"
#include "imports/feature.hpp"
#include "innovations/feature.hpp"
#include "judging/feature.hpp"
#include "kernel/cookies.hpp"
#include "kernel/errors.hpp"
#include "notices/feature.hpp"
#include "notices/sender.hpp"
#include "proposals/feature.hpp"
#include "regions/feature.hpp"
#include "replication/feature.hpp"
#include "replication/network.hpp"
#include "site/feature.hpp"
#include "site/settings.hpp"

namespace simpul::app {
namespace {

using kernel::Access;
using kernel::Context;
using kernel::CurrentUser;
using kernel::kLangCookie;
using kernel::kNoticeCookie;
using kernel::kSessionCookie;
using kernel::Route;
using view::Json;

bool is_loopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// Migration 0003: the provinces and regencies of idn-area-data, and one agency per regional
// government, each written by the feature that owns its tables.
std::vector<db::CodeMigration> code_migrations(const kernel::Config& config) {
  auto load = [data_dir = config.path("node_modules/idn-area-data/data")](db::Transaction& tx) {
    auto data = regions::load_reference_data(tx, data_dir);
    agencies::add_regional_governments(tx, data.provinces, data.regencies, now_seconds());
  };
  return {{3, "regions", load}};
}

}  // namespace

namespace {

std::string default_message_key(int status) { return "error." + kernel::error_code(status); }

}  // namespace

App::App(kernel::Config config) : config_(std::move(config)) {
  read_environment(config_);
  init_crypto();
  std::filesystem::create_directories(config_.data_dir);
  database_ = db::Database::open(config_.database_url(), config_.pool);
  auto report = db::migrate(*database_, config_.path("migrations"), code_migrations(config_));
  for (const auto& name : report.applied) spdlog::info("migration applied: {}", name);
  csrf_secret_ = site::settings_secret(*database_, "csrf_secret");

  catalog_ = view::Catalog::load(config_.path("i18n"));
  templates_ = view::TemplateSet::load(config_.path("templates"), catalog_);
  open_catalogue();
  // Without a mail server the emails stay in the outbox, where the organiser sees them.
  if (config_.smtp.configured()) {
    mail_sender_ = std::make_unique<notices::Sender>(*database_, catalog_, config_);
  }
  static_files_ = std::make_shared<http::StaticFiles>();
  static_files_->mount("/static/", config_.path("static"));
  static_files_->add_file("/static/vendor/htmx.min.js",
                          config_.path("node_modules/htmx.org/dist/htmx.min.js"));
  metrics_ = std::make_shared<http::Metrics>();
  auto* database = database_.get();
  metrics_->add_gauge("simpul_db_pool_size", "Database connections kept open",
                      [database] { return database->stats().size; });
  metrics_->add_gauge("simpul_db_pool_in_use", "Database connections lent out now",
                      [database] { return database->stats().in_use; });
  metrics_->add_gauge("simpul_db_pool_wait_timeouts_total",
                      "Requests that found no free database connection in time",
                      [database] { return double(database->stats().wait_timeouts_total); });
  services_.provide<http::Metrics>(*metrics_);
  services_.provide<accounts::DemoAccounts>(demo_accounts_);
  services_.provide<competitions::LaterStages>(later_stages_);
  replication_network_ = std::make_unique<replication::NetworkIndex>(*database_);
  services_.provide<replication::NetworkIndex>(*replication_network_);
  replication_directory_ =
      std::make_unique<replication::Directory>(*database_, *replication_network_);
  services_.provide<innovations::ReplicationRecords>(*replication_directory_);
  load_routes();
}

App::~App() = default;

void App::add_frame(const Context& context, view::Json& model, bool count_unread) {
  app::add_frame(*database_, context, model, count_unread);
}

void App::reload_catalogue() { catalogue_->load(); }

// The catalogue indexes what is published at start-up, then follows every publication.
void App::open_catalogue() {
  catalogue_ = std::make_unique<catalogue::Catalogue>(*database_, catalog_);
  catalogue_watch_ =
      std::make_unique<catalogue::Watch>(*database_, *catalogue_, config_.catalogue_poll);
  services_.provide<catalogue::Catalogue>(*catalogue_);
  services_.provide<innovations::SimilarInnovations>(*catalogue_);
  catalogue_->load();
  spdlog::info("catalogue: {} published innovations indexed, about {} MB",
               catalogue_->index().size(), catalogue_->index().memory_bytes() >> 20);
  auto* target = catalogue_.get();
  // A replication recorded or stopped changes its source's place in the "most replicated" order.
  events_.subscribe("replication.changed", [target](const std::string& id) {
    try {
      target->refresh(std::stoll(id));
    } catch (const std::exception& error) {
      spdlog::error("catalogue: could not re-count the replications of {}: {}", id, error.what());
    }
  });
  events_.subscribe("innovation.published", [target](const std::string& id) {
    try {
      target->refresh(std::stoll(id));
    } catch (const std::exception& error) {
      // The change is committed; the index catches up at the next start.
      spdlog::error("catalogue: could not re-index innovation {}: {}", id, error.what());
    }
  });
}

void App::load_routes() {
  site::register_routes(routes_);
  accounts::register_routes(routes_);
  agencies::register_routes(routes_);
  audit::register_routes(routes_);
  innovations::register_routes(routes_);
  catalogue::register_routes(routes_);
  api_tokens::register_routes(routes_);
  imports::register_routes(routes_);
  notices::register_routes(routes_);
  competitions::register_routes(routes_);
  proposals::register_routes(routes_);
  judging::register_routes(routes_);
  finals::register_routes(routes_);
  replication::register_routes(routes_);
  // The stages in the programme's order, which is the order of their links on an edition's page.
  proposals::register_stage(later_stages_);
  judging::register_stage(later_stages_);
  finals::register_stage(later_stages_);
  for (const Route& route : routes_.all()) {
    const Route* target = &route;
    router_.add(route.method, route.pattern,
                [this, target](http::Request& request) { return run_route(*target, request); });
  }
}

std::string App::metrics_text() const { return metrics_->render(); }

http::Response App::dispatch(http::Request& request) {
  auto match = router_.match(request);
  if (match.kind == http::Router::Match::Kind::found) {
    auto response = (*match.handler)(request);
    response.route = match.route;
    return response;
  }
  int status = match.kind == http::Router::Match::Kind::method_not_allowed ? 405 : 404;
  auto response = error_response(status, &request);
  if (status == 405) {
    std::string allow;
    for (const auto& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
    response.set_header("Allow", allow);
  }
  response.route = "unmatched";
  return response;
}

// Runs on an I/O thread for errors found while reading a request (400, 408, 413, 431, 503), so it
// must not block: language and CSRF cookie only, no session lookup in the database.
http::Response App::error_response(int status, const http::Request* request) {
  if (request) {
    spdlog::info("[{}] {} {} -> {}", request->request_id, http::method_name(request->method),
                 request->path, status);
  } else {
    spdlog::info("unreadable request -> {}", status);
  }
  // A copy: preparing the visitor adds the CSRF cookie to the request it works on.
  http::Request target = request ? *request : http::Request{};
  Context context(*this, target);
  prepare_language_and_csrf(context);
  auto response = error_page(context, status, default_message_key(status));
  finish(context, response);
  return response;
}

http::Response App::run_route(const Route& route, http::Request& request) {
  Context context(*this, request);
  http::Response response;
  try {
    response = handle(route, context);
  } catch (const UserError& error) {
    spdlog::info("[{}] {} {} -> {} {}", request.request_id, http::method_name(request.method),
                 request.path, http_status(error.failure()), error.key());
    response = error_page(context, http_status(error.failure()), error.key(), error.args());
  } catch (const db::Unavailable& error) {
    spdlog::warn("[{}] database unavailable: {}", request.request_id, error.what());
    response = error_page(context, 503, "error.database_unavailable");
  } catch (const db::ConstraintViolation& error) {
    spdlog::warn("[{}] constraint: {}", request.request_id, error.what());
    response = error_page(context, 409, "error.conflict");
  } catch (const std::exception& error) {
    spdlog::error("[{}] {} {}: {}", request.request_id, http::method_name(request.method),
                  request.path, error.what());
    response =
        error_page(context, 500, "error.internal_error", {{"request_id", request.request_id}});
  }
  finish(context, response);
  return response;
}

// Language, CSRF cookie and the one-time notice of this request; no database access.
void App::prepare_language_and_csrf(Context& context) {
  auto& request = context.request();
  context.set_lang(view::parse_lang(request.cookie(kLangCookie).value_or("id")));
  auto csrf_cookie = request.cookie(auth::kCsrfCookie);
  if (!csrf_cookie || csrf_cookie->size() != 32) {
    csrf_cookie = auth::new_csrf_cookie_value();
    context.cookies_to_set().push_back({std::string(auth::kCsrfCookie), *csrf_cookie, std::nullopt,
                                        true, config_.secure_cookies, "Lax"});
    // Let this request's own check see the value it will carry from now on.
    request.headers.emplace_back("cookie", std::string(auth::kCsrfCookie) + "=" + *csrf_cookie);
  }
  context.set_csrf_token(auth::csrf_token(csrf_secret_, *csrf_cookie));
  if (auto cookie = request.cookie(kNoticeCookie)) {
    // Only a message of the catalogue: the cookie is the visitor's to change.
    auto notice = kernel::decode_notice(*cookie);
    if (notice && catalog_.has(view::Lang::id, notice->key)) context.set_notice(std::move(*notice));
    context.cookies_to_set().push_back({std::string(kNoticeCookie), "", 0});
  }
}

// The signed-in user of this request, from the session cookie.
void App::load_session(Context& context, bool& session_expired) {
  auto session_id = context.request().cookie(kSessionCookie);
  if (!session_id || session_id->empty()) return;
  auto found = accounts::find_session(*database_, sha256_hex(*session_id), now_seconds(),
                                      config_.session_idle, config_.session_absolute);
  if (!found) {
    session_expired = true;
    context.cookies_to_set().push_back({std::string(kSessionCookie), "", 0});
    return;
  }
  context.set_zone(found->zone);
  context.set_user(std::move(found->user));
}

// A call of an agency's system: the token is the only credential, the language comes from
// Accept-Language (no cookies on this path).
http::Response App::handle_api_call(const Route& route, Context& context) {
  auto& request = context.request();
  auto accept_language = request.header("accept-language");
  context.set_lang(accept_language.starts_with("en") ? view::Lang::en : view::Lang::id);
  auto client =
      api_tokens::authenticate(*database_, request.header("authorization"), now_seconds());
  if (!client) throw Unauthorized("api_tokens.error.unknown_token");
  context.set_api_client(std::move(*client));
  return route.page(context);
}

http::Response App::handle(const Route& route, Context& context) {
  if (route.access.kind() == Access::Kind::api_token) return handle_api_call(route, context);
  auto& request = context.request();
  bool session_expired = false;
  prepare_language_and_csrf(context);
  load_session(context, session_expired);

  if (!http::is_safe(request.method)) {
    std::string submitted(request.header(auth::kCsrfHeader));
    if (submitted.empty()) submitted = request.form().get(auth::kCsrfField);
    // Forms with a file input arrive as multipart/form-data; their token is a field like any other.
    if (submitted.empty()) {
      submitted = http::multipart_field(request, auth::kCsrfField).value_or("");
    }
    auto cookie = request.cookie(auth::kCsrfCookie).value_or("");
    if (!auth::csrf_token_valid(csrf_secret_, cookie, submitted)) {
      spdlog::warn("[{}] CSRF token rejected for {}", request.request_id, request.path);
      throw Forbidden("error.csrf");
    }
  }

  const Access& access = route.access;
  if (access.kind() == Access::Kind::anyone) return route.page(context);
  if (access.kind() == Access::Kind::monitoring) {
    bool organiser = context.user() && context.user()->is(auth::Role::organiser);
    if (!is_loopback(request.remote_address) && !organiser) throw forbidden();
    return route.page(context);
  }
  if (!context.user()) {
    if (request.wants_json() || !http::is_safe(request.method)) {
      throw Unauthorized(session_expired ? "error.session_expired" : "error.unauthorized");
    }
    std::string next = http::url_encode(request.target);
    if (session_expired)
      return context.redirect_with_notice("/masuk?next=" + next, "notice.session_expired");
    return http::Response::redirect("/masuk?next=" + next);
  }
  const CurrentUser& user = *context.user();
  if (access.kind() != Access::Kind::account_setup) {
    if (user.must_complete_profile) return http::Response::redirect("/akun/profil");
    if (user.must_change_password) return http::Response::redirect("/akun/sandi");
  }
  if (access.kind() == Access::Kind::roles && !access.allows(user.role)) throw forbidden();
  return route.page(context);
}

namespace {

// A heading that says what happened in words; the status number stays in the page's small print.
std::string_view error_heading_key(int status) {
  switch (status) {
    case 401:
      return "error.heading.unauthorized";
    case 403:
      return "error.heading.forbidden";
    case 404:
      return "error.heading.not_found";
    case 409:
      return "error.heading.conflict";
    case 413:
      return "error.heading.too_large";
    case 429:
      return "error.heading.too_many";
    default:
      return status >= 500 ? "error.heading.server" : "error.heading.request";
  }
}

}  // namespace

http::Response App::error_page(Context& context, int status, const std::string& key,
                               const MessageArgs& args) {
  std::string message = context.t(key, args);
  if (context.request().wants_json()) {
    Json body = {{"error", {{"code", kernel::error_code(status)}, {"message", message}}}};
    if (status >= 500) body["error"]["request_id"] = context.request().request_id;
    auto response = http::Response::json(body.dump(), status);
    if (status == 401 && context.request().path.starts_with("/api/")) {
      response.set_header("WWW-Authenticate", "Bearer");
    }
    return response;
  }
  Json model = {{"title", context.t(error_heading_key(status))},
                {"status", status},
                {"message", message},
                {"request_id", context.request().request_id},
                {"show_request_id", status >= 500}};
  return context.page("site/error", std::move(model), status);
}

void App::finish(Context& context, http::Response& response) {
  for (const auto& cookie : context.cookies_to_set()) response.set_cookie(cookie);
  if (response.header("Cache-Control").empty()) {
    // Pages carry a personal CSRF token and maybe private data: never store them in shared caches.
    response.set_header("Cache-Control", "private, no-cache");
  }
}

std::uint16_t App::listen() {
  auto dispatch = [this](http::Request& request) { return this->dispatch(request); };
  auto errors = [this](int status, const http::Request* request) {
    return this->error_response(status, request);
  };
  server_ =
      std::make_unique<http::Server>(config_.server, dispatch, errors, static_files_, metrics_);
  auto port = server_->listen();
  // Only a serving process follows other servers; commands of the CLI do not need to.
  if (config_.catalogue_poll.count() > 0) catalogue_watch_->start();
  if (mail_sender_) mail_sender_->start();
  return port;
}

void App::run(bool handle_signals) {
  if (!server_) listen();
  server_->run(handle_signals);
}

void App::stop() {
  if (server_) server_->stop();
}

}  // namespace simpul::app
