// A replication record (/replikasi/{id}): public for everyone, with the adopter's forms for its
// recorders: the next step with its evidence, the modification plan, mentoring sessions and
// milestones. Every form sends the version it was shown with.
#include <set>

#include "competitions/paths.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "innovations/paths.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/service.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

struct Loaded {
  Replication record;
  std::vector<replication::Step> steps;
  std::vector<Session> sessions;
  std::vector<Milestone> milestones;
  std::vector<UnitChoice> own_innovations;
  std::vector<LinkedProposal> proposals;
  std::vector<innovations::Award> awards;
};

bool recorder(const Context& context, const Replication& record) {
  return context.user() &&
         may_record(editor_of(*context.user()), record.adopter.agency_id, record.adopter_unit_id);
}

Loaded load_record(Context& context, std::int64_t id) {
  auto loaded = context.db().read([&](db::Transaction& tx) -> std::optional<Loaded> {
    auto record = find_replication(tx, id);
    if (!record) return std::nullopt;
    auto proposals =
        replication_proposals(tx, record->source_innovation_id, record->adopter.agency_id);
    auto awards = awards_won(tx, proposals);
    // The adopter's innovations are for its recorders' step form only.
    auto own = recorder(context, *record) ? innovations_of(tx, record->adopter.agency_id)
                                          : std::vector<UnitChoice>{};
    return Loaded{*record,        steps_of(tx, id),     sessions_of(tx, id), milestones_of(tx, id),
                  std::move(own), std::move(proposals), std::move(awards)};
  });
  if (!loaded) throw not_found();
  return std::move(*loaded);
}

competitions::LocalDate adopter_today(const Replication& record) {
  return competitions::local_date(now_seconds(),
                                  view::parse_zone(record.adopter.zone).value_or(view::Zone::wib));
}

Json step_row(Context& context, const Replication& record, const replication::Step& step) {
  Json json = {{"stage", stage_label(context, step.stage)},
               {"date", day_text(context, step.happened_on)},
               {"link", step.evidence_url},
               {"note", competitions::paragraphs(step.note)},
               {"recorded_by", step.recorded_by}};
  if (!step.file.name.empty()) {
    json["file_name"] = step.file.name;
    json["file_url"] = kernel::path(paths::kFile, {record.id, std::string(stage_code(step.stage))});
  }
  return json;
}

Json session_json(Context& context, const Session& s, bool show_notes) {
  return {{"date", day_text(context, s.held_on)},
          {"kind", context.t("replication.mentor." + s.mentor_kind)},
          {"mentor", s.mentor_name},
          {"topic", s.topic},
          {"attendance", s.attendance},
          {"notes", show_notes ? s.notes : ""}};
}

Json milestone_json(Context& context, const Replication& record, const Milestone& m,
                    competitions::LocalDate today, bool editable) {
  Json json = {{"id", m.id},
               {"title", m.title},
               {"target", day_text(context, m.target_on)},
               {"late", is_late(m, today)}};
  if (m.done_on) json["done"] = day_text(context, *m.done_on);
  if (editable && !m.done_on)
    json["done_action"] = kernel::path(paths::kMilestoneDone, {record.id, m.id});
  return json;
}

// The forms' typed values: what a refused form sent, empty for the others.
Json typed_json(const Refusal& refusal, const std::string& form,
                std::initializer_list<const char*> fields) {
  Json typed = Json::object();
  for (const char* field : fields)
    typed[field] = refusal.form == form ? refusal.typed.get(field) : "";
  return typed;
}

