#include "judging/store.hpp"

#include <nlohmann/json.hpp>

#include "judging/conflicts.hpp"
#include "judging/scoring.hpp"

namespace simpul::judging {

std::optional<Profile> find_profile(db::Transaction& tx, std::int64_t user_id) {
  auto result = tx.query(
      "SELECT institution, COALESCE(province_code, '') FROM evaluator_profiles WHERE user_id = $1",
      {user_id});
  if (result.empty()) return std::nullopt;
  return Profile{result.front().text(0), result.front().text(1)};
}

void write_profile(db::Transaction& tx, std::int64_t user_id, const Profile& profile,
                   std::int64_t now) {
  db::Value province =
      profile.province_code.empty() ? db::Value{nullptr} : db::Value{profile.province_code};
  tx.execute("DELETE FROM evaluator_profiles WHERE user_id = $1", {user_id});
  tx.execute(
      "INSERT INTO evaluator_profiles (user_id, institution, province_code, updated_at) "
      "VALUES ($1, $2, $3, $4)",
      {user_id, profile.institution, province, now});
}

std::vector<Declaration> declarations_of(db::Transaction& tx, std::int64_t user_id) {
  std::vector<Declaration> rows;
  for (auto r : tx.query("SELECT c.id, c.agency_id, a.name, c.kind, c.ended_on, c.note, "
                         "c.declared_at FROM evaluator_conflicts c "
                         "JOIN agencies a ON a.id = c.agency_id "
                         "WHERE c.user_id = $1 AND c.removed_at IS NULL ORDER BY c.id DESC",
                         {user_id})) {
    rows.push_back(
        {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
  }
  return rows;
}

std::int64_t insert_declaration(db::Transaction& tx, std::int64_t user_id, const Declaration& d,
                                std::int64_t now) {
  return tx.scalar(
      "INSERT INTO evaluator_conflicts (user_id, agency_id, kind, ended_on, note, declared_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {user_id, d.agency_id, d.kind, d.ended_on, d.note, now});
}

bool mark_removed(db::Transaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now) {
  return tx.execute(
             "UPDATE evaluator_conflicts SET removed_at = $3 "
             "WHERE id = $1 AND user_id = $2 AND removed_at IS NULL",
             {id, user_id, now}) == 1;
}

bool agency_exists(db::Transaction& tx, std::int64_t agency_id) {
  return tx.scalar("SELECT COUNT(*) FROM agencies WHERE id = $1 AND active = 1", {agency_id}) > 0;
}

bool province_exists(db::Transaction& tx, const std::string& code) {
  return tx.scalar("SELECT COUNT(*) FROM provinces WHERE code = $1", {code}) > 0;
}

std::vector<std::pair<std::int64_t, std::string>> agency_choices(db::Transaction& tx) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  for (auto r : tx.query("SELECT id, name FROM agencies WHERE active = 1 ORDER BY name"))
    rows.emplace_back(r.integer(0), r.text(1));
  return rows;
}

std::vector<std::pair<std::string, std::string>> province_choices(db::Transaction& tx) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (auto r : tx.query("SELECT code, name FROM provinces ORDER BY name"))
    rows.emplace_back(r.text(0), r.text(1));
  return rows;
}

namespace {

constexpr const char* kEvaluatorColumns =
    "SELECT u.id, u.agency_id, COALESCE(p.province_code, '') FROM users u "
    "LEFT JOIN evaluator_profiles p ON p.user_id = u.id "
    "WHERE u.role = 'evaluator' AND u.active = 1";

Evaluator evaluator_from(const db::Result::Row& r) {
  Evaluator e;
  e.id = r.integer(0);
  e.agency_id = r.optional_integer(1);
  if (!r.text(2).empty()) e.province_code = r.text(2);
  return e;
}

// The declared ties of the evaluators that still count on `today`.
void add_ties(db::Transaction& tx, std::map<std::int64_t, Evaluator*>& by_id,
              competitions::LocalDate today) {
  for (auto r : tx.query("SELECT user_id, agency_id, ended_on FROM evaluator_conflicts "
                         "WHERE removed_at IS NULL")) {
    auto it = by_id.find(r.integer(0));
    if (it == by_id.end()) continue;
    auto ended = competitions::parse_date(r.text(2));
    if (still_counts(ended, today)) it->second->conflict_agency_ids.insert(r.integer(1));
  }
}

constexpr const char* kScreenedColumns =
    "SELECT id, agency_id, COALESCE(province_code, ''), COALESCE(category_code, '') "
    "FROM proposals WHERE edition_id = $1 AND status = 'passed'";

Proposal proposal_from(const db::Result::Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3)};
}

}  // namespace

