#include "innovations/store.hpp"

#include "core/util/crypto.hpp"

namespace simpul::innovations {
namespace {

constexpr const char* kInnovationSelect =
    "SELECT i.id, i.agency_id, i.unit_id, a.name, a.type, COALESCE(a.province_code, ''), n.name, "
    "i.status, i.version, i.name, i.short_name, i.form, i.type, i.stage, i.initiator, i.affairs, "
    "i.sdgs, i.trial_date, i.implementation_date, i.problem, i.design, i.goals, i.benefits, "
    "i.results_json, i.budget, i.video_url, i.return_note, i.is_sample, p.version "
    "FROM innovations i JOIN agencies a ON a.id = i.agency_id JOIN units n ON n.id = i.unit_id "
    "LEFT JOIN innovation_published p ON p.innovation_id = i.id ";

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

template <class Items>
std::string join_commas(const Items& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    if constexpr (std::is_same_v<typename Items::value_type, int>) {
      out += std::to_string(item);
    } else {
      out += item;
    }
  }
  return out;
}

std::vector<int> parse_sdgs(const std::string& text) {
  std::vector<int> sdgs;
  for (const auto& item : split_commas(text)) sdgs.push_back(std::stoi(item));
  return sdgs;
}

Fields fields_from_row(const db::Result::Row& row) {
  Fields fields;
  fields.name = row.text(9);
  fields.short_name = row.text(10);
  fields.form = row.text(11);
  fields.type = row.text(12);
  fields.stage = row.text(13);
  fields.initiator = row.text(14);
  fields.affairs = split_commas(row.text(15));
  fields.sdgs = parse_sdgs(row.text(16));
  fields.trial_date = row.text(17);
  fields.implementation_date = row.text(18);
  fields.problem = row.text(19);
  fields.design = row.text(20);
  fields.goals = row.text(21);
  fields.benefits = row.text(22);
  fields.results = results_from_json(nlohmann::json::parse(row.text(23), nullptr, false));
  fields.budget = row.optional_integer(24);
  fields.video_url = row.text(25);
  return fields;
}

Innovation innovation_from_row(const db::Result::Row& row) {
  Innovation innovation;
  innovation.id = row.integer(0);
  innovation.agency_id = row.integer(1);
  innovation.unit_id = row.integer(2);
  innovation.agency_name = row.text(3);
  innovation.agency_type = row.text(4);
  innovation.province_code = row.text(5);
  innovation.unit_name = row.text(6);
  innovation.status = parse_status(row.text(7)).value_or(Status::draft);
  innovation.version = row.integer(8);
  innovation.fields = fields_from_row(row);
  innovation.return_note = row.text(26);
  innovation.is_sample = row.integer(27) != 0;
  innovation.published_version = row.optional_integer(28);
  return innovation;
}

std::vector<std::string> tags_of(db::Transaction& tx, std::int64_t id) {
  std::vector<std::string> tags;
  for (auto row : tx.query(
           "SELECT tag FROM innovation_tags WHERE innovation_id = $1 ORDER BY position", {id})) {
    tags.push_back(row.text(0));
  }
  return tags;
}

void replace_tags(db::Transaction& tx, std::int64_t id, const std::vector<std::string>& tags) {
  tx.execute("DELETE FROM innovation_tags WHERE innovation_id = $1", {id});
  for (std::size_t i = 0; i < tags.size(); ++i) {
    tx.execute("INSERT INTO innovation_tags (innovation_id, position, tag) VALUES ($1, $2, $3)",
               {id, static_cast<std::int64_t>(i), tags[i]});
  }
}

std::vector<Attachment> active_files(db::Transaction& tx, std::int64_t id) {
  std::vector<Attachment> files;
  for (auto row :
       tx.query("SELECT id, original_name, content_type, size, sha256 FROM innovation_files "
                "WHERE innovation_id = $1 AND removed_at IS NULL ORDER BY id",
                {id})) {
    files.push_back({row.integer(0), row.text(1), row.text(2), row.integer(3), row.text(4)});
  }
  return files;
}

// The field columns of innovations in the order the insert and update statements bind them.
db::Params field_params(const Fields& fields) {
  return {fields.name,
          fields.short_name,
          fields.form,
          fields.type,
          fields.stage,
          fields.initiator,
          join_commas(fields.affairs),
          join_commas(fields.sdgs),
          fields.trial_date,
          fields.implementation_date,
          fields.problem,
          fields.design,
          fields.goals,
          fields.benefits,
          results_to_json(fields.results).dump(),
          db::optional_integer(fields.budget),
          fields.video_url};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string from_hex(std::string_view hex) {
  std::string bytes(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>(hex_digit(hex[2 * i]) * 16 + hex_digit(hex[2 * i + 1]));
  }
  return bytes;
}

// The statuses of a filter as two parameters; "" matches every status.
std::pair<std::string, std::string> status_params(const std::vector<Status>& statuses) {
  if (statuses.empty()) return {"", ""};
  std::string first(status_code(statuses.front()));
  return {first, statuses.size() > 1 ? std::string(status_code(statuses[1])) : first};
}

constexpr const char* kListFilter =
    "WHERE ($1 = 0 OR i.agency_id = $1) AND ($2 = 0 OR i.unit_id = $2) "
    "AND ($3 = '' OR i.status = $3 OR i.status = $4) ";

db::Params list_params(const ListFilter& filter) {
  auto [first, second] = status_params(filter.statuses);
  return {filter.agency_id.value_or(0), filter.unit_id.value_or(0), first, second};
}

}  // namespace

std::int64_t insert_innovation(db::Transaction& tx, const NewInnovation& innovation) {
  db::Params params = field_params(innovation.fields);
  for (db::Value value : {db::Value{innovation.agency_id}, db::Value{innovation.unit_id},
                          db::optional_integer(innovation.created_by), db::Value{innovation.now},
                          db::Value{std::int64_t{innovation.is_sample ? 1 : 0}}}) {
    params.push_back(std::move(value));
  }
  auto id = tx.scalar(
      "INSERT INTO innovations (name, short_name, form, type, stage, initiator, affairs, sdgs, "
      "trial_date, implementation_date, problem, design, goals, benefits, results_json, budget, "
      "video_url, agency_id, unit_id, created_by, updated_by, created_at, updated_at, is_sample, "
      "status, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
      "$16, $17, $18, $19, $20, $20, $21, $21, $22, 'draft', 1) RETURNING id",
      params);
  replace_tags(tx, id, innovation.fields.tags);
  return id;
}

std::optional<Innovation> find_innovation(db::Transaction& tx, std::int64_t id) {
  auto rows = tx.query(std::string(kInnovationSelect) + "WHERE i.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  Innovation innovation = innovation_from_row(rows.front());
  innovation.fields.tags = tags_of(tx, id);
  innovation.files = active_files(tx, id);
  return innovation;
}

bool update_working_copy(db::Transaction& tx, const WorkingCopyChange& change) {
  db::Params params = field_params(change.fields);
  for (db::Value value :
       {db::Value{std::string(status_code(change.status))}, db::optional_integer(change.user_id),
        db::Value{change.now}, db::Value{change.id}, db::Value{change.based_on_version}}) {
    params.push_back(std::move(value));
  }
  auto changed = tx.execute(
      "UPDATE innovations SET name = $1, short_name = $2, form = $3, type = $4, stage = $5, "
      "initiator = $6, affairs = $7, sdgs = $8, trial_date = $9, implementation_date = $10, "
      "problem = $11, design = $12, goals = $13, benefits = $14, results_json = $15, "
      "budget = $16, video_url = $17, status = $18, updated_by = $19, updated_at = $20, "
      "version = version + 1 WHERE id = $21 AND version = $22",
      params);
  if (changed != 1) return false;
  replace_tags(tx, change.id, change.fields.tags);
  return true;
}

bool set_status(db::Transaction& tx, std::int64_t id, std::int64_t version, Status status,
                const std::string& return_note, std::optional<std::int64_t> user_id,
                std::int64_t now) {
  return tx.execute(
             "UPDATE innovations SET status = $1, return_note = $2, updated_by = $3, "
             "updated_at = $4 WHERE id = $5 AND version = $6",
             {std::string(status_code(status)), return_note, db::optional_integer(user_id), now, id,
              version}) == 1;
}

void insert_version(db::Transaction& tx, std::int64_t innovation_id, const VersionRecord& version,
                    const nlohmann::json& snapshot) {
  tx.execute(
      "INSERT INTO innovation_versions (innovation_id, number, snapshot_json, author_id, "
      "author_name, saved_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {innovation_id, version.number, snapshot.dump(), db::optional_integer(version.author_id),
       version.author_name, version.saved_at, version.note});
}

std::vector<VersionRecord> list_versions(db::Transaction& tx, std::int64_t innovation_id) {
  std::vector<VersionRecord> versions;
  for (auto row :
       tx.query("SELECT v.number, v.author_id, COALESCE(NULLIF(u.full_name, ''), v.author_name), "
                "v.saved_at, v.note, v.published_at FROM innovation_versions v "
                "LEFT JOIN users u ON u.id = v.author_id WHERE v.innovation_id = $1 "
                "ORDER BY v.number DESC",
                {innovation_id})) {
    versions.push_back({row.integer(0), row.optional_integer(1), row.text(2), row.integer(3),
                        row.text(4), row.optional_integer(5)});
  }
  return versions;
}

std::optional<nlohmann::json> version_snapshot(db::Transaction& tx, std::int64_t innovation_id,
                                               std::int64_t number) {
  return tx.first(
      "SELECT snapshot_json FROM innovation_versions WHERE innovation_id = $1 AND number = $2",
      {innovation_id, number},
      [](const db::Result::Row& row) { return nlohmann::json::parse(row.text(0)); });
}

void mark_version_published(db::Transaction& tx, std::int64_t innovation_id, std::int64_t number,
                            std::int64_t now) {
  tx.execute(
      "UPDATE innovation_versions SET published_at = $1 WHERE innovation_id = $2 AND number = $3",
      {now, innovation_id, number});
}

void publish_row(db::Transaction& tx, const Innovation& innovation, const nlohmann::json& snapshot,
                 std::int64_t now) {
  const Fields& fields = innovation.fields;
  auto year = innovation_year(fields);
  db::Value province =
      innovation.province_code.empty() ? db::Value{nullptr} : db::Value{innovation.province_code};
  tx.execute(
      "INSERT INTO innovation_published (innovation_id, version, snapshot_json, name, agency_id, "
      "unit_id, province_code, agency_type, form, type, stage, initiator, year, sdg_mask, "
      "affair_mask, budget, is_sample, first_published_at, published_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) "
      "ON CONFLICT (innovation_id) DO UPDATE SET version = excluded.version, "
      "snapshot_json = excluded.snapshot_json, name = excluded.name, "
      "agency_id = excluded.agency_id, unit_id = excluded.unit_id, "
      "province_code = excluded.province_code, agency_type = excluded.agency_type, "
      "form = excluded.form, type = excluded.type, stage = excluded.stage, "
      "initiator = excluded.initiator, year = excluded.year, sdg_mask = excluded.sdg_mask, "
      "affair_mask = excluded.affair_mask, budget = excluded.budget, "
      "is_sample = excluded.is_sample, published_at = excluded.published_at",
      {innovation.id, innovation.version, snapshot.dump(), fields.name, innovation.agency_id,
       innovation.unit_id, province, innovation.agency_type, fields.form, fields.type, fields.stage,
       fields.initiator, year ? db::Value{std::int64_t{*year}} : db::Value{nullptr},
       sdg_mask(fields.sdgs), affair_mask(fields.affairs), db::optional_integer(fields.budget),
       std::int64_t{innovation.is_sample ? 1 : 0}, now});
}

std::optional<Published> find_published(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.first(
      "SELECT p.version, p.snapshot_json, p.published_at, p.agency_id, a.name, n.name, "
      "p.is_sample FROM innovation_published p "
      "JOIN agencies a ON a.id = p.agency_id JOIN units n ON n.id = p.unit_id "
      "WHERE p.innovation_id = $1",
      {innovation_id}, [&](const db::Result::Row& row) {
        return Published{innovation_id,  row.integer(0),     nlohmann::json::parse(row.text(1)),
                         row.integer(2), row.integer(3),     row.text(4),
                         row.text(5),    row.integer(6) != 0};
      });
}

std::vector<ListedInnovation> list_innovations(db::Transaction& tx, const ListFilter& filter) {
  db::Params params = list_params(filter);
  params.push_back(std::int64_t{filter.limit});
  params.push_back(std::int64_t{filter.offset});
  std::vector<ListedInnovation> list;
  for (auto row : tx.query(
           "SELECT i.id, i.name, i.status, i.version, n.name, a.name, i.updated_at, p.version, "
           "i.is_sample FROM innovations i JOIN units n ON n.id = i.unit_id "
           "JOIN agencies a ON a.id = i.agency_id "
           "LEFT JOIN innovation_published p ON p.innovation_id = i.id " +
               std::string(kListFilter) +
               "ORDER BY i.updated_at DESC, i.id DESC LIMIT $5 OFFSET $6",
           params)) {
    list.push_back({row.integer(0), row.text(1), parse_status(row.text(2)).value_or(Status::draft),
                    row.integer(3), row.text(4), row.text(5), row.integer(6),
                    row.optional_integer(7), row.integer(8) != 0});
  }
  return list;
}

std::int64_t count_innovations(db::Transaction& tx, const ListFilter& filter) {
  return tx.scalar("SELECT COUNT(*) FROM innovations i " + std::string(kListFilter),
                   list_params(filter));
}

std::vector<UnitChoice> units_of_agency(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<UnitChoice> units;
  for (auto row :
       tx.query("SELECT id, name FROM units WHERE agency_id = $1 ORDER BY name", {agency_id})) {
    units.push_back({row.integer(0), row.text(1)});
  }
  return units;
}

std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id) {
  return tx.first("SELECT agency_id FROM units WHERE id = $1", {unit_id},
                  [](const db::Result::Row& row) { return row.integer(0); });
}

