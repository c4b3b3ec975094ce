// The list of an edition's proposals. Whoever looks sees their own scope: a unit operator its
// unit's, a local admin its agency's, the organiser every submitted one with filters and the
// screening form (check the proposals, choose pass or fail with a reason, apply).
#include <algorithm>

#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"
#include "proposals/routes.hpp"
#include "proposals/view.hpp"

namespace simpul::proposals {
namespace {

constexpr Status kOrganiserStatuses[] = {Status::submitted, Status::passed, Status::failed};

constexpr std::int64_t kPageSize = 50;

struct Scope {
  Person person;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
};

// What the user may list; 403 for someone with no part in the edition. A local admin running its
// agency's internal selection lists its agency's proposals in every state, and screens the
// submitted ones.
Scope scope_of(const kernel::CurrentUser& user, const competitions::Edition& edition) {
  Person person = person_for(user, edition);
  if (person.manages_edition && user.role != auth::Role::local_admin)
    return {person, std::nullopt, std::nullopt};
  if (edition.status != competitions::Status::published) throw not_found();
  if (user.role == auth::Role::local_admin && user.agency_id)
    return {person, user.agency_id, std::nullopt};
  if (user.role == auth::Role::unit_operator && user.unit_id)
    return {person, user.agency_id, user.unit_id};
  throw forbidden();
}

bool organiser_view(const Scope& scope) { return !scope.agency_id; }

ListFilter filter_from(const http::Form& q, std::int64_t edition_id, const Scope& scope) {
  ListFilter f;
  f.edition_id = edition_id;
  f.agency_id = scope.agency_id;
  f.unit_id = scope.unit_id;
  auto status = parse_status(q.get("status"));
  bool visible = status && (!organiser_view(scope) || with_organiser(*status));
  if (visible) {
    f.statuses = {*status};
  } else if (organiser_view(scope)) {
    f.statuses.assign(std::begin(kOrganiserStatuses), std::end(kOrganiserStatuses));
  }
  f.group_code = q.get("kelompok").substr(0, 40);
  f.category_code = q.get("kategori").substr(0, 40);
  f.cluster = q.get("klaster").substr(0, 40);
  f.province_code = q.get("provinsi").substr(0, 10);
  f.query = q.get("q").substr(0, 100);
  auto page = parse_positive(q.get("halaman")).value_or(1);
  f.offset = (std::min<std::int64_t>(page, 10'000) - 1) * kPageSize;
  f.limit = kPageSize;
  return f;
}

Json options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::string& chosen) {
  Json out = Json::array();
  for (const auto& [value, text] : values)
    out.push_back({{"value", value}, {"label", text}, {"selected", value == chosen}});
  return out;
}

Json filters_json(Context& context, const competitions::Setup& setup, const ListFilter& f,
                  const Scope& scope) {
  std::vector<std::pair<std::string, std::string>> statuses, groups, categories, clusters;
  for (auto code : kStatusCodes) {
    auto status = *parse_status(code);
    if (organiser_view(scope) && !with_organiser(status)) continue;
    statuses.emplace_back(code, label(context, "status", code));
  }
  for (const auto& g : setup.groups)
    if (g.enabled) groups.emplace_back(g.code, group_label(context, g.code));
  for (const auto& c : setup.categories) categories.emplace_back(c.code, c.name);
  for (const auto& c : setup.clusters) clusters.emplace_back(c, cluster_label(context, c));
  std::string status = f.statuses.size() == 1 ? std::string(status_code(f.statuses[0])) : "";
  return {{"statuses", options(statuses, status)},
          {"groups", options(groups, f.group_code)},
          {"categories", options(categories, f.category_code)},
          {"has_categories", !categories.empty()},
          {"clusters", options(clusters, f.cluster)},
          {"organiser", organiser_view(scope)},
          {"q", f.query}};
}

Json row_json(Context& context, const Listed& p, bool can_screen) {
  bool screenable = can_screen && with_organiser(p.status);
  std::string status = label(context, "status", status_code(p.status));
  if (p.screening_reason) status += " · " + label(context, "reason", *p.screening_reason);
  return {{"url", kernel::path(paths::kProposal, {p.id})},
          {"title", p.title},
          {"agency", p.agency_name},
          {"unit", p.unit_name},
          {"province", p.province_name},
          {"group", group_label(context, p.group_code)},
          {"category", p.category_name},
          {"status", status},
          {"choice", screenable ? std::to_string(p.id) + ":" + std::to_string(p.version) : ""},
          {"updated", context.format_datetime(p.updated_at)}};
}

// The query without the page number, for the pager and the way back after screening.
std::string query_without_page(const http::Form& q) {
  std::string out;
  for (const auto& [name, value] : q.pairs()) {
    if (name == "halaman") continue;
    out += (out.empty() ? "" : "&") + http::url_encode(name) + "=" + http::url_encode(value);
  }
  return out;
}

Json pager_json(const std::string& base, const std::string& query, const ListFilter& f,
                std::int64_t total) {
  std::int64_t page = f.offset / kPageSize + 1;
  std::string prefix = base + "?" + (query.empty() ? "" : query + "&") + "halaman=";
  Json pager = Json::object();
  if (page > 1) pager["previous"] = prefix + std::to_string(page - 1);
  if (f.offset + kPageSize < total) pager["following"] = prefix + std::to_string(page + 1);
  return pager;
}

Json reasons_options(const Context& context) {
  Json out = Json::array();
  for (auto code : kReasonCodes)
    out.push_back({{"value", code}, {"label", label(context, "reason", code)}});
  return out;
}

http::Response render_list(Context& context, const competitions::Edition& edition,
                           const std::string& problem, int status) {
  const auto& user = context.signed_in_user();
  Scope scope = scope_of(user, edition);
  const auto& q = context.request().query();
  ListFilter filter = filter_from(q, edition.id, scope);
  auto now = now_seconds();
  struct Data {
    std::vector<Listed> rows;
    std::int64_t total = 0;
    Counts counts;
    bool announced = false;
  };
  Data data = context.db().read([&](db::Transaction& tx) {
    return Data{list_proposals(tx, filter), count_proposals(tx, filter),
                place_counts(tx, edition.id, scope.agency_id),
                find_announcement(tx, edition.id).has_value()};
  });
  bool can_screen = scope.person.manages_edition && !data.announced;
  Json rows = Json::array();
  for (const auto& p : data.rows) rows.push_back(row_json(context, p, can_screen));
  std::string base = kernel::path(paths::kList, {edition.id}), query = query_without_page(q);
  bool open = competitions::registration_open(edition, now);
  bool agency_user = !organiser_view(scope);
  Json model = {
      {"title", context.t("proposal.list.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"list_url", base},
      {"start_url", kernel::path(paths::kStart, {edition.id})},
      {"counts", counts_json(data.counts)},
      {"show_counts", user.role != auth::Role::unit_operator},
      {"filters", filters_json(context, edition.setup, filter, scope)},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"total", view::format_integer(data.total, context.lang())},
      {"pager", pager_json(base, query, filter, data.total)},
      {"can_start", agency_user && open},
      {"closed", agency_user && !open},
      {"can_screen", can_screen && !rows.empty()},
      {"reasons", reasons_options(context)},
      {"back", base + (query.empty() ? "" : "?" + query)},
      {"screen_action", kernel::path(paths::kScreening, {edition.id})},
      {"manages", scope.person.manages_edition},
      {"announced", data.announced},
      {"announcement_url", kernel::path(paths::kAnnouncement, {edition.id})},
      {"dashboard_url", kernel::path(paths::kDashboard, {edition.id})},
      {"problem", problem},
  };
  return context.page("proposals/list", std::move(model), status);
}

std::vector<Screened> chosen(const http::Form& form) {
  std::vector<Screened> out;
  for (const auto& value : form.all("pilih")) {
    auto colon = value.find(':');
    auto id = parse_positive(value.substr(0, colon));
    auto version =
        colon == std::string::npos ? std::nullopt : parse_positive(value.substr(colon + 1));
    if (!id || !version) throw bad_request("proposal.error.bad_choice");
    out.push_back({*id, *version});
  }
  return out;
}

}  // namespace

http::Response list(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  return render_list(context, edition, "", 200);
}

http::Response screen_chosen(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  const auto& form = context.request().form();
  std::string back =
      http::local_target(form.get("kembali"), kernel::path(paths::kList, {edition.id}));
  std::string decision = form.get("keputusan");
  try {
    if (decision != "lulus" && decision != "tidak")
      throw InvalidForm(FieldErrors{{"keputusan", "proposal.error.decision"}});
    Decision d{decision == "lulus", std::nullopt, form.get("catatan")};
    if (!form.get("alasan").empty()) d.reason = form.get("alasan");
    screen(context.db(), context.actor(), context.signed_in_user(), edition.id, chosen(form), d,
           now_seconds());
  } catch (const InvalidForm& error) {
    std::string text;
    for (const auto& [field, problem] : error.errors())
      text += (text.empty() ? "" : " ") + context.explain(problem);
    return render_list(context, edition, text, 422);
  } catch (const Conflict& error) {
    return render_list(context, edition, context.t(error.key(), error.args()), 409);
  }
  return context.redirect_with_notice(back, "proposal.notice_page.screened");
}

}  // namespace simpul::proposals
