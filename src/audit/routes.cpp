// The organiser's view of the audit log: newest first, filtered by action, entity or actor.
#include <charconv>

#include "audit/feature.hpp"
#include "audit/store.hpp"

namespace simpul::audit {
namespace {

using kernel::Context;
using kernel::Json;

std::int64_t to_int(const std::string& text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

http::Response show_log(Context& context) {
  const auto& query = context.request().query();
  Filter filter{query.get("aksi"), query.get("entitas"), query.get("pelaku"),
                to_int(query.get("sebelum")), 50};
  std::vector<Entry> entries;
  std::vector<std::string> actions;
  {
    auto tx = context.db().begin_read();
    entries = list(tx, filter);
    actions = distinct_actions(tx);
  }
  Json rows = Json::array();
  for (const auto& entry : entries) {
    rows.push_back({{"id", entry.id},
                    {"at", context.format_datetime(entry.at)},
                    {"actor", entry.actor_name},
                    {"action", entry.action},
                    {"entity", entry.entity},
                    {"entity_id", entry.entity_id},
                    {"before", entry.before_json},
                    {"after", entry.after_json},
                    {"request_id", entry.request_id},
                    {"address", entry.remote_address}});
  }
  Json action_options = Json::array();
  for (const auto& action : actions) {
    action_options.push_back({{"value", action}, {"selected", action == filter.action}});
  }
  Json model = {{"title", context.t("audit.title")},
                {"entries", rows},
                {"actions", action_options},
                {"filter", {{"entity", filter.entity}, {"actor", filter.actor}}}};
  if (static_cast<int>(entries.size()) == filter.limit) {
    model["older"] = "/audit?aksi=" + http::url_encode(filter.action) +
                     "&entitas=" + http::url_encode(filter.entity) +
                     "&pelaku=" + http::url_encode(filter.actor) +
                     "&sebelum=" + std::to_string(entries.back().id);
  }
  return context.page("audit/log", std::move(model));
}

}  // namespace
}  // namespace simpul::audit

namespace simpul::audit {
void register_routes(kernel::Routes& routes) {
  routes.get("/audit", kernel::Access::roles({auth::Role::organiser}), show_log);
}
}  // namespace simpul::audit
