#include "replication/store.hpp"

#include "core/util/numbers.hpp"
#include "replication/counts.hpp"
#include "replication/network.hpp"

#include <algorithm>
#include <cctype>

namespace simpul::replication {
namespace {

using Row = db::Result::Row;

constexpr const char* kPartyColumns =
    "a.id, a.name, a.type, COALESCE(a.province_code, ''), COALESCE(p.name, ''), a.timezone";

Party party_from(const Row& r, std::size_t first) {
  return {r.integer(first),  r.text(first + 1), r.text(first + 2),
          r.text(first + 3), r.text(first + 4), r.text(first + 5)};
}

Stage stage_from(const std::string& code) { return parse_stage(code).value_or(Stage::minat); }

// A record with both agencies, the adopter's unit and its own innovation, if any.
constexpr const char* kReplicationSelect =
    "SELECT r.id, r.source_innovation_id, s.name, "
    "sa.id, sa.name, sa.type, COALESCE(sa.province_code, ''), COALESCE(sp.name, ''), "
    "sa.timezone, "
    "aa.id, aa.name, aa.type, COALESCE(aa.province_code, ''), COALESCE(ap.name, ''), "
    "aa.timezone, "
    "r.adopter_unit_id, COALESCE(u.name, ''), r.adopted_innovation_id, COALESCE(ai.name, ''), "
    "CASE WHEN aip.innovation_id IS NULL THEN 0 ELSE 1 END, r.stage, r.stopped_at_stage, "
    "r.plan_keeps, r.plan_changes, r.decree, r.is_sample, r.version, r.created_at, r.updated_at "
    "FROM replications r "
    "JOIN innovations s ON s.id = r.source_innovation_id "
    "JOIN agencies sa ON sa.id = s.agency_id LEFT JOIN provinces sp ON sp.code = sa.province_code "
    "JOIN agencies aa ON aa.id = r.adopter_agency_id "
    "LEFT JOIN provinces ap ON ap.code = aa.province_code "
    "LEFT JOIN units u ON u.id = r.adopter_unit_id "
    "LEFT JOIN innovations ai ON ai.id = r.adopted_innovation_id "
    "LEFT JOIN innovation_published aip ON aip.innovation_id = r.adopted_innovation_id ";

Replication replication_from(const Row& r) {
  Replication out;
  out.id = r.integer(0);
  out.source_innovation_id = r.integer(1);
  out.source_name = r.text(2);
  out.source = party_from(r, 3);
  out.adopter = party_from(r, 9);
  out.adopter_unit_id = r.optional_integer(15);
  out.adopter_unit_name = r.text(16);
  out.adopted_innovation_id = r.optional_integer(17);
  out.adopted_name = r.text(18);
  out.adopted_published = r.integer(19) != 0;
  out.stage = stage_from(r.text(20));
  if (auto stopped = r.optional_text(21)) out.stopped_at = parse_stage(*stopped);
  out.plan_keeps = r.text(22);
  out.plan_changes = r.text(23);
  out.decree = r.text(24);
  out.is_sample = r.integer(25) != 0;
  out.version = r.integer(26);
  out.created_at = r.integer(27);
  out.updated_at = r.integer(28);
  return out;
}

std::vector<Replication> replications_where(db::Transaction& tx, const std::string& where,
                                            const db::Params& params) {
  std::vector<Replication> out;
  for (const auto& row : tx.query(kReplicationSelect + where, params))
    out.push_back(replication_from(row));
  return out;
}

constexpr const char* kStepSelect =
    "SELECT s.id, s.stage, s.happened_on, s.evidence_url, s.file_name, s.file_type, s.file_size, "
    "s.file_sha256, s.note, COALESCE(u.full_name, u.username, ''), s.recorded_at "
    "FROM replication_steps s LEFT JOIN users u ON u.id = s.recorded_by "
    "WHERE s.replication_id = $1";

Step step_from(const Row& r) {
  return {r.integer(0),
          stage_from(r.text(1)),
          r.text(2),
          r.text(3),
          {r.text(4), r.text(5), r.integer(6), r.text(7)},
          r.text(8),
          r.text(9),
          r.integer(10)};
}

}  // namespace

std::optional<Source> find_source(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.first(std::string("SELECT ip.innovation_id, ip.name, ip.is_sample, ") + kPartyColumns +
                      " FROM innovation_published ip JOIN agencies a ON a.id = ip.agency_id "
                      "LEFT JOIN provinces p ON p.code = a.province_code "
                      "WHERE ip.innovation_id = $1",
                  {innovation_id}, [](const Row& r) {
                    return Source{r.integer(0), r.text(1), party_from(r, 3), r.integer(2) != 0};
                  });
}

std::vector<Source> search_sources(db::Transaction& tx, const std::string& text,
                                   std::int64_t except_agency_id, int limit) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  pattern += "%";
  std::vector<Source> out;
  for (const auto& r :
       tx.query(std::string("SELECT ip.innovation_id, ip.name, ip.is_sample, ") + kPartyColumns +
                    " FROM innovation_published ip JOIN agencies a ON a.id = ip.agency_id "
                    "LEFT JOIN provinces p ON p.code = a.province_code "
                    "WHERE LOWER(ip.name) LIKE $1 ESCAPE '\\' AND ip.agency_id <> $2 "
                    "ORDER BY ip.is_sample, ip.name, ip.innovation_id LIMIT $3",
                {pattern, except_agency_id, std::int64_t{limit}}))
    out.push_back({r.integer(0), r.text(1), party_from(r, 3), r.integer(2) != 0});
  return out;
}

