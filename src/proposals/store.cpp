#include "proposals/store.hpp"

#include <nlohmann/json.hpp>

#include "core/db/like.hpp"

namespace simpul::proposals {
namespace {

Status status_of(const std::string& code) { return parse_status(code).value_or(Status::draft); }

constexpr const char* kProposalColumns =
    "p.id, p.edition_id, p.innovation_id, p.agency_id, a.name, p.unit_id, u.name, "
    "COALESCE(p.province_code, ''), p.cluster, p.group_code, p.category_code, p.title, "
    "p.source_innovation_id, COALESCE(s.name, ''), p.status, p.return_note, p.screening_reason, "
    "p.screening_note, p.screened_at, p.version, p.created_by, p.created_at, p.updated_at, "
    "p.sent_at, p.submitted_at "
    "FROM proposals p JOIN agencies a ON a.id = p.agency_id JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN innovations s ON s.id = p.source_innovation_id ";

Proposal proposal_from(const db::Result::Row& r) {
  Proposal p;
  p.id = r.integer(0);
  p.edition_id = r.integer(1);
  p.innovation_id = r.integer(2);
  p.agency_id = r.integer(3);
  p.agency_name = r.text(4);
  p.unit_id = r.integer(5);
  p.unit_name = r.text(6);
  p.province_code = r.text(7);
  p.cluster = r.text(8);
  p.group_code = r.text(9);
  p.category_code = r.optional_text(10);
  p.title = r.text(11);
  p.source_innovation_id = r.optional_integer(12);
  p.source_name = r.text(13);
  p.status = status_of(r.text(14));
  p.return_note = r.text(15);
  p.screening_reason = r.optional_text(16);
  p.screening_note = r.text(17);
  p.screened_at = r.optional_integer(18);
  p.version = r.integer(19);
  p.created_by = r.optional_integer(20);
  p.created_at = r.integer(21);
  p.updated_at = r.integer(22);
  p.sent_at = r.optional_integer(23);
  p.submitted_at = r.optional_integer(24);
  return p;
}

Content content_of(db::Transaction& tx, std::int64_t id) {
  Content content;
  for (auto row : tx.query("SELECT code, body FROM proposal_sections WHERE proposal_id = $1", {id}))
    content.sections[row.text(0)] = row.text(1);
  for (auto row : tx.query("SELECT id, attachment_code, original_name, content_type, size, "
                           "video_url, video_seconds FROM proposal_files WHERE proposal_id = $1 "
                           "ORDER BY id",
                           {id})) {
    auto seconds = row.optional_integer(6);
    content.files.push_back(
        {row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.text(5),
         seconds ? std::optional<int>(static_cast<int>(*seconds)) : std::nullopt});
  }
  return content;
}

// The WHERE clause of a list and its parameters; $1 is the edition.
std::string where_of(const ListFilter& f, db::Params& params) {
  params = {f.edition_id};
  std::string sql = " WHERE p.edition_id = $1";
  auto add = [&](const std::string& condition, db::Value value) {
    params.push_back(std::move(value));
    std::string placeholder = "$" + std::to_string(params.size());
    std::string text = condition;
    for (auto at = text.find('?'); at != std::string::npos; at = text.find('?'))
      text.replace(at, 1, placeholder);
    sql += " AND " + text;
  };
  if (f.agency_id) add("p.agency_id = ?", *f.agency_id);
  if (f.unit_id) add("p.unit_id = ?", *f.unit_id);
  if (!f.group_code.empty()) add("p.group_code = ?", f.group_code);
  if (!f.category_code.empty()) add("p.category_code = ?", f.category_code);
  if (!f.cluster.empty()) add("p.cluster = ?", f.cluster);
  if (!f.province_code.empty()) add("p.province_code = ?", f.province_code);
  if (auto pattern = db::contains_pattern(f.query); !pattern.empty())
    add("(LOWER(p.title) LIKE ? OR LOWER(a.name) LIKE ?)", pattern);
  if (!f.statuses.empty()) {
    sql += " AND p.status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      params.push_back(std::string(status_code(f.statuses[i])));
      sql += (i ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  return sql;
}

// A listed proposal: these columns, from proposals p, then these joins.
constexpr const char* kListedColumns =
    "SELECT p.id, p.title, a.name, u.name, COALESCE(pr.name, ''), p.cluster, p.group_code, "
    "COALESCE(c.name, ''), p.status, p.screening_reason, p.version, p.updated_at ";
constexpr const char* kListedJoins =
    " JOIN agencies a ON a.id = p.agency_id JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN provinces pr ON pr.code = p.province_code "
    "LEFT JOIN competition_categories c ON c.edition_id = p.edition_id "
    "AND c.code = p.category_code";

std::vector<Listed> listed_from(const db::Result& result) {
  std::vector<Listed> rows;
  rows.reserve(result.size());
  for (auto r : result) {
    rows.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6),
                    r.text(7), status_of(r.text(8)), r.optional_text(9), r.integer(10),
                    r.integer(11)});
  }
  return rows;
}

const char* timestamp_column(Status status) {
  switch (status) {
    case Status::at_admin:
      return "sent_at";
    case Status::submitted:
      return "submitted_at";
    case Status::withdrawn:
      return "withdrawn_at";
    default:
      return nullptr;
  }
}

}  // namespace

