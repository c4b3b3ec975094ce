// The SQL of commitment rounds, their offers and commitments.
#include "replication/store.hpp"

namespace simpul::replication {
namespace {

using Row = db::Result::Row;

constexpr const char* kRoundSelect =
    "SELECT r.id, r.title, r.province_code, COALESCE(p.name, ''), r.signed_on, r.organiser_role, "
    "r.organiser_agency_id, r.closed_at, r.source_note, r.is_sample, r.version "
    "FROM replication_rounds r LEFT JOIN provinces p ON p.code = r.province_code ";

Round round_from(const Row& r) {
  return {r.integer(0),
          r.text(1),
          r.text(2),
          r.text(3),
          r.text(4),
          r.text(5),
          r.optional_integer(6),
          r.optional_integer(7),
          r.text(8),
          r.integer(9) != 0,
          r.integer(10)};
}

}  // namespace

std::int64_t insert_round(db::Transaction& tx, const NewRound& round,
                          std::optional<std::int64_t> user_id, std::int64_t now) {
  return tx.scalar(
      "INSERT INTO replication_rounds (title, province_code, signed_on, organiser_role, "
      "organiser_agency_id, source_note, is_sample, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {round.title, round.province_code, round.signed_on, round.organiser_role,
       db::optional_integer(round.organiser_agency_id), round.source_note,
       std::int64_t{round.is_sample}, db::optional_integer(user_id), now});
}

std::optional<Round> find_round(db::Transaction& tx, std::int64_t id) {
  return tx.first(std::string(kRoundSelect) + "WHERE r.id = $1", {id}, round_from);
}

bool bump_round(db::Transaction& tx, std::int64_t id, std::int64_t from_version,
                std::optional<std::int64_t> closed_at) {
  return tx.execute(
             "UPDATE replication_rounds SET version = version + 1, "
             "closed_at = COALESCE($1, closed_at) WHERE id = $2 AND version = $3",
             {db::optional_integer(closed_at), id, from_version}) == 1;
}

bool province_exists(db::Transaction& tx, const std::string& code) {
  return tx.scalar("SELECT COUNT(*) FROM provinces WHERE code = $1", {code}) > 0;
}

std::vector<ListedRound> list_rounds(db::Transaction& tx) {
  std::vector<ListedRound> out;
  for (const auto& r : tx.query(
           std::string("SELECT r.id, r.title, r.province_code, COALESCE(p.name, ''), r.signed_on, "
                       "r.organiser_role, r.organiser_agency_id, r.closed_at, r.source_note, "
                       "r.is_sample, r.version, "
                       "(SELECT COUNT(*) FROM replication_round_offers o WHERE o.round_id = r.id), "
                       "(SELECT COUNT(DISTINCT c.adopter_agency_id) FROM replication_commitments c "
                       "WHERE c.round_id = r.id), "
                       "(SELECT COUNT(*) FROM replication_commitments c WHERE c.round_id = r.id) "
                       "FROM replication_rounds r LEFT JOIN provinces p ON "
                       "p.code = r.province_code ORDER BY r.signed_on DESC, r.id DESC")))
    out.push_back({round_from(r), r.integer(11), r.integer(12), r.integer(13)});
  return out;
}

void insert_offer(db::Transaction& tx, std::int64_t round_id, std::int64_t innovation_id,
                  bool is_sample) {
  tx.execute(
      "INSERT INTO replication_round_offers (round_id, source_innovation_id, is_sample) "
      "VALUES ($1, $2, $3)",
      {round_id, innovation_id, std::int64_t{is_sample}});
}

std::vector<Offer> offers_of(db::Transaction& tx, std::int64_t round_id) {
  std::vector<Offer> out;
  for (const auto& r : tx.query(
           "SELECT o.source_innovation_id, s.name, a.name, o.is_sample "
           "FROM replication_round_offers o JOIN innovations s ON s.id = o.source_innovation_id "
           "JOIN agencies a ON a.id = s.agency_id WHERE o.round_id = $1 ORDER BY s.name, s.id",
           {round_id}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3) != 0});
  return out;
}

void insert_commitment(db::Transaction& tx, std::int64_t round_id, std::int64_t agency_id,
                       std::int64_t source_innovation_id, std::int64_t replication_id,
                       bool is_sample, std::optional<std::int64_t> user_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO replication_commitments (round_id, adopter_agency_id, source_innovation_id, "
      "replication_id, is_sample, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {round_id, agency_id, source_innovation_id, replication_id, std::int64_t{is_sample},
       db::optional_integer(user_id), now});
}

bool commitment_exists(db::Transaction& tx, std::int64_t round_id, std::int64_t agency_id,
                       std::int64_t source_innovation_id) {
  return tx.scalar(
             "SELECT COUNT(*) FROM replication_commitments WHERE round_id = $1 AND "
             "adopter_agency_id = $2 AND source_innovation_id = $3",
             {round_id, agency_id, source_innovation_id}) > 0;
}

std::vector<Commitment> commitments_of(db::Transaction& tx, std::int64_t round_id) {
  std::vector<Commitment> out;
  for (const auto& r :
       tx.query("SELECT c.adopter_agency_id, a.name, c.source_innovation_id, c.replication_id, "
                "rp.stage, c.is_sample FROM replication_commitments c "
                "JOIN agencies a ON a.id = c.adopter_agency_id "
                "JOIN replications rp ON rp.id = c.replication_id WHERE c.round_id = $1 "
                "ORDER BY a.name, c.source_innovation_id",
                {round_id}))
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.integer(3),
                   parse_stage(r.text(4)).value_or(Stage::komitmen), r.integer(5) != 0});
  return out;
}

std::vector<UnitChoice> regional_agencies(db::Transaction& tx, const std::string& province_code) {
  std::vector<UnitChoice> out;
  for (const auto& r :
       tx.query("SELECT id, name FROM agencies WHERE province_code = $1 AND active = 1 AND "
                "type IN ('provinsi', 'kabupaten', 'kota') ORDER BY type <> 'provinsi', name",
                {province_code}))
    out.push_back({r.integer(0), r.text(1)});
  return out;
}

std::vector<std::pair<std::string, std::string>> provinces(db::Transaction& tx) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : tx.query("SELECT code, name FROM provinces ORDER BY name"))
    out.emplace_back(r.text(0), r.text(1));
  return out;
}

}  // namespace simpul::replication
