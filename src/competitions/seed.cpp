#include "competitions/seed.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "competitions/calendar.hpp"
#include "competitions/service.hpp"
#include "competitions/store.hpp"
#include "core/util/clock.hpp"
#include "kernel/context.hpp"

namespace simpul::competitions {
namespace {

using nlohmann::json;

const kernel::Actor kSeeder{std::nullopt, "system:seed", "", ""};

std::optional<int> optional_int(const json& object, const char* key) {
  if (!object.contains(key) || object[key].is_null()) return std::nullopt;
  return object[key].get<int>();
}

// A date or date-time typed in the edition's zone; a date alone is the day's start or end.
std::optional<std::int64_t> instant(const json& object, const char* key, view::Zone zone,
                                    bool end_of_day) {
  if (!object.contains(key) || object[key].is_null()) return std::nullopt;
  auto text = object[key].get<std::string>();
  auto parsed = parse_local_datetime(text, zone, end_of_day);
  if (!parsed) throw std::runtime_error("not a date: " + text);
  return parsed;
}

// An example edition runs now, whenever the demo is started: its "open_days" give the registration
// as days from today, the year is this year, and "owner" names the owning agency.
bool runs_now(const json& entry) { return entry.contains("open_days"); }

// A past example edition gives each stage as "days": [first, last] from today (negative: before),
// so it is always over by the same margin; its year is the year its registration opened.
std::optional<int> relative_year(const json& entry, view::Zone zone, std::int64_t now) {
  const json stages = entry.value("stages", json::object());
  if (!stages.contains("registration") || !stages["registration"].contains("days"))
    return std::nullopt;
  return local_date(now + stages["registration"]["days"].at(0).get<int>() * 86400, zone).year;
}

General general_of(const json& entry, std::int64_t now) {
  General g;
  g.zone = view::parse_zone(entry.value("timezone", "WIB")).value();
  auto past_year = relative_year(entry, g.zone, now);
  g.year = runs_now(entry) ? local_date(now, g.zone).year
           : past_year     ? *past_year
                           : entry.at("year").get<int>();
  g.title = entry.at("title").get<std::string>();
  g.theme = entry.value("theme", "");
  g.level = parse_level(entry.value("level", "national")).value();
  g.evaluators_per_proposal = optional_int(entry, "evaluators_per_proposal");
  g.passing_grade = optional_int(entry, "passing_grade");
  g.finalist_count = optional_int(entry, "finalist_count");
  g.blind_review = entry.value("blind_review", false);
  g.source_note = entry.value("source_note", "");
  g.certificate_signatory = entry.value("certificate_signatory", "");
  g.certificate_signatory_title = entry.value("certificate_signatory_title", "");
  return g;
}

void read_stages(const json& entry, Setup& setup, std::int64_t now) {
  if (runs_now(entry)) {
    const json& days = entry.at("open_days");
    Stage& registration = setup.stages.front();
    const view::Zone zone = setup.general.zone;
    registration.starts_at =
        instant_of(local_date(now + days.at(0).get<int>() * 86400, zone), 8 * 60, zone);
    registration.ends_at =
        instant_of(local_date(now + days.at(1).get<int>() * 86400, zone), kLastMinuteOfDay, zone);
  }
  const json stages = entry.value("stages", json::object());
  for (Stage& stage : setup.stages) {
    if (!stages.contains(stage.code)) continue;
    const json& dates = stages[stage.code];
    const view::Zone zone = setup.general.zone;
    if (dates.contains("days")) {
      const json& days = dates["days"];
      stage.starts_at =
          instant_of(local_date(now + days.at(0).get<int>() * 86400, zone), 8 * 60, zone);
      stage.ends_at =
          instant_of(local_date(now + days.at(1).get<int>() * 86400, zone), kLastMinuteOfDay, zone);
      continue;
    }
    stage.starts_at = instant(dates, "starts", zone, false);
    stage.ends_at = instant(dates, "ends", zone, true);
  }
}

// A group listed is enabled, with the rules it gives.
void read_groups(const json& entry, Setup& setup) {
  const json groups = entry.value("groups", json::object());
  for (GroupRules& group : setup.groups) {
    if (!groups.contains(group.code)) continue;
    const json& rules = groups[group.code];
    group.enabled = true;
    group.min_age_months = optional_int(rules, "min_age_months");
    group.max_per_agency = optional_int(rules, "max_per_agency");
    group.requires_top_award = rules.value("requires_top_award", false);
    group.excludes_top_award = rules.value("excludes_top_award", false);
    group.requires_source_innovation = rules.value("requires_source_innovation", false);
  }
}

std::vector<RubricAspect> aspects_of(const json& list) {
  std::vector<RubricAspect> aspects;
  for (const json& a : list) {
    aspects.push_back({a.value("code", ""), a.at("title").get<std::string>(),
                       a.at("weight").get<int>(), a.at("scale_min").get<int>(),
                       a.at("scale_max").get<int>(), a.value("guidance", "")});
  }
  return aspects;
}

void read_lists(const json& entry, Setup& setup) {
  for (const json& c : entry.value("categories", json::array())) {
    setup.categories.push_back({c.value("code", ""), c.at("name").get<std::string>()});
  }
  setup.clusters = entry.value("clusters", std::vector<std::string>{});
  for (const json& s : entry.value("sections", json::array())) {
    setup.sections.push_back({s.value("code", ""), s.at("title").get<std::string>(),
                              s.value("guidance", ""), optional_int(s, "max_words")});
  }
  for (const json& a : entry.value("attachments", json::array())) {
    setup.attachments.push_back({a.value("code", ""), a.at("title").get<std::string>(),
                                 a.value("kind", "file"), a.value("required", true),
                                 optional_int(a, "max_video_seconds")});
  }
  setup.rubric = aspects_of(entry.value("rubric", json::array()));
  setup.interview = aspects_of(entry.value("interview_rubric", json::array()));
}

// Recorded now: the sources give the old and new deadline, not when the letter was signed.
std::vector<Extension> extensions_of(const json& entry, view::Zone zone, std::int64_t now) {
  std::vector<Extension> extensions;
  for (const json& e : entry.value("extensions", json::array())) {
    auto from = instant(e, "from", zone, true), to = instant(e, "to", zone, true);
    if (!from || !to) throw std::runtime_error("an extension needs from and to");
    extensions.push_back({e.at("stage").get<std::string>(), *from, *to,
                          e.at("reason").get<std::string>(), kSeeder.name, now});
  }
  return extensions;
}

json read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

}  // namespace

int seed_demo_editions(db::Database& database, const std::string& home) {
  const json samples = read_file(home + "/samples/competitions.json");
  int added = 0;
  for (const json& entry : samples.at("editions")) {
    std::string name = entry.value("title", "?");
    try {
      auto now = now_seconds();
      Setup setup = new_setup(general_of(entry, now));
      read_stages(entry, setup, now);
      read_groups(entry, setup);
      read_lists(entry, setup);
      auto extensions = extensions_of(entry, setup.general.zone, now);
      database.write([&](db::Transaction& tx) {
        General& g = setup.general;
        if (entry.contains("owner")) {
          g.owner_agency_id = agency_named(tx, entry.at("owner").get<std::string>());
          if (!g.owner_agency_id) return;  // the regions were not loaded
        }
        if (edition_of_year(tx, g.level, g.owner_agency_id, g.year)) return;
        insert_published(tx, kSeeder, setup, extensions, now);
        ++added;
      });
    } catch (const std::exception& error) {
      throw std::runtime_error("samples/competitions.json, " + name + ": " + error.what());
    }
  }
  return added;
}

}  // namespace simpul::competitions
