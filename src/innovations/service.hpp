#pragma once
// The registry's operations, shared by the web pages and, later, the API, import and demo data.
// Each one checks the rules against the innovation as it is inside its own write transaction,
// writes, and records its audit event in that same transaction, so a refused or failed operation
// changes nothing.
//
// Failures are UserErrors: 404 no such innovation; 403 not the caller's to change (rules.hpp);
// 409 "innovation.error.wrong_state" when the state does not allow it now, and
// "innovation.error.stale" when the innovation moved past the version the caller started from;
// 422 InvalidForm or Incomplete, which carry the details for the form.
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/util/errors.hpp"
#include "innovations/model.hpp"
#include "innovations/registry.hpp"
#include "innovations/rules.hpp"
#include "kernel/context.hpp"
#include "kernel/events.hpp"

namespace simpul::innovations {

// Submission or publication of an innovation that lacks required items.
class Incomplete : public Invalid {
 public:
  explicit Incomplete(std::vector<CheckItem> missing)
      : Invalid("innovation.error.incomplete"), missing_(std::move(missing)) {}
  const std::vector<CheckItem>& missing() const { return missing_; }

 private:
  std::vector<CheckItem> missing_;
};

struct Upload {
  std::string name;  // as the browser sent it
  std::string bytes;
};
// The evidence changes sent with the edit form: files chosen, and the files to remove.
struct FileChanges {
  std::vector<Upload> added;
  std::vector<std::int64_t> removed;
};
// What a save did, for the editor's notice.
struct Saved {
  std::int64_t version = 0;
  int attached = 0;
  int already_attached = 0;  // the same bytes were attached to this innovation before
  int removed = 0;
};

// A new draft (version 1) in the unit, with the files chosen on the form. The fields need only be
// well-formed.
std::int64_t create_innovation(db::Database& database, const kernel::Actor& actor,
                               const Editor& editor, std::int64_t unit_id, Fields fields,
                               const std::string& note, bool is_sample = false,
                               const std::vector<Upload>& uploads = {});
// A new version of the working copy: the fields and the file changes together, all or nothing.
// Files are sniffed and checked before anything is written: 415 for a type that is not allowed,
// 413 for an empty or oversized file, 409 beyond the per-innovation limit, all with keys under
// "innovation.upload." or "innovation.multipart." (is_file_refusal).
Saved save_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                      std::int64_t id, std::int64_t based_on_version, Fields fields,
                      const std::string& note, const FileChanges& files = {});
bool is_file_refusal(const UserError& error);
// To the local admin (unit operator).
void submit_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                       std::int64_t id, std::int64_t based_on_version);
// Makes the working copy public (local admin), then announces "innovation.published" with the id
// so the catalogue re-indexes it.
void publish_innovation(db::Database& database, const kernel::Events& events,
                        const kernel::Actor& actor, const Editor& editor, std::int64_t id,
                        std::int64_t based_on_version);
// Back to the unit with notes, which are required (local admin).
void return_innovation(db::Database& database, const kernel::Actor& actor, const Editor& editor,
                       std::int64_t id, std::int64_t based_on_version, std::string notes);

// An innovation written in one go by a bulk path (import, API, demo data): version 1, a draft or
// published at once.
struct NewEntry {
  Placement where;
  Fields fields;  // already through check_fields, and complete when publish is set
  bool publish = false;
  bool is_sample = false;
  std::string note;  // the version's note, e.g. "impor baris 12"
};
// Writes the entry inside the caller's transaction: the working copy, its version, the published
// row when publish is set, and an audit event. The caller has decided who may write where, and
// announces "innovation.published" after its commit.
std::int64_t insert_new(db::Transaction& tx, const kernel::Actor& actor, const NewEntry& entry,
                        std::int64_t now);

}  // namespace simpul::innovations
