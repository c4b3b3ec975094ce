#include "app/navigation.hpp"

#include <spdlog/spdlog.h>

#include "notices/service.hpp"

namespace simpul::app {
namespace {

using kernel::Context;
using kernel::CurrentUser;
using view::Json;

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

constexpr std::string_view kInbox = "/kotak-masuk";

Json account_menu(const Context& context, std::string_view path) {
  Json items = Json::array();
  const auto& user = context.user();
  if (!user || !user->setup_done()) return items;
  auto add = [&](std::string_view href, std::string_view key) {
    items.push_back({{"href", href}, {"label", context.t(key)}, {"current", path == href}});
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
void show_unread_notices(db::Database& database, const CurrentUser& user, view::Lang lang,
                         Json& model) {
  std::int64_t unread = 0;
  try {
    unread = notices::unread_notices(database, user.id);
  } catch (const std::exception& error) {
    spdlog::warn("layout: unread notices of user {} not counted: {}", user.id, error.what());
  }
  if (unread == 0) return;
  // On the folded menu's button too, so a phone shows it without opening the menu. A name of its
  // own: inside the menu's loop, a missing "inbox_unread" would be looked up here.
  model["menu_unread"] = view::format_integer(unread, lang);
  for (auto& item : model["account_menu"]) {
    if (item.value("href", "") == kInbox) item["inbox_unread"] = model["menu_unread"];
  }
}

}  // namespace

void add_frame(db::Database& database, const Context& context, Json& model, bool count_unread) {
  model["nav"] = navigation(context, context.request().path);
  model["account_menu"] = account_menu(context, context.request().path);
  model["has_account_menu"] = !model["account_menu"].empty();
  if (count_unread) show_unread_notices(database, *context.user(), context.lang(), model);
}

}  // namespace simpul::app