std::vector<Proposal> screened_proposals(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<Proposal> rows;
  for (auto r : tx.query(std::string(kScreenedColumns) + " ORDER BY id", {edition_id}))
    rows.push_back(proposal_from(r));
  return rows;
}

std::optional<Proposal> screened_proposal(db::Transaction& tx, std::int64_t edition_id,
                                          std::int64_t proposal_id) {
  return tx.first(std::string(kScreenedColumns) + " AND id = $2", {edition_id, proposal_id},
                  proposal_from);
}

std::vector<Evaluator> active_evaluators(db::Transaction& tx, competitions::LocalDate today) {
  std::vector<Evaluator> evaluators;
  for (auto r : tx.query(std::string(kEvaluatorColumns) + " ORDER BY u.id"))
    evaluators.push_back(evaluator_from(r));
  std::map<std::int64_t, Evaluator*> by_id;
  for (auto& e : evaluators) by_id[e.id] = &e;
  add_ties(tx, by_id, today);
  return evaluators;
}

std::optional<Evaluator> active_evaluator(db::Transaction& tx, std::int64_t user_id,
                                          competitions::LocalDate today) {
  auto result = tx.query(std::string(kEvaluatorColumns) + " AND u.id = $1", {user_id});
  if (result.empty()) return std::nullopt;
  Evaluator e = evaluator_from(result.front());
  std::map<std::int64_t, Evaluator*> by_id{{e.id, &e}};
  add_ties(tx, by_id, today);
  return e;
}

std::vector<Assigned> assignments_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<Assigned> rows;
  for (auto r : tx.query("SELECT proposal_id, evaluator_id, method FROM evaluation_assignments "
                         "WHERE edition_id = $1 ORDER BY proposal_id, evaluator_id",
                         {edition_id}))
    rows.push_back({r.integer(0), r.integer(1), r.text(2)});
  return rows;
}

void replace_automatic(db::Transaction& tx, std::int64_t edition_id, const std::vector<Pair>& pairs,
                       std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute("DELETE FROM evaluation_assignments WHERE edition_id = $1 AND method = 'auto'",
             {edition_id});
  for (const Pair& pair : pairs) {
    tx.execute(
        "INSERT INTO evaluation_assignments (edition_id, proposal_id, evaluator_id, method, "
        "assigned_by, assigned_at) SELECT $1, $2, $3, 'auto', $4, $5 WHERE NOT EXISTS (SELECT 1 "
        "FROM evaluation_assignments WHERE proposal_id = $2 AND evaluator_id = $3)",
        {edition_id, pair.proposal_id, pair.evaluator_id, db::optional_integer(by), now});
  }
}

void insert_pair(db::Transaction& tx, std::int64_t edition_id, const Pair& pair,
                 std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute(
      "INSERT INTO evaluation_assignments (edition_id, proposal_id, evaluator_id, method, "
      "assigned_by, assigned_at) VALUES ($1, $2, $3, 'manual', $4, $5)",
      {edition_id, pair.proposal_id, pair.evaluator_id, db::optional_integer(by), now});
}

bool delete_pair(db::Transaction& tx, std::int64_t edition_id, const Pair& pair) {
  return tx.execute(
             "DELETE FROM evaluation_assignments WHERE edition_id = $1 AND proposal_id = $2 AND "
             "evaluator_id = $3",
             {edition_id, pair.proposal_id, pair.evaluator_id}) == 1;
}

std::map<std::int64_t, std::string> evaluator_names(db::Transaction& tx) {
  std::map<std::int64_t, std::string> names;
  for (auto r : tx.query("SELECT id, CASE WHEN full_name = '' THEN username ELSE full_name END "
                         "FROM users WHERE role = 'evaluator'"))
    names[r.integer(0)] = r.text(1);
  return names;
}

std::map<std::int64_t, ProposalName> screened_names(db::Transaction& tx, std::int64_t edition_id) {
  std::map<std::int64_t, ProposalName> names;
  for (auto r : tx.query("SELECT p.id, p.title, a.name FROM proposals p JOIN agencies a ON a.id = "
                         "p.agency_id WHERE p.edition_id = $1 AND p.status = 'passed'",
                         {edition_id}))
    names[r.integer(0)] = {r.text(1), r.text(2)};
  return names;
}

