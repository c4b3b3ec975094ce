#pragma once
// The independent panel's stages of an edition (reference/domain.md §1.3, steps 6–11): the
// nominees from the evaluation, the finalists the shortlist helper proposes under the organiser's
// quotas and the panel's adjustments, the public objection window (uji publik), the final
// decisions and the published results with their awards. Plain types and pure rules; no I/O.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/errors.hpp"
#include "judging/shortlist.hpp"

namespace simpul::finals {

// Where the edition stands after the evaluation.
struct Stage {
  std::string method;  // the evaluation method the nominees' scores come from
  std::int64_t nominated_at = 0;
  std::string shortlist_status;   // "", optimal, not_proven_optimal, infeasible
  std::string shortlist_problem;  // JSON of the infeasibility
  bool shortlist_stale = true;    // quotas or choices changed since the last run
  std::optional<std::int64_t> finalists_published_at;
  std::optional<std::int64_t> objection_ends_at;
  std::optional<std::int64_t> results_published_at;
  std::string results_note;
};

// The public may object from the publication of the finalists until the window closes.
bool objection_open(const Stage& stage, std::int64_t now);
// The window's end: the objection stage's end when the set-up gives one after `published`, else
// competitions::programme::kObjectionDays later (about five calendar days in 2020 and 2023).
std::int64_t objection_end(std::optional<std::int64_t> stage_end, std::int64_t published);

// The tiers of the final decision; labels under "finals.tier.<code>". "finalist" wins no tier.
inline constexpr std::string_view kTiers[] = {"top_inovasi", "replikasi", "outstanding",
                                              "finalist"};
bool is_tier(std::string_view code);
// How many of a tier the national programme names (Top 45, Top 5 Replikasi, Top 5
// Outstanding), shown next to the counts; 0 for no target, and for a hub's or an agency's
// competition, which sets its own numbers.
int tier_target(std::string_view level, std::string_view tier);

// The award an innovation receives when the results are published: its tier in the catalogue
// (innovation_awards.tier) and its title. National editions give the programme's tiers; a hub's
// or an agency's competition gives "lainnya", named after the edition.
struct Award {
  std::string tier;
  std::string title;
};
Award award_for(std::string_view level, std::string_view decision_tier, int finalist_count,
                const std::string& edition_title);

// The quota form: one min and one max per value of each dimension, "min.<dimension>.<value>" and
// "max.<dimension>.<value>"; empty means no bound. Values the edition does not know are refused.
struct QuotaField {
  judging::QuotaDimension dimension;
  std::string value;
};
std::string_view dimension_code(judging::QuotaDimension dimension);
std::optional<judging::QuotaDimension> parse_dimension(std::string_view code);
struct ParsedQuotas {
  std::vector<judging::Quota> quotas;  // only those with a bound
  FieldErrors errors;                  // by field name
};
ParsedQuotas parse_quotas(const std::vector<QuotaField>& fields,
                          const std::vector<std::pair<std::string, std::string>>& form,
                          int finalist_count);

// An objection as the public types it.
struct TypedObjection {
  std::string name;
  std::string contact;  // an e-mail address or a phone number
  std::string reason;
};
inline constexpr std::size_t kMaxObjectionReason = 4000;
inline constexpr std::size_t kMinObjectionReason = 20;
// Trims the fields and reports what is wrong ("nama", "kontak", "alasan").
FieldErrors check_objection(TypedObjection& objection);
bool is_contact(std::string_view contact);

// The reason code of a nominee's explanation; labels under "finals.reason.<code>".
std::string_view reason_code(judging::NomineeReason reason);

}  // namespace simpul::finals
