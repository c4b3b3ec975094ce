#pragma once
// A proposal's way from a draft to the announcement, as the web pages and the demo's past edition
// drive it: each step checks who may take it and when (the `now` given), writes one version and
// its audit event in one transaction, or refuses with a UserError and writes nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "kernel/context.hpp"

namespace simpul::proposals {

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
