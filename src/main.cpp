// The simpul command: serve, migrate, user add, seed.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "accounts/service.hpp"
#include "app/app.hpp"
#include "competitions/seed.hpp"
#include "core/util/crypto.hpp"
#include "imports/cli.hpp"
#include "samples/loader.hpp"
#include "samples/past_edition.hpp"
#include "samples/replication_rounds.hpp"
#include "synthetic/competition.hpp"
#include "synthetic/queries.hpp"
#include "synthetic/replications.hpp"
#include "synthetic/seed.hpp"

namespace {

using simpul::kernel::Config;

// Options every subcommand shares. A flag or its SIMPUL_* variable beats the TOML file, which
// beats the built-in default.
struct CommonOptions {
  std::string config_file;
  std::string home, data_dir, database, log_level;
  CLI::Option* home_opt = nullptr;
  CLI::Option* data_dir_opt = nullptr;
  CLI::Option* database_opt = nullptr;
  CLI::Option* log_level_opt = nullptr;

  void add_to(CLI::App& command) {
    command.add_option("--config", config_file, "TOML configuration file")
        ->envname("SIMPUL_CONFIG");
    home_opt = command.add_option("--home", home, "Folder with templates/, static/, migrations/")
                   ->envname("SIMPUL_HOME");
    data_dir_opt =
        command.add_option("--data-dir", data_dir, "Folder for the SQLite file and data")
            ->envname("SIMPUL_DATA_DIR");
    database_opt = command
                       .add_option("--database", database,
                                   "sqlite:path or postgresql://user:pass@host:port/db")
                       ->envname("SIMPUL_DATABASE");
    log_level_opt = command.add_option("--log-level", log_level, "debug, info, warn or error")
                        ->envname("SIMPUL_LOG_LEVEL");
  }

  void apply(Config& config) const {
    if (!config_file.empty()) simpul::app::load_toml(config, config_file);
    if (home_opt->count()) config.home = home;
    if (data_dir_opt->count()) config.data_dir = data_dir;
    if (database_opt->count()) config.database = database;
    if (log_level_opt->count()) config.log_level = log_level;
    spdlog::set_level(spdlog::level::from_str(config.log_level));
  }
};

struct ServeOptions {
  std::string address;
  int port = 0, workers = 0;
  std::size_t max_body = 0;
  bool demo = false;
  CLI::Option* address_opt = nullptr;
  CLI::Option* port_opt = nullptr;
  CLI::Option* workers_opt = nullptr;
  CLI::Option* max_body_opt = nullptr;
  CLI::Option* demo_opt = nullptr;

  void add_to(CLI::App& command) {
    address_opt =
        command.add_option("--address", address, "Address to listen on")->envname("SIMPUL_ADDRESS");
    port_opt = command.add_option("--port", port, "Port to listen on (default 8080)")
                   ->envname("SIMPUL_PORT")
                   ->check(CLI::Range(0, 65535));
    workers_opt = command.add_option("--workers", workers, "Handler threads")
                      ->envname("SIMPUL_WORKERS")
                      ->check(CLI::Range(1, 256));
    max_body_opt = command.add_option("--max-body-bytes", max_body, "Largest request body")
                       ->envname("SIMPUL_MAX_BODY_BYTES");
    demo_opt = command.add_flag("--demo", demo, "Seed one demo account per role and show them")
                   ->envname("SIMPUL_DEMO");
  }

