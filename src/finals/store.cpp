#include "finals/store.hpp"

#include "judging/scoring.hpp"

namespace simpul::finals {
namespace {

// The objection window follows the edition's schedule as it is now (column 9, the "Uji publik"
// stage's end, moved when the stage is extended), not as it was when the finalists were
// published; without such a stage, the programme's default after the publication.
Stage stage_from(const db::Result::Row& r) {
  Stage stage{r.text(0),
              r.integer(1),
              r.text(2),
              r.text(3),
              r.integer(4) != 0,
              r.optional_integer(5),
              r.optional_integer(6),
              r.optional_integer(7),
              r.text(8)};
  if (stage.finalists_published_at)
    stage.objection_ends_at = objection_end(r.optional_integer(9), *stage.finalists_published_at);
  return stage;
}

constexpr const char* kNomineeSelect =
    "SELECT n.proposal_id, p.innovation_id, p.title, a.id, a.name, a.timezone, "
    "COALESCE(p.province_code, ''), COALESCE(v.name, ''), p.cluster, p.group_code, "
    "COALESCE(p.category_code, ''), COALESCE(c.name, ''), n.score, n.is_3t, "
    "COALESCE(n.panel_choice, ''), n.panel_reason, n.rank, n.selected, n.reason, n.removed_reason "
    "FROM nominees n JOIN proposals p ON p.id = n.proposal_id "
    "JOIN agencies a ON a.id = p.agency_id "
    "LEFT JOIN provinces v ON v.code = p.province_code "
    "LEFT JOIN competition_categories c ON c.edition_id = p.edition_id "
    "AND c.code = p.category_code WHERE n.edition_id = $1";

NomineeRow nominee_from(const db::Result::Row& r) {
  NomineeRow n;
  n.proposal_id = r.integer(0);
  n.innovation_id = r.integer(1);
  n.title = r.text(2);
  n.agency_id = r.integer(3);
  n.agency_name = r.text(4);
  n.agency_zone = r.text(5);
  n.province_code = r.text(6);
  n.province_name = r.text(7);
  n.cluster = r.text(8);
  n.group_code = r.text(9);
  n.category_code = r.text(10);
  n.category_name = r.text(11);
  n.score = r.real(12);
  n.is_3t = r.integer(13) != 0;
  n.panel_choice = r.text(14);
  n.panel_reason = r.text(15);
  n.rank = r.optional_integer(16);
  n.selected = r.integer(17) != 0;
  n.reason = r.text(18);
  n.removed_reason = r.optional_text(19);
  return n;
}

Objection objection_from(const db::Result::Row& r) {
  return Objection{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                   r.text(5),    r.integer(6), r.text(7), r.text(8), r.optional_integer(9)};
}

constexpr const char* kObjectionSelect =
    "SELECT o.id, o.proposal_id, p.title, o.name, o.contact, o.reason, o.filed_at, "
    "COALESCE(o.decision, ''), o.decision_note, o.decided_at FROM objections o "
    "JOIN proposals p ON p.id = o.proposal_id WHERE o.edition_id = $1";

}  // namespace

std::optional<Stage> find_stage(db::Transaction& tx, std::int64_t edition_id) {
  return tx.first(
      "SELECT f.method, f.nominated_at, f.shortlist_status, f.shortlist_problem, "
      "f.shortlist_stale, f.finalists_published_at, f.objection_ends_at, f.results_published_at, "
      "f.results_note, s.ends_at FROM finals f LEFT JOIN competition_stages s ON "
      "s.edition_id = f.edition_id AND s.code = 'objection' WHERE f.edition_id = $1",
      {edition_id}, stage_from);
}

void insert_stage(db::Transaction& tx, std::int64_t edition_id, const std::string& method,
                  std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute(
      "INSERT INTO finals (edition_id, method, nominated_by, nominated_at) VALUES ($1, $2, $3, $4)",
      {edition_id, method, db::optional_integer(by), now});
}

void mark_stale(db::Transaction& tx, std::int64_t edition_id) {
  tx.execute("UPDATE finals SET shortlist_stale = 1 WHERE edition_id = $1", {edition_id});
}

void write_shortlist_run(db::Transaction& tx, std::int64_t edition_id, const std::string& status,
                         const std::string& problem_json, std::int64_t now) {
  tx.execute(
      "UPDATE finals SET shortlist_status = $2, shortlist_problem = $3, shortlist_stale = 0, "
      "shortlisted_at = $4 WHERE edition_id = $1",
      {edition_id, status, problem_json, now});
}

void write_finalists_published(db::Transaction& tx, std::int64_t edition_id,
                               std::optional<std::int64_t> by, std::int64_t now,
                               std::int64_t objection_ends_at) {
  tx.execute(
      "UPDATE finals SET finalists_published_by = $2, finalists_published_at = $3, "
      "objection_ends_at = $4 WHERE edition_id = $1",
      {edition_id, db::optional_integer(by), now, objection_ends_at});
}

void write_results_published(db::Transaction& tx, std::int64_t edition_id,
                             std::optional<std::int64_t> by, std::int64_t now,
                             const std::string& note) {
  tx.execute(
      "UPDATE finals SET results_published_by = $2, results_published_at = $3, results_note = $4 "
      "WHERE edition_id = $1",
      {edition_id, db::optional_integer(by), now, note});
}

std::vector<NomineeRow> nominees_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<NomineeRow> rows;
  for (auto r : tx.query(std::string(kNomineeSelect) + " ORDER BY n.score DESC, n.proposal_id",
                         {edition_id}))
    rows.push_back(nominee_from(r));
  return rows;
}

