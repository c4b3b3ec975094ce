#include "competitions/view.hpp"

#include "competitions/paths.hpp"
#include "competitions/store.hpp"
#include "kernel/paths.hpp"

#include "competitions/service.hpp"
#include "core/util/numbers.hpp"
#include "kernel/context.hpp"

namespace simpul::competitions {

Manager manager_of(const kernel::CurrentUser& user) { return {user.role, user.agency_id}; }

bool manages(const Context& context, const General& general) {
  return context.user() &&
         may_manage(manager_of(*context.user()), general.level, general.owner_agency_id);
}

Edition managed_edition(Context& context, std::int64_t id) {
  Edition edition = load_edition(context.db(), id);
  if (!manages(context, edition.setup.general)) throw forbidden();
  return edition;
}

std::string level_text(const Context& context, Level level, const std::string& owner_name) {
  std::string text = context.t("competition.level." + std::string(level_code(level)));
  if (!owner_name.empty()) text += " · " + owner_name;
  return text;
}

std::string label(const Context& context, std::string_view list, std::string_view code) {
  return context.t("competition." + std::string(list) + "." + std::string(code));
}

std::string datetime_text(const Context& context, std::int64_t utc, view::Zone zone) {
  return view::format_datetime(utc, zone, context.lang());
}

std::string date_text(const Context& context, std::int64_t utc, view::Zone zone) {
  return view::format_date(utc, zone, context.lang());
}

std::string registration_text(const Context& context, Status status,
                              const std::optional<std::int64_t>& opens,
                              const std::optional<std::int64_t>& closes, view::Zone zone,
                              std::int64_t now) {
  if (status == Status::draft) return context.t("competition.registration.draft");
  if (!closes) return context.t("competition.registration.unknown");
  std::string close = datetime_text(context, *closes, zone);
  if (now >= *closes) return context.t("competition.registration.closed", {{"close", close}});
  if (opens && now < *opens) {
    return context.t("competition.registration.not_yet",
                     {{"open", datetime_text(context, *opens, zone)}, {"close", close}});
  }
  return context.t("competition.registration.open", {{"close", close}});
}

std::string reason_text(Context& context, const Reason& reason, view::Zone zone) {
  return explain(reason, context.catalog(), context.lang(), zone);
}

Json paragraphs(std::string_view text) {
  Json out = Json::array();
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

Json edition_links(std::int64_t edition_id) {
  Json parts = Json::object();
  for (Part part : kParts) {
    parts[std::string(part_code(part))] =
        kernel::path(paths::kSetupPart, {edition_id, part_code(part)});
  }
  return {{"page", kernel::path(paths::kEdition, {edition_id})},
          {"setup", kernel::path(paths::kSetup, {edition_id})},
          {"extend", kernel::path(paths::kExtend, {edition_id})},
          {"copy", kernel::path(paths::kCopy, {edition_id})},
          {"publish", kernel::path(paths::kPublish, {edition_id})},
          {"parts", parts}};
}

kernel::Access edition_runners() {
  using auth::Role;
  return kernel::Access::roles({Role::organiser, Role::hub_coordinator, Role::local_admin});
}

}  // namespace simpul::competitions
