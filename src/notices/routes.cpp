// The inbox (/kotak-masuk) of every signed-in user, with marking read, and the organiser's view
// of the email outbox (/email-keluar). Marking a notice read is the reader's own bookkeeping, not
// a change of the programme's data, so it writes no audit event.
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"
#include "notices/email.hpp"
#include "notices/feature.hpp"
#include "notices/paths.hpp"
#include "notices/store.hpp"

namespace simpul::notices {
namespace {

using auth::Role;
using kernel::Access;
using kernel::Context;
using kernel::Json;

constexpr int kNoticesPerPage = 20;
constexpr int kEmailsPerPage = 50;
constexpr std::int64_t kMaxPage = 100000;  // keeps the offset a small number whatever the URL says

int page_number(const std::string& text) {
  return static_cast<int>(std::min(parse_positive(text).value_or(1), kMaxPage));
}

// Previous and next links of a list of total rows shown per_page at a time.
void add_pages(Json& model, const std::string& base, int page, int per_page, std::int64_t total) {
  if (page > 1) model["previous"] = base + std::to_string(page - 1);
  if (std::int64_t(page) * per_page < total) model["following"] = base + std::to_string(page + 1);
}

Json notice_item(Context& context, const NoticeRow& notice) {
  return {{"read_url", kernel::path(paths::kMarkRead, {notice.id})},
          {"text", context.t(notice.message.key, args_from_json(notice.message.args_json))},
          {"link", notice.message.link},
          {"at", context.format_datetime(notice.created_at)},
          {"unread", !notice.read_at}};
}

http::Response inbox(Context& context) {
  auto user_id = context.signed_in_user().id;
  int page = page_number(context.request().query().get("halaman"));
  std::vector<NoticeRow> rows;
  std::int64_t total = 0, unread = 0;
  context.db().read([&](db::Transaction& tx) {
    rows = notices_of(tx, user_id, kNoticesPerPage, std::int64_t(page - 1) * kNoticesPerPage);
    total = notice_count(tx, user_id);
    unread = unread_count(tx, user_id);
  });
  Json items = Json::array();
  for (const auto& row : rows) items.push_back(notice_item(context, row));
  Json model = {{"title", context.t("notices.inbox.title")},
                {"notices", std::move(items)},
                {"has_notices", total > 0},
                {"has_unread", unread > 0},
                {"page", page},
                {"summary", context.t("notices.inbox.summary",
                                      {{"unread", view::format_integer(unread, context.lang())},
                                       {"total", view::format_integer(total, context.lang())}})}};
  add_pages(model, "/kotak-masuk?halaman=", page, kNoticesPerPage, total);
  return context.page("notices/inbox", std::move(model));
}

// Back to the inbox page the form was on.
std::string inbox_page(Context& context) {
  int page = page_number(context.request().form().get("halaman"));
  return page > 1 ? "/kotak-masuk?halaman=" + std::to_string(page) : "/kotak-masuk";
}

http::Response mark_one(Context& context) {
  auto id = parse_positive(context.request().param("id"));
  auto user_id = context.signed_in_user().id;
  bool found = id && context.db().write([&](db::Transaction& tx) {
    return mark_read(tx, user_id, *id, now_seconds());
  });
  if (!found) throw not_found();
  return context.redirect_with_notice(inbox_page(context), "notice.notices_marked_read");
}

http::Response mark_all(Context& context) {
  auto user_id = context.signed_in_user().id;
  context.db().write([&](db::Transaction& tx) { mark_all_read(tx, user_id, now_seconds()); });
  return context.redirect_with_notice(inbox_page(context), "notice.notices_all_read");
}

Json email_item(Context& context, const EmailRow& email) {
  auto code = std::string(status_code(email.status));
  Json item = {{"recipient", email.recipient},
               {"recipient_name", email.recipient_name},
               {"subject", email_subject(context.catalog(), email.message)},
               {"status", context.t("notices.outbox.status." + code)},
               {"attempts", email.attempts},
               {"last_error", email.last_error},
               {"created_at", context.format_datetime(email.created_at)}};
  if (email.sent_at) item["sent_at"] = context.format_datetime(*email.sent_at);
  // Without a mail server nothing is scheduled: the email waits until one is configured.
  bool will_send = context.config().smtp.configured();
  if (will_send && email.status == EmailStatus::pending && email.next_attempt_at) {
    item["next_attempt_at"] = context.format_datetime(*email.next_attempt_at);
  }
  return item;
}

// Where emails go, or that they stay here.
std::string smtp_state(Context& context) {
  const auto& smtp = context.config().smtp;
  if (!smtp.configured()) return "";
  return context.t(smtp.starttls ? "notices.outbox.smtp_starttls" : "notices.outbox.smtp_plain",
                   {{"server", smtp.host + ":" + std::to_string(smtp.port)}});
}

http::Response outbox(Context& context) {
  const auto& query = context.request().query();
  auto status = parse_status_slug(query.get("status"));
  int page = page_number(query.get("halaman"));
  std::vector<EmailRow> rows;
  std::int64_t total = 0;
  Json statuses = Json::array();
  context.db().read([&](db::Transaction& tx) {
    rows = emails(tx, status, kEmailsPerPage, std::int64_t(page - 1) * kEmailsPerPage);
    total = email_count(tx, status);
    for (auto each : kAllStatuses) {
      auto code = std::string(status_code(each));
      statuses.push_back({{"value", status_slug(each)},
                          {"label", context.t("notices.outbox.status." + code)},
                          {"count", email_count(tx, each)},
                          {"selected", status == each}});
    }
  });
  Json items = Json::array();
  for (const auto& row : rows) items.push_back(email_item(context, row));
  Json model = {{"title", context.t("notices.outbox.title")},
                {"emails", std::move(items)},
                {"has_emails", !rows.empty()},
                {"statuses", std::move(statuses)},
                {"smtp", smtp_state(context)}};
  std::string slug = status ? std::string(status_slug(*status)) : "";
  add_pages(model, "/email-keluar?status=" + slug + "&halaman=", page, kEmailsPerPage, total);
  return context.page("notices/outbox", std::move(model));
}

}  // namespace

void register_routes(kernel::Routes& routes) {
  routes.get(paths::kInbox, Access::signed_in(), inbox);
  routes.post(paths::kMarkAllRead, Access::signed_in(), mark_all);
  routes.post(paths::kMarkRead, Access::signed_in(), mark_one);
  routes.get(paths::kOutbox, Access::roles({Role::organiser}), outbox);
}

}  // namespace simpul::notices
