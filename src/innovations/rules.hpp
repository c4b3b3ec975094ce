#pragma once
// Who may do what to an innovation in which state: pure decisions, unit-tested.
//
// A unit operator drafts and edits the innovations of its own unit and sends them to its local
// admin; while one waits there the unit cannot change it. The local admin of the agency edits any
// of the agency's innovations, publishes them, or returns a submitted one with notes. Editing a
// published innovation starts a revision: the public keeps seeing the published version until the
// local admin publishes again. The organiser sees everything and changes nothing here.
#include <cstdint>
#include <optional>

#include "core/auth/roles.hpp"
#include "innovations/model.hpp"

namespace simpul::innovations {

struct Editor {
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
};

// An innovation as the rules see it.
struct Holding {
  Status status = Status::draft;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
};

enum class Action { view, edit, submit, publish, send_back };
// forbidden: not this person's innovation or role (403); wrong_state: theirs, but not now (409).
enum class Verdict { allowed, forbidden, wrong_state };

Verdict decide(const Editor& editor, Action action, const Holding& innovation);
// The unit operator of the innovation's unit, or the local admin of its agency.
bool is_owner(const Editor& editor, const Holding& innovation);
// Whether editor may start an innovation in the unit (of the given agency).
bool may_create(const Editor& editor, std::int64_t unit_agency_id, std::int64_t unit_id);
// The status after a save: a unit's edit of a published innovation is a revision at the unit; the
// local admin's is a revision waiting for its own publication. Other states do not change.
Status status_after_save(const Editor& editor, Status current);
// A file listed in the published snapshot is public; any other only for those who may view.
bool may_download(bool listed_in_published_version, Verdict view);

}  // namespace simpul::innovations