std::optional<NomineeRow> find_nominee(db::Transaction& tx, std::int64_t edition_id,
                                       std::int64_t proposal_id) {
  return tx.first(std::string(kNomineeSelect) + " AND n.proposal_id = $2",
                  {edition_id, proposal_id}, nominee_from);
}

void insert_nominee(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                    double score) {
  tx.execute("INSERT INTO nominees (proposal_id, edition_id, score) VALUES ($1, $2, $3)",
             {proposal_id, edition_id, score});
}

void write_explanation(db::Transaction& tx, const judging::NomineeExplanation& e) {
  tx.execute("UPDATE nominees SET rank = $2, selected = $3, reason = $4 WHERE proposal_id = $1",
             {e.nominee_id, std::int64_t{e.rank}, std::int64_t{e.selected ? 1 : 0},
              std::string(reason_code(e.reason))});
}

void clear_shortlist(db::Transaction& tx, std::int64_t edition_id) {
  tx.execute("UPDATE nominees SET selected = 0, rank = NULL, reason = '' WHERE edition_id = $1",
             {edition_id});
}

void write_panel_choice(db::Transaction& tx, std::int64_t proposal_id,
                        const std::optional<std::string>& choice, const std::string& reason,
                        bool is_3t) {
  tx.execute(
      "UPDATE nominees SET panel_choice = $2, panel_reason = $3, is_3t = $4 "
      "WHERE proposal_id = $1",
      {proposal_id, db::optional_text(choice), reason, std::int64_t{is_3t ? 1 : 0}});
}

void write_removal(db::Transaction& tx, std::int64_t proposal_id, const std::string& reason,
                   std::optional<std::int64_t> by, std::int64_t now) {
  tx.execute(
      "UPDATE nominees SET removed_reason = $2, removed_by = $3, removed_at = $4 "
      "WHERE proposal_id = $1",
      {proposal_id, reason, db::optional_integer(by), now});
}

std::vector<judging::Quota> quotas_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<judging::Quota> quotas;
  for (auto r : tx.query("SELECT dimension, value, min_count, max_count FROM shortlist_quotas "
                         "WHERE edition_id = $1 ORDER BY dimension, value",
                         {edition_id})) {
    auto dimension = parse_dimension(r.text(0));
    if (!dimension) continue;
    auto max = r.optional_integer(3);
    quotas.push_back({*dimension, r.text(1), static_cast<int>(r.integer(2)),
                      max ? std::optional<int>(static_cast<int>(*max)) : std::nullopt});
  }
  return quotas;
}

