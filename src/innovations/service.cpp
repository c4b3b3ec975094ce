#include "innovations/service.hpp"

#include <algorithm>

#include "audit/audit.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "innovations/store.hpp"
#include "innovations/uploads.hpp"

namespace simpul::innovations {
namespace {

using nlohmann::json;

Innovation load(db::Transaction& tx, std::int64_t id) { return found(find_innovation(tx, id)); }

void require(const Editor& editor, Action action, const Innovation& innovation) {
  switch (decide(editor, action, {innovation.status, innovation.agency_id, innovation.unit_id})) {
    case Verdict::allowed:
      return;
    case Verdict::forbidden:
      throw forbidden();
    case Verdict::wrong_state:
      throw conflict("innovation.error.wrong_state");
  }
}

void require_version(const Innovation& innovation, std::int64_t based_on_version) {
  if (innovation.version != based_on_version) {
    throw conflict("innovation.error.stale", {{"current", std::to_string(innovation.version)},
                                              {"yours", std::to_string(based_on_version)}});
  }
}

void require_valid(Fields& fields) {
  if (auto errors = check_fields(fields); !errors.empty()) throw InvalidForm(std::move(errors));
}

void require_complete(const Fields& fields) {
  if (auto missing = missing_items(fields); !missing.empty()) throw Incomplete(std::move(missing));
}

// A change note or the return notes, checked like a long text field.
std::string checked_note(std::string note, const std::string& field, std::size_t max,
                         bool required) {
  if (auto problem = check_free_text(note, max)) throw InvalidForm(FieldErrors{{field, *problem}});
  if (required && note.empty()) throw InvalidForm(FieldErrors{{field, "form.required"}});
  return note;
}

// The fields that differ, before and after, for the audit log.
std::pair<json, json> field_changes(const Fields& before, const Fields& after) {
  json old = fields_to_json(before), fresh = fields_to_json(after);
  json changed_old = json::object(), changed_fresh = json::object();
  for (const auto& [key, value] : fresh.items()) {
    if (old[key] != value) {
      changed_old[key] = old[key];
      changed_fresh[key] = value;
    }
  }
  return {changed_old, changed_fresh};
}

json state(Status status, std::int64_t version) {
  return {{"status", status_code(status)}, {"version", version}};
}

// Writes the innovation as changed in memory (fields, files) as the next version with status.
void write_version(db::Transaction& tx, const kernel::Actor& actor, Innovation& innovation,
                   Status status, const std::string& note, std::int64_t now) {
  if (!update_working_copy(
          tx, {innovation.id, innovation.version, innovation.fields, status, actor.user_id, now})) {
    // Another server's transaction committed a save between our read and this write.
    require_version(load(tx, innovation.id), innovation.version);
    throw conflict("innovation.error.wrong_state");
  }
  innovation.version += 1;
  innovation.status = status;
  insert_version(tx, innovation.id, {innovation.version, actor.user_id, actor.name, now, note},
                 make_snapshot(innovation));
}

struct CheckedUpload {
  Attachment file;
  const std::string* bytes;
};

CheckedUpload check_upload(const Upload& upload) {
  std::string name = clean_file_name(upload.name);
  if (upload.bytes.empty()) throw bad_request("innovation.upload.empty", {{"name", name}});
  if (upload.bytes.size() > kMaxFileBytes) {
    throw TooLarge("innovation.multipart.file_too_large",
                   {{"name", name}, {"limit", std::to_string(kMaxFileBytes >> 20) + " MB"}});
  }
  std::string type = sniff_content_type(upload.bytes);
  if (!is_allowed_type(type)) {
    throw UnsupportedType("innovation.upload.type", {{"name", name}, {"type", type}});
  }
  Attachment file{0, name, type, static_cast<std::int64_t>(upload.bytes.size()),
                  sha256_hex(upload.bytes)};
  return {std::move(file), &upload.bytes};
}

bool has_content(const std::vector<Attachment>& files, const std::string& sha256) {
  return std::any_of(files.begin(), files.end(),
                     [&](const Attachment& file) { return file.sha256 == sha256; });
}

json describe_files(const std::vector<Attachment>& files) {
  json list = json::array();
  for (const auto& file : files) {
    list.push_back({{"id", file.id},
                    {"name", file.name},
                    {"content_type", file.content_type},
                    {"size", file.size},
                    {"sha256", file.sha256}});
  }
  return list;
}

std::vector<CheckedUpload> check_uploads(const std::vector<Upload>& uploads) {
  std::vector<CheckedUpload> checked;
  for (const auto& upload : uploads) checked.push_back(check_upload(upload));
  return checked;
}

// What a save changed among the evidence files.
struct FileDelta {
  std::vector<Attachment> added, removed;
  int already_attached = 0;
  bool empty() const { return added.empty() && removed.empty(); }
};

// Removes, then attaches, so that replacing a file frees its place under the limit; the same
// bytes are never attached twice nor stored twice.
FileDelta change_files(db::Transaction& tx, std::optional<std::int64_t> user_id,
                       Innovation& innovation, std::vector<CheckedUpload>& uploads,
                       const std::vector<std::int64_t>& removed, std::int64_t now) {
  FileDelta delta;
  for (auto file_id : removed) {
    auto found = std::find_if(innovation.files.begin(), innovation.files.end(),
                              [&](const Attachment& file) { return file.id == file_id; });
    if (found == innovation.files.end()) throw not_found();
    mark_file_removed(tx, file_id, now);
    delta.removed.push_back(*found);
    innovation.files.erase(found);
  }
  for (auto& upload : uploads) {
    if (has_content(innovation.files, upload.file.sha256)) {
      ++delta.already_attached;
      continue;
    }
    if (innovation.files.size() >= kMaxFilesPerInnovation) {
      throw conflict("innovation.upload.too_many",
                     {{"limit", std::to_string(kMaxFilesPerInnovation)}});
    }
    store_blob(tx, upload.file.sha256, *upload.bytes, now);
    upload.file.id = insert_file(tx, innovation.id, upload.file, user_id, now);
    innovation.files.push_back(upload.file);
    delta.added.push_back(upload.file);
  }
  return delta;
}

// The version's note: the editor's, then the files added and removed ("+ a.pdf, b.png; - c.pdf").
std::string version_note(std::string note, const FileDelta& delta) {
  auto listed = [](const std::vector<Attachment>& files, const char* sign) {
    std::string names;
    for (const auto& file : files) names += (names.empty() ? sign : ", ") + file.name;
    return names;
  };
  for (const auto& part : {listed(delta.added, "+ "), listed(delta.removed, "- ")}) {
    if (!part.empty()) note += (note.empty() ? "" : "; ") + part;
  }
  return note;
}

// One event per kind of file change, beside the save's own event, so the log can be searched
// for additions and removals.
void record_file_events(db::Transaction& tx, const kernel::Actor& actor, std::int64_t id,
                        const json& before, const json& after, const FileDelta& delta) {
  if (!delta.added.empty()) {
    json added = after;
    added["files"] = describe_files(delta.added);
    audit::record(
        tx, actor,
        {"innovation.file_add", "innovation", std::to_string(id), before, std::move(added)});
  }
  if (!delta.removed.empty()) {
    json removed = before;
    removed["files"] = describe_files(delta.removed);
    audit::record(
        tx, actor,
        {"innovation.file_remove", "innovation", std::to_string(id), std::move(removed), after});
  }
}

}  // namespace

bool is_file_refusal(const UserError& error) {
  return error.key().starts_with("innovation.upload.") ||
         error.key().starts_with("innovation.multipart.");
}

std::int64_t create_innovation(db::Database& database, const kernel::Actor& actor,
                               const Editor& editor, std::int64_t unit_id, Fields fields,
                               const std::string& note, bool is_sample,
                               const std::vector<Upload>& uploads) {
  require_valid(fields);
  std::string checked = checked_note(note, "note", 500, false);
  auto files = check_uploads(uploads);  // sniffing and hashing need no lock
  return database.write([&](db::Transaction& tx) {
    auto agency_id = agency_of_unit(tx, unit_id);
    if (!agency_id) throw bad_request("innovation.error.unit");
    if (!may_create(editor, *agency_id, unit_id)) throw forbidden();
    auto now = now_seconds();
    auto id = insert_innovation(tx, {*agency_id, unit_id, fields, actor.user_id, now, is_sample});
    Innovation innovation = load(tx, id);
    FileDelta delta = change_files(tx, actor.user_id, innovation, files, {}, now);
    insert_version(tx, id, {1, actor.user_id, actor.name, now, version_note(checked, delta)},
                   make_snapshot(innovation));
    json after = state(Status::draft, 1);
    after["unit_id"] = unit_id;
    after["fields"] = fields_to_json(innovation.fields);
    if (!delta.added.empty()) after["files"] = describe_files(delta.added);
    audit::record(tx, actor,
                  {"innovation.create", "innovation", std::to_string(id), std::nullopt, after});
    return id;
  });
}

std::int64_t insert_new(db::Transaction& tx, const kernel::Actor& actor, const NewEntry& entry,
                        std::int64_t now) {
  const Placement& where = entry.where;
  Innovation innovation;
  innovation.id = insert_innovation(
      tx, {where.agency_id, where.unit_id, entry.fields, actor.user_id, now, entry.is_sample});
  innovation.agency_id = where.agency_id;
  innovation.agency_name = where.agency_name;
  innovation.agency_type = where.agency_type;
  innovation.province_code = where.province_code;
  innovation.unit_id = where.unit_id;
  innovation.unit_name = where.unit_name;
  innovation.version = 1;
  innovation.fields = entry.fields;
  innovation.is_sample = entry.is_sample;
  auto snapshot = make_snapshot(innovation);
  insert_version(tx, innovation.id, {1, actor.user_id, actor.name, now, entry.note, std::nullopt},
                 snapshot);
  Status status = Status::draft;
  if (entry.publish) {
    status = Status::published;
    publish_row(tx, innovation, snapshot, now);
    mark_version_published(tx, innovation.id, 1, now);
    set_status(tx, innovation.id, 1, status, "", actor.user_id, now);
  }
  // The fields are in the version's snapshot; the event says where they came from.
  json after = state(status, 1);
  after["unit_id"] = where.unit_id;
  after["source"] = entry.note;
  audit::record(tx, actor,
                {"innovation.create", "innovation", std::to_string(innovation.id), std::nullopt,
                 std::move(after)});
  return innovation.id;
}

Saved save_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                      std::int64_t id, std::int64_t based_on_version, Fields fields,
                      const std::string& note, const FileChanges& files) {
  require_valid(fields);
  std::string checked = checked_note(note, "note", 500, false);
  auto uploads = check_uploads(files.added);  // sniffing and hashing need no lock
  return database.write([&](db::Transaction& tx) {
    Innovation innovation = load(tx, id);
    require(editor, Action::edit, innovation);
    require_version(innovation, based_on_version);
    auto now = now_seconds();
    auto [before, after] = field_changes(innovation.fields, fields);
    json old_state = state(innovation.status, innovation.version);
    innovation.fields = std::move(fields);
    FileDelta delta = change_files(tx, actor.user_id, innovation, uploads, files.removed, now);
    write_version(tx, actor, innovation, status_after_save(editor, innovation.status),
                  version_note(checked, delta), now);
    json new_state = state(innovation.status, innovation.version);
    // A save that only removed or added files is logged by its file events alone.
    if (!before.empty() || delta.empty()) {
      before.update(old_state);
      after.update(new_state);
      audit::record(tx, actor,
                    {"innovation.save", "innovation", std::to_string(id), before, after});
    }
    record_file_events(tx, actor, id, old_state, new_state, delta);
    return Saved{innovation.version, static_cast<int>(delta.added.size()), delta.already_attached,
                 static_cast<int>(delta.removed.size())};
  });
}