std::int64_t insert_proposal(db::Transaction& tx, const NewProposal& n) {
  return tx.scalar(
      "INSERT INTO proposals (edition_id, innovation_id, agency_id, unit_id, province_code, "
      "cluster, group_code, category_code, title, title_key, source_innovation_id, status, "
      "created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "$10, $11, 'draft', $12, $13, $12, $13) RETURNING id",
      {n.edition_id, n.innovation_id, n.agency_id, n.unit_id,
       n.province_code.empty() ? db::Value{nullptr} : db::Value{n.province_code}, n.cluster,
       n.group_code, db::optional_text(n.category_code), n.title, n.title_key,
       db::optional_integer(n.source_innovation_id), db::optional_integer(n.created_by), n.now});
}

std::optional<Proposal> find_proposal(db::Transaction& tx, std::int64_t id, bool with_content) {
  auto result = tx.query(std::string("SELECT ") + kProposalColumns + "WHERE p.id = $1", {id});
  if (result.empty()) return std::nullopt;
  Proposal proposal = proposal_from(result.front());
  if (with_content) proposal.content = content_of(tx, id);
  return proposal;
}

bool advance_version(db::Transaction& tx, std::int64_t id, std::int64_t based_on,
                     std::optional<std::int64_t> user_id, std::int64_t now) {
  return tx.execute(
             "UPDATE proposals SET version = version + 1, updated_by = $3, updated_at = $4 "
             "WHERE id = $1 AND version = $2",
             {id, based_on, db::optional_integer(user_id), now}) == 1;
}

void write_choice(db::Transaction& tx, std::int64_t id, const Choice& choice) {
  tx.execute(
      "UPDATE proposals SET group_code = $2, category_code = $3, source_innovation_id = $4 "
      "WHERE id = $1",
      {id, choice.group_code, db::optional_text(choice.category_code),
       db::optional_integer(choice.source_innovation_id)});
}

void write_section(db::Transaction& tx, std::int64_t id, const std::string& code,
                   const std::string& body) {
  tx.execute("DELETE FROM proposal_sections WHERE proposal_id = $1 AND code = $2", {id, code});
  if (!body.empty()) {
    tx.execute("INSERT INTO proposal_sections (proposal_id, code, body) VALUES ($1, $2, $3)",
               {id, code, body});
  }
}

void put_file(db::Transaction& tx, std::int64_t id, const StoredFile& file,
              const std::optional<std::string>& sha256, std::optional<std::int64_t> user_id,
              std::int64_t now) {
  tx.execute("DELETE FROM proposal_files WHERE proposal_id = $1 AND attachment_code = $2",
             {id, file.attachment_code});
  tx.execute(
      "INSERT INTO proposal_files (proposal_id, attachment_code, sha256, original_name, "
      "content_type, size, video_url, video_seconds, uploaded_by, uploaded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {id, file.attachment_code, db::optional_text(sha256), file.name, file.content_type, file.size,
       file.video_url,
       file.video_seconds ? db::Value{std::int64_t{*file.video_seconds}} : db::Value{nullptr},
       db::optional_integer(user_id), now});
}

std::optional<std::pair<StoredFile, std::string>> find_file(db::Transaction& tx,
                                                            std::int64_t proposal_id,
                                                            std::int64_t file_id) {
  auto result = tx.query(
      "SELECT attachment_code, original_name, content_type, size, COALESCE(sha256, '') "
      "FROM proposal_files WHERE proposal_id = $1 AND id = $2",
      {proposal_id, file_id});
  if (result.empty()) return std::nullopt;
  auto r = result.front();
  StoredFile file{file_id, r.text(0), r.text(1), r.text(2), r.integer(3), "", std::nullopt};
  return std::make_pair(std::move(file), r.text(4));
}