std::optional<Placement> placement_of_unit(db::Transaction& tx, std::int64_t unit_id) {
  return tx.first(
      "SELECT a.id, a.name, a.type, COALESCE(a.province_code, ''), u.id, u.name "
      "FROM units u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1",
      {unit_id}, [&](const db::Result::Row& row) {
        return Placement{row.integer(0), row.text(1),    row.text(2),
                         row.text(3),    row.integer(4), row.text(5)};
      });
}

// PostgreSQL parameters travel as text, which cannot hold a NUL byte, so BYTEA goes over as hex;
// SQLite binds the bytes as they are and the cast stores them as a BLOB.
bool store_blob(db::Transaction& tx, const std::string& sha256, const std::string& bytes,
                std::int64_t now) {
  bool postgres = tx.engine() == db::Engine::postgresql;
  std::string sql = std::string("INSERT INTO innovation_blobs (sha256, size, bytes, created_at) ") +
                    (postgres ? "VALUES ($1, $2, decode($3, 'hex'), $4) "
                              : "VALUES ($1, $2, CAST($3 AS BLOB), $4) ") +
                    "ON CONFLICT (sha256) DO NOTHING";
  return tx.execute(sql, {sha256, static_cast<std::int64_t>(bytes.size()),
                          postgres ? to_hex(bytes) : bytes, now}) == 1;
}

