#pragma once
// Every SQL statement of proposals, except the dashboard's (dashboard_store.hpp) and the
// synthetic seed's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "proposals/model.hpp"

namespace simpul::proposals {

struct Proposal {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t innovation_id = 0;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string province_code;
  std::string cluster;
  std::string group_code;
  std::optional<std::string> category_code;
  std::string title;
  std::optional<std::int64_t> source_innovation_id;
  std::string source_name;
  Status status = Status::draft;
  std::string return_note;
  std::optional<std::string> screening_reason;
  std::string screening_note;
  std::optional<std::int64_t> screened_at;
  std::int64_t version = 1;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> submitted_at;
  Content content;
};

struct NewProposal {
  std::int64_t edition_id = 0;
  std::int64_t innovation_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  std::string province_code;
  std::string cluster;
  std::string group_code;
  std::optional<std::string> category_code;
  std::string title;
  std::string title_key;
  std::optional<std::int64_t> source_innovation_id;
  std::optional<std::int64_t> created_by;
  std::int64_t now = 0;
};
std::int64_t insert_proposal(db::Transaction& tx, const NewProposal& proposal);
// With its answers and files unless with_content is false (screening in bulk needs neither).
std::optional<Proposal> find_proposal(db::Transaction& tx, std::int64_t id,
                                      bool with_content = true);

// Moves the proposal from based_on to the next version; false, and nothing written, when it is no
// longer at based_on (optimistic locking: of two admins submitting at once, one wins).
bool advance_version(db::Transaction& tx, std::int64_t id, std::int64_t based_on,
                     std::optional<std::int64_t> user_id, std::int64_t now);

struct Choice {
  std::string group_code;
  std::optional<std::string> category_code;
  std::optional<std::int64_t> source_innovation_id;
};
void write_choice(db::Transaction& tx, std::int64_t id, const Choice& choice);
// Empty answers are deleted.
void write_section(db::Transaction& tx, std::int64_t id, const std::string& code,
                   const std::string& body);
// A new file or video link for the requirement replaces the one before.
void put_file(db::Transaction& tx, std::int64_t id, const StoredFile& file,
              const std::optional<std::string>& sha256, std::optional<std::int64_t> user_id,
              std::int64_t now);
// The file and its blob's key; nullopt when it is not this proposal's.
std::optional<std::pair<StoredFile, std::string>> find_file(db::Transaction& tx,
                                                            std::int64_t proposal_id,
                                                            std::int64_t file_id);
void delete_file(db::Transaction& tx, std::int64_t proposal_id, std::int64_t file_id);

// The status change of a way through the agency, and its timestamp column.
void set_status(db::Transaction& tx, std::int64_t id, Status status, std::int64_t now);
void set_return_note(db::Transaction& tx, std::int64_t id, const std::string& note);
void set_screening(db::Transaction& tx, std::int64_t id, Status result,
                   const std::optional<std::string>& reason, const std::string& note,
                   std::optional<std::int64_t> user_id, std::int64_t now);

// The agency's proposals in the group that are not withdrawn (submitted_only: with the
// organiser), other than except_id.
std::int64_t agency_entries(db::Transaction& tx, std::int64_t edition_id, std::int64_t agency_id,
                            const std::string& group_code, std::int64_t except_id,
                            bool submitted_only);
bool title_taken(db::Transaction& tx, std::int64_t edition_id, const std::string& title_key,
                 std::int64_t except_id);
// The edition's live proposal for the innovation, if there is one.
std::optional<std::int64_t> proposal_of_innovation(db::Transaction& tx, std::int64_t edition_id,
                                                   std::int64_t innovation_id);

// The three counts SINOVIK shows, and withdrawn ones: of an agency, or of every agency.
struct Counts {
  std::int64_t at_unit = 0;
  std::int64_t at_admin = 0;
  std::int64_t submitted = 0;
  std::int64_t withdrawn = 0;
};
Counts place_counts(db::Transaction& tx, std::int64_t edition_id,
                    std::optional<std::int64_t> agency_id);

// A list: what a unit, an agency or the organiser may see, filtered.
struct ListFilter {
  std::int64_t edition_id = 0;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  std::vector<Status> statuses;  // empty: every status
  std::string group_code;
  std::string category_code;
  std::string cluster;
  std::string province_code;
  std::string query;  // words of the title or the agency's name
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};
struct Listed {
  std::int64_t id = 0;
  std::string title;
  std::string agency_name;
  std::string unit_name;
  std::string province_name;
  std::string cluster;
  std::string group_code;
  std::string category_name;
  Status status = Status::draft;
  std::optional<std::string> screening_reason;
  std::int64_t version = 0;
  std::int64_t updated_at = 0;
};
// Most recently changed first (the announcement: by cluster, agency and title).
std::vector<Listed> list_proposals(db::Transaction& tx, const ListFilter& filter);
std::int64_t count_proposals(db::Transaction& tx, const ListFilter& filter);
std::vector<Listed> passed_proposals(db::Transaction& tx, std::int64_t edition_id);

// The screening's announcement.
struct Announcement {
  std::string note;
  std::int64_t published_at = 0;
};
std::optional<Announcement> find_announcement(db::Transaction& tx, std::int64_t edition_id);
// Whether a proposal to the edition names the category (which must then stay in its set-up).
bool category_named(db::Transaction& tx, std::int64_t edition_id, const std::string& code);
void insert_announcement(db::Transaction& tx, std::int64_t edition_id, const std::string& note,
                         std::optional<std::int64_t> user_id, std::int64_t now);
// Agencies with screened proposals, and how many passed and failed, for their notices.
struct AgencyResult {
  std::int64_t agency_id = 0;
  std::int64_t passed = 0;
  std::int64_t failed = 0;
};
std::vector<AgencyResult> agency_results(db::Transaction& tx, std::int64_t edition_id);
// Submitted proposals not yet screened.
std::int64_t unscreened(db::Transaction& tx, std::int64_t edition_id);

// The published innovation a proposal starts from, as it is published now.
struct Source {
  std::int64_t innovation_id = 0;
  std::string name;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  std::string province_code;
  std::string agency_type;
  std::string implementation_date;
  std::string trial_date;
};
std::optional<Source> published_source(db::Transaction& tx, std::int64_t innovation_id);
// The agency's province code, "" for none (a ministry) or no such agency.
std::string province_of(db::Transaction& tx, std::int64_t agency_id);
// The published innovations of a unit (or of every unit of the agency), by name.
std::vector<Source> published_of(db::Transaction& tx, std::int64_t agency_id,
                                 std::optional<std::int64_t> unit_id);

}  // namespace simpul::proposals
