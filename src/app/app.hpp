#pragma once
// The application: configuration, database, templates, static files, metrics and the routes of
// every feature, with the request pipeline (language, session, CSRF, access policy, errors).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "app/context.hpp"
#include "app/events.hpp"
#include "core/db/database.hpp"
#include "core/http/metrics.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "core/view/i18n.hpp"
#include "core/view/template.hpp"

namespace simpul::catalogue {
class Catalogue;
class Watch;
}  // namespace simpul::catalogue
namespace simpul::notices {
class Sender;
}

namespace simpul::app {

// The code of a JSON error for an HTTP status: 404 -> "not_found".
std::string error_code(int status);

class App {
 public:
  // Opens the database, applies pending migrations, loads the catalogues, templates and static
  // files. Throws std::runtime_error with a clear message when any of it fails.
  explicit App(Config config);
  ~App();

  const Config& config() const { return config_; }
  db::Database& db() { return *database_; }
  const view::Catalog& catalog() const { return catalog_; }
  const view::TemplateSet& templates() const { return templates_; }
  const http::StaticFiles& static_files() const { return *static_files_; }
  const std::string& csrf_secret() const { return csrf_secret_; }
  Events& events() { return events_; }
  // The public catalogue's search index and result cards.
  const catalogue::Catalogue& catalogue() const { return *catalogue_; }
  // Indexes everything published again (after seeding data outside the web pages).
  void reload_catalogue();
  std::string metrics_text() const;

  // Demo accounts and their passwords of this run, shown on the sign-in page in demo mode.
  struct DemoAccount {
    std::string username;
    std::string role_key;
    std::string password;
  };
  void set_demo_accounts(std::vector<DemoAccount> accounts) {
    demo_accounts_ = std::move(accounts);
  }
  const std::vector<DemoAccount>& demo_accounts() const { return demo_accounts_; }

  // The request pipeline; runs on a worker thread.
  http::Response dispatch(http::Request& request);
  // Pages for errors found before a route ran (and by dispatch itself).
  http::Response error_response(int status, const http::Request* request);

  // Serving. listen() binds (port 0: ephemeral) and returns the port; run() blocks until stop()
  // or a signal; stop() is thread-safe.
  std::uint16_t listen();
  void run(bool handle_signals);
  void stop();

 private:
  void load_routes();
  void open_catalogue();
  http::Response run_route(const Route& route, http::Request& request);
  http::Response handle(const Route& route, Context& context);
  http::Response handle_api_call(const Route& route, Context& context);
  http::Response error_page(Context& context, int status, const std::string& key,
                            const MessageArgs& args = {});
  void prepare_language_and_csrf(Context& context);
  void load_session(Context& context, bool& session_expired);
  void finish(Context& context, http::Response& response);

  Config config_;
  std::unique_ptr<db::Database> database_;
  view::Catalog catalog_;
  view::TemplateSet templates_;
  std::shared_ptr<http::StaticFiles> static_files_;
  std::shared_ptr<http::Metrics> metrics_;
  std::string csrf_secret_;
  Routes routes_;
  http::Router router_;
  std::vector<DemoAccount> demo_accounts_;
  Events events_;
  std::unique_ptr<catalogue::Catalogue> catalogue_;
  // Declared after the catalogue it refreshes, so it stops first.
  std::unique_ptr<catalogue::Watch> catalogue_watch_;
  // Sends the email outbox while serving with SMTP configured; stops before the database closes.
  std::unique_ptr<notices::Sender> mail_sender_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace simpul::app
