#pragma once
// Who may enter which group of an edition, decided before submission and explained in plain words.
// Pure: the facts come from the caller (the proposals feature reads the innovation, its awards, its
// agency's count of proposals and the named source innovation with its own statements).
//
// Decisions, for the record:
// - The age of an innovation counts from its implementation date (tanggal penerapan) only, not
//   from a trial: the 2021 guideline counts "back from the registration close to the start of
//   implementation" (domain.md §1.4). When only a trial date is known, the reason says so.
// - It is counted in whole months up to the local date of the registration close in the edition's
//   zone, as people count anniversaries (calendar.hpp): started on 16 April 2020, an innovation
//   is exactly two years old at a close on 16 April 2022 and may enter a group asking for 2 years.
// - An award counts as earlier when its year is before the edition's year, or unknown (the award
//   history only holds what already happened).
// - Registration is open from its start (or publication, when no start is set) until the second
//   before its close: at 12.00.00 WIB of a close "pukul 12.00 WIB" it is closed. The server's
//   clock decides.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competitions/model.hpp"
#include "core/view/i18n.hpp"
#include "innovations/model.hpp"

namespace simpul::competitions {

// Award tiers (innovations::kAwardTiers) that make an earlier top winner: Khusus admits only
// them, Umum refuses them.
inline constexpr std::string_view kTopWinnerTiers[] = {"top_inovasi", "outstanding"};
// Award tiers that make an innovation a source a Replikasi entry may adapt.
inline constexpr std::string_view kReplicableTiers[] = {"top_inovasi", "top_99"};

// One argument of a reason: plain text, or a value the reader's language shapes.
struct Arg {
  enum class Kind { text, label, months, instant, date };
  std::string name;
  Kind kind = Kind::text;
  std::string text;         // the text, an i18n key (label) or YYYY-MM-DD (date)
  std::int64_t number = 0;  // months, or UTC seconds (instant)
  bool operator==(const Arg&) const = default;
};

// An i18n key ("competition.eligibility.*", "competition.rule.*") and its arguments.
struct Reason {
  std::string key;
  std::vector<Arg> args;
  bool operator==(const Reason&) const = default;
};

struct SourceInnovation {
  std::int64_t id = 0;
  std::string name;
  std::vector<innovations::Award> awards;
};

// The innovation entering, as eligibility sees it.
struct Candidate {
  std::int64_t innovation_id = 0;
  std::string implementation_date;  // YYYY-MM-DD, or empty when not known
  std::string trial_date;
  std::string agency_type;  // the proposing agency's type (agencies::kTypes); empty: unknown
  std::vector<innovations::Award> awards;
  std::int64_t agency_entries_in_group = 0;  // the agency's other proposals in the group now
  bool duplicate_title = false;              // the edition has a proposal with its title_key
  std::optional<SourceInnovation> source;    // Replikasi: the innovation it adapts
};

// The edition's side of the rules.
struct Deadline {
  int edition_year = 0;
  std::optional<std::int64_t> registration_close;  // UTC seconds
  view::Zone zone = view::Zone::wib;
};

// Every reason the candidate may not enter a group with these rules; empty when it may.
std::vector<Reason> check_group_rules(const GroupRules& group, const Candidate& candidate,
                                      const Deadline& deadline);
// The same for a group of an edition, first checking that the edition offers the group and
// admits the agency's cluster.
std::vector<Reason> check_eligibility(const Setup& setup, std::string_view group_code,
                                      const Candidate& candidate);

// Whether proposals can be submitted or changed at `now` (UTC seconds): published, and within
// the registration stage.
bool registration_open(const Edition& edition, std::int64_t now);

// The group's rules in plain words, one sentence each, for the edition's public page.
std::vector<Reason> describe_rules(const GroupRules& group, const Deadline& deadline);

// The reason as a sentence in lang: months as "1 tahun 3 bulan", instants and dates in the
// edition's zone ("16 April 2022 pukul 12.00 WIB"), labels translated.
std::string explain(const Reason& reason, const view::Catalog& catalog, view::Lang lang,
                    view::Zone zone);
std::string duration_text(int months, const view::Catalog& catalog, view::Lang lang);

}  // namespace simpul::competitions
