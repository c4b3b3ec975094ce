#pragma once
// Replication (replikasi): what a record holds and the pure rules of its path (domain.md §4 and
// §8, modules.md "Replication"). A region adapts another's innovation: letter of interest, study
// visit, signed commitment, implementation with its decree, evaluation, sustained, or stopped
// with a reason at any point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competitions/calendar.hpp"
#include "core/auth/roles.hpp"
#include "core/util/errors.hpp"

namespace simpul::replication {

// In path order; berhenti is reachable from every stage and ends the record.
enum class Stage { minat, kaji_tiru, komitmen, penerapan, evaluasi, berlanjut, berhenti };
inline constexpr Stage kPath[] = {Stage::minat,     Stage::kaji_tiru, Stage::komitmen,
                                  Stage::penerapan, Stage::evaluasi,  Stage::berlanjut};

std::string_view stage_code(Stage stage);  // "minat", "kaji_tiru", ...
std::optional<Stage> parse_stage(std::string_view code);
// The position on the path (minat 0 … berlanjut 5); berhenti has none.
std::optional<int> path_position(Stage stage);

// The stages a record at `current` may record next: the following stage of the path, the study
// visit being optional (minat may go straight to komitmen), and berhenti from any stage but
// itself. Nothing follows berhenti.
std::vector<Stage> next_stages(Stage current);
bool may_follow(Stage current, Stage next);
// Whether the record has reached implementation (penerapan or later on the path).
bool implemented(Stage stage);

// What a stage's step must carry: a document (file or link) for the stages the guidance asks
// evidence of, a note for berlanjut (what sustains it) and berhenti (the reason), the decree's
// number for penerapan.
struct StepNeeds {
  bool evidence = false;
  bool note = false;
  bool decree = false;
};
StepNeeds needs_of(Stage stage);

// A step as typed, before it is stored.
struct StepInput {
  Stage stage = Stage::minat;
  std::string happened_on;  // YYYY-MM-DD
  std::string evidence_url;
  bool has_file = false;
  std::string note;
  std::string decree;
};
// Checks a step against the record at `current` (nullopt: a new record, which starts at minat, or
// at komitmen when a commitment round records it): its stage may follow, its date is a real date,
// not after today and not before the previous step's date, and it carries what its stage needs.
// Trims the texts. Field errors use the form's field names: tahap, tanggal, tautan, berkas,
// catatan, sk.
FieldErrors check_step(StepInput& step, std::optional<Stage> current,
                       const std::optional<competitions::LocalDate>& previous_date,
                       competitions::LocalDate today);

// The IID replication indicator (Kemendagri, domain.md §8): replicated by 1, 2 or at least 3
// other regions scores 1, 2 or 3; none scores 0. Weight 3 in the index.
int iid_replication_score(int regions);
inline constexpr int kIidReplicationWeight = 3;
// Whether a record counts as a region replicating, for that indicator: the adopter is a regional
// government other than the source's, and the record holds evidence the IID accepts (a letter of
// interest, a study-visit report or an adoption decree: every record has the first) without
// having stopped before implementation.
bool counts_for_iid(std::string_view adopter_type, bool same_agency, Stage stage,
                    std::optional<Stage> stopped_at);

// A mentoring session as typed.
inline constexpr std::string_view kMentorKinds[] = {"kementerian", "universitas", "hub", "lainnya"};
struct SessionInput {
  std::string held_on;
  std::string mentor_kind;
  std::string mentor_name;
  std::string topic;
  std::string attendance;  // a whole number as typed
  std::string notes;
};
FieldErrors check_session(SessionInput& session, competitions::LocalDate today);

// A milestone: late when its target has passed without it being reached, or reached after it.
struct Milestone {
  std::int64_t id = 0;
  std::string title;
  std::string target_on;
  std::optional<std::string> done_on;
};
bool is_late(const Milestone& milestone, competitions::LocalDate today);
FieldErrors check_milestone(std::string& title, const std::string& target_on);

// The modification plan: what stays as in the source and what changes for local needs.
FieldErrors check_plan(std::string& keeps, std::string& changes);

// Who records a replication: the adopting agency's local admin, for any of its units, and a unit
// operator for its own unit. The source's agency never records its own innovation's replication
// (the adopter does), and nobody else writes it; everyone reads it.
struct Editor {
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
};
bool may_record(const Editor& editor, std::int64_t adopter_agency_id,
                std::optional<std::int64_t> adopter_unit_id);

// Commitment rounds: the ministry's organisers organise a round for any province, a hub
// coordinator for its own province. A commitment is recorded by whoever organises the round or by
// the adopting agency's local admin; the adopter is a regional government of the round's province.
bool may_organise_round(const Editor& editor, const std::string& editor_province,
                        const std::string& round_province);
bool is_regional(std::string_view agency_type);
bool may_commit(const Editor& editor, bool organises_round, std::int64_t adopter_agency_id);

// Limits the forms and the checks share.
inline constexpr std::size_t kMaxPlanChars = 5000;
inline constexpr std::size_t kMaxNoteChars = 2000;
inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr int kMaxAttendance = 100000;

}  // namespace simpul::replication
