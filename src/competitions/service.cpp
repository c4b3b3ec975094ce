#include "competitions/service.hpp"

#include <algorithm>
#include <stdexcept>

#include "audit/audit.hpp"
#include "competitions/editions.hpp"
#include "competitions/store.hpp"
#include "core/util/clock.hpp"

namespace simpul::competitions {
namespace {

using nlohmann::json;

Edition load(db::Transaction& tx, std::int64_t id) { return found(find_edition(tx, id)); }

void require_manager(const Manager& manager, const Edition& edition) {
  const General& g = edition.setup.general;
  if (!may_manage(manager, g.level, g.owner_agency_id)) throw forbidden();
}

void require_version(const Edition& edition, std::int64_t based_on) {
  if (edition.version != based_on) {
    throw conflict("competition.error.stale", {{"current", std::to_string(edition.version)},
                                               {"yours", std::to_string(based_on)}});
  }
}

// Moves the edition to its next version; another server may have saved between our read and
// this write.
void advance(db::Transaction& tx, const kernel::Actor& actor, const Edition& edition,
             std::int64_t now) {
  if (!advance_version(tx, edition.id, edition.version, actor.user_id, now)) {
    require_version(load(tx, edition.id), edition.version);
    throw conflict("error.conflict");
  }
}

void require_free_year(db::Transaction& tx, const General& general,
                       std::optional<std::int64_t> except) {
  auto existing = edition_of_year(tx, general.level, general.owner_agency_id, general.year);
  if (existing && existing != except) {
    throw InvalidForm({{"year", {"competition.error.year_taken", {}}}});
  }
}

// The terms proposals were made under (groups, categories, form, attachments) stay as they were
// once registration has closed; dates move by extensions, the rubrics may still be refined.
void require_open_terms(const Edition& edition, Part part, std::int64_t now) {
  if (edition.status != Status::published) return;
  bool terms = part == Part::groups || part == Part::categories || part == Part::form ||
               part == Part::attachments;
  auto close = registration_close(edition.setup);
  if (terms && close && now >= *close) throw conflict("competition.error.terms_closed");
}

// A category that proposals chose stays: the proposals keep naming it.
void require_unused_removals(db::Transaction& tx, const LaterStages& stages, std::int64_t id,
                             const Setup& before, const Setup& after) {
  std::string names;
  for (const Category& c : before.categories) {
    bool kept = std::any_of(after.categories.begin(), after.categories.end(),
                            [&](const Category& k) { return k.code == c.code; });
    if (!kept && stages.category_in_use(tx, id, c.code))
      names += (names.empty() ? "" : ", ") + c.name;
  }
  if (!names.empty()) throw conflict("competition.error.category_in_use", {{"names", names}});
}

void require_coherent_owner(db::Transaction& tx, const General& general) {
  std::optional<Owner> owner;
  if (general.owner_agency_id) {
    auto agency = find_agency(tx, *general.owner_agency_id);
    if (!agency) throw InvalidForm({{"owner", {"competition.error.owner_agency", {}}}});
    owner = Owner{agency->id, agency->type};
  }
  if (auto problem = check_owner(general.level, owner)) throw InvalidForm({{"owner", *problem}});
}

// The stored set-up with one part taken from typed.
Setup with_part(Setup stored, const Setup& typed, Part part) {
  switch (part) {
    case Part::general: {
      General general = typed.general;
      general.level = stored.general.level;  // fixed at creation: they decide who runs it
      general.owner_agency_id = stored.general.owner_agency_id;
      stored.general = std::move(general);
      break;
    }
    case Part::stages:
      stored.stages = typed.stages;
      break;
    case Part::groups:
      stored.groups = typed.groups;
      break;
    case Part::categories:
      stored.categories = typed.categories;
      stored.clusters = typed.clusters;
      break;
    case Part::form:
      stored.sections = typed.sections;
      break;
    case Part::attachments:
      stored.attachments = typed.attachments;
      break;
    case Part::rubric:
      stored.rubric = typed.rubric;
      break;
    case Part::interview:
      stored.interview = typed.interview;
      break;
  }
  return stored;
}

json record(const Edition& edition) {
  const General& g = edition.setup.general;
  return {{"year", g.year},
          {"title", g.title},
          {"level", level_code(g.level)},
          {"owner_agency_id", g.owner_agency_id ? json(*g.owner_agency_id) : json(nullptr)},
          {"status", status_code(edition.status)},
          {"version", edition.version}};
}

}  // namespace

Edition load_edition(db::Database& database, std::int64_t id) {
  return database.read([&](db::Transaction& tx) { return load(tx, id); });
}

std::int64_t create_edition(db::Database& database, const kernel::Actor& actor,
                            const Manager& manager, General general) {
  if (!may_create(manager)) throw forbidden();
  general.level = *level_run_by(manager.role);
  general.owner_agency_id = owner_for(manager);
  Setup setup = new_setup(std::move(general));
  if (auto errors = check_part(setup, Part::general); !errors.empty()) {
    throw InvalidForm(std::move(errors));
  }
  return database.write([&](db::Transaction& tx) {
    require_coherent_owner(tx, setup.general);
    require_free_year(tx, setup.general, std::nullopt);
    auto now = now_seconds();
    auto id = insert_edition(tx, {setup, Status::draft, std::nullopt, actor.user_id, now});
    audit::record(tx, actor,
                  {"competition.create", "competition", std::to_string(id), std::nullopt,
                   part_json(setup, Part::general)});
    return id;
  });
}

void save_part(db::Database& database, const kernel::Actor& actor, const Manager& manager,
               const LaterStages& stages, std::int64_t id, std::int64_t based_on_version, Part part,
               Setup typed) {
  database.write([&](db::Transaction& tx) {
    Edition edition = load(tx, id);
    require_manager(manager, edition);
    require_version(edition, based_on_version);
    Setup changed = with_part(edition.setup, typed, part);
    FieldErrors errors = check_part(changed, part);
    if (edition.status == Status::published) {
      errors.merge(check_published_change(edition.setup, changed));
    }
    if (!errors.empty()) throw InvalidForm(std::move(errors));
    if (part == Part::general) require_free_year(tx, changed.general, id);
    if (part == Part::categories) require_unused_removals(tx, stages, id, edition.setup, changed);
    require_open_terms(edition, part, now_seconds());
    // The edition's row first: a concurrent change of the same edition waits here, then fails.
    advance(tx, actor, edition, now_seconds());
    write_part(tx, id, changed, part);
    audit::record(tx, actor,
                  {"competition.update", "competition", std::to_string(id),
                   json{{"part", part_code(part)}, {"value", part_json(edition.setup, part)}},
                   json{{"part", part_code(part)}, {"value", part_json(changed, part)}}});
  });
}

void publish_edition(db::Database& database, const kernel::Actor& actor, const Manager& manager,
                     std::int64_t id, std::int64_t based_on_version) {
  database.write([&](db::Transaction& tx) {
    Edition edition = load(tx, id);
    require_manager(manager, edition);
    require_version(edition, based_on_version);
    if (edition.status == Status::published) throw conflict("competition.error.published");
    if (auto problems = publication_problems(edition.setup); !problems.empty()) {
      throw NotReady(std::move(problems));
    }
    auto now = now_seconds();
    advance(tx, actor, edition, now);
    mark_published(tx, id, now);
    json before = record(edition);
    edition.status = Status::published;
    edition.version += 1;
    audit::record(
        tx, actor,
        {"competition.publish", "competition", std::to_string(id), before, record(edition)});
  });
}

void extend_deadline(db::Database& database, const kernel::Actor& actor, const Manager& manager,
                     std::int64_t id, std::int64_t based_on_version, const std::string& stage,
                     std::optional<std::int64_t> new_ends_at, std::string reason) {
  database.write([&](db::Transaction& tx) {
    Edition edition = load(tx, id);
    require_manager(manager, edition);
    require_version(edition, based_on_version);
    if (edition.status != Status::published) throw conflict("competition.error.extend_draft");
    if (auto errors = check_extension(edition.setup, stage, new_ends_at, reason); !errors.empty()) {
      throw InvalidForm(std::move(errors));
    }
    auto now = now_seconds();
    Extension extension{
        stage, *find_stage(edition.setup, stage)->ends_at, *new_ends_at, reason, actor.name, now};
    advance(tx, actor, edition, now);
    set_stage_end(tx, id, stage, extension.new_ends_at);
    insert_extension(tx, id, extension, actor.user_id);
    audit::record(tx, actor,
                  {"competition.extend", "competition", std::to_string(id),
                   json{{"stage", stage}, {"ends_at", extension.old_ends_at}},
                   json{{"stage", stage}, {"ends_at", extension.new_ends_at}, {"reason", reason}}});
  });
}

std::int64_t copy_edition(db::Database& database, const kernel::Actor& actor,
                          const Manager& manager, std::int64_t id, int to_year) {
  if (to_year < kMinYear || to_year > kMaxYear) {
    throw InvalidForm({{"year",
                        {"competition.error.range",
                         {{"min", std::to_string(kMinYear)}, {"max", std::to_string(kMaxYear)}}}}});
  }
  return database.write([&](db::Transaction& tx) {
    Edition source = load(tx, id);
    require_manager(manager, source);
    Setup setup = copied_setup(source.setup, to_year);
    require_free_year(tx, setup.general, std::nullopt);
    // The source was valid; a copy may only break a limit through its longer title.
    if (auto errors = check_setup(setup); !errors.empty()) throw InvalidForm(std::move(errors));
    auto now = now_seconds();
    auto copy = insert_edition(tx, {setup, Status::draft, id, actor.user_id, now});
    audit::record(tx, actor,
                  {"competition.copy", "competition", std::to_string(copy),
                   json{{"copied_from", id}, {"year", source.setup.general.year}},
                   part_json(setup, Part::general)});
    return copy;
  });
}

std::int64_t insert_published(db::Transaction& tx, const kernel::Actor& actor, Setup setup,
                              const std::vector<Extension>& extensions, std::int64_t now) {
  if (auto errors = check_setup(setup); !errors.empty()) {
    throw std::invalid_argument(setup.general.title + ": " + errors.begin()->first + " " +
                                errors.begin()->second.key);
  }
  auto id = insert_edition(tx, {setup, Status::published, std::nullopt, std::nullopt, now});
  for (const Extension& extension : extensions) {
    insert_extension(tx, id, extension, std::nullopt);
  }
  audit::record(tx, actor,
                {"competition.seed", "competition", std::to_string(id), std::nullopt,
                 part_json(setup, Part::general)});
  return id;
}

}  // namespace simpul::competitions
