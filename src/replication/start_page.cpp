// Starting a record (/replikasi/baru): the adopting agency finds the source innovation, says what
// it keeps and what it changes, and records its letter of interest, in one form.
#include <algorithm>

#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "innovations/paths.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/service.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

using auth::Role;

struct Chosen {
  Source source;
  bool kipp_award = false;  // any award tier but "lainnya"
  std::vector<UnitChoice> units;
  std::optional<std::int64_t> existing;  // the agency's record of it under way
};

std::optional<Chosen> chosen_source(Context& context, std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  const auto& me = context.signed_in_user();
  return context.db().read([&](db::Transaction& tx) -> std::optional<Chosen> {
    auto source = find_source(tx, *id);
    if (!source) return std::nullopt;
    auto awards = innovations::awards_of(tx, *id);
    bool kipp = std::any_of(awards.begin(), awards.end(),
                            [](const innovations::Award& a) { return a.tier != "lainnya"; });
    auto agency = me.agency_id.value_or(0);
    return Chosen{*source, kipp, units_of(tx, agency), under_way(tx, *id, agency)};
  });
}

Json search_json(Context& context, const std::string& text) {
  Json hits = Json::array();
  if (text.size() < 2) return hits;
  auto found = context.db().read([&](db::Transaction& tx) {
    return search_sources(tx, text, context.signed_in_user().agency_id.value_or(0), 20);
  });
  for (const auto& s : found)
    hits.push_back(
        {{"name", s.name},
         {"agency", s.agency.name},
         {"is_sample", s.is_sample},
         {"url", kernel::path(paths::kNew, {}) + "?sumber=" + std::to_string(s.innovation_id)}});
  return hits;
}

// The refused form's errors, each linking to its field.
Json start_summary(Context& context, const Refusal& refusal) {
  std::vector<Context::SummaryField> fields;
  for (const auto& [field, key] : {std::pair{"unit", "replication.field.unit"},
                                   {"tetap", "replication.field.keeps"},
                                   {"ubah", "replication.field.changes"},
                                   {"tanggal", "replication.field.interest_date"},
                                   {"tautan", "replication.field.link"},
                                   {"berkas", "replication.field.file"},
                                   {"catatan", "replication.field.note"}})
    fields.push_back({field, field, context.t(key)});
  return context.error_summary(refusal.errors, fields);
}

http::Response render_start(Context& context, const std::optional<Chosen>& chosen,
                            const Refusal& refusal, int status) {
  const auto& me = context.signed_in_user();
  const auto& query = context.request().query();
  Json model = {{"title", context.t("replication.start.title")},
                {"query", query.get("q")},
                {"action", kernel::path(paths::kNew, {})}};
  if (!chosen) {
    model["hits"] = search_json(context, query.get("q"));
    model["searched"] = query.get("q").size() >= 2;
    model["has_hits"] = !model["hits"].empty();
    return context.page("replication/start", std::move(model), status);
  }
  const auto& s = chosen->source;
  const auto& typed = refusal.typed;
  model["source"] = {{"id", s.innovation_id},
                     {"name", s.name},
                     {"agency", s.agency.name},
                     {"province", s.agency.province_name},
                     {"is_sample", s.is_sample},
                     {"url", kernel::path(innovations::paths::kInnovation, {s.innovation_id})},
                     {"kipp_award", chosen->kipp_award}};
  model["own"] = me.agency_id == s.agency.agency_id;
  if (chosen->existing) model["existing_url"] = kernel::path(paths::kRecord, {*chosen->existing});
  model["choose_unit"] = me.is(Role::local_admin);
  Json units = Json::array();
  auto typed_unit = typed.get("unit");
  for (const auto& unit : chosen->units)
    units.push_back({{"id", unit.id},
                     {"name", unit.name},
                     {"selected", std::to_string(unit.id) == typed_unit}});
  model["units"] = units;
  model["f"] = {{"tetap", typed.get("tetap")},
                {"ubah", typed.get("ubah")},
                {"tanggal", typed.get("tanggal")},
                {"tautan", typed.get("tautan")},
                {"catatan", typed.get("catatan")}};
  model["errors"] = context.translated(refusal.errors);
  model["error_summary"] = start_summary(context, refusal);
  model["problem"] = refusal.problem;
  model["file_dropped"] = refusal.file_dropped && !refusal.errors.empty();
  model["max_file_bytes"] = innovations::kMaxFileBytes;
  return context.page("replication/start", std::move(model), status);
}

http::Response start_form(Context& context) {
  auto id = parse_positive(context.request().query().get("sumber"));
  auto chosen = chosen_source(context, id);
  if (id && !chosen) throw not_found();
  return render_start(context, chosen, {}, 200);
}

http::Response start(Context& context) {
  SentForm sent = read_sent_form(context);
  const auto& form = sent.form;
  auto source_id = parse_positive(form.get("sumber"));
  auto chosen = chosen_source(context, source_id);
  if (!chosen) throw not_found();
  Start start;
  start.source_innovation_id = *source_id;
  start.unit_id = parse_positive(form.get("unit"));
  start.plan_keeps = form.get("tetap");
  start.plan_changes = form.get("ubah");
  start.interest = {Stage::minat, form.get("tanggal"), form.get("tautan"),
                    false,        form.get("catatan"), ""};
  start.file = sent.file;
  Refusal refusal{"mulai", {}, "", form, sent.file.has_value()};
  try {
    auto id =
        start_replication(context.db(), context.events(), context.actor(),
                          editor_of(context.signed_in_user()), std::move(start), now_seconds());
    return context.redirect_with_notice(kernel::path(paths::kRecord, {id}),
                                        "replication.notice.started");
  } catch (const InvalidForm& error) {
    refusal.errors = error.errors();
    return render_start(context, chosen, refusal, 422);
  } catch (const Conflict& error) {
    refusal.problem = context.t(error.key(), error.args());
    return render_start(context, chosen, refusal, 409);
  }
}

}  // namespace

void register_start_routes(kernel::Routes& routes) {
  auto recorders = kernel::Access::roles({Role::local_admin, Role::unit_operator});
  routes.get(paths::kNew, recorders, start_form);
  routes.post(paths::kNew, recorders, start);
}

}  // namespace simpul::replication
