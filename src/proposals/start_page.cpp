// Starting a proposal: one of the unit's (a local admin: the agency's) published innovations, a
// group, a category and, for Replikasi, the innovation it adapts. Refused with the eligibility
// reasons in plain words when the innovation may not enter the group.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "core/util/text.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"
#include "proposals/routes.hpp"
#include "proposals/view.hpp"

namespace simpul::proposals {
namespace {

struct Typed {
  std::string innovation;
  std::string group;
  std::string category;
  std::string source;
};

// An innovation named by its id or by the address of its public page (".../inovasi/123").
std::optional<std::int64_t> innovation_reference(std::string_view text) {
  std::string typed = trim(text);
  auto slash = typed.find_last_of('/');
  if (slash != std::string::npos) typed = typed.substr(slash + 1);
  return parse_positive(typed);
}

Json innovations_json(Context& context, const std::string& chosen) {
  const auto& user = context.signed_in_user();
  if (!user.agency_id) return Json::array();
  std::optional<std::int64_t> unit;
  if (user.role == auth::Role::unit_operator) unit = user.unit_id.value_or(0);
  auto sources = context.db().read(
      [&](db::Transaction& tx) { return published_of(tx, *user.agency_id, unit); });
  Json out = Json::array();
  for (const auto& s : sources) {
    std::string id = std::to_string(s.innovation_id);
    out.push_back({{"value", id}, {"label", s.name}, {"selected", id == chosen}});
  }
  return out;
}

Json groups_json(Context& context, const competitions::Setup& setup, const std::string& chosen) {
  Json out = Json::array();
  for (const auto& g : setup.groups) {
    if (!g.enabled) continue;
    out.push_back({{"value", g.code},
                   {"label", group_label(context, g.code)},
                   {"summary", competitions::label(context, "group_summary", g.code)},
                   {"checked", g.code == chosen}});
  }
  if (chosen.empty() && !out.empty()) out[0]["checked"] = true;
  return out;
}

http::Response render_start(Context& context, const competitions::Edition& edition,
                            const Typed& typed, Json extra, int status) {
  const auto& setup = edition.setup;
  Json categories = Json::array();
  for (const auto& c : setup.categories)
    categories.push_back(
        {{"value", c.code}, {"label", c.name}, {"selected", c.code == typed.category}});
  Json innovations = innovations_json(context, typed.innovation);
  bool replication = false;
  for (const auto& g : setup.groups) replication |= g.enabled && g.requires_source_innovation;
  Json model = {{"title", context.t("proposal.start.title")},
                {"edition_title", setup.general.title},
                {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
                {"action", kernel::path(paths::kStart, {edition.id})},
                {"innovations", innovations},
                {"has_innovations", !innovations.empty()},
                {"groups", groups_json(context, setup, typed.group)},
                {"categories", categories},
                {"has_categories", !categories.empty()},
                {"replication", replication},
                {"source", typed.source},
                {"errors", Json::object()}};
  model.update(extra);
  model["has_ineligible"] = model.contains("ineligible") && !model["ineligible"].empty();
  return context.page("proposals/start", std::move(model), status);
}

competitions::Edition open_edition(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  if (edition.status != competitions::Status::published) throw not_found();
  return edition;
}

}  // namespace

http::Response start_form(Context& context) {
  auto edition = open_edition(context);
  if (!competitions::registration_open(edition, now_seconds())) {
    return render_start(context, edition, {},
                        {{"problem", context.t("proposal.error.closed")}, {"closed", true}}, 409);
  }
  return render_start(context, edition, {}, Json::object(), 200);
}

http::Response start(Context& context) {
  auto edition = open_edition(context);
  const auto& form = context.request().form();
  Typed typed{form.get("inovasi"), form.get("kelompok"), form.get("kategori"), form.get("sumber")};
  try {
    Start s;
    auto innovation = parse_positive(typed.innovation);
    if (!innovation) throw InvalidForm(FieldErrors{{"innovation", "proposal.error.innovation"}});
    s.innovation_id = *innovation;
    s.group_code = typed.group;
    if (!typed.category.empty()) s.category_code = typed.category;
    if (!trim(typed.source).empty()) {
      s.source_innovation_id = innovation_reference(typed.source);
      if (!s.source_innovation_id)
        throw InvalidForm(FieldErrors{{"source", "proposal.error.source"}});
    }
    auto id = start_proposal(context.db(), context.actor(), context.signed_in_user(), edition.id, s,
                             now_seconds());
    return context.redirect_with_notice(kernel::path(paths::kProposal, {id}),
                                        "proposal.notice_page.created");
  } catch (const Ineligible& error) {
    return render_start(
        context, edition, typed,
        {{"ineligible", reasons_json(context, error.reasons(), edition.setup.general.zone)}}, 422);
  } catch (const InvalidForm& error) {
    return render_start(context, edition, typed, {{"errors", context.translated(error.errors())}},
                        422);
  } catch (const Conflict& error) {
    return render_start(context, edition, typed,
                        {{"problem", context.t(error.key(), error.args())}}, 409);
  }
}

}  // namespace simpul::proposals