std::optional<std::string> published_snapshot(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.first("SELECT snapshot_json FROM innovation_published WHERE innovation_id = $1",
                  {innovation_id}, [](const Row& r) { return r.text(0); });
}

std::optional<Party> find_party(db::Transaction& tx, std::int64_t agency_id) {
  return tx.first(std::string("SELECT ") + kPartyColumns +
                      " FROM agencies a LEFT JOIN provinces p ON p.code = a.province_code "
                      "WHERE a.id = $1",
                  {agency_id}, [](const Row& r) { return party_from(r, 0); });
}

std::optional<std::int64_t> agency_of_unit(db::Transaction& tx, std::int64_t unit_id) {
  return tx.first("SELECT agency_id FROM units WHERE id = $1", {unit_id},
                  [](const Row& r) { return r.integer(0); });
}

std::vector<UnitChoice> units_of(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<UnitChoice> out;
  for (const auto& r :
       tx.query("SELECT id, name FROM units WHERE agency_id = $1 ORDER BY name", {agency_id}))
    out.push_back({r.integer(0), r.text(1)});
  return out;
}

std::vector<UnitChoice> innovations_of(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<UnitChoice> out;
  for (const auto& r : tx.query("SELECT id, name FROM innovations WHERE agency_id = $1 "
                                "ORDER BY updated_at DESC, id DESC LIMIT 200",
                                {agency_id}))
    out.push_back({r.integer(0), r.text(1)});
  return out;
}

std::optional<std::int64_t> innovation_agency(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.first("SELECT agency_id FROM innovations WHERE id = $1", {innovation_id},
                  [](const Row& r) { return r.integer(0); });
}

std::int64_t insert_replication(db::Transaction& tx, const NewReplication& entry,
                                std::optional<std::int64_t> user_id, std::int64_t now) {
  return tx.scalar(
      "INSERT INTO replications (source_innovation_id, adopter_agency_id, adopter_unit_id, stage, "
      "plan_keeps, plan_changes, is_sample, decree, stopped_at_stage, version, created_by, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $11) "
      "RETURNING id",
      {entry.source_innovation_id, entry.adopter_agency_id,
       db::optional_integer(entry.adopter_unit_id), std::string(stage_code(entry.stage)),
       entry.plan_keeps, entry.plan_changes, std::int64_t{entry.is_sample}, entry.decree,
       entry.stopped_at ? db::Value{std::string(stage_code(*entry.stopped_at))} : db::null(),
       db::optional_integer(user_id), now});
}

std::optional<std::int64_t> under_way(db::Transaction& tx, std::int64_t source_innovation_id,
                                      std::int64_t agency_id) {
  return tx.first(
      "SELECT id FROM replications WHERE source_innovation_id = $1 AND adopter_agency_id = $2 "
      "AND stage <> 'berhenti'",
      {source_innovation_id, agency_id}, [](const Row& r) { return r.integer(0); });
}

