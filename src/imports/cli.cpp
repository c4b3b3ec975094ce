#include "imports/cli.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "imports/service.hpp"

namespace simpul::imports {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void print_plan(const view::Catalog& catalog, const Plan& plan, std::ostream& out) {
  auto t = [&](const std::string& key, const MessageArgs& args = {}) {
    return catalog.text(view::Lang::id, key, args);
  };
  for (const auto& problem : plan.problems) {
    std::string message = t(problem.key, problem.args);
    if (problem.key.starts_with("innovation.check.")) {
      message = t("import.error.incomplete", {{"item", message}});
    }
    out << "baris " << problem.row;
    if (!problem.column.empty()) out << ", kolom " << problem.column;
    out << ": " << message << "\n";
  }
  for (const auto& unit : plan.new_units) out << "unit baru: " << unit << "\n";
  out << plan.rows << " baris, " << plan.ready << " siap, " << plan.problems.size() << " masalah\n";
}

}  // namespace

int import_from_cli(kernel::Host& app, const CliRequest& request, std::ostream& out) {
  auto start = std::chrono::steady_clock::now();
  std::string bytes = read_file(request.file);
  std::string name = std::filesystem::path(request.file).filename().string();
  sheet::Table table;
  try {
    // Files on the server's disk, given by its operator: room for 100,000 full profiles.
    sheet::Limits limits;
    limits.max_text_bytes = std::size_t{2} << 30;
    limits.max_unzipped_bytes = std::uint64_t{2} << 30;
    table = sheet::read_table(bytes, name, limits);
  } catch (const sheet::Unreadable& error) {
    out << app.catalog().text(view::Lang::id, error.key(), error.args()) << "\n";
    return 1;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  Request what{request.agency_id, name, request.publish};
  auto labels = choice_labels(app.catalog());
  Plan plan;
  std::size_t imported = 0;
  if (request.dry_run) {
    plan = check_import(app.db(), what, std::move(table), labels);
  } else {
    // No subscriber: this process serves nothing; servers catch up through their freshness check.
    kernel::Events no_listeners;
    kernel::Actor actor{std::nullopt, "cli", "", ""};
    auto outcome = run_import(app.db(), no_listeners, actor, what, std::move(table), labels);
    plan = std::move(outcome.plan);
    imported = outcome.imported;
  }
  print_plan(app.catalog(), plan, out);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!request.dry_run)
    out << imported << " inovasi diimpor";
  else
    out << "pemeriksaan saja, tidak ada yang disimpan";
  out << " (" << seconds << " s)\n";
  return plan.problems.empty() ? 0 : 1;
}

}  // namespace simpul::imports