  void apply(Config& config) const {
    if (address_opt->count()) config.server.address = address;
    if (port_opt->count()) config.server.port = static_cast<std::uint16_t>(port);
    if (workers_opt->count()) config.server.workers = workers;
    if (max_body_opt->count()) config.server.max_body_bytes = max_body;
    if (demo_opt->count()) config.demo = demo;
  }
};

int serve(Config config) {
  simpul::app::App app(config);
  if (config.demo) {
    bool changed = simpul::samples::seed_demo_innovations(app.db(), config.home);
    simpul::competitions::seed_demo_editions(app.db(), config.home);
    auto accounts = simpul::accounts::seed_demo_accounts(app.db(), config.password_cost);
    // After the accounts: the past edition is run by them. Its awards reach the catalogue.
    changed |= simpul::samples::seed_past_edition(app.db(), config.home);
    changed |= simpul::samples::seed_replication_rounds(app.db(), app.events(), config.home);
    if (changed) app.reload_catalogue();
    std::cout << "\nDemo accounts (new passwords at every start):\n";
    for (const auto& account : accounts) {
      std::string role_key(simpul::auth::role_label_key(account.role));
      std::cout << "  " << account.username << "  " << account.password << "  ("
                << app.catalog().text(simpul::view::Lang::id, role_key) << ")\n";
    }
    app.set_demo_accounts(std::move(accounts));
  }
  auto port = app.listen();
  spdlog::info("Simpul serving http://{}:{}/ on {}", config.server.address, port,
               simpul::db::engine_name(app.db().engine()));
  app.run(true);
  spdlog::info("stopped cleanly");
  return 0;
}

int migrate_only(const Config& config) {
  simpul::app::App app(config);  // the constructor applies pending migrations
  std::cout << "database is up to date (" << simpul::db::engine_name(app.db().engine()) << ")\n";
  return 0;
}

struct UserAddOptions {
  std::string role = "organiser", username, full_name;
  std::int64_t agency_id = 0, unit_id = 0;
};

int add_user(const Config& config, const UserAddOptions& options) {
  auto role = simpul::auth::parse_role(options.role);
  if (!role) throw std::runtime_error("unknown role: " + options.role);
  simpul::app::App app(config);
  simpul::accounts::NewAccount account{options.username, *role, std::nullopt, std::nullopt,
                                       options.full_name};
  if (options.agency_id) account.agency_id = options.agency_id;
  if (options.unit_id) account.unit_id = options.unit_id;
  std::string password = simpul::random_password();
  simpul::kernel::Actor cli{std::nullopt, "cli", "", ""};
  try {
    simpul::accounts::create_account(app.db(), cli, account, password, config.password_cost);
  } catch (const simpul::UserError& error) {
    throw std::runtime_error(app.catalog().text(simpul::view::Lang::en, error.key(), error.args()));
  }
  std::cout << "Created " << options.role << " account '" << options.username
            << "' with the temporary password:\n  " << password
            << "\nThe first sign-in asks for the profile and a new password.\n";
  return 0;
}

// After the registry, so that `seed --synthetic N --synthetic-competition` does both in one run.
void seed_competition(simpul::app::App& app, std::int64_t size, std::uint64_t seed) {
  auto start = std::chrono::steady_clock::now();
  auto seeded =
      simpul::synthetic::seed_synthetic_competition(app.db(), app.config().home, size, seed);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << seeded.proposals << " proposals in edition " << seeded.edition_id << " seeded in "
            << std::fixed << std::setprecision(1) << seconds << " s (seed " << seed << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Simpul: the public-service innovation platform"};
  cli.require_subcommand(1);
  // One set of shared options per subcommand: CLI11 binds each option to one command.
  CommonOptions serve_common, migrate_common, user_common, seed_common, import_common;
  ServeOptions serve_options;
  UserAddOptions user_options;

  auto* serve_cmd = cli.add_subcommand("serve", "Migrate, then serve the site");
  serve_common.add_to(*serve_cmd);
  serve_options.add_to(*serve_cmd);
  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply pending database migrations");
  migrate_common.add_to(*migrate_cmd);
  auto* user_cmd = cli.add_subcommand("user", "Manage accounts");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "Create an account with a temporary password");
  user_common.add_to(*user_add);
  user_add->add_option("--role", user_options.role, "organiser, local_admin, ...");
  user_add->add_option("--username", user_options.username, "Sign-in name")->required();
  user_add->add_option("--name", user_options.full_name, "Full name");
  user_add->add_option("--agency-id", user_options.agency_id, "Agency of a local admin");
  user_add->add_option("--unit-id", user_options.unit_id, "Unit of a unit operator");
  auto* seed_cmd = cli.add_subcommand("seed", "Load demo data");
  seed_common.add_to(*seed_cmd);
  bool seed_demo = false;
  std::int64_t synthetic_count = 0;
  std::uint64_t synthetic_seed = 1;
  seed_cmd->add_flag("--demo", seed_demo,
                     "Demo accounts (prints their passwords) and the real innovations of samples/");
  seed_cmd
      ->add_option("--synthetic", synthetic_count,
                   "Generate this many published sample innovations")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
  seed_cmd->add_option("--seed", synthetic_seed, "Seed of the generator (same seed, same data)");
  std::int64_t synthetic_csv = 0;
  seed_cmd
      ->add_option("--synthetic-csv", synthetic_csv,
                   "Print this many generated innovations as an import file (CSV) and stop")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  std::int64_t competition_size = 0;
  auto* competition_opt =
      seed_cmd
          ->add_option("--synthetic-competition", competition_size,
                       "A published national edition with this many proposals (3500 when no "
                       "number is given) from the published innovations")
          ->expected(0, 1)
          ->default_str("3500")
          ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  std::int64_t replication_count = 0;
  seed_cmd
      ->add_option("--synthetic-replications", replication_count,
                   "Generate this many replication records over the published innovations")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  std::size_t query_count = 0;
  seed_cmd->add_option("--queries", query_count,
                       "Print this many catalogue search paths of the benchmark mix and stop");