Json record_summary(Context& context, const Refusal& refusal) {
  static constexpr std::pair<const char*, const char*> kLabels[] = {
      {"tahap", "replication.field.stage"},       {"tanggal", "replication.field.date"},
      {"tautan", "replication.field.link"},       {"berkas", "replication.field.file"},
      {"catatan", "replication.field.note"},      {"sk", "replication.field.decree"},
      {"inovasi", "replication.field.adopted"},   {"tetap", "replication.field.keeps"},
      {"ubah", "replication.field.changes"},      {"jenis", "replication.field.mentor_kind"},
      {"pendamping", "replication.field.mentor"}, {"topik", "replication.field.topic"},
      {"hadir", "replication.field.attendance"},  {"judul", "replication.field.milestone"},
      {"target", "replication.field.target"},     {"selesai", "replication.field.done_on"}};
  std::vector<Context::SummaryField> fields;
  for (const auto& [field, label] : kLabels)
    fields.push_back({field, refusal.form + "-" + field, context.t(label)});
  return context.error_summary(refusal.errors, fields);
}

void add_forms(Context& context, const Loaded& d, const Refusal& refusal, Json& model) {
  const auto& record = d.record;
  Json next = Json::array();
  auto typed_stage = refusal.form == "tahap" ? refusal.typed.get("tahap") : "";
  for (Stage stage : next_stages(record.stage))
    next.push_back({{"value", stage_code(stage)},
                    {"label", stage_label(context, stage)},
                    {"selected", stage_code(stage) == typed_stage}});
  model["next_stages"] = next;
  Json own = Json::array();
  auto typed_adopted = refusal.form == "tahap" ? refusal.typed.get("inovasi") : "";
  for (const auto& innovation : d.own_innovations)
    if (innovation.id != record.source_innovation_id)
      own.push_back({{"id", innovation.id},
                     {"name", innovation.name},
                     {"selected", std::to_string(innovation.id) == typed_adopted}});
  model["own_innovations"] = own;
  model["needs_adoption"] = !implemented(record.stage) && !record.adopted_innovation_id;
  model["mentor_kinds"] = Json::array();
  auto typed_kind = refusal.form == "pendampingan" ? refusal.typed.get("jenis") : "";
  for (auto kind : kMentorKinds)
    model["mentor_kinds"].push_back(
        {{"value", kind},
         {"label", context.t("replication.mentor." + std::string(kind))},
         {"selected", kind == typed_kind}});
  model["typed"] = {
      {"tahap", typed_json(refusal, "tahap", {"tanggal", "tautan", "catatan", "sk"})},
      {"pendampingan",
       typed_json(refusal, "pendampingan", {"tanggal", "pendamping", "topik", "hadir", "catatan"})},
      {"target", typed_json(refusal, "target", {"judul", "target"})}};
  model["plan_typed"] =
      refusal.form == "rencana"
          ? Json{{"tetap", refusal.typed.get("tetap")}, {"ubah", refusal.typed.get("ubah")}}
          : Json{{"tetap", record.plan_keeps}, {"ubah", record.plan_changes}};
  Json errors = Json::object();
  errors[refusal.form.empty() ? "none" : refusal.form] = context.translated(refusal.errors);
  model["errors"] = errors;
  model["open"] = {{refusal.form.empty() ? "none" : refusal.form, true}};
  model["file_dropped"] = refusal.file_dropped && !refusal.errors.empty();
  model["max_file_bytes"] = innovations::kMaxFileBytes;
  model["links"] = {{"step", kernel::path(paths::kStep, {record.id})},
                    {"plan", kernel::path(paths::kPlan, {record.id})},
                    {"sessions", kernel::path(paths::kSessions, {record.id})},
                    {"milestones", kernel::path(paths::kMilestones, {record.id})}};
}

