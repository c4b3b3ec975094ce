#include "competitions/store.hpp"

namespace simpul::competitions {
namespace {

db::Value flag(bool value) { return std::int64_t{value ? 1 : 0}; }
db::Value number(std::size_t value) { return static_cast<std::int64_t>(value); }
std::optional<int> optional_int(const db::Result::Row& row, std::size_t column) {
  auto value = row.optional_integer(column);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

// Deletes the rows of an edition (of one rubric kind) whose code is not among codes.
void delete_other_codes(db::Transaction& tx, const std::string& table, std::int64_t id,
                        const std::vector<std::string>& codes, const std::string& kind = "") {
  std::string sql = "DELETE FROM " + table + " WHERE edition_id = $1";
  db::Params params{id};
  if (!kind.empty()) {
    params.push_back(kind);
    sql += " AND kind = $2";
  }
  if (!codes.empty()) {
    sql += " AND code NOT IN (";
    for (std::size_t i = 0; i < codes.size(); ++i) {
      params.push_back(codes[i]);
      sql += (i ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  tx.execute(sql, params);
}

template <class Row>
std::vector<std::string> codes_of(const std::vector<Row>& rows) {
  std::vector<std::string> codes;
  for (const Row& row : rows) codes.push_back(row.code);
  return codes;
}

void write_general(db::Transaction& tx, std::int64_t id, const General& g) {
  tx.execute(
      "UPDATE competition_editions SET year = $2, title = $3, theme = $4, timezone = $5, "
      "evaluators_per_proposal = $6, passing_grade = $7, finalist_count = $8, blind_review = $9, "
      "source_note = $10, certificate_signatory = $11, certificate_signatory_title = $12 "
      "WHERE id = $1",
      {id, std::int64_t{g.year}, g.title, g.theme, std::string(view::zone_name(g.zone)),
       db::optional_integer(g.evaluators_per_proposal), db::optional_integer(g.passing_grade),
       db::optional_integer(g.finalist_count), flag(g.blind_review), g.source_note,
       g.certificate_signatory, g.certificate_signatory_title});
}

void write_stages(db::Transaction& tx, std::int64_t id, const std::vector<Stage>& stages) {
  for (const Stage& stage : stages) {
    tx.execute(
        "UPDATE competition_stages SET starts_at = $3, ends_at = $4 "
        "WHERE edition_id = $1 AND code = $2",
        {id, stage.code, db::optional_integer(stage.starts_at),
         db::optional_integer(stage.ends_at)});
  }
}

void write_groups(db::Transaction& tx, std::int64_t id, const std::vector<GroupRules>& groups) {
  for (const GroupRules& g : groups) {
    tx.execute(
        "UPDATE competition_groups SET enabled = $3, min_age_months = $4, max_per_agency = $5, "
        "requires_top_award = $6, excludes_top_award = $7, requires_source_innovation = $8 "
        "WHERE edition_id = $1 AND code = $2",
        {id, g.code, flag(g.enabled), db::optional_integer(g.min_age_months),
         db::optional_integer(g.max_per_agency), flag(g.requires_top_award),
         flag(g.excludes_top_award), flag(g.requires_source_innovation)});
  }
}

void write_categories(db::Transaction& tx, std::int64_t id, const Setup& setup) {
  delete_other_codes(tx, "competition_categories", id, codes_of(setup.categories));
  for (std::size_t i = 0; i < setup.categories.size(); ++i) {
    const Category& c = setup.categories[i];
    tx.execute(
        "INSERT INTO competition_categories (edition_id, code, name, position) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (edition_id, code) DO UPDATE SET "
        "name = excluded.name, position = excluded.position",
        {id, c.code, c.name, number(i)});
  }
  tx.execute("DELETE FROM competition_clusters WHERE edition_id = $1", {id});
  for (const std::string& code : setup.clusters) {
    tx.execute("INSERT INTO competition_clusters (edition_id, code) VALUES ($1, $2)", {id, code});
  }
}

void write_sections(db::Transaction& tx, std::int64_t id, const std::vector<FormSection>& rows) {
  delete_other_codes(tx, "competition_form_sections", id, codes_of(rows));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const FormSection& s = rows[i];
    tx.execute(
        "INSERT INTO competition_form_sections (edition_id, code, title, guidance, max_words, "
        "position) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (edition_id, code) DO UPDATE SET "
        "title = excluded.title, guidance = excluded.guidance, max_words = excluded.max_words, "
        "position = excluded.position",
        {id, s.code, s.title, s.guidance, db::optional_integer(s.max_words), number(i)});
  }
}

void write_attachments(db::Transaction& tx, std::int64_t id,
                       const std::vector<RequiredAttachment>& rows) {
  delete_other_codes(tx, "competition_attachments", id, codes_of(rows));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RequiredAttachment& a = rows[i];
    tx.execute(
        "INSERT INTO competition_attachments (edition_id, code, title, kind, required, "
        "max_video_seconds, position) VALUES ($1, $2, $3, $4, $5, $6, $7) "
        "ON CONFLICT (edition_id, code) DO UPDATE SET title = excluded.title, "
        "kind = excluded.kind, required = excluded.required, "
        "max_video_seconds = excluded.max_video_seconds, position = excluded.position",
        {id, a.code, a.title, a.kind, flag(a.required), db::optional_integer(a.max_video_seconds),
         number(i)});
  }
}

void write_rubric(db::Transaction& tx, std::int64_t id, const std::string& kind,
                  const std::vector<RubricAspect>& rows) {
  delete_other_codes(tx, "competition_rubric_aspects", id, codes_of(rows), kind);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RubricAspect& a = rows[i];
    tx.execute(
        "INSERT INTO competition_rubric_aspects (edition_id, kind, code, title, weight, "
        "scale_min, scale_max, guidance, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "ON CONFLICT (edition_id, kind, code) DO UPDATE SET title = excluded.title, "
        "weight = excluded.weight, scale_min = excluded.scale_min, "
        "scale_max = excluded.scale_max, guidance = excluded.guidance, "
        "position = excluded.position",
        {id, kind, a.code, a.title, std::int64_t{a.weight}, std::int64_t{a.scale_min},
         std::int64_t{a.scale_max}, a.guidance, number(i)});
  }
}

General general_from_row(const db::Result::Row& row) {
  General g;
  g.year = static_cast<int>(row.integer(1));
  g.title = row.text(2);
  g.theme = row.text(3);
  g.level = parse_level(row.text(4)).value_or(Level::national);
  g.owner_agency_id = row.optional_integer(5);
  g.zone = view::parse_zone(row.text(6)).value_or(view::Zone::wib);
  g.evaluators_per_proposal = optional_int(row, 7);
  g.passing_grade = optional_int(row, 8);
  g.finalist_count = optional_int(row, 9);
  g.blind_review = row.integer(10) != 0;
  g.source_note = row.text(11);
  g.certificate_signatory = row.text(18);
  g.certificate_signatory_title = row.text(19);
  return g;
}

void read_stages(db::Transaction& tx, Edition& edition) {
  std::vector<Stage> stages;
  for (auto row :
       tx.query("SELECT code, starts_at, ends_at FROM competition_stages WHERE edition_id = $1",
                {edition.id})) {
    stages.push_back({row.text(0), row.optional_integer(1), row.optional_integer(2)});
  }
  // The stored rows in the order the stages happen.
  for (Stage& stage : edition.setup.stages) {
    for (const Stage& stored : stages) {
      if (stored.code == stage.code) stage = stored;
    }
  }
}

void read_groups(db::Transaction& tx, Edition& edition) {
  for (auto row :
       tx.query("SELECT code, enabled, min_age_months, max_per_agency, requires_top_award, "
                "excludes_top_award, requires_source_innovation FROM competition_groups "
                "WHERE edition_id = $1",
                {edition.id})) {
    for (GroupRules& group : edition.setup.groups) {
      if (group.code != row.text(0)) continue;
      group = {row.text(0),         row.integer(1) != 0, optional_int(row, 2), optional_int(row, 3),
               row.integer(4) != 0, row.integer(5) != 0, row.integer(6) != 0};
    }
  }
}

void read_lists(db::Transaction& tx, Edition& edition) {
  Setup& s = edition.setup;
  const db::Params id{edition.id};
  for (auto row : tx.query("SELECT code, name FROM competition_categories WHERE edition_id = $1 "
                           "ORDER BY position",
                           id)) {
    s.categories.push_back({row.text(0), row.text(1)});
  }
  for (auto row : tx.query("SELECT code FROM competition_clusters WHERE edition_id = $1", id)) {
    s.clusters.push_back(row.text(0));
  }
  std::vector<std::string> ordered;  // kClusterCodes order
  for (std::string_view code : kClusterCodes) {
    for (const auto& stored : s.clusters) {
      if (stored == code) ordered.push_back(stored);
    }
  }
  s.clusters = std::move(ordered);
  for (auto row : tx.query("SELECT code, title, guidance, max_words FROM "
                           "competition_form_sections WHERE edition_id = $1 ORDER BY position",
                           id)) {
    s.sections.push_back({row.text(0), row.text(1), row.text(2), optional_int(row, 3)});
  }
  for (auto row : tx.query("SELECT code, title, kind, required, max_video_seconds FROM "
                           "competition_attachments WHERE edition_id = $1 ORDER BY position",
                           id)) {
    s.attachments.push_back(
        {row.text(0), row.text(1), row.text(2), row.integer(3) != 0, optional_int(row, 4)});
  }
  for (auto row : tx.query("SELECT kind, code, title, weight, scale_min, scale_max, guidance "
                           "FROM competition_rubric_aspects WHERE edition_id = $1 "
                           "ORDER BY kind, position",
                           id)) {
    RubricAspect aspect{row.text(1),
                        row.text(2),
                        static_cast<int>(row.integer(3)),
                        static_cast<int>(row.integer(4)),
                        static_cast<int>(row.integer(5)),
                        row.text(6)};
    (row.text(0) == "interview" ? s.interview : s.rubric).push_back(std::move(aspect));
  }
}

void read_extensions(db::Transaction& tx, Edition& edition) {
  for (auto row : tx.query("SELECT stage, old_ends_at, new_ends_at, reason, by_name, at "
                           "FROM competition_extensions WHERE edition_id = $1 ORDER BY at, id",
                           {edition.id})) {
    edition.extensions.push_back(
        {row.text(0), row.integer(1), row.integer(2), row.text(3), row.text(4), row.integer(5)});
  }
}

constexpr const char* kListSelect =
    "SELECT e.id, e.year, e.title, e.level, COALESCE(a.name, ''), e.status, e.timezone, "
    "s.starts_at, s.ends_at FROM competition_editions e "
    "LEFT JOIN agencies a ON a.id = e.owner_agency_id "
    "LEFT JOIN competition_stages s ON s.edition_id = e.id AND s.code = 'registration' ";

std::vector<ListedEdition> listed(const db::Result& rows) {
  std::vector<ListedEdition> out;
  for (auto row : rows) {
    out.push_back({row.integer(0), static_cast<int>(row.integer(1)), row.text(2),
                   parse_level(row.text(3)).value_or(Level::national), row.text(4),
                   parse_status(row.text(5)).value_or(Status::draft),
                   view::parse_zone(row.text(6)).value_or(view::Zone::wib), row.optional_integer(7),
                   row.optional_integer(8)});
  }
  return out;
}

}  // namespace

std::int64_t insert_edition(db::Transaction& tx, const NewEdition& edition) {
  const General& g = edition.setup.general;
  auto id = tx.scalar(
      "INSERT INTO competition_editions (year, title, level, owner_agency_id, timezone, status, "
      "copied_from, created_by, created_at, updated_by, updated_at, published_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9, $10) RETURNING id",
      {std::int64_t{g.year}, g.title, std::string(level_code(g.level)),
       db::optional_integer(g.owner_agency_id), std::string(view::zone_name(g.zone)),
       std::string(status_code(edition.status)), db::optional_integer(edition.copied_from),
       db::optional_integer(edition.created_by), edition.now,
       edition.status == Status::published ? db::Value{edition.now} : db::Value{nullptr}});
  for (std::string_view code : kStageCodes) {
    tx.execute("INSERT INTO competition_stages (edition_id, code) VALUES ($1, $2)",
               {id, std::string(code)});
  }
  for (std::string_view code : kGroupCodes) {
    tx.execute("INSERT INTO competition_groups (edition_id, code) VALUES ($1, $2)",
               {id, std::string(code)});
  }
  for (Part part : kParts) write_part(tx, id, edition.setup, part);
  return id;
}

std::optional<Edition> find_edition(db::Transaction& tx, std::int64_t id) {
  return tx.first(
      "SELECT e.id, e.year, e.title, e.theme, e.level, e.owner_agency_id, e.timezone, "
      "e.evaluators_per_proposal, e.passing_grade, e.finalist_count, e.blind_review, "
      "e.source_note, e.status, e.version, e.copied_from, e.created_at, e.published_at, "
      "COALESCE(a.name, ''), e.certificate_signatory, e.certificate_signatory_title "
      "FROM competition_editions e "
      "LEFT JOIN agencies a ON a.id = e.owner_agency_id WHERE e.id = $1",
      {id}, [&](const db::Result::Row& row) {
        Edition edition;
        edition.id = row.integer(0);
        edition.setup = new_setup(general_from_row(row));
        edition.status = parse_status(row.text(12)).value_or(Status::draft);
        edition.version = row.integer(13);
        edition.copied_from = row.optional_integer(14);
        edition.created_at = row.integer(15);
        edition.published_at = row.optional_integer(16);
        edition.owner_name = row.text(17);
        read_stages(tx, edition);
        read_groups(tx, edition);
        read_lists(tx, edition);
        read_extensions(tx, edition);
        return edition;
      });
}

bool advance_version(db::Transaction& tx, std::int64_t id, std::int64_t based_on,
                     std::optional<std::int64_t> user_id, std::int64_t now) {
  return tx.execute(
             "UPDATE competition_editions SET version = version + 1, updated_by = $3, "
             "updated_at = $4 WHERE id = $1 AND version = $2",
             {id, based_on, db::optional_integer(user_id), now}) == 1;
}

void write_part(db::Transaction& tx, std::int64_t id, const Setup& setup, Part part) {
  switch (part) {
    case Part::general:
      return write_general(tx, id, setup.general);
    case Part::stages:
      return write_stages(tx, id, setup.stages);
    case Part::groups:
      return write_groups(tx, id, setup.groups);
    case Part::categories:
      return write_categories(tx, id, setup);
    case Part::form:
      return write_sections(tx, id, setup.sections);
    case Part::attachments:
      return write_attachments(tx, id, setup.attachments);
    case Part::rubric:
      return write_rubric(tx, id, "evaluation", setup.rubric);
    case Part::interview:
      return write_rubric(tx, id, "interview", setup.interview);
  }
}

void mark_published(db::Transaction& tx, std::int64_t id, std::int64_t now) {
  tx.execute(
      "UPDATE competition_editions SET status = 'published', published_at = $2 WHERE id = $1",
      {id, now});
}

void set_stage_end(db::Transaction& tx, std::int64_t id, const std::string& stage,
                   std::int64_t ends_at) {
  tx.execute("UPDATE competition_stages SET ends_at = $3 WHERE edition_id = $1 AND code = $2",
             {id, stage, ends_at});
}

void insert_extension(db::Transaction& tx, std::int64_t id, const Extension& extension,
                      std::optional<std::int64_t> user_id) {
  tx.execute(
      "INSERT INTO competition_extensions (edition_id, stage, old_ends_at, new_ends_at, reason, "
      "by_user, by_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {id, extension.stage, extension.old_ends_at, extension.new_ends_at, extension.reason,
       db::optional_integer(user_id), extension.by_name, extension.at});
}

std::optional<std::int64_t> edition_of_year(db::Transaction& tx, Level level,
                                            const std::optional<std::int64_t>& owner, int year) {
  return tx.first(
      "SELECT id FROM competition_editions WHERE level = $1 "
      "AND COALESCE(owner_agency_id, 0) = $2 AND year = $3",
      {std::string(level_code(level)), owner.value_or(0), std::int64_t{year}},
      [](const db::Result::Row& row) { return row.integer(0); });
}

std::vector<ListedEdition> published_editions(db::Transaction& tx) {
  return listed(
      tx.query(std::string(kListSelect) +
               "WHERE e.status = 'published' ORDER BY e.year DESC, e.level, e.title, e.id"));
}

std::vector<ListedEdition> editions_of(db::Transaction& tx, Level level,
                                       const std::optional<std::int64_t>& owner) {
  return listed(tx.query(std::string(kListSelect) +
                             "WHERE e.level = $1 AND COALESCE(e.owner_agency_id, 0) = $2 "
                             "ORDER BY e.year DESC, e.title, e.id",
                         {std::string(level_code(level)), owner.value_or(0)}));
}

std::optional<AgencyFacts> find_agency(db::Transaction& tx, std::int64_t id) {
  return tx.first("SELECT id, name, type FROM agencies WHERE id = $1", {id},
                  [&](const db::Result::Row& row) {
                    return AgencyFacts{row.integer(0), row.text(1), row.text(2)};
                  });
}

void lock_edition(db::Transaction& tx, std::int64_t id) {
  tx.execute("UPDATE competition_editions SET version = version WHERE id = $1", {id});
}

std::optional<std::int64_t> agency_named(db::Transaction& tx, const std::string& name) {
  return tx.first("SELECT id FROM agencies WHERE name = $1", {name},
                  [](const db::Result::Row& row) { return row.integer(0); });
}

}  // namespace simpul::competitions
