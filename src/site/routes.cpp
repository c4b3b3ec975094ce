// Public pages (home, about, the parts later releases fill), the language switch, and the health
// and metrics endpoints.
#include "core/http/metrics.hpp"
#include "kernel/context.hpp"
#include "kernel/cookies.hpp"
#include "site/feature.hpp"
#include "site/settings.hpp"

namespace simpul::site {
namespace {

using kernel::Access;
using kernel::Context;
using kernel::Json;

http::Response home(Context& context) {
  return context.page("site/home", {{"title", context.t("home.title")}});
}

http::Response about(Context& context) {
  return context.page("site/about", {{"title", context.t("about.title")}});
}

// Who to ask, from the installation's settings; the page says so when none is set.
http::Response help(Context& context) {
  const auto& desk = context.config().helpdesk;
  Json model = {{"title", context.t("site.help.title")}};
  if (!desk.email.empty()) model["desk"]["email"] = desk.email;
  if (!desk.phone.empty()) model["desk"]["phone"] = desk.phone;
  if (!desk.hours.empty()) model["desk"]["hours"] = desk.hours;
  return context.page("site/help", std::move(model));
}

kernel::Page statement(std::string template_name, std::string title_key) {
  return [template_name, title_key](Context& context) {
    return context.page(template_name, {{"title", context.t(title_key)}});
  };
}

// A part of the programme that a later release fills: say so plainly instead of a dead link.
kernel::Page upcoming(std::string title_key, std::string summary_key) {
  return [title_key, summary_key](Context& context) {
    return context.page("site/upcoming",
                        {{"title", context.t(title_key)}, {"summary", context.t(summary_key)}});
  };
}

http::Response switch_language(Context& context) {
  const auto& form = context.request().form();
  auto lang = view::parse_lang(form.get("lang"));
  auto response = http::Response::redirect(http::local_target(form.get("next"), "/"));
  response.set_cookie({std::string(kernel::kLangCookie), std::string(view::lang_code(lang)),
                       kernel::kOneYearSeconds, true, context.config().secure_cookies, "Lax"});
  return response;
}

http::Response health(Context& context) {
  bool ok = database_answers(context.db());
  Json body = {{"status", ok ? "ok" : "unavailable"},
               {"database", ok ? "ok" : "unreachable"},
               {"engine", db::engine_name(context.db().engine())}};
  auto response = http::Response::json(body.dump(), ok ? 200 : 503);
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response metrics(Context& context) {
  auto response = http::Response::text(context.service<http::Metrics>().render());
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  routes.get("/", Access::anyone(), home);
  routes.get("/tentang", Access::anyone(), about);
  routes.get("/bantuan", Access::anyone(), help);
  routes.get("/privasi", Access::anyone(), statement("site/privacy", "site.privacy.title"));
  routes.get("/aksesibilitas", Access::anyone(),
             statement("site/accessibility", "site.accessibility.title"));
  routes.get("/fkp", Access::anyone(), upcoming("upcoming.forum.title", "upcoming.forum.summary"));
  routes.get("/skm", Access::anyone(),
             upcoming("upcoming.survey.title", "upcoming.survey.summary"));
  routes.get("/statistik", Access::anyone(),
             upcoming("upcoming.statistics.title", "upcoming.statistics.summary"));
  routes.post("/bahasa", Access::anyone(), switch_language);
  // Browsers ask for /favicon.ico before reading the page's icon link.
  routes.get("/favicon.ico", Access::anyone(), [](Context& context) {
    auto response =
        http::Response::redirect(context.static_files().url_for("/static/icons/simpul.svg"), 301);
    response.set_header("Cache-Control", "public, max-age=86400");
    return response;
  });
  routes.get("/healthz", Access::anyone(), health);
  routes.get("/metrics", Access::monitoring(), metrics);
}

}  // namespace simpul::site