std::optional<std::string> blob_bytes(db::Transaction& tx, const std::string& sha256) {
  bool postgres = tx.engine() == db::Engine::postgresql;
  auto rows =
      tx.query(postgres ? "SELECT encode(bytes, 'hex') FROM innovation_blobs WHERE sha256 = $1"
                        : "SELECT bytes FROM innovation_blobs WHERE sha256 = $1",
               {sha256});
  if (rows.empty()) return std::nullopt;
  return postgres ? from_hex(rows.front().text(0)) : rows.front().text(0);
}

std::int64_t insert_file(db::Transaction& tx, std::int64_t innovation_id, const Attachment& file,
                         std::optional<std::int64_t> uploaded_by, std::int64_t now) {
  return tx.scalar(
      "INSERT INTO innovation_files (innovation_id, sha256, original_name, content_type, size, "
      "uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {innovation_id, file.sha256, file.name, file.content_type, file.size,
       db::optional_integer(uploaded_by), now});
}

std::optional<Attachment> find_file(db::Transaction& tx, std::int64_t innovation_id,
                                    std::int64_t file_id) {
  return tx.first(
      "SELECT id, original_name, content_type, size, sha256 FROM innovation_files "
      "WHERE innovation_id = $1 AND id = $2",
      {innovation_id, file_id}, [&](const db::Result::Row& row) {
        return Attachment{row.integer(0), row.text(1), row.text(2), row.integer(3), row.text(4)};
      });
}

