#pragma once
// Every SQL statement of the evaluators' profiles and declared conflicts.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "competitions/calendar.hpp"
#include "core/db/database.hpp"
#include "judging/aggregation.hpp"
#include "judging/assignment.hpp"
#include "judging/results.hpp"

namespace simpul::judging {

std::optional<Profile> find_profile(db::Transaction& tx, std::int64_t user_id);
void write_profile(db::Transaction& tx, std::int64_t user_id, const Profile& profile,
                   std::int64_t now);

struct Declaration {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string kind;
  std::string ended_on;  // YYYY-MM-DD or ""
  std::string note;
  std::int64_t declared_at = 0;
};
// The evaluator's declarations not removed, newest first.
std::vector<Declaration> declarations_of(db::Transaction& tx, std::int64_t user_id);
std::int64_t insert_declaration(db::Transaction& tx, std::int64_t user_id,
                                const Declaration& declaration, std::int64_t now);
// False when the evaluator has no such declaration (or it is already removed).
bool mark_removed(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now);

bool agency_exists(db::Transaction& tx, std::int64_t agency_id);
bool province_exists(db::Transaction& tx, const std::string& code);
// Active agencies and provinces by name, for the forms' choices.
std::vector<std::pair<std::int64_t, std::string>> agency_choices(db::Transaction& tx);
std::vector<std::pair<std::string, std::string>> province_choices(db::Transaction& tx);

// The assignment's inputs: the edition's proposals that passed screening, and every active
// evaluator with their workplace and the ties that still count on `today`.
std::vector<Evaluator> active_evaluators(db::Transaction& tx, competitions::LocalDate today);
std::optional<Evaluator> active_evaluator(db::Transaction& tx, std::int64_t user_id,
                                          competitions::LocalDate today);
std::optional<Proposal> screened_proposal(db::Transaction& tx, std::int64_t edition_id,
                                          std::int64_t proposal_id);

struct Assigned {
  std::int64_t proposal_id = 0;
  std::int64_t evaluator_id = 0;
  std::string method;  // auto, manual
};
std::vector<Assigned> assignments_of(db::Transaction& tx, std::int64_t edition_id);
// Replaces the edition's automatic pairs with these; manual pairs stay.
void replace_automatic(db::Transaction& tx, std::int64_t edition_id, const std::vector<Pair>& pairs,
                       std::optional<std::int64_t> by, std::int64_t now);
void insert_pair(db::Transaction& tx, std::int64_t edition_id, const Pair& pair,
                 std::optional<std::int64_t> by, std::int64_t now);
bool delete_pair(db::Transaction& tx, std::int64_t edition_id, const Pair& pair);

// Names for the pages.
std::map<std::int64_t, std::string> evaluator_names(db::Transaction& tx);
struct ProposalName {
  std::string title;
  std::string agency_name;
};
std::map<std::int64_t, ProposalName> screened_names(db::Transaction& tx, std::int64_t edition_id);

// An evaluator's queue: the proposals assigned to them, newest edition first.
struct QueueItem {
  std::int64_t edition_id = 0;
  std::string edition_title;
  std::int64_t proposal_id = 0;
  std::string title;
  std::string category_name;
  std::string sheet_status;  // "", draft, submitted
};
std::vector<QueueItem> queue_of(db::Transaction& tx, std::int64_t evaluator_id);

// The edition of the evaluator's assignment to the proposal; nullopt when not assigned.
std::optional<std::int64_t> assignment_edition(db::Transaction& tx, std::int64_t proposal_id,
                                               std::int64_t evaluator_id);

struct Sheet {
  std::map<std::string, int> scores;
  std::string comment;
  std::string status;  // draft, submitted
  std::int64_t updated_at = 0;
};
std::optional<Sheet> find_sheet(db::Transaction& tx, std::int64_t proposal_id,
                                std::int64_t evaluator_id);
void write_sheet(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                 std::int64_t evaluator_id, const Sheet& sheet, std::int64_t now);
// The pairs of the edition that have a sheet, draft or submitted.
std::vector<Pair> scored_pairs(db::Transaction& tx, std::int64_t edition_id);
// When the edition's evaluators were last reminded (each round is also in the audit log).
std::optional<std::int64_t> last_reminder_at(db::Transaction& tx, std::int64_t edition_id);
void write_reminder_at(db::Transaction& tx, std::int64_t edition_id, std::int64_t now);
void write_method_choice(db::Transaction& tx, std::int64_t edition_id, const MethodChoice& choice,
                         std::optional<std::int64_t> by);
// Per evaluator of the edition: the proposals assigned and where their sheets stand. A sheet
// whose pair was moved away since does not count.
struct Progress {
  int assigned = 0;
  int drafts = 0;
  int submitted = 0;
  int not_started() const { return assigned - drafts - submitted; }
  int outstanding() const { return assigned - submitted; }
};
std::map<std::int64_t, Progress> progress_of(db::Transaction& tx, std::int64_t edition_id);

// What the organiser sets per evaluator for the edition (migration 0015).
struct EvaluatorSetting {
  std::set<std::string> expertise;  // category codes of the edition
  std::optional<int> max_load;      // none: no maximum
  bool operator==(const EvaluatorSetting&) const = default;
};
std::map<std::int64_t, EvaluatorSetting> evaluator_settings(db::Transaction& tx,
                                                            std::int64_t edition_id);
void write_evaluator_setting(db::Transaction& tx, std::int64_t edition_id,
                             std::int64_t evaluator_id, const EvaluatorSetting& setting,
                             std::optional<std::int64_t> by, std::int64_t now);

// What the evaluator reads of a proposal: no agency when the review is blind.
struct Reading {
  std::string title;
  std::string agency_name;
  std::string category_name;
  std::map<std::string, std::string> sections;  // by code
  std::string video_url;
};
std::optional<Reading> reading_of(db::Transaction& tx, std::int64_t proposal_id);

// A file attached to a proposal (video links aside), one per attachment of the edition's set-up.
struct ProposalFile {
  std::string attachment_code;
  std::string original_name;  // as uploaded: may name the agency, never shown under blind review
  std::string content_type;   // sniffed from the bytes at upload
  std::int64_t size = 0;
  std::string sha256;  // the blob's key in innovation_blobs
};
std::vector<ProposalFile> files_of(db::Transaction& tx, std::int64_t proposal_id);
std::optional<ProposalFile> file_of(db::Transaction& tx, std::int64_t proposal_id,
                                    const std::string& attachment_code);

}  // namespace simpul::judging
