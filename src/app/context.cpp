#include "app/context.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/cookies.hpp"
#include "notices/service.hpp"

namespace simpul::app {

db::Database& Context::db() { return app_.db(); }
const view::TemplateSet& Context::templates() { return app_.templates(); }

const CurrentUser& Context::signed_in_user() const {
  if (!user_) throw UserError(401, "error.unauthorized");
  return *user_;
}

std::int64_t Context::own_agency_id() const {
  const auto& agency_id = signed_in_user().agency_id;
  if (!agency_id) throw forbidden();
  return *agency_id;
}

Actor Context::actor() const {
  Actor actor{std::nullopt, "anonymous", request_.request_id, request_.remote_address};
  if (user_) {
    actor.user_id = user_->id;
    actor.name = user_->username;
  } else if (api_client_) {
    actor.name = "api-token:" + std::to_string(api_client_->token_id);
  }
  return actor;
}

std::string Context::t(std::string_view key, const MessageArgs& args) const {
  return app_.catalog().text(lang_, key, args);
}

std::string Context::format_datetime(std::int64_t utc_seconds) const {
  return view::format_datetime(utc_seconds, zone_, lang_);
}

namespace {

struct NavItem {
  std::string_view href;
  std::string_view key;
};

// The public parts of the programme, in the order a visitor meets them.
constexpr NavItem kPublicNav[] = {
    {"/katalog", "nav.catalogue"},
    {"/kompetisi", "nav.competition"},
    {"/replikasi", "nav.replication"},
    {"/fkp", "nav.forum"},
    {"/skm", "nav.survey"},
    {"/statistik", "nav.statistics"},
};

Json navigation(const Context& context, std::string_view path) {
  Json items = Json::array();
  for (const auto& item : kPublicNav) {
    bool current = path == item.href || path.starts_with(std::string(item.href) + "/");
    items.push_back({{"href", item.href}, {"label", context.t(item.key)}, {"current", current}});
  }
  return items;
}

bool setup_done(const std::optional<CurrentUser>& user) {
  return user && !user->must_complete_profile && !user->must_change_password;
}

constexpr std::string_view kInbox = "/kotak-masuk";

Json account_menu(const Context& context) {
  Json items = Json::array();
  const auto& user = context.user();
  if (!setup_done(user)) return items;
  auto add = [&](std::string_view href, std::string_view key) {
    items.push_back({{"href", href}, {"label", context.t(key)}});
  };
  add("/akun", "nav.my_account");
  add(kInbox, "notices.nav.inbox");
  if (user->is(auth::Role::unit_operator) || user->is(auth::Role::local_admin) ||
      user->is(auth::Role::organiser)) {
    add("/inovasi/saya", "innovation.nav.mine");
  }
  if (user->is(auth::Role::organiser) || user->is(auth::Role::local_admin)) {
    add("/pengguna", "nav.users");
    add("/instansi", "nav.agencies");
  }
  if (user->is(auth::Role::evaluator)) add("/penilaian", "judging.nav.queue");
  if (user->is(auth::Role::evaluator) || user->is(auth::Role::panelist)) {
    add("/penilai/konflik", "judging.nav.conflicts");
  }
  if (user->is(auth::Role::organiser)) {
    add("/audit", "nav.audit");
    add("/email-keluar", "notices.nav.outbox");
  }
  return items;
}

// The unread count next to the inbox link: one indexed count per signed-in page (not per htmx
// fragment, which shows no menu, nor on the page of a server error, which may be the database's).
// The page renders without the count when counting fails.
void show_unread_notices(App& app, const CurrentUser& user, view::Lang lang, Json& menu) {
  std::int64_t unread = 0;
  try {
    unread = notices::unread_notices(app.db(), user.id);
  } catch (const std::exception& error) {
    spdlog::warn("layout: unread notices of user {} not counted: {}", user.id, error.what());
  }
  if (unread == 0) return;
  for (auto& item : menu) {
    if (item.value("href", "") == kInbox) item["inbox_unread"] = view::format_integer(unread, lang);
  }
}

}  // namespace

Json Context::layout_model(Json model) const {
  const std::string& path = request_.path;
  view::Lang other = lang_ == view::Lang::id ? view::Lang::en : view::Lang::id;
  model["lang"] = view::lang_code(lang_);
  model["csrf"] = csrf_token_;
  model["nav"] = navigation(*this, path);
  model["account_menu"] = account_menu(*this);
  model["has_account_menu"] = !model["account_menu"].empty();
  model["next"] = request_.target.empty() ? "/" : request_.target;
  model["other_lang"] = {{"code", view::lang_code(other)},
                         {"label", other == view::Lang::en ? "English" : "Bahasa Indonesia"}};
  if (user_) {
    model["current_user"] = {
        {"name", user_->full_name.empty() ? user_->username : user_->full_name},
        {"role", t(auth::role_label_key(user_->role))}};
  }
  if (!notice_key_.empty()) model["notice"] = t(notice_key_);
  if (app_.config().demo) model["demo"] = true;
  const auto& assets = app_.static_files();
  model["assets"] = {{"css", assets.url_for("/static/css/simpul.css")},
                     {"htmx", assets.url_for("/static/vendor/htmx.min.js")},
                     {"word_count", assets.url_for("/static/js/word-count.js")},
                     {"icon", assets.url_for("/static/icons/simpul.svg")}};
  if (!model.contains("title")) model["title"] = "Simpul";
  return model;
}

http::Response Context::page(std::string_view template_name, Json model, int status) {
  const auto& templates = app_.templates();
  Json full = layout_model(std::move(model));
  if (setup_done(user_) && status < 500) {
    show_unread_notices(app_, *user_, lang_, full["account_menu"]);
  }
  std::string content = templates.render(template_name, lang_, full);
  full["content"] = std::move(content);
  return http::Response::html(templates.render("layout", lang_, full), status);
}

http::Response Context::redirect_with_notice(std::string location, std::string notice_key) {
  auto response = http::Response::redirect(std::move(location));
  response.set_cookie({std::string(kNoticeCookie), std::move(notice_key), 60, true,
                       app_.config().secure_cookies, "Lax"});
  return response;
}

bool Access::allows(auth::Role role) const {
  switch (kind_) {
    case Kind::anyone:
    case Kind::signed_in:
    case Kind::account_setup:
      return true;
    case Kind::monitoring:
      return role == auth::Role::organiser;
    case Kind::api_token:  // for tokens, not for people
      return false;
    case Kind::roles:
      for (auth::Role allowed : roles_) {
        if (allowed == role) return true;
      }
      return false;
  }
  return false;
}

}  // namespace simpul::app