std::vector<QueueItem> queue_of(db::Transaction& tx, std::int64_t evaluator_id) {
  std::vector<QueueItem> rows;
  for (auto r : tx.query("SELECT e.id, e.title, p.id, p.title, COALESCE(c.name, ''), "
                         "COALESCE(s.status, '') FROM evaluation_assignments x "
                         "JOIN proposals p ON p.id = x.proposal_id "
                         "JOIN competition_editions e ON e.id = x.edition_id "
                         "LEFT JOIN competition_categories c ON c.edition_id = p.edition_id "
                         "AND c.code = p.category_code "
                         "LEFT JOIN score_sheets s ON s.proposal_id = x.proposal_id "
                         "AND s.evaluator_id = x.evaluator_id "
                         "WHERE x.evaluator_id = $1 ORDER BY e.year DESC, e.id DESC, p.title",
                         {evaluator_id}))
    rows.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5)});
  return rows;
}

std::optional<std::int64_t> assignment_edition(db::Transaction& tx, std::int64_t proposal_id,
                                               std::int64_t evaluator_id) {
  return tx.first(
      "SELECT edition_id FROM evaluation_assignments WHERE proposal_id = $1 AND evaluator_id = $2",
      {proposal_id, evaluator_id}, [](const db::Result::Row& row) { return row.integer(0); });
}

std::optional<Sheet> find_sheet(db::Transaction& tx, std::int64_t proposal_id,
                                std::int64_t evaluator_id) {
  return tx.first(
      "SELECT scores_json, comment, status, updated_at FROM score_sheets "
      "WHERE proposal_id = $1 AND evaluator_id = $2",
      {proposal_id, evaluator_id}, [&](const db::Result::Row& r) {
        return Sheet{scores_from_json(r.text(0)), r.text(1), r.text(2), r.integer(3)};
      });
}

void write_sheet(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                 std::int64_t evaluator_id, const Sheet& sheet, std::int64_t now) {
  std::string scores = scores_to_json(sheet.scores);
  db::Value submitted = sheet.status == "submitted" ? db::Value{now} : db::Value{nullptr};
  auto changed = tx.execute(
      "UPDATE score_sheets SET scores_json = $3, comment = $4, status = $5, updated_at = $6, "
      "submitted_at = $7 WHERE proposal_id = $1 AND evaluator_id = $2",
      {proposal_id, evaluator_id, scores, sheet.comment, sheet.status, now, submitted});
  if (changed == 0) {
    tx.execute(
        "INSERT INTO score_sheets (edition_id, proposal_id, evaluator_id, scores_json, comment, "
        "status, updated_at, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {edition_id, proposal_id, evaluator_id, scores, sheet.comment, sheet.status, now,
         submitted});
  }
}

std::vector<Pair> scored_pairs(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<Pair> pairs;
  for (auto r : tx.query("SELECT proposal_id, evaluator_id FROM score_sheets WHERE edition_id = $1",
                         {edition_id}))
    pairs.push_back({r.integer(0), r.integer(1)});
  return pairs;
}

std::vector<ScoreSheet> submitted_sheets(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<ScoreSheet> sheets;
  for (auto r : tx.query("SELECT proposal_id, evaluator_id, scores_json FROM score_sheets "
                         "WHERE edition_id = $1 AND status = 'submitted' ORDER BY id",
                         {edition_id})) {
    ScoreSheet sheet{r.integer(0), r.integer(1), {}};
    for (const auto& [code, score] : scores_from_json(r.text(2))) sheet.scores[code] = score;
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

std::optional<std::int64_t> last_reminder_at(db::Transaction& tx, std::int64_t edition_id) {
  return tx.first("SELECT sent_at FROM evaluation_reminders WHERE edition_id = $1", {edition_id},
                  [](const db::Result::Row& row) { return row.integer(0); });
}

void write_reminder_at(db::Transaction& tx, std::int64_t edition_id, std::int64_t now) {
  tx.execute("DELETE FROM evaluation_reminders WHERE edition_id = $1", {edition_id});
  tx.execute("INSERT INTO evaluation_reminders (edition_id, sent_at) VALUES ($1, $2)",
             {edition_id, now});
}

std::optional<MethodChoice> find_method_choice(db::Transaction& tx, std::int64_t edition_id) {
  return tx.first(
      "SELECT method, passing_grade, chosen_at, frozen_at FROM evaluation_method_choices "
      "WHERE edition_id = $1",
      {edition_id}, [&](const db::Result::Row& r) {
        return MethodChoice{r.text(0), static_cast<int>(r.integer(1)), r.integer(2),
                            r.optional_integer(3)};
      });
}

void freeze_method_choice(db::Transaction& tx, std::int64_t edition_id, std::int64_t now) {
  tx.execute("UPDATE evaluation_method_choices SET frozen_at = $2 WHERE edition_id = $1",
             {edition_id, now});
}

void write_method_choice(db::Transaction& tx, std::int64_t edition_id, const MethodChoice& choice,
                         std::optional<std::int64_t> by) {
  tx.execute("DELETE FROM evaluation_method_choices WHERE edition_id = $1", {edition_id});
  tx.execute(
      "INSERT INTO evaluation_method_choices (edition_id, method, passing_grade, chosen_by, "
      "chosen_at) VALUES ($1, $2, $3, $4, $5)",
      {edition_id, choice.method, std::int64_t{choice.passing_grade}, db::optional_integer(by),
       choice.chosen_at});
}

std::map<std::int64_t, Progress> progress_of(db::Transaction& tx, std::int64_t edition_id) {
  std::map<std::int64_t, Progress> progress;
  for (auto r : tx.query("SELECT x.evaluator_id, COUNT(*), "
                         "SUM(CASE WHEN s.status = 'draft' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN s.status = 'submitted' THEN 1 ELSE 0 END) "
                         "FROM evaluation_assignments x LEFT JOIN score_sheets s "
                         "ON s.proposal_id = x.proposal_id AND s.evaluator_id = x.evaluator_id "
                         "WHERE x.edition_id = $1 GROUP BY x.evaluator_id",
                         {edition_id})) {
    progress[r.integer(0)] = {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)),
                              static_cast<int>(r.integer(3))};
  }
  return progress;
}

