#include "proposals/rules.hpp"

namespace simpul::proposals {
namespace {

using auth::Role;

bool of_unit(const Person& person, const Holding& proposal) {
  return person.role == Role::unit_operator && person.unit_id == proposal.unit_id &&
         person.agency_id == proposal.agency_id;
}
bool of_agency(const Person& person, const Holding& proposal) {
  return person.role == Role::local_admin && person.agency_id == proposal.agency_id;
}

Verdict when(bool state_allows) { return state_allows ? Verdict::allowed : Verdict::wrong_state; }

bool at_unit(Status s) { return s == Status::draft || s == Status::returned; }
bool before_organiser(Status s) { return at_unit(s) || s == Status::at_admin; }

Verdict organiser_side(const Person& person, Action action, const Holding& proposal) {
  if (!person.manages_edition) return Verdict::forbidden;
  if (action == Action::view) {
    return with_organiser(proposal.status) ? Verdict::allowed : Verdict::forbidden;
  }
  if (action == Action::screen) return when(with_organiser(proposal.status));
  return Verdict::forbidden;
}

}  // namespace

bool with_organiser(Status s) {
  return s == Status::submitted || s == Status::passed || s == Status::failed;
}

Verdict decide(const Person& person, Action action, const Holding& proposal) {
  const Status s = proposal.status;
  if (of_unit(person, proposal)) {
    switch (action) {
      case Action::view:
        return Verdict::allowed;
      case Action::edit:
      case Action::send:
        return when(at_unit(s));
      default:
        return Verdict::forbidden;
    }
  }
  if (of_agency(person, proposal)) {
    switch (action) {
      case Action::view:
        return Verdict::allowed;
      case Action::edit:
      case Action::submit:
        return when(before_organiser(s));
      case Action::send_back:
        return when(s == Status::at_admin);
      case Action::withdraw:
        return when(before_organiser(s) || s == Status::submitted);
      case Action::send:
        return Verdict::forbidden;
      case Action::screen:
        break;
    }
  }
  return organiser_side(person, action, proposal);
}

bool may_start(const Person& person, std::int64_t agency_id, std::int64_t unit_id) {
  if (person.role == Role::unit_operator)
    return person.agency_id == agency_id && person.unit_id == unit_id;
  return person.role == Role::local_admin && person.agency_id == agency_id;
}

bool may_enter(competitions::Level level, const std::optional<Entrant>& owner,
               const Entrant& entrant) {
  switch (level) {
    case competitions::Level::national:
      return true;
    case competitions::Level::hub:
      return owner && !owner->province_code.empty() &&
             owner->province_code == entrant.province_code;
    case competitions::Level::agency:
      return owner && owner->agency_id == entrant.agency_id;
  }
  return false;
}

}  // namespace simpul::proposals