  auto* import_cmd =
      cli.add_subcommand("import", "Import innovations from a CSV or XLSX file into one agency");
  import_common.add_to(*import_cmd);
  simpul::imports::CliRequest import_request;
  import_cmd->add_option("file", import_request.file, "CSV or XLSX file (layout: /inovasi/impor)")
      ->required()
      ->check(CLI::ExistingFile);
  import_cmd->add_option("--agency-id", import_request.agency_id, "The agency the rows belong to")
      ->required();
  import_cmd->add_flag("--publish", import_request.publish,
                       "Publish every row (each must be complete)");
  import_cmd->add_flag("--dry-run", import_request.dry_run,
                       "Check and list problems; save nothing");

  CLI11_PARSE(cli, argc, argv);
  try {
    Config config;
    if (serve_cmd->parsed()) {
      serve_common.apply(config);
      serve_options.apply(config);
      return serve(config);
    }
    if (migrate_cmd->parsed()) {
      migrate_common.apply(config);
      return migrate_only(config);
    }
    if (user_add->parsed()) {
      user_common.apply(config);
      return add_user(config, user_options);
    }
    if (import_cmd->parsed()) {
      import_common.apply(config);
      simpul::app::App app(config);
      return simpul::imports::import_from_cli(app, import_request, std::cout);
    }
    if (seed_cmd->parsed() && synthetic_csv > 0) {
      seed_common.apply(config);
      simpul::synthetic::write_import_csv(config.home, synthetic_csv, synthetic_seed, std::cout);
      return 0;
    }
    if (seed_cmd->parsed() && query_count > 0) {
      seed_common.apply(config);
      simpul::synthetic::Vocabulary vocabulary(simpul::synthetic::place_words(
          simpul::synthetic::read_text(config.path("node_modules/idn-area-data/data/villages.csv")),
          40000));
      for (const auto& path :
           simpul::synthetic::search_paths(vocabulary, query_count, synthetic_seed)) {
        std::cout << path << "\n";
      }
      return 0;
    }
    if (seed_cmd->parsed()) {
      seed_common.apply(config);
      simpul::app::App app(config);
      if (seed_demo) {
        for (const auto& account :
             simpul::accounts::seed_demo_accounts(app.db(), config.password_cost)) {
          std::cout << account.username << "  " << account.password << "\n";
        }
        bool loaded = simpul::samples::seed_demo_innovations(app.db(), config.home);
        std::cout << (loaded ? "demo innovations loaded\n"
                             : "demo innovations were already loaded\n");
        auto editions = simpul::competitions::seed_demo_editions(app.db(), config.home);
        std::cout << editions << " demo competition editions loaded\n";
        if (simpul::samples::seed_past_edition(app.db(), config.home))
          std::cout << "the past demo edition ran to its results\n";
        if (simpul::samples::seed_replication_rounds(app.db(), app.events(), config.home))
          std::cout << "the demo replication signings of 2021 recorded\n";
      }
      if (synthetic_count > 0) {
        auto start = std::chrono::steady_clock::now();
        auto report = simpul::synthetic::seed_synthetic(app.db(), config.home, synthetic_count,
                                                        synthetic_seed);
        auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << report.innovations << " synthetic innovations published in " << seconds
                  << " s (seed " << synthetic_seed << ")\n";
      }
      if (competition_opt->count()) seed_competition(app, competition_size, synthetic_seed);
      if (replication_count > 0) {
        auto start = std::chrono::steady_clock::now();
        auto written =
            simpul::synthetic::seed_replications(app.db(), replication_count, synthetic_seed);
        auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << written << " synthetic replication records written in " << seconds
                  << " s (seed " << synthetic_seed << ")\n";
      }
      return 0;
    }
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
  return 0;
}
