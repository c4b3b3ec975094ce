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

struct Start {
  std::int64_t innovation_id = 0;
  std::string group_code;
  std::optional<std::string> category_code;
  std::optional<std::int64_t> source_innovation_id;  // Replikasi
};
// A draft from one of the person's unit's (a local admin: agency's) published innovations,
// refused with the reasons when the innovation may not enter the group.
std::int64_t start_proposal(db::Database& database, const kernel::Actor& actor,
                            const kernel::CurrentUser& user, std::int64_t edition_id,
                            const Start& start, std::int64_t now);

struct Upload {
  std::string name;
  std::string bytes;
};
// A file for a "file" requirement (PDF, images, office documents: judged from the bytes).
struct FileUpload {
  std::string attachment_code;
  Upload upload;
};
// The link and its stated length for a "video" requirement.
struct VideoLink {
  std::string attachment_code;
  std::string url;
  std::optional<int> seconds;  // nullopt when what was typed is not a duration
};
struct Draft {
  std::string group_code;
  std::optional<std::string> category_code;
  std::optional<std::int64_t> source_innovation_id;
  std::map<std::string, std::string> sections;  // by section code; absent ones stay as they are
  std::vector<FileUpload> files;                // new or replacing ones
  std::vector<VideoLink> videos;
  std::vector<std::int64_t> removed_files;  // ids of the proposal's files to take away
};
// Saves the choices, answers, files and video links of the one proposal form together, as one
// version, or nothing: a half-done draft is fine, malformed input is not. Field errors are keyed
// "group", "category", "section.<code>", "file.<code>", "video_url.<code>", "video_seconds.<code>".
void save_draft(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
                std::int64_t id, std::int64_t based_on, Draft draft, std::int64_t now);

// The way through the agency.
void send_to_admin(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t id, std::int64_t based_on,
                   std::int64_t now);
void send_back(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
               std::int64_t id, std::int64_t based_on, std::string notes, std::int64_t now);
void submit(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
            std::int64_t id, std::int64_t based_on, std::int64_t now);
void withdraw(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
              std::int64_t id, std::int64_t based_on, std::int64_t now);

// The administrative screening of several proposals at once, all or nothing: each named with the
// version the organiser saw. fail needs a reason code, "other" a note too.
struct Decision {
  bool pass = true;
  std::optional<std::string> reason;
  std::string note;
};
struct Screened {
  std::int64_t id = 0;
  std::int64_t version = 0;
};
int screen(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
           std::int64_t edition_id, const std::vector<Screened>& proposals, Decision decision,
           std::int64_t now);
// Publishes the announcement once every submitted proposal is screened, and tells each agency its
// results. Screening decisions are final from then on.
void announce(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
              std::int64_t edition_id, std::string note, std::int64_t now);

}  // namespace simpul::proposals
