#include "judging/service.hpp"
#include "judging/store.hpp"

#include <algorithm>

#include "audit/audit.hpp"
#include "competitions/calendar.hpp"
#include "core/util/numbers.hpp"
#include "core/util/text.hpp"
#include "innovations/model.hpp"
#include "judging/conflicts.hpp"

namespace simpul::judging {
namespace {

using nlohmann::json;

// A free text, normalised; a single-line one may not break lines either.
void check_text(FieldErrors& errors, const std::string& field, std::string& text, std::size_t max,
                bool single_line = false) {
  if (auto problem = innovations::check_free_text(text, max)) {
    errors[field] = *problem;
  } else if (single_line && text.find('\n') != std::string::npos) {
    errors[field] = "form.control_characters";
  }
}

json declaration_json(const Declaration& d) {
  return {{"agency_id", d.agency_id}, {"kind", d.kind}, {"ended_on", d.ended_on}, {"note", d.note}};
}

}  // namespace

void save_profile(db::Database& database, const kernel::Actor& actor, std::int64_t user_id,
                  Profile profile, std::int64_t now) {
  FieldErrors errors;
  check_text(errors, "institution", profile.institution, kMaxInstitution, true);
  profile.province_code = trim(profile.province_code);
  database.write([&](db::Transaction& tx) {
    if (!profile.province_code.empty() && !province_exists(tx, profile.province_code))
      errors["province"] = "judging.error.province";
    if (!errors.empty()) throw InvalidForm(errors);
    auto before = find_profile(tx, user_id);
    write_profile(tx, user_id, profile, now);
    audit::record(
        tx, actor,
        {"evaluator.profile", "user", std::to_string(user_id),
         before ? std::optional<json>(json{{"institution", before->institution},
                                           {"province", before->province_code}})
                : std::nullopt,
         json{{"institution", profile.institution}, {"province", profile.province_code}}});
  });
}

std::int64_t declare_conflict(db::Database& database, const kernel::Actor& actor,
                              std::int64_t user_id, NewDeclaration typed, std::int64_t now) {
  FieldErrors errors;
  auto agency = parse_positive(trim(typed.agency_id));
  if (!agency) errors["agency"] = "judging.error.agency";
  if (!is_conflict_kind(typed.kind)) errors["kind"] = "judging.error.kind";
  typed.ended_on = trim(typed.ended_on);
  if (!typed.ended_on.empty() && !competitions::parse_date(typed.ended_on))
    errors["ended_on"] = "judging.error.date";
  check_text(errors, "note", typed.note, kMaxConflictNote);
  return database.write([&](db::Transaction& tx) {
    if (agency && !agency_exists(tx, *agency)) errors["agency"] = "judging.error.agency";
    if (!errors.empty()) throw InvalidForm(errors);
    auto existing = declarations_of(tx, user_id);
    if (existing.size() >= kMaxConflictsPerEvaluator) throw conflict("judging.error.too_many");
    bool twice = std::any_of(existing.begin(), existing.end(), [&](const Declaration& d) {
      return d.agency_id == *agency && d.kind == typed.kind;
    });
    if (twice) throw conflict("judging.error.duplicate");
    Declaration d{0, *agency, "", typed.kind, typed.ended_on, typed.note, now};
    d.id = insert_declaration(tx, user_id, d, now);
    audit::record(tx, actor,
                  {"evaluator.conflict_declare", "evaluator_conflict", std::to_string(d.id),
                   std::nullopt, declaration_json(d)});
    return d.id;
  });
}

void remove_conflict(db::Database& database, const kernel::Actor& actor, std::int64_t user_id,
                     std::int64_t id, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto existing = declarations_of(tx, user_id);
    auto it = std::find_if(existing.begin(), existing.end(),
                           [&](const Declaration& d) { return d.id == id; });
    if (it == existing.end() || !mark_removed(tx, user_id, id, now)) throw not_found();
    audit::record(tx, actor,
                  {"evaluator.conflict_remove", "evaluator_conflict", std::to_string(id),
                   declaration_json(*it), std::nullopt});
  });
}

}  // namespace simpul::judging
