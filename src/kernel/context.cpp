#include "kernel/context.hpp"

#include <set>

#include "core/util/numbers.hpp"

#include "kernel/cookies.hpp"
#include "kernel/routes.hpp"

namespace simpul::kernel {

const CurrentUser& Context::signed_in_user() const {
  if (!user_) throw Unauthorized("error.unauthorized");
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
  return host_.catalog().text(lang_, key, args);
}

std::int64_t Context::path_id(std::string_view name) const {
  return found(parse_positive(request_.param(name)));
}

std::int64_t Context::form_version(const http::Form& form) {
  auto version = parse_positive(form.get("version"));
  if (!version) throw bad_request("form.bad_version");
  return *version;
}

Context::FormBody Context::form_body(std::size_t max_parts) const {
  if (!http::is_multipart_form(request_.header("content-type"))) return {request_.form(), {}};
  http::MultipartLimits limits;
  limits.max_parts = max_parts;
  limits.max_file_bytes = config().server.max_body_bytes;
  auto multipart = http::Multipart::parse(request_.header("content-type"), request_.body, limits);
  auto fields = multipart.fields();
  return {std::move(fields), std::move(multipart)};
}

Json Context::translated(const FieldErrors& errors) const {
  Json out = Json::object();
  for (const auto& [field, problem] : errors) out[field] = explain(problem);
  return out;
}

Json Context::error_summary(const FieldErrors& errors, const std::vector<SummaryField>& fields,
                            std::string_view form_id) const {
  Json items = Json::array();
  std::set<std::string_view> listed;
  for (const auto& f : fields) {
    auto error = errors.find(f.field);
    if (error == errors.end()) continue;
    items.push_back(
        {{"href", "#" + f.element_id}, {"text", f.label + ": " + explain(error->second)}});
    listed.insert(f.field);
  }
  // A field not named links to the element of its own name, as most forms give their fields the
  // ids of their names; the form itself when asked to (form_id not empty).
  for (const auto& [field, problem] : errors) {
    if (listed.contains(field)) continue;
    std::string target = form_id.empty() ? field : std::string(form_id);
    items.push_back({{"href", "#" + target}, {"text", explain(problem)}});
  }
  if (items.empty()) return nullptr;
  return {{"items", std::move(items)}};
}

std::string Context::format_datetime(std::int64_t utc_seconds) const {
  return view::format_datetime(utc_seconds, zone_, lang_);
}

Json Context::layout_model(Json model) const {
  view::Lang other = lang_ == view::Lang::id ? view::Lang::en : view::Lang::id;
  model["lang"] = view::lang_code(lang_);
  model["csrf"] = csrf_token_;
  model["next"] = request_.target.empty() ? "/" : request_.target;
  model["other_lang"] = {{"code", view::lang_code(other)},
                         {"label", other == view::Lang::en ? "English" : "Bahasa Indonesia"}};
  if (user_) {
    model["current_user"] = {
        {"name", user_->full_name.empty() ? user_->username : user_->full_name},
        {"role", t(auth::role_label_key(user_->role))}};
  }
  if (notice_) model["notice"] = t(notice_->key, notice_->args);
  if (host_.config().demo) model["demo"] = true;
  const auto& assets = host_.static_files();
  model["assets"] = {{"css", assets.url_for("/static/css/simpul.css")},
                     {"htmx", assets.url_for("/static/vendor/htmx.min.js")},
                     {"forms", assets.url_for("/static/js/forms.js")},
                     {"icon", assets.url_for("/static/icons/simpul.svg")}};
  // Every page gets the small forms script; htmx only where the page asks for it
  // (model["scripts"]["htmx"]), since it weighs more than most pages.
  model["scripts"]["forms"] = true;
  if (!model.contains("title")) model["title"] = "Simpul";
  return model;
}

http::Response Context::page(std::string_view template_name, Json model, int status) {
  const auto& templates = host_.templates();
  Json full = layout_model(std::move(model));
  // The page of a server error may be the database's: no unread count there.
  host_.add_frame(*this, full, user_ && user_->setup_done() && status < 500);
  std::string content = templates.render(template_name, lang_, full);
  full["content"] = std::move(content);
  return http::Response::html(templates.render("layout", lang_, full), status);
}

http::Response Context::redirect_with_notice(std::string location, std::string notice_key,
                                             MessageArgs args) {
  auto response = http::Response::redirect(std::move(location));
  response.set_cookie({std::string(kNoticeCookie),
                       encode_notice({std::move(notice_key), std::move(args)}), 60, true,
                       host_.config().secure_cookies, "Lax"});
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

}  // namespace simpul::kernel