std::optional<Replication> find_replication(db::Transaction& tx, std::int64_t id) {
  auto found = replications_where(tx, "WHERE r.id = $1", {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool update_replication(db::Transaction& tx, const RecordChange& change, std::int64_t now) {
  auto stopped =
      change.stopped_at ? std::optional<std::string>(stage_code(*change.stopped_at)) : std::nullopt;
  return tx.execute(
             "UPDATE replications SET stage = $1, stopped_at_stage = $2, adopter_unit_id = $3, "
             "adopted_innovation_id = $4, plan_keeps = $5, plan_changes = $6, decree = $7, "
             "version = version + 1, updated_at = $8 WHERE id = $9 AND version = $10",
             {std::string(stage_code(change.stage)), db::optional_text(stopped),
              db::optional_integer(change.adopter_unit_id),
              db::optional_integer(change.adopted_innovation_id), change.plan_keeps,
              change.plan_changes, change.decree, now, change.id, change.from_version}) == 1;
}

void insert_step(db::Transaction& tx, std::int64_t replication_id, const NewStep& step,
                 std::optional<std::int64_t> user_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO replication_steps (replication_id, stage, happened_on, evidence_url, "
      "file_name, file_type, file_size, file_sha256, note, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {replication_id, std::string(stage_code(step.stage)), step.happened_on, step.evidence_url,
       step.file.name, step.file.type, step.file.size, step.file.sha256, step.note,
       db::optional_integer(user_id), now});
}

std::vector<Step> steps_of(db::Transaction& tx, std::int64_t replication_id) {
  std::vector<Step> out;
  for (const auto& r :
       tx.query(std::string(kStepSelect) + " ORDER BY s.happened_on, s.id", {replication_id}))
    out.push_back(step_from(r));
  return out;
}

std::optional<Step> find_step(db::Transaction& tx, std::int64_t replication_id, Stage stage) {
  return tx.first(std::string(kStepSelect) + " AND s.stage = $2",
                  {replication_id, std::string(stage_code(stage))}, step_from);
}

void insert_version(db::Transaction& tx, std::int64_t replication_id, std::int64_t version,
                    const nlohmann::json& snapshot, const std::string& note,
                    std::optional<std::int64_t> user_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO replication_versions (replication_id, version, snapshot, note, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
      {replication_id, version, snapshot.dump(), note, db::optional_integer(user_id), now});
}

void insert_session(db::Transaction& tx, std::int64_t replication_id, const SessionInput& session,
                    std::int64_t attendance, std::optional<std::int64_t> user_id,
                    std::int64_t now) {
  tx.execute(
      "INSERT INTO mentoring_sessions (replication_id, held_on, mentor_kind, mentor_name, topic, "
      "attendance, notes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {replication_id, session.held_on, session.mentor_kind, session.mentor_name, session.topic,
       attendance, session.notes, db::optional_integer(user_id), now});
}

std::vector<Session> sessions_of(db::Transaction& tx, std::int64_t replication_id) {
  std::vector<Session> out;
  for (const auto& r :
       tx.query("SELECT id, held_on, mentor_kind, mentor_name, topic, attendance, notes "
                "FROM mentoring_sessions WHERE replication_id = $1 ORDER BY held_on, id",
                {replication_id}))
    out.push_back(
        {r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.text(6)});
  return out;
}

std::int64_t insert_milestone(db::Transaction& tx, std::int64_t replication_id,
                              const std::string& title, const std::string& target_on,
                              std::optional<std::int64_t> user_id, std::int64_t now) {
  return tx.scalar(
      "INSERT INTO replication_milestones (replication_id, title, target_on, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {replication_id, title, target_on, db::optional_integer(user_id), now});
}

std::vector<Milestone> milestones_of(db::Transaction& tx, std::int64_t replication_id) {
  std::vector<Milestone> out;
  for (const auto& r : tx.query("SELECT id, title, target_on, done_on FROM replication_milestones "
                                "WHERE replication_id = $1 ORDER BY target_on, id",
                                {replication_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_text(3)});
  return out;
}

bool mark_milestone_done(db::Transaction& tx, std::int64_t replication_id,
                         std::int64_t milestone_id, const std::string& done_on) {
  return tx.execute(
             "UPDATE replication_milestones SET done_on = $1 WHERE id = $2 AND "
             "replication_id = $3 AND done_on IS NULL",
             {done_on, milestone_id, replication_id}) == 1;
}

std::vector<SourceProposal> proposals_naming(db::Transaction& tx,
                                             std::int64_t source_innovation_id) {
  std::vector<SourceProposal> out;
  for (const auto& r :
       tx.query("SELECT agency_id, innovation_id, edition_id FROM proposals WHERE group_code = "
                "'replikasi' AND source_innovation_id = $1 AND status <> 'withdrawn'",
                {source_innovation_id}))
    out.push_back({r.integer(0), r.integer(1), r.integer(2)});
  return out;
}

std::vector<Replication> replications_after(db::Transaction& tx, std::int64_t after_id, int limit,
                                            std::optional<std::int64_t> source_innovation_id,
                                            std::int64_t offset) {
  if (source_innovation_id)
    return replications_where(
        tx, "WHERE r.id > $1 AND r.source_innovation_id = $2 ORDER BY r.id LIMIT $3 OFFSET $4",
        {after_id, *source_innovation_id, std::int64_t{limit}, offset});
  return replications_where(tx, "WHERE r.id > $1 ORDER BY r.id LIMIT $2 OFFSET $3",
                            {after_id, std::int64_t{limit}, offset});
}

std::int64_t count_replications(db::Transaction& tx,
                                std::optional<std::int64_t> source_innovation_id) {
  if (source_innovation_id)
    return tx.scalar("SELECT COUNT(*) FROM replications WHERE source_innovation_id = $1",
                     {*source_innovation_id});
  return tx.scalar("SELECT COUNT(*) FROM replications");
}

std::unordered_map<std::int64_t, StepDates> step_dates(db::Transaction& tx, std::int64_t from_id,
                                                       std::int64_t to_id) {
  std::unordered_map<std::int64_t, StepDates> dates;
  for (const auto& r :
       tx.query("SELECT replication_id, MIN(happened_on), MAX(happened_on) FROM replication_steps "
                "WHERE replication_id BETWEEN $1 AND $2 GROUP BY replication_id",
                {from_id, to_id}))
    dates[r.integer(0)] = {r.text(1), r.text(2)};
  return dates;
}

std::vector<LinkedProposal> replication_proposals(db::Transaction& tx,
                                                  std::int64_t source_innovation_id,
                                                  std::int64_t agency_id) {
  std::vector<LinkedProposal> out;
  for (const auto& r :
       tx.query("SELECT p.id, p.title, p.edition_id, e.title, p.status, p.innovation_id "
                "FROM proposals p JOIN competition_editions e ON e.id = p.edition_id "
                "WHERE p.group_code = 'replikasi' AND p.source_innovation_id = $1 AND "
                "p.agency_id = $2 AND p.status <> 'withdrawn' ORDER BY p.created_at, p.id",
                {source_innovation_id, agency_id}))
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.integer(5)});
  return out;
}

NetworkData load_network(db::Transaction& tx) {
  NetworkData data;
  data.mark = newest_step(tx);
  std::unordered_map<std::string, std::int16_t> province_index;
  for (const auto& r : tx.query("SELECT code, name FROM provinces ORDER BY code")) {
    province_index[r.text(0)] = static_cast<std::int16_t>(data.provinces.size());
    data.provinces.emplace_back(r.text(0), r.text(1));
  }
  auto index_of = [&](const std::string& code) -> std::int16_t {
    auto found = province_index.find(code);
    return found == province_index.end() ? std::int16_t{-1} : found->second;
  };
  std::unordered_map<std::int64_t, std::int16_t> start_years;
  for (const auto& r : tx.query("SELECT replication_id, SUBSTR(MIN(happened_on), 1, 4) FROM "
                                "replication_steps GROUP BY replication_id"))
    start_years[r.integer(0)] = static_cast<std::int16_t>(parse_positive(r.text(1)).value_or(0));
  for (const auto& r : tx.query(
           "SELECT r.id, r.source_innovation_id, r.adopter_agency_id, "
           "COALESCE(sa.province_code, ''), COALESCE(aa.province_code, ''), r.stage, r.is_sample, "
           "s.affair_mask, s.name, sa.name, s.is_sample FROM replications r "
           "JOIN innovation_published s ON s.innovation_id = r.source_innovation_id "
           "JOIN agencies sa ON sa.id = s.agency_id JOIN agencies aa ON aa.id = "
           "r.adopter_agency_id "
           "WHERE r.stage <> 'berhenti'")) {
    NetworkRow row;
    row.source_id = r.integer(1);
    row.adopter_id = r.integer(2);
    row.source_province = index_of(r.text(3));
    row.adopter_province = index_of(r.text(4));
    row.stage = stage_from(r.text(5));
    row.is_sample = r.integer(6) != 0;
    row.affair_mask = r.integer(7);
    row.start_year = start_years[r.integer(0)];
    data.rows.push_back(row);
    if (!data.sources.count(row.source_id))
      data.sources[row.source_id] = {r.text(8), r.text(9), r.integer(10) != 0};
  }
  summarise(data);
  data.recent = recent_steps(tx, 10);
  for (const auto& r : tx.query(
           "SELECT r.id, r.source_innovation_id, r.adopter_agency_id, aa.name, aa.type, r.stage, "
           "r.stopped_at_stage, r.adopted_innovation_id, s.name, sa.id, sa.name "
           "FROM replications r JOIN innovations s ON s.id = r.source_innovation_id "
           "JOIN agencies sa ON sa.id = s.agency_id JOIN agencies aa ON aa.id = "
           "r.adopter_agency_id ORDER BY r.created_at, r.id")) {
    NetworkData::Adopting adopting{r.integer(0), r.integer(2),          r.text(3),
                                   r.text(4),    stage_from(r.text(5)), std::nullopt};
    if (auto stopped = r.optional_text(6)) adopting.stopped_at = parse_stage(*stopped);
    data.by_source[r.integer(1)].push_back(std::move(adopting));
    data.source_agency[r.integer(1)] = r.integer(9);
    if (auto adopted = r.optional_integer(7))
      data.by_adopted[*adopted] = {r.integer(0), r.integer(1), r.text(8), r.text(10)};
  }
  return data;
}

std::unordered_map<std::int64_t, std::int64_t> adopter_counts(db::Transaction& tx) {
  std::unordered_map<std::int64_t, std::int64_t> counts;
  for (const auto& r : tx.query("SELECT source_innovation_id, COUNT(DISTINCT adopter_agency_id) "
                                "FROM replications WHERE stage <> 'berhenti' "
                                "GROUP BY source_innovation_id"))
    counts[r.integer(0)] = r.integer(1);
  return counts;
}

std::int64_t adopter_count(db::Transaction& tx, std::int64_t innovation_id) {
  return tx.scalar(
      "SELECT COUNT(DISTINCT adopter_agency_id) FROM replications "
      "WHERE source_innovation_id = $1 AND stage <> 'berhenti'",
      {innovation_id});
}

CountChanges changed_since(db::Transaction& tx, std::int64_t mark) {
  CountChanges changes{{}, mark};
  for (const auto& r : tx.query("SELECT s.id, r.source_innovation_id FROM replication_steps s "
                                "JOIN replications r ON r.id = s.replication_id WHERE s.id > $1 "
                                "ORDER BY s.id",
                                {mark})) {
    changes.mark = std::max(changes.mark, r.integer(0));
    changes.sources.insert(r.integer(1));
  }
  return changes;
}

std::int64_t newest_step(db::Transaction& tx) {
  return tx.scalar("SELECT COALESCE(MAX(id), 0) FROM replication_steps");
}

std::vector<RecentStep> recent_steps(db::Transaction& tx, int limit) {
  std::vector<RecentStep> out;
  for (const auto& r :
       tx.query("SELECT r.id, st.stage, st.happened_on, s.name, a.name, r.is_sample "
                "FROM replication_steps st JOIN replications r ON r.id = st.replication_id "
                "JOIN innovations s ON s.id = r.source_innovation_id "
                "JOIN agencies a ON a.id = r.adopter_agency_id "
                "ORDER BY st.happened_on DESC, st.id DESC LIMIT $1",
                {std::int64_t{limit}}))
    out.push_back(
        {r.integer(0), stage_from(r.text(1)), r.text(2), r.text(3), r.text(4), r.integer(5) != 0});
  return out;
}

}  // namespace simpul::replication