void submit_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                       std::int64_t id, std::int64_t based_on_version) {
  database.write([&](db::Transaction& tx) {
    Innovation innovation = load(tx, id);
    require(editor, Action::submit, innovation);
    require_version(innovation, based_on_version);
    require_complete(innovation.fields);
    set_status(tx, id, innovation.version, Status::submitted, innovation.return_note, actor.user_id,
               now_seconds());
    audit::record(tx, actor,
                  {"innovation.submit", "innovation", std::to_string(id),
                   state(innovation.status, innovation.version),
                   state(Status::submitted, innovation.version)});
  });
}

void publish_innovation(db::Database& database, const kernel::Events& events,
                        const kernel::Actor& actor, const Editor& editor, std::int64_t id,
                        std::int64_t based_on_version) {
  database.write([&](db::Transaction& tx) {
    Innovation innovation = load(tx, id);
    require(editor, Action::publish, innovation);
    require_version(innovation, based_on_version);
    require_complete(innovation.fields);
    auto now = now_seconds();
    // The public sees exactly a saved version, the one the local admin reviewed.
    auto snapshot =
        version_snapshot(tx, id, innovation.version).value_or(make_snapshot(innovation));
    publish_row(tx, innovation, snapshot, now);
    mark_version_published(tx, id, innovation.version, now);
    set_status(tx, id, innovation.version, Status::published, "", actor.user_id, now);
    json before = state(innovation.status, innovation.version);
    before["published_version"] =
        innovation.published_version ? json(*innovation.published_version) : json(nullptr);
    json after = state(Status::published, innovation.version);
    after["published_version"] = innovation.version;
    audit::record(tx, actor,
                  {"innovation.publish", "innovation", std::to_string(id), before, after});
  });
  events.publish("innovation.published", std::to_string(id));
}

void return_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                       std::int64_t id, std::int64_t based_on_version, std::string notes) {
  database.write([&](db::Transaction& tx) {
    Innovation innovation = load(tx, id);
    require(editor, Action::send_back, innovation);
    require_version(innovation, based_on_version);
    std::string checked = checked_note(std::move(notes), "notes", 2000, true);
    set_status(tx, id, innovation.version, Status::returned, checked, actor.user_id, now_seconds());
    json after = state(Status::returned, innovation.version);
    after["notes"] = checked;
    audit::record(tx, actor,
                  {"innovation.return", "innovation", std::to_string(id),
                   state(innovation.status, innovation.version), after});
  });
}

}  // namespace simpul::innovations