std::map<std::int64_t, EvaluatorSetting> evaluator_settings(db::Transaction& tx,
                                                            std::int64_t edition_id) {
  std::map<std::int64_t, EvaluatorSetting> settings;
  for (auto r : tx.query("SELECT evaluator_id, expertise_json, max_load "
                         "FROM evaluator_edition_settings WHERE edition_id = $1",
                         {edition_id})) {
    EvaluatorSetting& setting = settings[r.integer(0)];
    auto codes = nlohmann::json::parse(r.text(1), nullptr, false);
    if (codes.is_array()) {
      for (const auto& code : codes)
        if (code.is_string()) setting.expertise.insert(code.get<std::string>());
    }
    if (auto max = r.optional_integer(2)) setting.max_load = static_cast<int>(*max);
  }
  return settings;
}

void write_evaluator_setting(db::Transaction& tx, std::int64_t edition_id,
                             std::int64_t evaluator_id, const EvaluatorSetting& setting,
                             std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute("DELETE FROM evaluator_edition_settings WHERE edition_id = $1 AND evaluator_id = $2",
             {edition_id, evaluator_id});
  tx.execute(
      "INSERT INTO evaluator_edition_settings (edition_id, evaluator_id, expertise_json, "
      "max_load, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
      {edition_id, evaluator_id, nlohmann::json(setting.expertise).dump(),
       db::optional_integer(setting.max_load), db::optional_integer(by), now});
}

std::optional<Reading> reading_of(db::Transaction& tx, std::int64_t proposal_id) {
  auto result = tx.query(
      "SELECT p.title, a.name, COALESCE(c.name, '') FROM proposals p "
      "JOIN agencies a ON a.id = p.agency_id LEFT JOIN competition_categories c "
      "ON c.edition_id = p.edition_id AND c.code = p.category_code WHERE p.id = $1",
      {proposal_id});
  if (result.empty()) return std::nullopt;
  Reading reading{result.front().text(0), result.front().text(1), result.front().text(2), {}, ""};
  for (auto r :
       tx.query("SELECT code, body FROM proposal_sections WHERE proposal_id = $1", {proposal_id}))
    reading.sections[r.text(0)] = r.text(1);
  auto video = tx.query(
      "SELECT video_url FROM proposal_files WHERE proposal_id = $1 AND video_url <> '' "
      "ORDER BY id LIMIT 1",
      {proposal_id});
  if (!video.empty()) reading.video_url = video.front().text(0);
  return reading;
}

namespace {

constexpr const char* kFileColumns =
    "SELECT attachment_code, original_name, content_type, size, sha256 FROM proposal_files "
    "WHERE proposal_id = $1 AND sha256 IS NOT NULL";

ProposalFile file_from(const db::Result::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.integer(3), r.text(4)};
}

}  // namespace

std::vector<ProposalFile> files_of(db::Transaction& tx, std::int64_t proposal_id) {
  std::vector<ProposalFile> files;
  for (auto r : tx.query(std::string(kFileColumns) + " ORDER BY id", {proposal_id}))
    files.push_back(file_from(r));
  return files;
}

std::optional<ProposalFile> file_of(db::Transaction& tx, std::int64_t proposal_id,
                                    const std::string& attachment_code) {
  return tx.first(std::string(kFileColumns) + " AND attachment_code = $2",
                  {proposal_id, attachment_code}, file_from);
}

}  // namespace simpul::judging
