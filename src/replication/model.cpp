#include "replication/model.hpp"

#include <algorithm>
#include <array>

#include "core/util/numbers.hpp"
#include "core/util/text.hpp"
#include "innovations/model.hpp"

namespace simpul::replication {
namespace {

constexpr std::array<std::pair<Stage, std::string_view>, 7> kCodes = {{
    {Stage::minat, "minat"},
    {Stage::kaji_tiru, "kaji_tiru"},
    {Stage::komitmen, "komitmen"},
    {Stage::penerapan, "penerapan"},
    {Stage::evaluasi, "evaluasi"},
    {Stage::berlanjut, "berlanjut"},
    {Stage::berhenti, "berhenti"},
}};

constexpr std::string_view kRegionalTypes[] = {"provinsi", "kabupaten", "kota"};

// A trimmed free text within max characters, or the key of what is wrong with it.
void check_text(FieldErrors& errors, const char* field, std::string& text, std::size_t max,
                bool required) {
  if (auto problem = innovations::check_free_text(text, max)) {
    errors[field] = *problem;
  } else if (required && text.empty()) {
    errors[field] = "form.required";
  }
}

// A date of something that has happened: real, and not after today.
std::optional<competitions::LocalDate> check_past_date(FieldErrors& errors, const char* field,
                                                       const std::string& text,
                                                       competitions::LocalDate today) {
  if (text.empty()) {
    errors[field] = "form.required";
    return std::nullopt;
  }
  auto date = innovations::is_iso_date(text) ? competitions::parse_date(text) : std::nullopt;
  if (!date) {
    errors[field] = "replication.error.date";
    return std::nullopt;
  }
  if (*date > today) {
    errors[field] = "replication.error.future";
    return std::nullopt;
  }
  return date;
}

bool is_https_link(std::string_view url) {
  return url.starts_with("https://") && url.size() > 8 && url.size() <= 500 &&
         url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

}  // namespace

std::string_view stage_code(Stage stage) {
  for (const auto& [value, code] : kCodes)
    if (value == stage) return code;
  return "";
}

std::optional<Stage> parse_stage(std::string_view code) {
  for (const auto& [value, name] : kCodes)
    if (name == code) return value;
  return std::nullopt;
}

std::optional<int> path_position(Stage stage) {
  auto found = std::find(std::begin(kPath), std::end(kPath), stage);
  if (found == std::end(kPath)) return std::nullopt;
  return static_cast<int>(found - std::begin(kPath));
}

std::vector<Stage> next_stages(Stage current) {
  auto position = path_position(current);
  if (!position) return {};
  std::vector<Stage> next;
  if (*position + 1 < static_cast<int>(std::size(kPath))) next.push_back(kPath[*position + 1]);
  if (current == Stage::minat) next.push_back(Stage::komitmen);  // the study visit is optional
  next.push_back(Stage::berhenti);
  return next;
}

bool may_follow(Stage current, Stage next) {
  auto allowed = next_stages(current);
  return std::find(allowed.begin(), allowed.end(), next) != allowed.end();
}

bool implemented(Stage stage) {
  auto position = path_position(stage);
  return position && *position >= *path_position(Stage::penerapan);
}

StepNeeds needs_of(Stage stage) {
  switch (stage) {
    case Stage::minat:
    case Stage::kaji_tiru:
    case Stage::komitmen:
    case Stage::evaluasi:
      return {true, false, false};
    case Stage::penerapan:
      return {true, false, true};
    case Stage::berlanjut:
    case Stage::berhenti:
      return {false, true, false};
  }
  return {};
}

FieldErrors check_step(StepInput& step, std::optional<Stage> current,
                       const std::optional<competitions::LocalDate>& previous_date,
                       competitions::LocalDate today) {
  FieldErrors errors;
  bool follows = current ? may_follow(*current, step.stage)
                         : step.stage == Stage::minat || step.stage == Stage::komitmen;
  if (!follows) errors["tahap"] = "replication.error.stage_order";
  auto date = check_past_date(errors, "tanggal", step.happened_on, today);
  if (date && previous_date && *date < *previous_date) {
    errors["tanggal"] = Problem("replication.error.before_previous",
                                {{"date", competitions::iso_date(*previous_date)}});
  }
  StepNeeds needs = needs_of(step.stage);
  step.evidence_url = trim(step.evidence_url);
  if (!step.evidence_url.empty() && !is_https_link(step.evidence_url)) {
    errors["tautan"] = "replication.error.link";
  } else if (needs.evidence && step.evidence_url.empty() && !step.has_file) {
    errors["berkas"] = "replication.error.evidence";
  }
  check_text(errors, "catatan", step.note, kMaxNoteChars, needs.note);
  check_text(errors, "sk", step.decree, kMaxNameChars, needs.decree);
  return errors;
}

int iid_replication_score(int regions) { return std::clamp(regions, 0, 3); }

bool counts_for_iid(std::string_view adopter_type, bool same_agency, Stage stage,
                    std::optional<Stage> stopped_at) {
  if (!is_regional(adopter_type) || same_agency) return false;
  if (stage == Stage::berhenti) return stopped_at && implemented(*stopped_at);
  return true;
}

FieldErrors check_session(SessionInput& session, competitions::LocalDate today) {
  FieldErrors errors;
  check_past_date(errors, "tanggal", session.held_on, today);
  if (std::find(std::begin(kMentorKinds), std::end(kMentorKinds), session.mentor_kind) ==
      std::end(kMentorKinds))
    errors["jenis"] = "form.required";
  check_text(errors, "pendamping", session.mentor_name, kMaxNameChars, true);
  check_text(errors, "topik", session.topic, kMaxNameChars, true);
  check_text(errors, "catatan", session.notes, kMaxNoteChars, false);
  session.attendance = trim(session.attendance);
  auto attendance = session.attendance == "0" ? std::optional<std::int64_t>(0)
                                              : parse_positive(session.attendance);
  if (!attendance || *attendance > kMaxAttendance) errors["hadir"] = "replication.error.attendance";
  return errors;
}

bool is_late(const Milestone& milestone, competitions::LocalDate today) {
  auto target = competitions::parse_date(milestone.target_on);
  if (!target) return false;
  if (!milestone.done_on) return *target < today;
  auto done = competitions::parse_date(*milestone.done_on);
  return done && *done > *target;
}

FieldErrors check_milestone(std::string& title, const std::string& target_on) {
  FieldErrors errors;
  check_text(errors, "judul", title, kMaxNameChars, true);
  if (!innovations::is_iso_date(target_on)) errors["target"] = "replication.error.date";
  return errors;
}

FieldErrors check_plan(std::string& keeps, std::string& changes) {
  FieldErrors errors;
  check_text(errors, "tetap", keeps, kMaxPlanChars, true);
  check_text(errors, "ubah", changes, kMaxPlanChars, true);
  return errors;
}

bool may_organise_round(const Editor& editor, const std::string& editor_province,
                        const std::string& round_province) {
  if (editor.role == auth::Role::organiser) return true;
  return editor.role == auth::Role::hub_coordinator && !editor_province.empty() &&
         editor_province == round_province;
}

bool is_regional(std::string_view agency_type) {
  return std::find(std::begin(kRegionalTypes), std::end(kRegionalTypes), agency_type) !=
         std::end(kRegionalTypes);
}

bool may_commit(const Editor& editor, bool organises_round, std::int64_t adopter_agency_id) {
  if (organises_round) return true;
  return editor.role == auth::Role::local_admin && editor.agency_id == adopter_agency_id;
}

bool may_record(const Editor& editor, std::int64_t adopter_agency_id,
                std::optional<std::int64_t> adopter_unit_id) {
  if (editor.agency_id != adopter_agency_id) return false;
  if (editor.role == auth::Role::local_admin) return true;
  return editor.role == auth::Role::unit_operator && editor.unit_id &&
         editor.unit_id == adopter_unit_id;
}

}  // namespace simpul::replication