void mark_file_removed(db::Transaction& tx, std::int64_t file_id, std::int64_t now) {
  tx.execute("UPDATE innovation_files SET removed_at = $1 WHERE id = $2", {now, file_id});
}

void insert_award(db::Transaction& tx, std::int64_t innovation_id, const Award& award,
                  std::int64_t now) {
  tx.execute(
      "INSERT INTO innovation_awards (innovation_id, year, tier, title, source, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {innovation_id, award.year ? db::Value{std::int64_t{*award.year}} : db::Value{nullptr},
       award.tier, award.title, award.source, now});
}

std::vector<Award> awards_of(db::Transaction& tx, std::int64_t innovation_id) {
  std::vector<Award> awards;
  for (auto row : tx.query("SELECT year, tier, title, source FROM innovation_awards "
                           "WHERE innovation_id = $1 ORDER BY year IS NULL, year DESC, id",
                           {innovation_id})) {
    auto year = row.optional_integer(0);
    awards.push_back({year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt,
                      row.text(1), row.text(2), row.text(3)});
  }
  return awards;
}

std::optional<AgencyFacts> find_agency(db::Transaction& tx, std::int64_t agency_id) {
  return tx.first(
      "SELECT a.id, a.name, a.type, COALESCE(p.name, '') FROM agencies a "
      "LEFT JOIN provinces p ON p.code = a.province_code WHERE a.id = $1",
      {agency_id}, [&](const db::Result::Row& row) {
        return AgencyFacts{row.integer(0), row.text(1), row.text(2), row.text(3)};
      });
}

std::vector<PortfolioEntry> published_of_agency(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<PortfolioEntry> entries;
  for (auto row :
       tx.query("SELECT p.innovation_id, p.name, COALESCE(u.name, ''), p.form, p.type, p.stage, "
                "p.year, p.affair_mask, p.is_sample FROM innovation_published p "
                "LEFT JOIN units u ON u.id = p.unit_id WHERE p.agency_id = $1 "
                "ORDER BY LOWER(p.name), p.innovation_id",
                {agency_id})) {
    auto year = row.optional_integer(6);
    entries.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4),
                       row.text(5),
                       year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt,
                       row.integer(7), row.integer(8) != 0});
  }
  return entries;
}

}  // namespace simpul::innovations
