#include "innovations/rules.hpp"

namespace simpul::innovations {
namespace {

using auth::Role;

Verdict allowed_when(bool state_fits) {
  return state_fits ? Verdict::allowed : Verdict::wrong_state;
}

Verdict decide_for_unit(Action action, Status status) {
  switch (action) {
    case Action::view:
      return Verdict::allowed;
    case Action::edit:
      return allowed_when(status != Status::submitted);
    case Action::submit:
      return allowed_when(status == Status::draft || status == Status::returned);
    case Action::publish:
    case Action::send_back:
      return Verdict::forbidden;
  }
  return Verdict::forbidden;
}

Verdict decide_for_local_admin(Action action, Status status) {
  switch (action) {
    case Action::view:
    case Action::edit:
      return Verdict::allowed;
    case Action::submit:
      return Verdict::forbidden;  // it would send the innovation to itself
    case Action::publish:
      return allowed_when(status != Status::published);
    case Action::send_back:
      return allowed_when(status == Status::submitted);
  }
  return Verdict::forbidden;
}

}  // namespace

bool is_owner(const Editor& editor, const Holding& innovation) {
  if (editor.agency_id != innovation.agency_id) return false;
  if (editor.role == Role::local_admin) return true;
  return editor.role == Role::unit_operator && editor.unit_id == innovation.unit_id;
}

Verdict decide(const Editor& editor, Action action, const Holding& innovation) {
  if (editor.role == Role::organiser) {
    return action == Action::view ? Verdict::allowed : Verdict::forbidden;
  }
  if (!is_owner(editor, innovation)) return Verdict::forbidden;
  return editor.role == Role::local_admin ? decide_for_local_admin(action, innovation.status)
                                          : decide_for_unit(action, innovation.status);
}

bool may_create(const Editor& editor, std::int64_t unit_agency_id, std::int64_t unit_id) {
  return is_owner(editor, {Status::draft, unit_agency_id, unit_id});
}

Status status_after_save(const Editor& editor, Status current) {
  if (current != Status::published) return current;
  return editor.role == Role::local_admin ? Status::submitted : Status::draft;
}

bool may_download(bool listed_in_published_version, Verdict view) {
  return listed_in_published_version || view == Verdict::allowed;
}

}  // namespace simpul::innovations
