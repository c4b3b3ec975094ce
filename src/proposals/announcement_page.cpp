// The announcement of the administrative screening (SINOVIK's pengumuman): the proposals that
// passed, by cluster, public once the organiser publishes it. Before that only the organiser sees
// it, as a preview with the publish form.
#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"
#include "proposals/routes.hpp"
#include "proposals/view.hpp"

namespace simpul::proposals {
namespace {

Json clusters_json(Context& context, const std::vector<Listed>& passed) {
  Json clusters = Json::array();
  for (const auto& p : passed) {
    if (clusters.empty() || clusters.back()["code"] != p.cluster) {
      clusters.push_back({{"code", p.cluster},
                          {"label", cluster_label(context, p.cluster)},
                          {"rows", Json::array()}});
    }
    clusters.back()["rows"].push_back({{"title", p.title},
                                       {"agency", p.agency_name},
                                       {"group", group_label(context, p.group_code)},
                                       {"category", p.category_name}});
  }
  return clusters;
}

http::Response render_announcement(Context& context, const competitions::Edition& edition,
                                   const std::string& problem, int status) {
  bool manages = competitions::manages(context, edition.setup.general);
  struct Data {
    std::optional<Announcement> announcement;
    std::vector<Listed> passed;
    std::int64_t unscreened = 0;
  };
  Data data = context.db().read([&](db::Transaction& tx) {
    return Data{find_announcement(tx, edition.id), passed_proposals(tx, edition.id),
                unscreened(tx, edition.id)};
  });
  if (!data.announcement && !manages) throw not_found();
  const auto zone = edition.setup.general.zone;
  Json model = {
      {"title", context.t("proposal.announcement.title") + " · " + edition.setup.general.title},
      {"edition_title", edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {edition.id})},
      {"published", data.announcement.has_value()},
      {"published_at", data.announcement ? competitions::datetime_text(
                                               context, data.announcement->published_at, zone)
                                         : ""},
      {"note",
       data.announcement ? competitions::paragraphs(data.announcement->note) : Json::array()},
      {"clusters", clusters_json(context, data.passed)},
      {"count",
       view::format_integer(static_cast<std::int64_t>(data.passed.size()), context.lang())},
      {"can_publish", manages && !data.announcement},
      {"unscreened", data.unscreened},
      {"list_url", kernel::path(paths::kList, {edition.id})},
      {"publish_action", kernel::path(paths::kAnnouncement, {edition.id})},
      {"problem", problem},
  };
  return context.page("proposals/announcement", std::move(model), status);
}

}  // namespace

http::Response announcement(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  return render_announcement(context, edition, "", 200);
}

http::Response announce_page(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  try {
    proposals::announce(context.db(), context.actor(), context.signed_in_user(), edition.id,
                        context.request().form().get("catatan"), now_seconds());
  } catch (const InvalidForm& error) {
    return render_announcement(context, edition, context.explain(error.errors().begin()->second),
                               422);
  } catch (const Conflict& error) {
    return render_announcement(context, edition, context.t(error.key(), error.args()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kAnnouncement, {edition.id}),
                                      "proposal.notice_page.announced");
}

}  // namespace simpul::proposals
