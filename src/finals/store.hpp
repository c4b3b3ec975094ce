#pragma once
// Every SQL statement of the panel's stages: the edition's stage row, nominees, quotas,
// objections, verification notes, decisions and the awards they write.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "finals/model.hpp"
#include "judging/shortlist.hpp"

namespace simpul::finals {

std::optional<Stage> find_stage(db::Transaction& tx, std::int64_t edition_id);
void insert_stage(db::Transaction& tx, std::int64_t edition_id, const std::string& method,
                  std::optional<std::int64_t> by, std::int64_t now);
void mark_stale(db::Transaction& tx, std::int64_t edition_id);
void write_shortlist_run(db::Transaction& tx, std::int64_t edition_id, const std::string& status,
                         const std::string& problem_json, std::int64_t now);
// objection_ends_at is the window as announced at publication, kept as its record; find_stage
// derives the window in force from the edition's "Uji publik" stage as it is now.
void write_finalists_published(db::Transaction& tx, std::int64_t edition_id,
                               std::optional<std::int64_t> by, std::int64_t now,
                               std::int64_t objection_ends_at);
void write_results_published(db::Transaction& tx, std::int64_t edition_id,
                             std::optional<std::int64_t> by, std::int64_t now,
                             const std::string& note);

// A nominee with what the pages and the shortlist helper need of its proposal.
struct NomineeRow {
  std::int64_t proposal_id = 0;
  std::int64_t innovation_id = 0;
  std::string title;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string agency_zone;  // WIB, WITA, WIT
  std::string province_code;
  std::string province_name;
  std::string cluster;
  std::string group_code;
  std::string category_code;
  std::string category_name;
  double score = 0;
  bool is_3t = false;
  std::string panel_choice;  // "", include, exclude
  std::string panel_reason;
  std::optional<std::int64_t> rank;
  bool selected = false;
  std::string reason;  // finals::reason_code of the last run
  std::optional<std::string> removed_reason;
  bool finalist() const { return selected && !removed_reason; }
};
// By score, highest first, then proposal id.
std::vector<NomineeRow> nominees_of(db::Transaction& tx, std::int64_t edition_id);
std::optional<NomineeRow> find_nominee(db::Transaction& tx, std::int64_t edition_id,
                                       std::int64_t proposal_id);
void insert_nominee(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                    double score);
void write_explanation(db::Transaction& tx, const judging::NomineeExplanation& explanation);
// An infeasible run selects nobody and explains nobody.
void clear_shortlist(db::Transaction& tx, std::int64_t edition_id);
void write_panel_choice(db::Transaction& tx, std::int64_t proposal_id,
                        const std::optional<std::string>& choice, const std::string& reason,
                        bool is_3t);
void write_removal(db::Transaction& tx, std::int64_t proposal_id, const std::string& reason,
                   std::optional<std::int64_t> by, std::int64_t now);

std::vector<judging::Quota> quotas_of(db::Transaction& tx, std::int64_t edition_id);
void replace_quotas(db::Transaction& tx, std::int64_t edition_id,
                    const std::vector<judging::Quota>& quotas);

struct Objection {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  std::string proposal_title;
  std::string name;
  std::string contact;
  std::string reason;
  std::int64_t filed_at = 0;
  std::string decision;  // "", upheld, dismissed
  std::string decision_note;
  std::optional<std::int64_t> decided_at;
};
std::int64_t insert_objection(db::Transaction& tx, std::int64_t edition_id,
                              std::int64_t proposal_id, const TypedObjection& objection,
                              const std::string& receipt, const std::string& remote_address,
                              std::int64_t now);
// What the public status page of an objection shows: never the objector's name or contact.
struct ObjectionStatus {
  std::string receipt;
  std::int64_t edition_id = 0;
  std::string edition_title;
  std::string finalist;
  std::int64_t filed_at = 0;
  std::string decision;  // "", upheld, dismissed
  std::string decision_note;
  std::optional<std::int64_t> decided_at;
  std::string timezone;
};
std::optional<ObjectionStatus> objection_by_receipt(db::Transaction& tx,
                                                    const std::string& receipt);
// Objections from one address to the edition since `since`, to slow a flood.
std::int64_t objections_from(db::Transaction& tx, std::int64_t edition_id,
                             const std::string& remote_address, std::int64_t since);
bool objection_repeated(db::Transaction& tx, std::int64_t proposal_id, const std::string& contact,
                        const std::string& reason);
std::vector<Objection> objections_of(db::Transaction& tx, std::int64_t edition_id);
std::optional<Objection> find_objection(db::Transaction& tx, std::int64_t edition_id,
                                        std::int64_t id);
void write_objection_decision(db::Transaction& tx, std::int64_t id, const std::string& decision,
                              const std::string& note, std::optional<std::int64_t> by,
                              std::int64_t now);

struct VerificationNote {
  std::int64_t id = 0;
  std::string author;
  std::string visited_on;
  std::string note;
  std::int64_t created_at = 0;
};
std::vector<VerificationNote> notes_of(db::Transaction& tx, std::int64_t proposal_id);
void insert_note(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                 std::optional<std::int64_t> author, const std::string& visited_on,
                 const std::string& note, std::int64_t now);

// proposal id -> tier
std::map<std::int64_t, std::string> decisions_of(db::Transaction& tx, std::int64_t edition_id);
void write_decision(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                    const std::string& tier, std::optional<std::int64_t> by, std::int64_t now);
void delete_decision(db::Transaction& tx, std::int64_t proposal_id);

// The export's rows (finals/export.hpp).
struct ExportedProposal {
  std::int64_t id = 0;
  std::string title;
  std::string agency;
  std::string province;
  std::string cluster;   // code
  std::string group;     // code
  std::string category;  // name
};

struct ExportedSheet {
  std::int64_t proposal_id = 0;
  std::string evaluator;
  std::string status;  // draft, submitted
  std::map<std::string, double> scores;
  std::string comment;
};

std::vector<ExportedProposal> exported_proposals(db::Transaction& tx, std::int64_t edition_id);
std::vector<ExportedSheet> exported_sheets(db::Transaction& tx, std::int64_t edition_id);

// What the anonymised dossier shows of a screened proposal.
struct Dossier {
  std::string title;
  std::string agency_name;
  std::string unit_name;
  std::string province_name;  // "" for an agency without a province
  std::string group_code;
  std::string category_name;
  std::map<std::string, std::string> sections;  // by code
  std::vector<std::string> attachment_codes;    // what it attached
};
std::optional<Dossier> dossier_of(db::Transaction& tx, std::int64_t edition_id,
                                  std::int64_t proposal_id);

}  // namespace simpul::finals