void delete_file(db::Transaction& tx, std::int64_t proposal_id, std::int64_t file_id) {
  tx.execute("DELETE FROM proposal_files WHERE proposal_id = $1 AND id = $2",
             {proposal_id, file_id});
}

void set_status(db::Transaction& tx, std::int64_t id, Status status, std::int64_t now) {
  std::string sql = "UPDATE proposals SET status = $2";
  if (const char* column = timestamp_column(status)) sql += std::string(", ") + column + " = $3";
  sql += " WHERE id = $1";
  db::Params params{id, std::string(status_code(status))};
  if (timestamp_column(status)) params.push_back(now);
  tx.execute(sql, params);
}

void set_return_note(db::Transaction& tx, std::int64_t id, const std::string& note) {
  tx.execute("UPDATE proposals SET return_note = $2 WHERE id = $1", {id, note});
}

void set_screening(db::Transaction& tx, std::int64_t id, Status result,
                   const std::optional<std::string>& reason, const std::string& note,
                   std::optional<std::int64_t> user_id, std::int64_t now) {
  tx.execute(
      "UPDATE proposals SET status = $2, screening_reason = $3, screening_note = $4, "
      "screened_by = $5, screened_at = $6 WHERE id = $1",
      {id, std::string(status_code(result)), db::optional_text(reason), note,
       db::optional_integer(user_id), now});
}

std::int64_t agency_entries(db::Transaction& tx, std::int64_t edition_id, std::int64_t agency_id,
                            const std::string& group_code, std::int64_t except_id,
                            bool submitted_only) {
  std::string statuses = submitted_only ? "('submitted', 'passed', 'failed')"
                                        : "('draft', 'at_admin', 'returned', 'submitted', "
                                          "'passed', 'failed')";
  return tx.scalar(
      "SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND agency_id = $2 AND group_code = $3 "
      "AND id <> $4 AND status IN " +
          statuses,
      {edition_id, agency_id, group_code, except_id});
}

bool title_taken(db::Transaction& tx, std::int64_t edition_id, const std::string& title_key,
                 std::int64_t except_id) {
  return tx.scalar(
             "SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND title_key = $2 "
             "AND id <> $3 AND status <> 'withdrawn'",
             {edition_id, title_key, except_id}) > 0;
}

std::optional<std::int64_t> proposal_of_innovation(db::Transaction& tx, std::int64_t edition_id,
                                                   std::int64_t innovation_id) {
  return tx.first(
      "SELECT id FROM proposals WHERE edition_id = $1 AND innovation_id = $2 "
      "AND status <> 'withdrawn'",
      {edition_id, innovation_id}, [](const db::Result::Row& row) { return row.integer(0); });
}

Counts place_counts(db::Transaction& tx, std::int64_t edition_id,
                    std::optional<std::int64_t> agency_id) {
  std::string sql = "SELECT status, COUNT(*) FROM proposals WHERE edition_id = $1";
  db::Params params{edition_id};
  if (agency_id) {
    sql += " AND agency_id = $2";
    params.push_back(*agency_id);
  }
  Counts counts;
  for (auto row : tx.query(sql + " GROUP BY status", params)) {
    std::int64_t n = row.integer(1);
    switch (place_of(status_of(row.text(0)))) {
      case Place::unit:
        counts.at_unit += n;
        break;
      case Place::admin:
        counts.at_admin += n;
        break;
      case Place::organiser:
        counts.submitted += n;
        break;
      case Place::withdrawn:
        counts.withdrawn += n;
        break;
    }
  }
  return counts;
}

// The proposals the filter keeps, as "FROM ... WHERE ..."; the agencies join only when the typed
// words may match an agency's name.
std::string filtered_from(const ListFilter& filter, db::Params& params) {
  bool by_name = !db::contains_pattern(filter.query).empty();
  return std::string(" FROM proposals p") +
         (by_name ? " JOIN agencies a ON a.id = p.agency_id" : "") + where_of(filter, params);
}

