#pragma once
// The operations on proposals, shared by the web pages, the tests and the demo data. Each reads
// the proposal and its edition inside its own write transaction, checks the rules (rules.hpp),
// the edition's clock and the eligibility rules there, writes, records its audit event and sends
// its notices in that same transaction, so a refused or failed operation changes nothing.
//
// Failures are UserErrors: 404 no such proposal or edition; 403 not the person's to do
// (rules.hpp); 409 "proposal.error.closed" after the registration close (the server's clock, the
// edition's zone), "proposal.error.stale" when another change came first, "proposal.error.state"
// when the state does not allow it now, "proposal.error.announced" for screening after the
// announcement; 422 Ineligible (the eligibility reasons), Incomplete (the checklist's open items)
// or InvalidForm (per form field).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/eligibility.hpp"
#include "core/db/database.hpp"
#include "core/util/errors.hpp"
#include "kernel/context.hpp"
#include "proposals/model.hpp"
#include "proposals/rules.hpp"
#include "proposals/store.hpp"
#include "proposals/workflow.hpp"

namespace simpul::proposals {

class Ineligible : public Invalid {
 public:
  explicit Ineligible(std::vector<competitions::Reason> reasons)
      : Invalid("proposal.error.ineligible"), reasons_(std::move(reasons)) {}
  const std::vector<competitions::Reason>& reasons() const { return reasons_; }

 private:
  std::vector<competitions::Reason> reasons_;
};

class Incomplete : public Invalid {
 public:
  explicit Incomplete(std::vector<CheckItem> missing)
      : Invalid("proposal.error.incomplete"), missing_(std::move(missing)) {}
  const std::vector<CheckItem>& missing() const { return missing_; }

 private:
  std::vector<CheckItem> missing_;
};

// The person as the rules see them, for a proposal of the edition.
Person person_for(const kernel::CurrentUser& user, const competitions::Edition& edition);

// A proposal with its edition, as a page shows it.
struct Dossier {
  Proposal proposal;
  competitions::Edition edition;
  std::vector<CheckItem> checklist;
  std::vector<competitions::Reason> eligibility;  // empty: may enter its group
  bool registration_open = false;
  bool announced = false;
};
// 404 when there is none, 403 when the user may not view it.
Dossier load_dossier(db::Database& database, const kernel::CurrentUser& user, std::int64_t id,
                     std::int64_t now);

}  // namespace simpul::proposals
