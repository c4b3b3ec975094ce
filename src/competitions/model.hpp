#pragma once
// A competition edition as its organiser sets it up (reference/domain.md §1–3, §9): the national
// KIPP, a JIPP hub's provincial competition or an agency's internal selection. Plain types, the
// fixed code lists and their validation; pure, no I/O.
//
// The set-up is saved in parts, each from its own form (Part). check_part() normalises a part and
// reports what is wrong with it, by the field names the forms use, so an error lands next to its
// input; publication_problems() lists what publishing further needs.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "competitions/programme.hpp"
#include "core/util/errors.hpp"
#include "core/view/format.hpp"

namespace simpul::competitions {

enum class Level { national, hub, agency };
inline constexpr std::string_view kLevels[] = {"national", "hub", "agency"};
std::string_view level_code(Level level);
std::optional<Level> parse_level(std::string_view code);

enum class Status { draft, published };
std::string_view status_code(Status status);
std::optional<Status> parse_status(std::string_view code);

// Stages in the order they happen; labels under "competition.stage.<code>".
inline constexpr std::string_view kStageCodes[] = {
    "registration", "screening",          "evaluation", "nomination", "objection",
    "presentation", "field_verification", "decision",   "award"};
inline constexpr std::string_view kRegistration = "registration";
// Groups (kelompok); labels under "competition.group.<code>".
inline constexpr std::string_view kGroupCodes[] = {"umum", "replikasi", "khusus"};
// Participant clusters (klaster); labels under "competition.cluster.<code>".
inline constexpr std::string_view kClusterCodes[] = {"kementerian", "lembaga", "provinsi",
                                                     "kabupaten",   "kota",    "bumn_bumd"};
inline constexpr std::string_view kAttachmentKinds[] = {"file", "video"};

// The cluster an agency competes in, from its type (agencies::kTypes); "" for an unknown type.
std::string_view cluster_of(std::string_view agency_type);

// Limits shared by the forms, the checks and the tests.
inline constexpr std::size_t kMaxCategories = 30;
inline constexpr std::size_t kMaxSections = 20;
inline constexpr std::size_t kMaxAttachments = 10;
inline constexpr std::size_t kMaxAspects = 15;
inline constexpr std::size_t kMaxCodeLength = 40;
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxTheme = 500;
inline constexpr std::size_t kMaxGuidance = 2000;
inline constexpr std::size_t kMaxSourceNote = 4000;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;

// What the "umum" part of the set-up holds. The optional numbers are empty when the sources of
// an edition do not say (editions of earlier years); a new edition starts from the defaults.
struct General {
  int year = 0;
  std::string title;
  std::string theme;
  Level level = Level::national;
  std::optional<std::int64_t> owner_agency_id;
  view::Zone zone = view::Zone::wib;
  std::optional<int> evaluators_per_proposal = 2;
  std::optional<int> passing_grade = programme::kPassingGrade;
  std::optional<int> finalist_count = programme::kFinalists;
  bool blind_review = false;
  std::string source_note;  // where the facts come from ("sumber")
  // Who signs the certificates: a name and a position, printed under the signature line.
  std::string certificate_signatory;
  std::string certificate_signatory_title;
  bool operator==(const General&) const = default;
};

struct Stage {
  std::string code;
  std::optional<std::int64_t> starts_at;  // UTC seconds
  std::optional<std::int64_t> ends_at;    // for registration: the deadline
  bool operator==(const Stage&) const = default;
};

// A group's eligibility rules. An empty number means no such rule.
struct GroupRules {
  std::string code;
  bool enabled = false;
  std::optional<int> min_age_months;  // counted back from the registration close
  std::optional<int> max_per_agency;
  bool requires_top_award = false;          // Khusus: earlier top winners only
  bool excludes_top_award = false;          // Umum: earlier top winners go to Khusus
  bool requires_source_innovation = false;  // Replikasi: names the top innovation it adapts
  bool operator==(const GroupRules&) const = default;
};

struct Category {
  std::string code;
  std::string name;
  bool operator==(const Category&) const = default;
};

struct FormSection {
  std::string code;
  std::string title;
  std::string guidance;
  std::optional<int> max_words;
  bool operator==(const FormSection&) const = default;
};

struct RequiredAttachment {
  std::string code;
  std::string title;
  std::string kind = "file";  // kAttachmentKinds
  bool required = true;
  std::optional<int> max_video_seconds;  // videos only
  bool operator==(const RequiredAttachment&) const = default;
};

struct RubricAspect {
  std::string code;
  std::string title;
  int weight = 0;  // percent; an edition's aspects of one kind sum to 100
  int scale_min = 0;
  int scale_max = 0;
  std::string guidance;
  bool operator==(const RubricAspect&) const = default;
};

// Everything an organiser sets up.
struct Setup {
  General general;
  std::vector<Stage> stages;       // one per kStageCodes, in that order
  std::vector<GroupRules> groups;  // one per kGroupCodes, in that order
  std::vector<Category> categories;
  std::vector<std::string> clusters;  // codes of kClusterCodes, in that order
  std::vector<FormSection> sections;
  std::vector<RequiredAttachment> attachments;
  std::vector<RubricAspect> rubric;     // the evaluation team's
  std::vector<RubricAspect> interview;  // the panel's, at the presentations
  bool operator==(const Setup&) const = default;
};

// A new set-up: every stage and group present, no date set, no group enabled.
Setup new_setup(General general);
const Stage* find_stage(const Setup& setup, std::string_view code);
const GroupRules* find_group(const Setup& setup, std::string_view code);
std::optional<std::int64_t> registration_close(const Setup& setup);
bool admits_cluster(const Setup& setup, std::string_view cluster);

// A deadline moved after publication.
struct Extension {
  std::string stage;
  std::int64_t old_ends_at = 0;
  std::int64_t new_ends_at = 0;
  std::string reason;
  std::string by_name;
  std::int64_t at = 0;
};

struct Edition {
  std::int64_t id = 0;
  std::int64_t version = 0;
  Status status = Status::draft;
  Setup setup;
  std::vector<Extension> extensions;  // oldest first
  std::string owner_name;             // empty for a national edition without an owner
  std::optional<std::int64_t> copied_from;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> published_at;
};

// The parts of the set-up, each saved from its own form; the codes name them in URLs
// (/kompetisi/{id}/atur/{code}) and anchors.
enum class Part { general, stages, groups, categories, form, attachments, rubric, interview };
inline constexpr Part kParts[] = {Part::general, Part::stages,      Part::groups, Part::categories,
                                  Part::form,    Part::attachments, Part::rubric, Part::interview};
std::string_view part_code(Part part);  // "umum", "tahapan", ...
std::optional<Part> parse_part(std::string_view code);

// The agency that owns an edition, as the coherence check needs it.
struct Owner {
  std::int64_t id = 0;
  std::string type;  // agencies::kTypes
};
// national: no owner (the ministry's secretariat) or a ministry; hub: a provincial government (the
// hub); agency: any agency, for its internal selection.
std::optional<Problem> check_owner(Level level, const std::optional<Owner>& owner);

// Trims and normalises the part (codes made from titles when left empty, clusters in list order)
// and reports what is malformed or incoherent: dates out of order, weights not summing to 100, no
// group enabled, codes used twice, word limits outside 10..10,000.
FieldErrors check_part(Setup& setup, Part part);
FieldErrors check_setup(Setup& setup);  // every part
// What publishing needs beyond a valid set-up: a registration deadline, a group, a cluster.
std::vector<Problem> publication_problems(const Setup& setup);
// After publication, a deadline that is set moves only by a recorded extension, and the zone in
// which the deadlines were announced stays.
FieldErrors check_published_change(const Setup& before, const Setup& after);
// A deadline extension: a stage with a deadline, a later new deadline, a reason (trimmed).
FieldErrors check_extension(const Setup& setup, std::string_view stage,
                            std::optional<std::int64_t> new_ends_at, std::string& reason);

// A code from a title: lower-case ASCII letters and digits joined by '_', at most 40 characters.
std::string code_from_title(std::string_view title);
// What "no duplicate titles" compares: letters and digits in lower case, runs of anything else
// as one space, so "SIPANDU  Online!" and "Sipandu online" are the same title.
std::string title_key(std::string_view title);

// A copy of the set-up for another year: every date moved by the difference of years (same local
// date and time in the edition's zone), the year in the title replaced.
Setup copied_setup(const Setup& setup, int to_year);

// The part as the audit log records it.
nlohmann::json part_json(const Setup& setup, Part part);

}  // namespace simpul::competitions
