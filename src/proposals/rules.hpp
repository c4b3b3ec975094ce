#pragma once
// Who may do what to a proposal in which state: pure decisions, unit-tested.
//
// The agency's side: a unit operator drafts the proposals of its own unit and sends them to its
// local admin; the local admin edits any of the agency's proposals, returns one with notes,
// submits it to the organiser (also straight from a draft, for an agency without units) and may
// withdraw it until the screening has decided. The organiser's side (whoever manages the edition:
// competitions/rules.hpp) sees a proposal only once it is submitted, and screens it.
//
// The clock is not decided here: the service refuses every agency change after the registration
// close, and screening decisions once the announcement is published.
#include <cstdint>
#include <optional>

#include "competitions/model.hpp"
#include "core/auth/roles.hpp"
#include "proposals/model.hpp"

namespace simpul::proposals {

struct Person {
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  bool manages_edition = false;  // runs the edition the proposal belongs to
};

// A proposal as the rules see it.
struct Holding {
  Status status = Status::draft;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
};

enum class Action { view, edit, send, send_back, submit, withdraw, screen };
// forbidden: not this person's proposal or role (403); wrong_state: theirs, not now (409).
enum class Verdict { allowed, forbidden, wrong_state };

Verdict decide(const Person& person, Action action, const Holding& proposal);
// Whether the person may start a proposal for a unit of the agency.
bool may_start(const Person& person, std::int64_t agency_id, std::int64_t unit_id);

// Who may enter an edition: any agency a national edition admits by its cluster; the agencies of
// a hub's province; an agency's own units in its internal selection.
struct Entrant {
  std::int64_t agency_id = 0;
  std::string province_code;
};
bool may_enter(competitions::Level level, const std::optional<Entrant>& owner,
               const Entrant& entrant);

// Submitted, passed or failed: the states in which the organiser sees a proposal.
bool with_organiser(Status status);

}  // namespace simpul::proposals