// The agency's KIPP Replikasi proposals of this source, each with its edition and status (and,
// for the adopter, the link to the proposal itself), and what they won.
Json proposals_json(Context& context, const Loaded& d, bool editor) {
  Json list = Json::array();
  for (const auto& p : d.proposals)
    list.push_back({{"title", p.title},
                    {"edition", p.edition_title},
                    {"edition_url", kernel::path(competitions::paths::kEdition, {p.edition_id})},
                    {"status", context.t("proposal.status." + p.status)},
                    {"url", editor ? kernel::path(proposals::paths::kProposal, {p.id}) : ""}});
  Json awards = Json::array();
  for (const auto& a : d.awards)
    awards.push_back(
        {{"title", a.title},
         {"url", a.source.starts_with("/") ? a.source : ""},
         {"tier", a.tier == "lainnya" ? "" : context.t("innovation.award_tier." + a.tier)}});
  return {{"items", list}, {"awards", awards}, {"any", !list.empty()}};
}

Json adopted_json(Context& context, const Replication& record, bool editor) {
  if (!record.adopted_innovation_id) return nullptr;
  std::string url;
  if (record.adopted_published)
    url = kernel::path(innovations::paths::kInnovation, {*record.adopted_innovation_id});
  else if (editor)
    url = kernel::path(innovations::paths::kEdit, {*record.adopted_innovation_id});
  return {{"name", record.adopted_name},
          {"url", url},
          {"draft", !record.adopted_published},
          {"draft_note", record.adopted_published ? "" : context.t("replication.record.draft")}};
}

http::Response render_record(Context& context, std::int64_t id, const Refusal& refusal,
                             int status) {
  Loaded d = load_record(context, id);
  const auto& record = d.record;
  bool editor = recorder(context, record);
  bool editable = editor && record.stage != Stage::berhenti;
  auto today = adopter_today(record);
  Json steps = Json::array(), sessions = Json::array(), milestones = Json::array();
  for (const auto& step : d.steps) steps.push_back(step_row(context, record, step));
  for (const auto& s : d.sessions) sessions.push_back(session_json(context, s, editor));
  int late = 0;
  for (const auto& m : d.milestones) {
    milestones.push_back(milestone_json(context, record, m, today, editable));
    late += is_late(m, today);
  }
  bool counts =
      counts_for_iid(record.adopter.type, record.adopter.agency_id == record.source.agency_id,
                     record.stage, record.stopped_at);
  Json model = {
      {"title", record.source_name + " · " + record.adopter.name},
      {"source_name", record.source_name},
      {"source_url", kernel::path(innovations::paths::kInnovation, {record.source_innovation_id})},
      {"source_agency", record.source.name},
      {"adopter", record.adopter.name},
      {"adopter_province", record.adopter.province_name},
      {"unit", record.adopter_unit_name},
      {"stage", stage_label(context, record.stage)},
      {"stopped", record.stage == Stage::berhenti},
      {"stopped_at", record.stopped_at ? stage_label(context, *record.stopped_at) : ""},
      {"adopted", adopted_json(context, record, editor)},
      {"kipp", proposals_json(context, d, editor)},
      {"decree", record.decree},
      {"iid", context.t(counts ? "replication.record.iid_counts" : "replication.record.iid_not")},
      {"is_sample", record.is_sample},
      {"keeps", competitions::paragraphs(record.plan_keeps)},
      {"changes", competitions::paragraphs(record.plan_changes)},
      {"steps", steps},
      {"sessions", sessions},
      {"has_sessions", !sessions.empty()},
      {"milestones", milestones},
      {"has_milestones", !milestones.empty()},
      {"late", late},
      {"late_text",
       late > 0 ? context.t("replication.record.late", {{"count", std::to_string(late)}}) : ""},
      {"version", record.version},
      {"editable", editable},
      {"problem", refusal.problem},
      {"error_summary", record_summary(context, refusal)},
      {"updated", context.format_datetime(record.updated_at)}};
  if (editable) add_forms(context, d, refusal, model);
  return context.page("replication/record", std::move(model), status);
}

// Runs one of the record's forms: back to the record with a notice, or the page again with the
// form's errors and what was typed.
template <class Act>
http::Response attempt(Context& context, const char* form_name, const SentForm& sent,
                       const char* notice, Act&& act) {
  auto id = context.path_id();
  return attempt_form(
      context, {form_name, {}, "", sent.form, sent.file.has_value()},
      kernel::path(paths::kRecord, {id}), notice, [&](std::int64_t version) { act(id, version); },
      [&](const Refusal& refusal, int status) {
        return render_record(context, id, refusal, status);
      });
}