void replace_quotas(db::Transaction& tx, std::int64_t edition_id,
                    const std::vector<judging::Quota>& quotas) {
  tx.execute("DELETE FROM shortlist_quotas WHERE edition_id = $1", {edition_id});
  for (const auto& q : quotas) {
    tx.execute(
        "INSERT INTO shortlist_quotas (edition_id, dimension, value, min_count, max_count) "
        "VALUES ($1, $2, $3, $4, $5)",
        {edition_id, std::string(dimension_code(q.dimension)), q.value, std::int64_t{q.min},
         db::optional_integer(q.max)});
  }
}

std::int64_t insert_objection(db::Transaction& tx, std::int64_t edition_id,
                              std::int64_t proposal_id, const TypedObjection& o,
                              const std::string& receipt, const std::string& remote_address,
                              std::int64_t now) {
  return tx.scalar(
      "INSERT INTO objections (edition_id, proposal_id, name, contact, reason, remote_address, "
      "filed_at, receipt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {edition_id, proposal_id, o.name, o.contact, o.reason, remote_address, now, receipt});
}

std::optional<ObjectionStatus> objection_by_receipt(db::Transaction& tx,
                                                    const std::string& receipt) {
  return tx.first(
      "SELECT o.receipt, o.edition_id, e.title, p.title, o.filed_at, COALESCE(o.decision, ''), "
      "o.decision_note, o.decided_at, e.timezone FROM objections o "
      "JOIN competition_editions e ON e.id = o.edition_id "
      "JOIN proposals p ON p.id = o.proposal_id WHERE o.receipt = $1",
      {receipt}, [](const db::Result::Row& r) {
        return ObjectionStatus{r.text(0), r.integer(1),          r.text(2),
                               r.text(3), r.integer(4),          r.text(5),
                               r.text(6), r.optional_integer(7), r.text(8)};
      });
}

std::int64_t objections_from(db::Transaction& tx, std::int64_t edition_id,
                             const std::string& remote_address, std::int64_t since) {
  return tx.scalar(
      "SELECT COUNT(*) FROM objections WHERE edition_id = $1 AND remote_address = $2 "
      "AND filed_at >= $3",
      {edition_id, remote_address, since});
}

bool objection_repeated(db::Transaction& tx, std::int64_t proposal_id, const std::string& contact,
                        const std::string& reason) {
  return tx.scalar(
             "SELECT COUNT(*) FROM objections WHERE proposal_id = $1 AND contact = $2 "
             "AND reason = $3",
             {proposal_id, contact, reason}) > 0;
}

std::vector<Objection> objections_of(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<Objection> rows;
  for (auto r :
       tx.query(std::string(kObjectionSelect) + " ORDER BY o.filed_at, o.id", {edition_id}))
    rows.push_back(objection_from(r));
  return rows;
}

std::optional<Objection> find_objection(db::Transaction& tx, std::int64_t edition_id,
                                        std::int64_t id) {
  return tx.first(std::string(kObjectionSelect) + " AND o.id = $2", {edition_id, id},
                  objection_from);
}

void write_objection_decision(db::Transaction& tx, std::int64_t id, const std::string& decision,
                              const std::string& note, std::optional<std::int64_t> by,
                              std::int64_t now) {
  tx.execute(
      "UPDATE objections SET decision = $2, decision_note = $3, decided_by = $4, decided_at = $5 "
      "WHERE id = $1",
      {id, decision, note, db::optional_integer(by), now});
}

std::vector<VerificationNote> notes_of(db::Transaction& tx, std::int64_t proposal_id) {
  std::vector<VerificationNote> rows;
  for (auto r :
       tx.query("SELECT v.id, COALESCE(NULLIF(u.full_name, ''), u.username), v.visited_on, "
                "v.note, v.created_at FROM verification_notes v "
                "LEFT JOIN users u ON u.id = v.author_id WHERE v.proposal_id = $1 "
                "ORDER BY v.created_at, v.id",
                {proposal_id}))
    rows.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
  return rows;
}

void insert_note(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                 std::optional<std::int64_t> author, const std::string& visited_on,
                 const std::string& note, std::int64_t now) {
  tx.execute(
      "INSERT INTO verification_notes (edition_id, proposal_id, author_id, visited_on, note, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      {edition_id, proposal_id, db::optional_integer(author), visited_on, note, now});
}

std::map<std::int64_t, std::string> decisions_of(db::Transaction& tx, std::int64_t edition_id) {
  std::map<std::int64_t, std::string> tiers;
  for (auto r : tx.query("SELECT proposal_id, tier FROM final_decisions WHERE edition_id = $1",
                         {edition_id}))
    tiers[r.integer(0)] = r.text(1);
  return tiers;
}

void delete_decision(db::Transaction& tx, std::int64_t proposal_id) {
  tx.execute("DELETE FROM final_decisions WHERE proposal_id = $1", {proposal_id});
}

void write_decision(db::Transaction& tx, std::int64_t edition_id, std::int64_t proposal_id,
                    const std::string& tier, std::optional<std::int64_t> by, std::int64_t now) {
  delete_decision(tx, proposal_id);
  tx.execute(
      "INSERT INTO final_decisions (proposal_id, edition_id, tier, decided_by, decided_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {proposal_id, edition_id, tier, db::optional_integer(by), now});
}

std::vector<ExportedProposal> exported_proposals(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<ExportedProposal> rows;
  for (auto r : tx.query("SELECT p.id, p.title, a.name, COALESCE(v.name, ''), p.cluster, "
                         "p.group_code, COALESCE(c.name, '') FROM proposals p "
                         "JOIN agencies a ON a.id = p.agency_id "
                         "LEFT JOIN provinces v ON v.code = p.province_code "
                         "LEFT JOIN competition_categories c ON c.edition_id = p.edition_id "
                         "AND c.code = p.category_code "
                         "WHERE p.edition_id = $1 AND p.status = 'passed' ORDER BY p.id",
                         {edition_id}))
    rows.push_back(
        {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)});
  return rows;
}

std::vector<ExportedSheet> exported_sheets(db::Transaction& tx, std::int64_t edition_id) {
  std::vector<ExportedSheet> rows;
  for (auto r : tx.query("SELECT s.proposal_id, COALESCE(NULLIF(u.full_name, ''), u.username), "
                         "s.status, s.scores_json, s.comment FROM score_sheets s "
                         "JOIN users u ON u.id = s.evaluator_id WHERE s.edition_id = $1 "
                         "ORDER BY s.proposal_id, s.id",
                         {edition_id})) {
    ExportedSheet sheet{r.integer(0), r.text(1), r.text(2), {}, r.text(4)};
    for (const auto& [code, score] : judging::scores_from_json(r.text(3)))
      sheet.scores[code] = score;
    rows.push_back(std::move(sheet));
  }
  return rows;
}

std::optional<Dossier> dossier_of(db::Transaction& tx, std::int64_t edition_id,
                                  std::int64_t proposal_id) {
  return tx.first(
      "SELECT p.title, a.name, u.name, COALESCE(v.name, ''), p.group_code, COALESCE(c.name, '') "
      "FROM proposals p JOIN agencies a ON a.id = p.agency_id JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN provinces v ON v.code = p.province_code "
      "LEFT JOIN competition_categories c ON c.edition_id = p.edition_id "
      "AND c.code = p.category_code "
      "WHERE p.edition_id = $1 AND p.id = $2 AND p.status = 'passed'",
      {edition_id, proposal_id}, [&](const db::Result::Row& r) {
        Dossier d{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), {}, {}};
        for (auto s : tx.query("SELECT code, body FROM proposal_sections WHERE proposal_id = $1",
                               {proposal_id}))
          d.sections[s.text(0)] = s.text(1);
        for (auto f : tx.query("SELECT attachment_code FROM proposal_files WHERE proposal_id = $1 "
                               "ORDER BY attachment_code",
                               {proposal_id}))
          d.attachment_codes.push_back(f.text(0));
        return d;
      });
}

}  // namespace simpul::finals
