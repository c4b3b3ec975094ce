#include "catalogue/store.hpp"

#include <nlohmann/json.hpp>

#include "innovations/model.hpp"

namespace simpul::catalogue {
namespace {

// The award tiers of an innovation as a bit mask (bit i for innovations::kAwardTiers[i]): each
// tier's bit counted once, however many awards of that tier.
std::string award_mask_sql() {
  std::string cases;
  for (std::size_t i = 0; i < std::size(innovations::kAwardTiers); ++i) {
    cases += " WHEN '" + std::string(innovations::kAwardTiers[i]) + "' THEN " +
             std::to_string(std::int64_t{1} << i);
  }
  return "COALESCE((SELECT SUM(DISTINCT CASE a.tier" + cases +
         " ELSE 0 END) FROM innovation_awards a WHERE a.innovation_id = p.innovation_id), 0)";
}

const std::string& published_select() {
  static const std::string sql =
      "SELECT p.innovation_id, p.name, p.snapshot_json, COALESCE(p.province_code, ''), "
      "p.agency_type, p.form, p.type, p.stage, p.year, p.sdg_mask, p.affair_mask, p.published_at, "
      "p.agency_id, p.is_sample, " +
      award_mask_sql() + " FROM innovation_published p ";
  return sql;
}

// Enough for a 220-byte snippet around the first matches; every byte here is held in memory for
// every published innovation.
constexpr std::size_t kSummaryBytes = 320;

// Cuts at a UTF-8 character boundary.
std::string prefix(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::string text_of(const nlohmann::json& snapshot, const char* key) {
  auto it = snapshot.find(key);
  return it != snapshot.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "$1, $2, …" for ids[begin..end), the ids appended to params.
std::string id_list(const std::vector<std::int64_t>& ids, std::size_t begin, std::size_t end,
                    db::Params& params) {
  std::string placeholders;
  for (std::size_t i = begin; i < end; ++i) {
    placeholders += (placeholders.empty() ? "$" : ", $") + std::to_string(params.size() + 1);
    params.push_back(ids[i]);
  }
  return placeholders;
}

std::string joined_texts(const nlohmann::json& snapshot) {
  return text_of(snapshot, "problem") + "\n" + text_of(snapshot, "design") + "\n" +
         text_of(snapshot, "goals") + "\n" + text_of(snapshot, "benefits");
}

PublishedRecord record_from(const db::Result::Row& row) {
  PublishedRecord record;
  auto snapshot = nlohmann::json::parse(row.text(2), nullptr, false);
  if (!snapshot.is_object()) snapshot = nlohmann::json::object();
  auto& p = record.indexed;
  p.id = row.integer(0);
  p.name = row.text(1);
  p.short_name = text_of(snapshot, "short_name");
  p.province_code = row.text(3);
  p.agency_type = row.text(4);
  p.form = row.text(5);
  p.type = row.text(6);
  p.stage = row.text(7);
  if (!row.is_null(8)) p.year = static_cast<int>(row.integer(8));
  p.sdg_mask = row.integer(9);
  p.affair_mask = row.integer(10);
  p.published_at = row.integer(11);
  p.award_mask = row.integer(14);
  p.is_sample = row.integer(13) != 0;
  if (auto tags = snapshot.find("tags"); tags != snapshot.end() && tags->is_array()) {
    for (const auto& tag : *tags) {
      if (tag.is_string()) p.tags += tag.get<std::string>() + " ";
    }
  }
  std::string problem = text_of(snapshot, "problem"), design = text_of(snapshot, "design");
  p.text = joined_texts(snapshot);
  record.card = {p.id,
                 p.name,
                 p.short_name,
                 row.integer(12),
                 p.province_code,
                 p.agency_type,
                 p.form,
                 p.type,
                 p.stage,
                 p.year,
                 row.integer(13) != 0,
                 prefix(problem + " " + design, kSummaryBytes)};
  return record;
}

}  // namespace

std::vector<PublishedRecord> published_page(db::Transaction& tx, std::int64_t after_id,
                                            std::int64_t limit) {
  std::vector<PublishedRecord> records;
  for (auto row :
       tx.query(published_select() + "WHERE p.innovation_id > $1 ORDER BY p.innovation_id LIMIT $2",
                {after_id, limit})) {
    records.push_back(record_from(row));
  }
  return records;
}

std::optional<PublishedRecord> find_published(db::Transaction& tx, std::int64_t id) {
  return tx.first(published_select() + "WHERE p.innovation_id = $1", {id}, record_from);
}

std::map<std::int64_t, std::string> indexed_texts(db::Transaction& tx,
                                                  const std::vector<std::int64_t>& ids) {
  // A page's hits at most (20): one statement.
  std::map<std::int64_t, std::string> texts;
  if (ids.empty()) return texts;
  db::Params params;
  std::string placeholders = id_list(ids, 0, ids.size(), params);
  for (auto row : tx.query("SELECT innovation_id, snapshot_json FROM innovation_published WHERE "
                           "innovation_id IN (" +
                               placeholders + ")",
                           params)) {
    auto snapshot = nlohmann::json::parse(row.text(1), nullptr, false);
    if (snapshot.is_object()) texts[row.integer(0)] = joined_texts(snapshot);
  }
  return texts;
}

std::vector<std::string> province_codes(db::Transaction& tx) {
  std::vector<std::string> codes;
  for (auto row : tx.query("SELECT code FROM provinces ORDER BY code"))
    codes.push_back(row.text(0));
  return codes;
}

std::map<std::string, std::string> province_names(db::Transaction& tx) {
  std::map<std::string, std::string> names;
  for (auto row : tx.query("SELECT code, name FROM provinces")) names[row.text(0)] = row.text(1);
  return names;
}

std::map<std::int64_t, std::string> agency_names(db::Transaction& tx) {
  std::map<std::int64_t, std::string> names;
  for (auto row : tx.query("SELECT id, name FROM agencies")) names[row.integer(0)] = row.text(1);
  return names;
}

}  // namespace simpul::catalogue

namespace simpul::catalogue {

std::vector<ExportRow> export_rows(db::Transaction& tx, const std::vector<std::int64_t>& ids) {
  std::vector<ExportRow> rows;
  rows.reserve(ids.size());
  constexpr std::size_t kChunk = 500;  // bound parameters per statement
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    std::size_t end = std::min(ids.size(), start + kChunk);
    db::Params params;
    std::string placeholders = id_list(ids, start, end, params);
    std::map<std::int64_t, ExportRow> found;
    for (auto row :
         tx.query("SELECT p.innovation_id, p.snapshot_json, a.name, COALESCE(pr.name, ''), "
                  "p.agency_type, p.published_at FROM innovation_published p "
                  "JOIN agencies a ON a.id = p.agency_id "
                  "LEFT JOIN provinces pr ON pr.code = p.province_code "
                  "WHERE p.innovation_id IN (" +
                      placeholders + ")",
                  params)) {
      found[row.integer(0)] = {row.integer(0), row.text(1), row.text(2),
                               row.text(3),    row.text(4), row.integer(5)};
    }
    for (std::size_t i = start; i < end; ++i) {
      if (auto it = found.find(ids[i]); it != found.end()) rows.push_back(std::move(it->second));
    }
  }
  return rows;
}

}  // namespace simpul::catalogue
