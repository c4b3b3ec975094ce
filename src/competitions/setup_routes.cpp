// The organisers' pages: a new edition, its set-up part by part, publication, deadline extensions
// and copies to another year. A refused save shows the page again with what was typed.
#include "competitions/calendar.hpp"
#include "competitions/paths.hpp"
#include "competitions/routes.hpp"
#include "competitions/service.hpp"
#include "competitions/setup_form.hpp"
#include "competitions/setup_page.hpp"
#include "competitions/store.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "kernel/paths.hpp"

namespace simpul::competitions {
namespace {

int this_year(const Context& context) { return local_date(now_seconds(), context.zone()).year; }

http::Response render_new(Context& context, const http::Form& values, const FieldErrors& errors,
                          int status) {
  Manager manager = manager_of(context.signed_in_user());
  if (!may_create(manager)) throw forbidden();
  Level level = *level_run_by(manager.role);
  std::string owner_name;
  Json sources = Json::array();
  context.db().read([&](db::Transaction& tx) {
    if (auto owner = owner_for(manager)) {
      if (auto agency = find_agency(tx, *owner)) owner_name = agency->name;
    }
    for (const auto& edition : editions_of(tx, level, owner_for(manager))) {
      sources.push_back({{"title", edition.title},
                         {"year", edition.year},
                         {"copy_url", kernel::path(paths::kCopy, {edition.id})}});
    }
  });
  Json model = {{"title", context.t("competition.new.title")},
                {"level", level_text(context, level, owner_name)},
                {"general", general_fields(context, values, errors, false)},
                {"error_summary", context.error_summary(errors, {})},
                {"sources", sources},
                {"has_sources", !sources.empty()}};
  if (auto owner_error = errors.find("owner"); owner_error != errors.end()) {
    model["problem"] = context.t(owner_error->second.key, owner_error->second.args);
  }
  return context.page("competitions/new", std::move(model), status);
}

http::Response back_to_setup(Context& context, std::int64_t id, Part part) {
  return context.redirect_with_notice(
      kernel::path(paths::kSetup, {id}) + "#" + std::string(part_code(part)),
      "competition.notice.saved");
}

// The set-up page again when the change is refused: 422 with the field errors or what
// publication needs, 409 with the reason; nullopt when the change was made.
template <class Change>
std::optional<http::Response> refusal(Context& context, SetupPage& page, Change&& change) {
  try {
    change();
    return std::nullopt;
  } catch (const InvalidForm& error) {
    page.errors = error.errors();
    return render_setup(context, page, 422);
  } catch (const NotReady& error) {
    page.blocked = error.problems();
    return render_setup(context, page, 422);
  } catch (const Conflict& error) {
    page.problem = context.t(error.key(), error.args());
    return render_setup(context, page, 409);
  }
}

// The extension page, with what was typed and its errors.
http::Response render_extend(Context& context, const Edition& edition, const http::Form& typed,
                             const FieldErrors& errors, const std::string& problem, int status) {
  const General& g = edition.setup.general;
  Json stages = Json::array();
  for (const Stage& stage : edition.setup.stages) {
    if (!stage.ends_at) continue;
    stages.push_back({{"value", stage.code},
                      {"label", label(context, "stage", stage.code)},
                      {"current", datetime_text(context, *stage.ends_at, g.zone)},
                      {"selected", typed.get("stage", std::string(kRegistration)) == stage.code}});
  }
  Json model = {
      {"title", context.t("competition.extend.title", {{"title", g.title}})},
      {"links", edition_links(edition.id)},
      {"version", typed.has("version") ? typed.get("version") : std::to_string(edition.version)},
      {"zone", view::zone_name(g.zone)},
      {"published", edition.status == Status::published},
      {"stages", stages},
      {"has_stages", !stages.empty()},
      {"new_ends_at", typed.get("new_ends_at")},
      {"reason", typed.get("reason")},
      {"problem", problem},
      {"errors", context.translated(errors)}};
  return context.page("competitions/extend", std::move(model), status);
}

http::Response render_copy(Context& context, const Edition& edition, const std::string& year,
                           const FieldErrors& errors, int status) {
  const General& g = edition.setup.general;
  Json model = {{"title", context.t("competition.copy.title", {{"title", g.title}})},
                {"links", edition_links(edition.id)},
                {"year", year},
                {"errors", context.translated(errors)}};
  return context.page("competitions/copy", std::move(model), status);
}

}  // namespace

// Next year's edition in the organiser's own zone, with the default numbers.
http::Response new_form(Context& context) {
  General defaults;
  defaults.year = this_year(context) + 1;
  defaults.zone = context.zone();
  return render_new(context, form_of(new_setup(defaults), Part::general), {}, 200);
}

http::Response create(Context& context) {
  Setup typed = new_setup(General{});
  ReadPart read = read_part(context.request().form(), Part::general, typed, view::Zone::wib);
  FieldErrors errors = read.errors;
  errors.merge(check_part(typed, Part::general));
  if (!errors.empty()) return render_new(context, read.values, errors, 422);
  try {
    auto id = create_edition(context.db(), context.actor(), manager_of(context.signed_in_user()),
                             typed.general);
    return context.redirect_with_notice(kernel::path(paths::kSetup, {id}),
                                        "competition.notice.created");
  } catch (const InvalidForm& error) {
    return render_new(context, read.values, error.errors(), 422);
  }
}

http::Response setup(Context& context) {
  Edition edition = managed_edition(context, context.path_id());
  SetupPage page{&edition, edition.version};
  return render_setup(context, page, 200);
}

http::Response save(Context& context) {
  auto id = context.path_id();
  auto part = parse_part(context.request().param("part"));
  if (!part) throw not_found();
  Edition edition = managed_edition(context, id);
  const auto& form = context.request().form();
  SetupPage page{&edition, Context::form_version(form), *part};
  Setup typed = edition.setup;
  ReadPart read = read_part(form, *part, typed, edition.setup.general.zone);
  page.typed = read.values;
  if (!read.errors.empty()) {
    page.errors = read.errors;
    page.errors.merge(check_part(typed, *part));
    return render_setup(context, page, 422);
  }
  auto refused = refusal(context, page, [&] {
    save_part(context.db(), context.actor(), manager_of(context.signed_in_user()),
              context.service<LaterStages>(), id, page.version, *part, typed);
  });
  return refused ? std::move(*refused) : back_to_setup(context, id, *part);
}

http::Response publish(Context& context) {
  auto id = context.path_id();
  Edition edition = managed_edition(context, id);
  SetupPage page{&edition, Context::form_version(context.request().form())};
  auto refused = refusal(context, page, [&] {
    publish_edition(context.db(), context.actor(), manager_of(context.signed_in_user()), id,
                    page.version);
  });
  return refused ? std::move(*refused)
                 : context.redirect_with_notice(kernel::path(paths::kEdition, {id}),
                                                "competition.notice.published");
}

http::Response extend_form(Context& context) {
  Edition edition = managed_edition(context, context.path_id());
  return render_extend(context, edition, {}, {}, "", 200);
}

http::Response extend(Context& context) {
  auto id = context.path_id();
  Edition edition = managed_edition(context, id);
  const auto& form = context.request().form();
  auto version = Context::form_version(form);
  std::string typed_end = form.get("new_ends_at");
  auto new_end = parse_local_datetime(typed_end, edition.setup.general.zone, true);
  try {
    if (typed_end.empty()) throw InvalidForm({{"new_ends_at", {"form.required", {}}}});
    extend_deadline(context.db(), context.actor(), manager_of(context.signed_in_user()), id,
                    version, form.get("stage"), new_end, form.get("reason"));
  } catch (const InvalidForm& error) {
    return render_extend(context, edition, form, error.errors(), "", 422);
  } catch (const Conflict& error) {
    return render_extend(context, edition, form, {}, context.t(error.key(), error.args()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kEdition, {id}),
                                      "competition.notice.extended");
}

http::Response copy_form(Context& context) {
  Edition edition = managed_edition(context, context.path_id());
  return render_copy(context, edition, std::to_string(edition.setup.general.year + 1), {}, 200);
}

http::Response copy(Context& context) {
  auto id = context.path_id();
  Edition edition = managed_edition(context, id);
  std::string year = context.request().form().get("year");
  auto to_year = parse_positive(year);
  try {
    if (!to_year) throw InvalidForm({{"year", {"competition.error.number", {}}}});
    auto copy_id = copy_edition(context.db(), context.actor(), manager_of(context.signed_in_user()),
                                id, static_cast<int>(std::min<std::int64_t>(*to_year, 1'000'000)));
    return context.redirect_with_notice(kernel::path(paths::kSetup, {copy_id}),
                                        "competition.notice.copied");
  } catch (const InvalidForm& error) {
    return render_copy(context, edition, year, error.errors(), 422);
  }
}

}  // namespace simpul::competitions
