#include "competitions/eligibility.hpp"

#include <algorithm>

#include "competitions/calendar.hpp"

namespace simpul::competitions {
namespace {

Arg text(std::string name, std::string value) {
  return {std::move(name), Arg::Kind::text, std::move(value)};
}
Arg message_arg(std::string name, std::string key) {
  return {std::move(name), Arg::Kind::label, std::move(key)};
}
Arg months(std::string name, int count) { return {std::move(name), Arg::Kind::months, "", count}; }
Arg instant(std::string name, std::int64_t utc) {
  return {std::move(name), Arg::Kind::instant, "", utc};
}
Arg date(std::string name, std::string iso) {
  return {std::move(name), Arg::Kind::date, std::move(iso)};
}
Arg group_label(const GroupRules& group) {
  return message_arg("group", "competition.group." + group.code);
}

bool earlier(const innovations::Award& award, int edition_year) {
  return !award.year || *award.year < edition_year;
}

// The first earlier award of one of the tiers, if any.
const innovations::Award* earlier_award(const std::vector<innovations::Award>& awards,
                                        const auto& tiers, int edition_year) {
  for (const auto& award : awards) {
    bool tier_fits = std::find(std::begin(tiers), std::end(tiers), award.tier) != std::end(tiers);
    if (tier_fits && earlier(award, edition_year)) return &award;
  }
  return nullptr;
}

void check_age(std::vector<Reason>& reasons, const GroupRules& group, const Candidate& candidate,
               const Deadline& deadline) {
  if (!group.min_age_months || !deadline.registration_close) return;
  const int required = *group.min_age_months;
  const std::int64_t close = *deadline.registration_close;
  auto started = parse_date(candidate.implementation_date);
  if (!started) {
    bool trial_only = parse_date(candidate.trial_date).has_value();
    reasons.push_back({trial_only ? "competition.eligibility.trial_only"
                                  : "competition.eligibility.no_implementation_date",
                       {group_label(group), months("min", required)}});
    return;
  }
  const int age = whole_months_between(*started, local_date(close, deadline.zone));
  if (age < 0) {
    reasons.push_back({"competition.eligibility.not_yet_implemented",
                       {date("date", candidate.implementation_date), instant("close", close)}});
  } else if (age < required) {
    reasons.push_back(
        {"competition.eligibility.too_young",
         {months("age", age), group_label(group), months("min", required), instant("close", close),
          date("latest", iso_date(latest_start(local_date(close, deadline.zone), required)))}});
  }
}

void check_awards(std::vector<Reason>& reasons, const GroupRules& group, const Candidate& candidate,
                  const Deadline& deadline) {
  const auto* top = earlier_award(candidate.awards, kTopWinnerTiers, deadline.edition_year);
  if (group.requires_top_award && !top) {
    reasons.push_back({"competition.eligibility.needs_top_award", {group_label(group)}});
  }
  if (group.excludes_top_award && top) {
    reasons.push_back(
        {"competition.eligibility.has_top_award", {group_label(group), text("award", top->title)}});
  }
  // The 2021 definition of Umum also closes it to an innovation twice in the Top 99 before.
  int finalist_times = 0;
  for (const auto& award : candidate.awards)
    finalist_times += award.tier == "top_99" && earlier(award, deadline.edition_year);
  if (group.excludes_top_award && finalist_times >= 2) {
    reasons.push_back({"competition.eligibility.twice_top_99",
                       {group_label(group), text("n", std::to_string(finalist_times))}});
  }
}

void check_source(std::vector<Reason>& reasons, const GroupRules& group, const Candidate& candidate,
                  const Deadline& deadline) {
  if (!group.requires_source_innovation) return;
  if (!candidate.source) {
    reasons.push_back({"competition.eligibility.needs_source", {group_label(group)}});
  } else if (candidate.innovation_id != 0 && candidate.source->id == candidate.innovation_id) {
    reasons.push_back({"competition.eligibility.source_is_self", {}});
  } else if (!earlier_award(candidate.source->awards, kReplicableTiers, deadline.edition_year)) {
    reasons.push_back(
        {"competition.eligibility.source_not_top", {text("source", candidate.source->name)}});
  }
}

}  // namespace

std::vector<Reason> check_group_rules(const GroupRules& group, const Candidate& candidate,
                                      const Deadline& deadline) {
  std::vector<Reason> reasons;
  check_age(reasons, group, candidate, deadline);
  check_awards(reasons, group, candidate, deadline);
  check_source(reasons, group, candidate, deadline);
  if (group.max_per_agency && candidate.agency_entries_in_group >= *group.max_per_agency) {
    reasons.push_back(
        {"competition.eligibility.cap_reached",
         {group_label(group), text("count", std::to_string(candidate.agency_entries_in_group)),
          text("max", std::to_string(*group.max_per_agency))}});
  }
  if (candidate.duplicate_title) reasons.push_back({"competition.eligibility.duplicate_title", {}});
  return reasons;
}

std::vector<Reason> check_eligibility(const Setup& setup, std::string_view group_code,
                                      const Candidate& candidate) {
  const GroupRules* group = find_group(setup, group_code);
  if (!group || !group->enabled) {
    return {{"competition.eligibility.group_not_offered",
             {message_arg("group", "competition.group." + std::string(group_code))}}};
  }
  std::vector<Reason> reasons;
  std::string_view cluster = cluster_of(candidate.agency_type);
  if (!cluster.empty() && !admits_cluster(setup, cluster)) {
    reasons.push_back({"competition.eligibility.cluster",
                       {message_arg("cluster", "competition.cluster." + std::string(cluster))}});
  }
  Deadline deadline{setup.general.year, registration_close(setup), setup.general.zone};
  auto rules = check_group_rules(*group, candidate, deadline);
  reasons.insert(reasons.end(), rules.begin(), rules.end());
  return reasons;
}

bool registration_open(const Edition& edition, std::int64_t now) {
  if (edition.status != Status::published) return false;
  const Stage* registration = find_stage(edition.setup, kRegistration);
  if (!registration || !registration->ends_at) return false;
  bool started = !registration->starts_at || *registration->starts_at <= now;
  return started && now < *registration->ends_at;
}

std::vector<Reason> describe_rules(const GroupRules& group, const Deadline& deadline) {
  std::vector<Reason> rules;
  if (group.min_age_months) {
    const int required = *group.min_age_months;
    if (!deadline.registration_close) {
      rules.push_back({"competition.rule.min_age", {months("min", required)}});
    } else if (required == 0) {
      rules.push_back(
          {"competition.rule.implemented", {instant("close", *deadline.registration_close)}});
    } else {
      LocalDate close = local_date(*deadline.registration_close, deadline.zone);
      rules.push_back({"competition.rule.min_age_by",
                       {months("min", required), instant("close", *deadline.registration_close),
                        date("latest", iso_date(latest_start(close, required)))}});
    }
  }
  if (group.max_per_agency) {
    rules.push_back(
        {"competition.rule.max_per_agency", {text("max", std::to_string(*group.max_per_agency))}});
  }
  if (group.requires_top_award) rules.push_back({"competition.rule.requires_top_award", {}});
  if (group.excludes_top_award) rules.push_back({"competition.rule.excludes_top_award", {}});
  if (group.requires_source_innovation) rules.push_back({"competition.rule.requires_source", {}});
  if (rules.empty()) rules.push_back({"competition.rule.none", {}});
  return rules;
}

std::string duration_text(int months, const view::Catalog& catalog, view::Lang lang) {
  const int years = months / 12, rest = months % 12;
  std::string out;
  if (years > 0) {
    out =
        catalog.text(lang, years == 1 ? "competition.duration.year" : "competition.duration.years",
                     {{"n", std::to_string(years)}});
  }
  if (rest > 0) {
    if (!out.empty()) out += ' ';
    out +=
        catalog.text(lang, rest == 1 ? "competition.duration.month" : "competition.duration.months",
                     {{"n", std::to_string(rest)}});
  }
  return out.empty() ? catalog.text(lang, "competition.duration.none") : out;
}

std::string explain(const Reason& reason, const view::Catalog& catalog, view::Lang lang,
                    view::Zone zone) {
  MessageArgs args;
  for (const Arg& arg : reason.args) {
    std::string value;
    switch (arg.kind) {
      case Arg::Kind::text:
        value = arg.text;
        break;
      case Arg::Kind::label:
        value = catalog.text(lang, arg.text);
        break;
      case Arg::Kind::months:
        value = duration_text(static_cast<int>(arg.number), catalog, lang);
        break;
      case Arg::Kind::instant:
        value = view::format_datetime(arg.number, zone, lang);
        break;
      case Arg::Kind::date:
        if (auto parsed = parse_date(arg.text)) {
          value = view::format_date(instant_of(*parsed, 12 * 60, zone), zone, lang);
        }
        break;
    }
    args.emplace_back(arg.name, std::move(value));
  }
  return catalog.text(lang, reason.key, args);
}

}  // namespace simpul::competitions
