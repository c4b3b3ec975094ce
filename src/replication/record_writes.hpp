#pragma once
// The writes every operation on a record shares (service.cpp, round_service.cpp): loading it,
// checking the caller and the version, the evidence file, the record's next version with its
// snapshot and audit event. Internal to the feature.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "innovations/service.hpp"
#include "kernel/context.hpp"
#include "replication/model.hpp"
#include "replication/store.hpp"

namespace simpul::replication {

Replication load(db::Transaction& tx, std::int64_t id);
void require_recorder(const Editor& editor, const Replication& record);
void require_version(const Replication& record, std::int64_t version);
void require_valid(FieldErrors errors);
// Today in the adopter's calendar: a step cannot have happened after it.
competitions::LocalDate today_of(const Party& adopter, std::int64_t now);
// A chosen evidence file: its bytes sniffed, never the browser's word; the errors go to the
// form's "berkas" field.
std::optional<StoredFile> checked_file(const std::optional<innovations::Upload>& upload,
                                       FieldErrors& errors);
void store_file(db::Transaction& tx, const std::optional<StoredFile>& file,
                const std::optional<innovations::Upload>& upload, std::int64_t now);
NewStep new_step(const StepInput& input, const std::optional<StoredFile>& file);
// The latest date on the record's path so far: a new step cannot be dated before it.
std::optional<competitions::LocalDate> last_date(db::Transaction& tx, std::int64_t id);
RecordChange change_of(const Replication& record);
// Writes the record's next version: the row (compare-and-set on the version), the snapshot of
// everything it holds now, and the audit event.
void commit_version(db::Transaction& tx, const kernel::Actor& actor, const Replication& before,
                    const RecordChange& change, const std::string& action, nlohmann::json detail,
                    std::int64_t now);
// A new record at its first step (minat, or komitmen from a round) with its file, version 1 and
// the audit event; returns its id.
std::int64_t insert_record(db::Transaction& tx, const kernel::Actor& actor,
                           const NewReplication& entry, const StepInput& first,
                           const std::optional<StoredFile>& file,
                           const std::optional<innovations::Upload>& upload, std::int64_t now);

}  // namespace simpul::replication
