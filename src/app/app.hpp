#pragma once
// The app root: configuration, database, templates, static files, metrics and the routes of every
// feature, with the request pipeline (language, session, CSRF, access policy, errors). It is the
// kernel::Host the features see; nothing but main.cpp and the tests includes it.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accounts/feature.hpp"
#include "app/config.hpp"
#include "competitions/editions.hpp"
#include "core/db/database.hpp"
#include "core/http/metrics.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "core/view/i18n.hpp"
#include "core/view/template.hpp"
#include "kernel/host.hpp"
#include "kernel/routes.hpp"

namespace simpul::catalogue {
class Catalogue;
class Watch;
}  // namespace simpul::catalogue
namespace simpul::replication {
class Directory;
class NetworkIndex;
}  // namespace simpul::replication
namespace simpul::notices {
class Sender;
}

namespace simpul::app {

class App : public kernel::Host {
 public:
  // Opens the database, applies pending migrations, loads the catalogues, templates and static
  // files. Throws std::runtime_error with a clear message when any of it fails.
  explicit App(kernel::Config config);
  ~App() override;

  const kernel::Config& config() const override { return config_; }
  db::Database& db() override { return *database_; }
  const view::Catalog& catalog() const override { return catalog_; }
  const view::TemplateSet& templates() const override { return templates_; }
  const http::StaticFiles& static_files() const override { return *static_files_; }
  kernel::Events& events() override { return events_; }
  const kernel::Services& services() const override { return services_; }
  void add_frame(const kernel::Context& context, view::Json& model, bool count_unread) override;
  const std::string& csrf_secret() const { return csrf_secret_; }
  // The public catalogue's search index and result cards.
  const catalogue::Catalogue& catalogue() const { return *catalogue_; }
  // Indexes everything published again (after seeding data outside the web pages).
  void reload_catalogue();
  std::string metrics_text() const;

  // Demo accounts and their passwords of this run, shown on the sign-in page in demo mode.
  void set_demo_accounts(std::vector<accounts::DemoAccount> accounts) {
    demo_accounts_.accounts = std::move(accounts);
  }

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
  http::Response run_route(const kernel::Route& route, http::Request& request);
  http::Response handle(const kernel::Route& route, kernel::Context& context);
  http::Response handle_api_call(const kernel::Route& route, kernel::Context& context);
  http::Response error_page(kernel::Context& context, int status, const std::string& key,
                            const MessageArgs& args = {});
  void prepare_language_and_csrf(kernel::Context& context);
  void load_session(kernel::Context& context, bool& session_expired);
  void finish(kernel::Context& context, http::Response& response);

  kernel::Config config_;
  std::unique_ptr<db::Database> database_;
  view::Catalog catalog_;
  view::TemplateSet templates_;
  std::shared_ptr<http::StaticFiles> static_files_;
  std::shared_ptr<http::Metrics> metrics_;
  std::string csrf_secret_;
  kernel::Routes routes_;
  http::Router router_;
  accounts::DemoAccounts demo_accounts_;
  competitions::LaterStages later_stages_;
  kernel::Events events_;
  kernel::Services services_;
  std::unique_ptr<catalogue::Catalogue> catalogue_;
  std::unique_ptr<replication::Directory> replication_directory_;
  std::unique_ptr<replication::NetworkIndex> replication_network_;
  // Declared after the catalogue it refreshes, so it stops first.
  std::unique_ptr<catalogue::Watch> catalogue_watch_;
  // Sends the email outbox while serving with SMTP configured; stops before the database closes.
  std::unique_ptr<notices::Sender> mail_sender_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace simpul::app
