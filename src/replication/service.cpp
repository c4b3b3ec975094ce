#include "replication/service.hpp"

#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "replication/record_writes.hpp"
#include "replication/store.hpp"

namespace simpul::replication {
namespace {

using nlohmann::json;

// The adopter's draft, started from the source's published profile and the plan.
std::int64_t draft_adoption(db::Transaction& tx, const kernel::Actor& actor,
                            const Replication& record, std::int64_t now) {
  if (!record.adopter_unit_id)
    throw InvalidForm(FieldErrors{{"inovasi", "replication.error.unit"}});
  auto placement = innovations::placement_of_unit(tx, *record.adopter_unit_id);
  auto snapshot_text = published_snapshot(tx, record.source_innovation_id);
  if (!placement || !snapshot_text) throw not_found();
  innovations::Fields source = innovations::fields_from_json(json::parse(*snapshot_text));
  innovations::Fields fields;
  fields.name = source.name;
  fields.form = source.form;
  fields.type = source.type;
  fields.affairs = source.affairs;
  fields.sdgs = source.sdgs;
  fields.goals = source.goals;
  fields.design = record.plan_keeps + "\n\n" + record.plan_changes;
  innovations::check_fields(fields);
  return innovations::insert_new(
      tx, actor, {*placement, fields, false, record.is_sample, "replikasi dari " + source.name},
      now);
}

// The innovation the adopter names as its own implementation: its agency's, not the source.
std::int64_t adopted_innovation(db::Transaction& tx, const kernel::Actor& actor,
                                const Replication& record, std::optional<std::int64_t> named,
                                std::int64_t now) {
  if (!named) return draft_adoption(tx, actor, record, now);
  if (*named == record.source_innovation_id)
    throw InvalidForm(FieldErrors{{"inovasi", "replication.error.adopt_source"}});
  if (innovation_agency(tx, *named) != record.adopter.agency_id)
    throw InvalidForm(FieldErrors{{"inovasi", "replication.error.adopt_other"}});
  return *named;
}

}  // namespace

std::int64_t start_replication(db::Database& database, const kernel::Events& events,
                               const kernel::Actor& actor, const Editor& editor, Start start,
                               std::int64_t now) {
  FieldErrors errors = check_plan(start.plan_keeps, start.plan_changes);
  auto file = checked_file(start.file, errors);
  start.interest.stage = Stage::minat;
  start.interest.has_file = file.has_value();
  auto id = database.write([&](db::Transaction& tx) {
    auto source = find_source(tx, start.source_innovation_id);
    if (!source) throw not_found();
    if (!editor.agency_id) throw forbidden();
    auto adopter = find_party(tx, *editor.agency_id);
    if (!adopter) throw forbidden();
    if (editor.role == auth::Role::unit_operator) start.unit_id = editor.unit_id;
    if (start.unit_id && agency_of_unit(tx, *start.unit_id) != adopter->agency_id)
      errors["unit"] = "replication.error.unit";
    if (!may_record(editor, adopter->agency_id, start.unit_id)) throw forbidden();
    errors.merge(check_step(start.interest, std::nullopt, std::nullopt, today_of(*adopter, now)));
    require_valid(std::move(errors));
    if (source->agency.agency_id == adopter->agency_id)
      throw conflict("replication.error.own_source");
    if (under_way(tx, source->innovation_id, adopter->agency_id))
      throw conflict("replication.error.under_way");
    return insert_record(
        tx, actor,
        {source->innovation_id, adopter->agency_id, start.unit_id, Stage::minat, start.plan_keeps,
         start.plan_changes, start.is_sample || source->is_sample},
        start.interest, file, start.file, now);
  });
  events.publish("replication.changed", std::to_string(start.source_innovation_id));
  return id;
}

void record_step(db::Database& database, const kernel::Events& events, const kernel::Actor& actor,
                 const Editor& editor, std::int64_t id, std::int64_t version, NextStep step,
                 std::int64_t now) {
  FieldErrors file_errors;
  auto file = checked_file(step.file, file_errors);
  step.input.has_file = file.has_value();
  auto source_id = database.write([&](db::Transaction& tx) {
    Replication record = load(tx, id);
    require_recorder(editor, record);
    require_version(record, version);
    FieldErrors errors =
        check_step(step.input, record.stage, last_date(tx, id), today_of(record.adopter, now));
    errors.merge(file_errors);
    require_valid(std::move(errors));
    RecordChange change = change_of(record);
    change.stage = step.input.stage;
    if (step.input.stage == Stage::berhenti) change.stopped_at = record.stage;
    if (step.input.stage == Stage::penerapan) {
      change.decree = step.input.decree;
      change.adopted_innovation_id =
          adopted_innovation(tx, actor, record, step.adopted_innovation_id, now);
    }
    store_file(tx, file, step.file, now);
    insert_step(tx, id, new_step(step.input, file), actor.user_id, now);
    commit_version(tx, actor, record, change, "replication.step",
                   {{"stage", stage_code(change.stage)}, {"happened_on", step.input.happened_on}},
                   now);
    return record.source_innovation_id;
  });
  events.publish("replication.changed", std::to_string(source_id));
}

void change_plan(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t id, std::int64_t version, std::string keeps, std::string changes,
                 std::int64_t now) {
  require_valid(check_plan(keeps, changes));
  database.write([&](db::Transaction& tx) {
    Replication record = load(tx, id);
    require_recorder(editor, record);
    require_version(record, version);
    RecordChange change = change_of(record);
    change.plan_keeps = keeps;
    change.plan_changes = changes;
    commit_version(tx, actor, record, change, "replication.plan",
                   {{"plan_keeps", keeps}, {"plan_changes", changes}}, now);
  });
}

void add_session(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                 std::int64_t id, std::int64_t version, SessionInput session, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    Replication record = load(tx, id);
    require_recorder(editor, record);
    require_version(record, version);
    require_valid(check_session(session, today_of(record.adopter, now)));
    auto attendance = session.attendance == "0" ? 0 : std::stoll(session.attendance);
    insert_session(tx, id, session, attendance, actor.user_id, now);
    commit_version(tx, actor, record, change_of(record), "replication.session",
                   {{"held_on", session.held_on}, {"topic", session.topic}}, now);
  });
}

void add_milestone(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                   std::int64_t id, std::int64_t version, std::string title,
                   const std::string& target_on, std::int64_t now) {
  require_valid(check_milestone(title, target_on));
  database.write([&](db::Transaction& tx) {
    Replication record = load(tx, id);
    require_recorder(editor, record);
    require_version(record, version);
    insert_milestone(tx, id, title, target_on, actor.user_id, now);
    commit_version(tx, actor, record, change_of(record), "replication.milestone",
                   {{"title", title}, {"target_on", target_on}}, now);
  });
}

void complete_milestone(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                        std::int64_t id, std::int64_t version, std::int64_t milestone_id,
                        const std::string& done_on, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    Replication record = load(tx, id);
    require_recorder(editor, record);
    require_version(record, version);
    FieldErrors errors;
    auto today = today_of(record.adopter, now);
    auto date =
        innovations::is_iso_date(done_on) ? competitions::parse_date(done_on) : std::nullopt;
    if (!date)
      errors["selesai"] = "replication.error.date";
    else if (*date > today)
      errors["selesai"] = "replication.error.future";
    require_valid(std::move(errors));
    if (!mark_milestone_done(tx, id, milestone_id, done_on)) throw not_found();
    commit_version(tx, actor, record, change_of(record), "replication.milestone_done",
                   {{"milestone_id", milestone_id}, {"done_on", done_on}}, now);
  });
}

}  // namespace simpul::replication
