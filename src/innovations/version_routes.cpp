// The versions of an innovation (who saved, when, with which note) and a readable comparison of
// any two of them.
#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/store.hpp"
#include "innovations/view.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using kernel::Context;

Json number_options(const std::vector<VersionRecord>& versions, std::int64_t selected) {
  Json options = Json::array();
  for (const auto& version : versions) {
    options.push_back({{"number", version.number}, {"selected", version.number == selected}});
  }
  return options;
}

Json versions_json(const Context& context, std::int64_t id,
                   const std::vector<VersionRecord>& versions) {
  Json rows = Json::array();
  for (const auto& version : versions) {
    Json row = {{"number", version.number},
                {"author", version.author_name},
                {"saved_at", context.format_datetime(version.saved_at)},
                {"note", version.note}};
    if (version.published_at) row["published_at"] = context.format_datetime(*version.published_at);
    if (version.number > 1) {
      row["compare_url"] = kernel::path(paths::kVersions, {id}) +
                           "?dari=" + std::to_string(version.number - 1) +
                           "&ke=" + std::to_string(version.number) + "#perbandingan";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

http::Response versions(Context& context) {
  Innovation innovation = viewable_innovation(context, context.path_id());
  const auto& query = context.request().query();
  // By default the latest version against the one before it.
  auto to = parse_positive(query.get("ke")).value_or(innovation.version);
  auto from = parse_positive(query.get("dari")).value_or(std::max<std::int64_t>(1, to - 1));
  auto [list, before, after] = context.db().read([&](db::Transaction& tx) {
    return std::tuple{list_versions(tx, innovation.id), version_snapshot(tx, innovation.id, from),
                      version_snapshot(tx, innovation.id, to)};
  });
  Json model = {{"title", context.t("innovation.versions.title") + " " + innovation.fields.name},
                {"name", innovation.fields.name},
                {"edit_url", kernel::path(paths::kEdit, {innovation.id})},
                {"action", kernel::path(paths::kVersions, {innovation.id})},
                {"from_options", number_options(list, from)},
                {"to_options", number_options(list, to)},
                {"versions", versions_json(context, innovation.id, list)},
                {"can_compare", list.size() > 1}};
  if (before && after && from != to) {
    Json changes = compare_json(context, *before, *after);
    model["comparison"] = {
        {"heading", context.t("innovation.versions.heading",
                              {{"from", std::to_string(from)}, {"to", std::to_string(to)}})},
        {"changes", changes},
        {"no_changes", changes.empty()}};
  }
  return context.page("innovations/versions", std::move(model));
}

}  // namespace simpul::innovations