http::Response show(Context& context) { return render_record(context, context.path_id(), {}, 200); }

http::Response step(Context& context) {
  SentForm sent = read_sent_form(context);
  const auto& f = sent.form;
  auto stage = parse_stage(f.get("tahap"));
  if (!stage) throw bad_request("error.bad_form");
  return attempt(context, "tahap", sent, "replication.notice.step", [&](auto id, auto version) {
    NextStep next{{*stage, f.get("tanggal"), f.get("tautan"), false, f.get("catatan"), f.get("sk")},
                  sent.file,
                  parse_positive(f.get("inovasi"))};
    record_step(context.db(), context.events(), context.actor(),
                editor_of(context.signed_in_user()), id, version, std::move(next), now_seconds());
  });
}

http::Response plan(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  return attempt(context, "rencana", sent, "replication.notice.saved", [&](auto id, auto version) {
    change_plan(context.db(), context.actor(), editor_of(context.signed_in_user()), id, version,
                sent.form.get("tetap"), sent.form.get("ubah"), now_seconds());
  });
}

http::Response session(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  const auto& f = sent.form;
  return attempt(context, "pendampingan", sent, "replication.notice.saved", [&](auto id, auto v) {
    add_session(context.db(), context.actor(), editor_of(context.signed_in_user()), id, v,
                {f.get("tanggal"), f.get("jenis"), f.get("pendamping"), f.get("topik"),
                 f.get("hadir"), f.get("catatan")},
                now_seconds());
  });
}

http::Response milestone(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  return attempt(context, "target", sent, "replication.notice.saved", [&](auto id, auto v) {
    add_milestone(context.db(), context.actor(), editor_of(context.signed_in_user()), id, v,
                  sent.form.get("judul"), sent.form.get("target"), now_seconds());
  });
}

http::Response milestone_done(Context& context) {
  SentForm sent{context.request().form(), std::nullopt};
  auto milestone_id = context.path_id("milestone");
  return attempt(context, "selesai", sent, "replication.notice.saved", [&](auto id, auto v) {
    complete_milestone(context.db(), context.actor(), editor_of(context.signed_in_user()), id, v,
                       milestone_id, sent.form.get("selesai"), now_seconds());
  });
}

// A step's evidence file: public, as the record is.
http::Response download(Context& context) {
  auto id = context.path_id();
  auto stage = parse_stage(context.request().param("stage"));
  if (!stage) throw not_found();
  auto found = context.db().read(
      [&](db::Transaction& tx) -> std::optional<std::pair<StoredFile, std::string>> {
        auto step = find_step(tx, id, *stage);
        if (!step || step->file.name.empty()) return std::nullopt;
        return std::pair{step->file, innovations::blob_bytes(tx, step->file.sha256).value_or("")};
      });
  if (!found) throw not_found();
  // Public as the record is; a step's evidence never changes once recorded.
  return innovations::file_download(std::move(found->second), found->first.type, found->first.name,
                                    86400);
}

}  // namespace

void register_record_routes(kernel::Routes& routes) {
  using auth::Role;
  auto recorders = kernel::Access::roles({Role::local_admin, Role::unit_operator});
  routes.get(paths::kRecord, kernel::Access::anyone(), show);
  routes.post(paths::kStep, recorders, step);
  routes.post(paths::kPlan, recorders, plan);
  routes.post(paths::kSessions, recorders, session);
  routes.post(paths::kMilestones, recorders, milestone);
  routes.post(paths::kMilestoneDone, recorders, milestone_done);
  routes.get(paths::kFile, kernel::Access::anyone(), download);
}

}  // namespace simpul::replication
