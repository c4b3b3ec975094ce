#include "replication/record_writes.hpp"

#include "replication/loading.hpp"

#include "audit/audit.hpp"
#include "core/util/crypto.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"

namespace simpul::replication {

Replication load(db::Transaction& tx, std::int64_t id) {
  auto found = find_replication(tx, id);
  if (!found) throw not_found();
  return std::move(*found);
}

void require_recorder(const Editor& editor, const Replication& record) {
  if (!may_record(editor, record.adopter.agency_id, record.adopter_unit_id)) throw forbidden();
}

void require_version(const Replication& record, std::int64_t version) {
  if (record.version != version) {
    throw conflict("replication.error.stale", {{"current", std::to_string(record.version)},
                                               {"yours", std::to_string(version)}});
  }
}

void require_valid(FieldErrors errors) {
  if (!errors.empty()) throw InvalidForm(std::move(errors));
}

// Today in the adopter's calendar: a step cannot have happened after it.
competitions::LocalDate today_of(const Party& adopter, std::int64_t now) {
  return competitions::local_date(now, view::parse_zone(adopter.zone).value_or(view::Zone::wib));
}

// A chosen evidence file: its bytes sniffed, never the browser's word; the errors go to the
// form's "berkas" field.
std::optional<StoredFile> checked_file(const std::optional<innovations::Upload>& upload,
                                       FieldErrors& errors) {
  if (!upload) return std::nullopt;
  StoredFile file{innovations::clean_file_name(upload->name), "",
                  static_cast<std::int64_t>(upload->bytes.size()), ""};
  if (upload->bytes.empty() || upload->bytes.size() > innovations::kMaxFileBytes) {
    errors["berkas"] = "replication.error.file_size";
    return std::nullopt;
  }
  file.type = innovations::sniff_content_type(upload->bytes);
  if (!innovations::is_allowed_type(file.type)) {
    errors["berkas"] = Problem("replication.error.file_type", {{"type", file.type}});
    return std::nullopt;
  }
  file.sha256 = sha256_hex(upload->bytes);
  return file;
}

namespace {

using nlohmann::json;

json step_snapshot(const replication::Step& step) {
  return {{"stage", stage_code(step.stage)},
          {"happened_on", step.happened_on},
          {"evidence_url", step.evidence_url},
          {"file", step.file.name.empty() ? json(nullptr)
                                          : json{{"name", step.file.name},
                                                 {"type", step.file.type},
                                                 {"size", step.file.size},
                                                 {"sha256", step.file.sha256}}},
          {"note", step.note}};
}

// The whole record as it stands, for its version history.
json snapshot(db::Transaction& tx, const Replication& record) {
  json steps = json::array(), sessions = json::array(), milestones = json::array();
  for (const auto& step : steps_of(tx, record.id)) steps.push_back(step_snapshot(step));
  for (const auto& s : sessions_of(tx, record.id))
    sessions.push_back({{"held_on", s.held_on},
                        {"mentor_kind", s.mentor_kind},
                        {"mentor_name", s.mentor_name},
                        {"topic", s.topic},
                        {"attendance", s.attendance},
                        {"notes", s.notes}});
  for (const auto& m : milestones_of(tx, record.id))
    milestones.push_back({{"title", m.title},
                          {"target_on", m.target_on},
                          {"done_on", m.done_on ? json(*m.done_on) : json(nullptr)}});
  return {{"source_innovation_id", record.source_innovation_id},
          {"adopter_agency_id", record.adopter.agency_id},
          {"adopter_unit_id", record.adopter_unit_id ? json(*record.adopter_unit_id) : json()},
          {"adopted_innovation_id",
           record.adopted_innovation_id ? json(*record.adopted_innovation_id) : json()},
          {"stage", stage_code(record.stage)},
          {"plan_keeps", record.plan_keeps},
          {"plan_changes", record.plan_changes},
          {"decree", record.decree},
          {"steps", steps},
          {"sessions", sessions},
          {"milestones", milestones}};
}

}  // namespace

RecordChange change_of(const Replication& record) {
  return {record.id,         record.version,         record.stage,
          record.stopped_at, record.adopter_unit_id, record.adopted_innovation_id,
          record.plan_keeps, record.plan_changes,    record.decree};
}

// Writes the record's next version: the row (compare-and-set on the version), the snapshot of
// everything it holds now, and the audit event.
void commit_version(db::Transaction& tx, const kernel::Actor& actor, const Replication& before,
                    const RecordChange& change, const std::string& action, json detail,
                    std::int64_t now) {
  if (!update_replication(tx, change, now)) require_version(load(tx, before.id), before.version);
  Replication after = load(tx, before.id);
  insert_version(tx, after.id, after.version, snapshot(tx, after), action, actor.user_id, now);
  detail["version"] = after.version;
  audit::record(
      tx, actor,
      {action, "replication", std::to_string(after.id),
       json{{"stage", stage_code(before.stage)}, {"version", before.version}}, std::move(detail)});
}

// The latest date on the record's path so far: a new step cannot be dated before it.
std::optional<competitions::LocalDate> last_date(db::Transaction& tx, std::int64_t id) {
  std::optional<competitions::LocalDate> last;
  for (const auto& step : steps_of(tx, id)) {
    auto date = competitions::parse_date(step.happened_on);
    if (date && (!last || *date > *last)) last = date;
  }
  return last;
}

NewStep new_step(const StepInput& input, const std::optional<StoredFile>& file) {
  return {input.stage, input.happened_on, input.evidence_url, file.value_or(StoredFile{}),
          input.note};
}

void store_file(db::Transaction& tx, const std::optional<StoredFile>& file,
                const std::optional<innovations::Upload>& upload, std::int64_t now) {
  if (file && upload) innovations::store_blob(tx, file->sha256, upload->bytes, now);
}

namespace {

// A new record's version 1 and its audit event ("replication.start" or "replication.load").
void first_version(db::Transaction& tx, const kernel::Actor& actor, std::int64_t id,
                   const std::string& action, std::int64_t now) {
  Replication record = load(tx, id);
  insert_version(tx, id, 1, snapshot(tx, record), action, actor.user_id, now);
  audit::record(tx, actor,
                {action, "replication", std::to_string(id), std::nullopt,
                 nlohmann::json{{"source_innovation_id", record.source_innovation_id},
                                {"adopter_agency_id", record.adopter.agency_id},
                                {"stage", stage_code(record.stage)},
                                {"version", 1}}});
}

}  // namespace

std::int64_t insert_record(db::Transaction& tx, const kernel::Actor& actor,
                           const NewReplication& entry, const StepInput& first,
                           const std::optional<StoredFile>& file,
                           const std::optional<innovations::Upload>& upload, std::int64_t now) {
  auto id = insert_replication(tx, entry, actor.user_id, now);
  store_file(tx, file, upload, now);
  insert_step(tx, id, new_step(first, file), actor.user_id, now);
  first_version(tx, actor, id, "replication.start", now);
  return id;
}

std::int64_t insert_loaded(db::Transaction& tx, const kernel::Actor& actor,
                           const LoadedRecord& loaded, std::int64_t now) {
  Stage stage = loaded.steps.empty() ? Stage::minat : loaded.steps.back().stage;
  std::optional<Stage> stopped_at;
  if (stage == Stage::berhenti && loaded.steps.size() > 1)
    stopped_at = loaded.steps[loaded.steps.size() - 2].stage;
  auto id = insert_replication(
      tx,
      {loaded.source_innovation_id, loaded.adopter_agency_id, std::nullopt, stage,
       loaded.plan_keeps, loaded.plan_changes, loaded.is_sample, loaded.decree, stopped_at},
      actor.user_id, now);
  for (const auto& step : loaded.steps)
    insert_step(tx, id, {step.stage, step.happened_on, step.evidence_url, {}, step.note},
                actor.user_id, now);
  first_version(tx, actor, id, "replication.load", now);
  return id;
}

}  // namespace simpul::replication
