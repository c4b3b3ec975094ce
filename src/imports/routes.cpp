// The local admin's import page: the documented column layout with templates to download, and an
// upload form whose two buttons check the file (a dry run that writes nothing) or import it (all
// rows or none).
#include <mutex>

#include "core/http/multipart.hpp"
#include "core/sheet/write.hpp"
#include "core/view/format.hpp"
#include "imports/feature.hpp"
#include "imports/service.hpp"
#include "kernel/context.hpp"

namespace simpul::imports {
namespace {

using auth::Role;
using kernel::Access;
using kernel::Context;
using kernel::Json;

// The page lists at most this many problems; the total is always given.
constexpr std::size_t kShownProblems = 500;

Json column_rows(Context& context) {
  Json rows = Json::array();
  for (const auto& column : columns()) {
    std::string key = "import.column." + std::string(column.name);
    rows.push_back(
        {{"name", column.name},
         {"required", column.required},
         {"ignored", column.field.empty()},
         {"meaning", context.t(key)},
         {"example",
          column.field.empty() ? "" : context.t("import.example." + std::string(column.name))}});
  }
  return rows;
}

http::Response render(Context& context, Json extra, int status) {
  auto max_mb = std::to_string(context.config().server.max_body_bytes >> 20);
  Json model = {
      {"title", context.t("import.title")},
      {"columns", column_rows(context)},
      {"file_hint",
       context.t("import.file_hint", {{"max_rows", view::format_integer(kMaxRows, context.lang())},
                                      {"max_mb", max_mb}})}};
  model.update(extra);
  return context.page("imports/index", std::move(model), status);
}

http::Response index(Context& context) {
  context.own_agency_id();
  return render(context, Json::object(), 200);
}

Json problem_rows(Context& context, const std::vector<RowProblem>& problems) {
  Json rows = Json::array();
  for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i) {
    const auto& problem = problems[i];
    std::string message = context.t(problem.key, problem.args);
    // A checklist item names what is missing; say why it is a problem.
    if (problem.key.starts_with("innovation.check.")) {
      message = context.t("import.error.incomplete", {{"item", message}});
    }
    rows.push_back({{"row", problem.row}, {"column", problem.column}, {"message", message}});
  }
  return rows;
}

Json plan_model(Context& context, const Plan& plan) {
  auto lang = context.lang();
  MessageArgs counts = {{"rows", view::format_integer(plan.rows, lang)},
                        {"ready", view::format_integer(plan.ready, lang)},
                        {"problems", view::format_integer(plan.problems.size(), lang)},
                        {"shown", view::format_integer(kShownProblems, lang)}};
  Json model = {{"checked", true},
                {"has_problems", !plan.problems.empty()},
                {"problems_summary", context.t("import.problems_summary", counts)},
                {"ready_summary", context.t("import.ready_summary", counts)},
                {"problems", problem_rows(context, plan.problems)},
                {"new_units", plan.new_units},
                {"has_new_units", !plan.new_units.empty()}};
  if (plan.problems.size() > kShownProblems) {
    model["more_problems"] = context.t("import.more_problems", counts);
  }
  return model;
}

// A large workbook can take a few hundred MB while it is read and checked; one import at a time
// keeps a server's memory bounded.
std::mutex one_import_at_a_time;

http::Response upload(Context& context) {
  auto agency_id = context.own_agency_id();
  std::unique_lock guard(one_import_at_a_time, std::try_to_lock);
  if (!guard.owns_lock()) throw Unavailable("import.error.busy");
  const auto& request = context.request();
  http::MultipartLimits limits;
  limits.max_parts = 8;
  limits.max_file_bytes = context.config().server.max_body_bytes;
  auto multipart = http::Multipart::parse(request.header("content-type"), request.body, limits);
  auto form = multipart.fields();
  bool publish = form.get("terbitkan") == "ya";
  bool run = form.get("mode") == "impor";
  Json extra = {{"publish", publish}};
  auto files = multipart.files("berkas");
  if (files.size() != 1) {
    extra["file_error"] = context.t("import.error.one_file");
    return render(context, std::move(extra), 422);
  }
  const auto& file = *files.front();
  extra["file_name"] = *file.filename;
  sheet::Table table;
  try {
    table = sheet::read_table(file.body, *file.filename);
  } catch (const sheet::Unreadable& error) {
    extra["file_error"] = context.t(error.key(), error.args());
    return render(context, std::move(extra), 422);
  }
  Request what{agency_id, *file.filename, publish};
  auto labels = choice_labels(context.catalog());
  if (!run) {
    auto plan = check_import(context.db(), what, std::move(table), labels);
    extra.update(plan_model(context, plan));
    return render(context, std::move(extra), 200);
  }
  auto outcome =
      run_import(context.db(), context.events(), context.actor(), what, std::move(table), labels);
  if (outcome.imported == 0) {
    extra.update(plan_model(context, outcome.plan));
    extra["not_imported"] = true;
    return render(context, std::move(extra), 422);
  }
  return context.redirect_with_notice("/inovasi/saya",
                                      publish ? "notice.import_published" : "notice.import_drafts");
}

http::Response template_csv(Context&) {
  return http::Response::download(sheet::to_csv(import_header(), {}), "text/csv; charset=utf-8",
                                  "templat-impor-inovasi.csv");
}

http::Response template_xlsx(Context& context) {
  return http::Response::download(
      sheet::to_xlsx(import_header(), {}, context.config().data_dir + "/tmp"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "templat-impor-inovasi.xlsx");
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  auto admins = Access::roles({Role::local_admin});
  routes.get("/inovasi/impor", admins, index);
  routes.post("/inovasi/impor", admins, upload);
  routes.get("/inovasi/impor/templat.csv", admins, template_csv);
  routes.get("/inovasi/impor/templat.xlsx", admins, template_xlsx);
}

}  // namespace simpul::imports
