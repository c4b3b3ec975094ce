// The finalists, public once published (/kompetisi/{id}/finalis), and the objection form of the
// uji publik (/kompetisi/{id}/finalis/{proposal}/sanggah): anyone may object to a finalist while
// the window is open, with a name, a contact and a reason; the panel decides on each.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "finals/paths.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::finals {
namespace {

struct Public {
  competitions::Edition edition;
  Stage stage;
};

// The edition once its finalists are public; 404 before.
Public published(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  auto stage = stage_of(context, edition.id);
  if (!stage || !stage->finalists_published_at) throw not_found();
  return {std::move(edition), *stage};
}

std::string window_text(Context& context, const Public& p, std::int64_t now) {
  const auto zone = p.edition.setup.general.zone;
  auto ends = competitions::datetime_text(context, p.stage.objection_ends_at.value_or(0), zone);
  if (objection_open(p.stage, now)) return context.t("finals.objection.open", {{"time", ends}});
  return context.t("finals.objection.closed", {{"time", ends}});
}

http::Response finalists_list(Context& context) {
  Public p = published(context);
  auto now = now_seconds();
  bool open = objection_open(p.stage, now);
  auto nominees =
      context.db().read([&](db::Transaction& tx) { return nominees_of(tx, p.edition.id); });
  Json finalists = Json::array(), removed = Json::array();
  for (const auto& n : nominees) {
    if (!n.selected) continue;
    Json row = {{"title", n.title},
                {"agency", n.agency_name},
                {"province", n.province_name},
                {"category", n.category_name},
                {"group", competitions::label(context, "group", n.group_code)},
                {"cluster", competitions::label(context, "cluster", n.cluster)},
                {"object_url", kernel::path(paths::kObjectionForm, {p.edition.id, n.proposal_id})},
                {"removed_reason", n.removed_reason.value_or("")}};
    (n.removed_reason ? removed : finalists).push_back(std::move(row));
  }
  Json model = {
      {"title", context.t("finals.finalists.title") + " · " + p.edition.setup.general.title},
      {"edition_title", p.edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {p.edition.id})},
      {"published_at", competitions::datetime_text(context, *p.stage.finalists_published_at,
                                                   p.edition.setup.general.zone)},
      {"window", window_text(context, p, now)},
      {"open", open},
      {"count", finalists.size()},
      {"finalists", finalists},
      {"removed", removed},
      {"has_removed", !removed.empty()},
      {"results_url",
       p.stage.results_published_at ? kernel::path(paths::kResults, {p.edition.id}) : ""},
  };
  return context.page("finals/finalists", std::move(model));
}

http::Response render_form(Context& context, const Public& p, std::int64_t proposal_id,
                           const TypedObjection& typed, const FieldErrors& errors,
                           const std::string& problem, int status) {
  auto nominee = context.db().read(
      [&](db::Transaction& tx) { return find_nominee(tx, p.edition.id, proposal_id); });
  if (!nominee || !nominee->finalist()) throw not_found();
  Json model = {{"title", context.t("finals.objection.title") + " · " + nominee->title},
                {"finalist", nominee->title},
                {"agency", nominee->agency_name},
                {"edition_title", p.edition.setup.general.title},
                {"list_url", kernel::path(paths::kFinalists, {p.edition.id})},
                {"action", kernel::path(paths::kObjectionForm, {p.edition.id, proposal_id})},
                {"open", objection_open(p.stage, now_seconds())},
                {"window", window_text(context, p, now_seconds())},
                {"name", typed.name},
                {"contact", typed.contact},
                {"reason", typed.reason},
                {"min_reason", kMinObjectionReason},
                {"max_reason", kMaxObjectionReason},
                {"errors", context.translated(errors)},
                {"error_summary", context.error_summary(errors, {})},
                {"problem", problem}};
  return context.page("finals/objection", std::move(model), status);
}

http::Response render_check(Context& context, const Public& p, std::int64_t proposal_id,
                            const TypedObjection& typed) {
  auto nominee = context.db().read(
      [&](db::Transaction& tx) { return find_nominee(tx, p.edition.id, proposal_id); });
  if (!nominee || !nominee->finalist()) throw not_found();
  Json model = {{"title", context.t("finals.objection.check_title")},
                {"finalist", nominee->title},
                {"agency", nominee->agency_name},
                {"action", kernel::path(paths::kObjectionForm, {p.edition.id, proposal_id})},
                {"name", typed.name},
                {"contact", typed.contact},
                {"reason", typed.reason},
                {"reason_lines", competitions::paragraphs(typed.reason)}};
  return context.page("finals/objection_check", std::move(model));
}

http::Response form(Context& context) {
  Public p = published(context);
  return render_form(context, p, context.path_id("proposal"), {}, {}, "", 200);
}

http::Response file(Context& context) {
  Public p = published(context);
  auto proposal_id = context.path_id("proposal");
  const auto& f = context.request().form();
  TypedObjection typed{f.get("nama"), f.get("kontak"), f.get("alasan")};
  // "periksa" shows what will be sent, before the one step that cannot be taken back; "ubah"
  // returns to the form with everything typed.
  const std::string action = f.get("aksi");
  if (action == "ubah") return render_form(context, p, proposal_id, typed, {}, "", 200);
  if (action == "periksa") {
    TypedObjection checked = typed;
    if (auto errors = check_objection(checked); !errors.empty())
      return render_form(context, p, proposal_id, typed, errors, context.t("form.invalid"), 422);
    return render_check(context, p, proposal_id, checked);
  }
  FiledObjection filed;
  try {
    filed = file_objection(context.db(), context.actor(), p.edition.id, proposal_id, typed,
                           now_seconds());
  } catch (const InvalidForm& error) {
    return render_form(context, p, proposal_id, typed, error.errors(), context.t(error.key()), 422);
  } catch (const Conflict& error) {
    return render_form(context, p, proposal_id, typed, {}, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kReceipt, {filed.receipt}),
                                      "finals.notice.objection_filed");
}

// The objection's state for whoever holds its receipt: the finalist, when it was filed, and the
// panel's decision with its note once decided. Never the objector's name or contact.
http::Response receipt(Context& context) {
  std::string number(context.request().param("receipt"));
  auto status = found(
      context.db().read([&](db::Transaction& tx) { return objection_by_receipt(tx, number); }));
  auto zone = view::parse_zone(status.timezone).value_or(view::Zone::wib);
  Json model = {
      {"title", context.t("finals.receipt.title") + " " + status.receipt},
      {"receipt", status.receipt},
      {"finalist", status.finalist},
      {"edition_title", status.edition_title},
      {"list_url", kernel::path(paths::kFinalists, {status.edition_id})},
      {"filed", competitions::datetime_text(context, status.filed_at, zone)},
      {"state", context.t("finals.receipt.state." +
                          (status.decision.empty() ? std::string("pending") : status.decision))},
      {"decided",
       status.decided_at ? competitions::datetime_text(context, *status.decided_at, zone) : ""},
      {"note", status.decision_note}};
  return context.page("finals/receipt", std::move(model));
}

}  // namespace

void register_finalist_routes(kernel::Routes& routes) {
  routes.get(paths::kFinalists, kernel::Access::anyone(), finalists_list);
  routes.get(paths::kObjectionForm, kernel::Access::anyone(), form);
  routes.post(paths::kObjectionForm, kernel::Access::anyone(), file);
  routes.get(paths::kReceipt, kernel::Access::anyone(), receipt);
}

}  // namespace simpul::finals