std::vector<Listed> list_proposals(db::Transaction& tx, const ListFilter& filter) {
  // The page's ids first, from the index alone, then the joins for those rows only: joining
  // every match before sorting cost ten times more at 3,500 proposals.
  db::Params params;
  std::string page = "SELECT p.id, p.updated_at" + filtered_from(filter, params);
  params.push_back(filter.limit);
  params.push_back(filter.offset);
  page += " ORDER BY p.updated_at DESC, p.id DESC LIMIT $" + std::to_string(params.size() - 1) +
          " OFFSET $" + std::to_string(params.size());
  std::string sql = std::string(kListedColumns) + "FROM (" + page +
                    ") page JOIN proposals p ON p.id = page.id" + kListedJoins +
                    " ORDER BY p.updated_at DESC, p.id DESC";
  return listed_from(tx.query(sql, params));
}

std::int64_t count_proposals(db::Transaction& tx, const ListFilter& filter) {
  db::Params params;
  return tx.scalar("SELECT COUNT(*)" + filtered_from(filter, params), params);
}

std::vector<Listed> passed_proposals(db::Transaction& tx, std::int64_t edition_id) {
  return listed_from(tx.query(std::string(kListedColumns) + "FROM proposals p" + kListedJoins +
                                  " WHERE p.edition_id = $1 AND p.status = 'passed' "
                                  "ORDER BY p.cluster, a.name, p.title",
                              {edition_id}));
}

std::optional<Announcement> find_announcement(db::Transaction& tx, std::int64_t edition_id) {
  auto result = tx.query(
      "SELECT note, published_at FROM proposal_announcements WHERE edition_id = $1", {edition_id});
  if (result.empty()) return std::nullopt;
  return Announcement{result.front().text(0), result.front().integer(1)};
}

bool category_named(db::Transaction& tx, std::int64_t edition_id, const std::string& code) {
  return tx.scalar("SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND category_code = $2",
                   {edition_id, code}) > 0;
}

void insert_announcement(db::Transaction& tx, std::int64_t edition_id, const std::string& note,
                         std::optional<std::int64_t> user_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO proposal_announcements (edition_id, note, published_by, published_at) "
      "VALUES ($1, $2, $3, $4)",
      {edition_id, note, db::optional_integer(user_id), now});
}

std::vector<AgencyResult> agency_results(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<AgencyResult> rows;
  for (auto r : tx.query("SELECT agency_id, SUM(CASE WHEN status = 'passed' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) FROM proposals "
                         "WHERE edition_id = $1 AND status IN ('passed', 'failed') "
                         "GROUP BY agency_id ORDER BY agency_id",
                         {edition_id})) {
    rows.push_back({r.integer(0), r.integer(1), r.integer(2)});
  }
  return rows;
}

std::int64_t unscreened(db::Transaction& tx, std::int64_t edition_id) {
  return tx.scalar("SELECT COUNT(*) FROM proposals WHERE edition_id = $1 AND status = 'submitted'",
                   {edition_id});
}

std::optional<Source> published_source(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.first(
      "SELECT p.innovation_id, p.name, p.agency_id, p.unit_id, COALESCE(a.province_code, ''), "
      "a.type, p.snapshot_json FROM innovation_published p JOIN agencies a ON a.id = p.agency_id "
      "WHERE p.innovation_id = $1",
      {innovation_id}, [&](const db::Result::Row& r) {
        auto snapshot = nlohmann::json::parse(r.text(6), nullptr, false);
        auto date = [&](const char* key) {
          return snapshot.is_object() ? snapshot.value(key, std::string()) : std::string();
        };
        return Source{r.integer(0),
                      r.text(1),
                      r.integer(2),
                      r.integer(3),
                      r.text(4),
                      r.text(5),
                      date("implementation_date"),
                      date("trial_date")};
      });
}

std::string province_of(db::Transaction& tx, std::int64_t agency_id) {
  auto result =
      tx.query("SELECT COALESCE(province_code, '') FROM agencies WHERE id = $1", {agency_id});
  return result.empty() ? std::string() : result.front().text(0);
}

std::vector<Source> published_of(db::Transaction& tx, std::int64_t agency_id,
                                 std::optional<std::int64_t> unit_id) {
  std::string sql =
      "SELECT innovation_id, name, unit_id FROM innovation_published WHERE agency_id = $1";
  db::Params params{agency_id};
  if (unit_id) {
    sql += " AND unit_id = $2";
    params.push_back(*unit_id);
  }
  std::vector<Source> rows;
  for (auto r : tx.query(sql + " ORDER BY name LIMIT 500", params)) {
    Source source;
    source.innovation_id = r.integer(0);
    source.name = r.text(1);
    source.agency_id = agency_id;
    source.unit_id = r.integer(2);
    rows.push_back(std::move(source));
  }
  return rows;
}

}  // namespace simpul::proposals
