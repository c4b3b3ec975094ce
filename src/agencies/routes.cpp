// Agencies: the organiser lists and adds them; an agency's page shows its service units, where its
// local admin (or the organiser) adds units.
#include "agencies/feature.hpp"
#include "agencies/paths.hpp"
#include "agencies/store.hpp"
#include "audit/audit.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"
#include "regions/model.hpp"

namespace simpul::agencies {
namespace {

using auth::Role;
using kernel::Access;
using kernel::Context;
using kernel::Json;

Json type_options(Context& context, const auto& types, const std::string& selected) {
  Json options = Json::array();
  for (std::string_view type : types) {
    options.push_back({{"value", type},
                       {"label", context.t("agency_type." + std::string(type))},
                       {"selected", type == selected}});
  }
  return options;
}

Json province_options(Context& context, const std::string& selected) {
  Json options = Json::array();
  auto list = context.db().read([](db::Transaction& tx) { return provinces(tx); });
  for (const auto& province : list) {
    options.push_back({{"value", province.code},
                       {"label", province.name},
                       {"selected", province.code == selected}});
  }
  return options;
}

// The organiser sees every agency; a local admin or hub coordinator only its own.
Agency visible_agency(Context& context) {
  auto id = context.path_id();
  const auto& me = context.signed_in_user();
  if (!me.is(Role::organiser) && me.agency_id != id) throw forbidden();
  auto agency = context.db().read([&](db::Transaction& tx) { return find_agency(tx, id); });
  if (!agency) throw not_found();
  return *agency;
}

http::Response list(Context& context) {
  const auto& me = context.signed_in_user();
  if (!me.is(Role::organiser)) {
    if (!me.agency_id) throw forbidden();
    return http::Response::redirect(kernel::path(paths::kAgency, {*me.agency_id}));
  }
  const auto& query = context.request().query();
  AgencyFilter filter{is_type(query.get("jenis")) ? query.get("jenis") : "", query.get("provinsi"),
                      query.get("cari").substr(0, 100)};
  int page =
      static_cast<int>(std::max<std::int64_t>(1, parse_positive(query.get("halaman")).value_or(1)));
  filter.offset = (page - 1) * filter.limit;
  auto [agencies, total] = context.db().read([&](db::Transaction& tx) {
    return std::pair{list_agencies(tx, filter), count_agencies(tx, filter)};
  });
  Json rows = Json::array();
  for (const auto& agency : agencies) {
    rows.push_back({{"url", kernel::path(paths::kAgency, {agency.id})},
                    {"name", agency.name},
                    {"type", context.t("agency_type." + agency.type)},
                    {"province", agency.province_name},
                    {"timezone", agency.timezone},
                    {"units", agency.unit_count}});
  }
  std::string base = "/instansi?jenis=" + http::url_encode(filter.type) +
                     "&provinsi=" + http::url_encode(filter.province_code) +
                     "&cari=" + http::url_encode(filter.text) + "&halaman=";
  Json model = {{"title", context.t("agencies.title")},
                {"agencies", rows},
                {"total", context.t("agencies.total",
                                    {{"count", view::format_integer(total, context.lang())}})},
                {"types", type_options(context, kTypes, filter.type)},
                {"provinces", province_options(context, filter.province_code)},
                {"search", filter.text}};
  if (page > 1) model["previous"] = base + std::to_string(page - 1);
  if (filter.offset + filter.limit < total) model["following"] = base + std::to_string(page + 1);
  return context.page("agencies/list", std::move(model));
}

http::Response render_new_agency(Context& context, const NewAgency& agency,
                                 const FieldErrors& errors, int status) {
  Json model = {{"title", context.t("agencies.new_title")},
                {"name", agency.name},
                {"types", type_options(context, kAddableTypes, agency.type)},
                {"provinces", province_options(context, agency.province_code)},
                {"errors", context.translated(errors)},
                {"error_summary", context.error_summary(errors, {})}};
  return context.page("agencies/new", std::move(model), status);
}

http::Response new_agency_form(Context& context) { return render_new_agency(context, {}, {}, 200); }

http::Response create_agency(Context& context) {
  const auto& form = context.request().form();
  NewAgency agency{form.get("name"), form.get("type"), form.get("province_code")};
  auto errors = validate_new_agency(agency);
  if (!errors.empty()) return render_new_agency(context, agency, errors, 422);
  // Ministries, agencies and BUMN sit in Jakarta; a BUMD keeps its province's zone.
  std::string zone(view::zone_name(agency.province_code.empty()
                                       ? view::Zone::wib
                                       : regions::province_zone(agency.province_code)));
  auto id = context.db().write([&](db::Transaction& tx) -> std::optional<std::int64_t> {
    if (agency_name_taken(tx, agency.name)) return std::nullopt;
    auto new_id = insert_agency(tx, agency, zone, now_seconds());
    Json after = {{"name", agency.name},
                  {"type", agency.type},
                  {"province_code", agency.province_code},
                  {"timezone", zone}};
    audit::record(tx, context.actor(),
                  {"agency.create", "agency", std::to_string(new_id), std::nullopt, after});
    return new_id;
  });
  if (!id) {
    return render_new_agency(context, agency, {{"name", "agency.name_taken"}}, 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kAgency, {*id}), "notice.agency_created");
}

http::Response render_agency(Context& context, const Agency& agency, const std::string& unit_name,
                             const FieldErrors& errors, int status) {
  const auto& me = context.signed_in_user();
  auto units = context.db().read([&](db::Transaction& tx) { return units_of(tx, agency.id); });
  Json unit_rows = Json::array();
  for (const auto& unit : units) unit_rows.push_back({{"id", unit.id}, {"name", unit.name}});
  Json model = {{"title", agency.name},
                {"agency",
                 {{"id", agency.id},
                  {"units_action", kernel::path(paths::kUnits, {agency.id})},
                  {"name", agency.name},
                  {"type", context.t("agency_type." + agency.type)},
                  {"province", agency.province_name},
                  {"timezone", agency.timezone}}},
                {"units", unit_rows},
                {"has_units", !units.empty()},
                {"unit_name", unit_name},
                {"errors", context.translated(errors)},
                {"error_summary", context.error_summary(errors, {})},
                {"can_add_units", me.is(Role::organiser) || me.is(Role::local_admin)},
                {"is_organiser", me.is(Role::organiser)},
                {"is_local_admin", me.is(Role::local_admin)}};
  return context.page("agencies/show", std::move(model), status);
}

http::Response show(Context& context) {
  return render_agency(context, visible_agency(context), "", {}, 200);
}

http::Response add_unit(Context& context) {
  Agency agency = visible_agency(context);
  const auto& me = context.signed_in_user();
  if (!me.is(Role::organiser) && !me.is(Role::local_admin)) throw forbidden();
  std::string name = context.request().form().get("name");
  auto errors = validate_unit_name(name);
  if (!errors.empty()) return render_agency(context, agency, name, errors, 422);
  bool added = context.db().write([&](db::Transaction& tx) {
    if (unit_name_taken(tx, agency.id, name)) return false;
    auto id = insert_unit(tx, agency.id, name, now_seconds());
    audit::record(tx, context.actor(),
                  {"unit.create", "unit", std::to_string(id), std::nullopt,
                   Json{{"agency_id", agency.id}, {"name", name}}});
    return true;
  });
  if (!added) return render_agency(context, agency, name, {{"name", "unit.name_taken"}}, 409);
  return context.redirect_with_notice(kernel::path(paths::kAgency, {agency.id}),
                                      "notice.unit_created");
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  auto organiser = Access::roles({Role::organiser});
  auto agency_staff = Access::roles({Role::organiser, Role::local_admin, Role::hub_coordinator});
  routes.get(paths::kAgencies, agency_staff, list);
  routes.get(paths::kNewAgency, organiser, new_agency_form);
  routes.post(paths::kNewAgency, organiser, create_agency);
  routes.get(paths::kAgency, agency_staff, show);
  routes.post(paths::kUnits, Access::roles({Role::organiser, Role::local_admin}), add_unit);
}

}  // namespace simpul::agencies
