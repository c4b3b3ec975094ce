#pragma once
// The catalogue's reads: published innovations (only ever innovation_published, never the working
// copies, so a revision in progress cannot leak), and the names it shows.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/schema.hpp"
#include "core/db/database.hpp"

namespace simpul::catalogue {

// A published innovation as the catalogue shows it in a result list.
struct Card {
  std::int64_t id = 0;
  std::string name, short_name;
  std::int64_t agency_id = 0;
  std::string province_code, agency_type, form, type, stage;
  std::optional<int> year;
  bool is_sample = false;
  std::string summary;  // the start of the problem and design texts, for snippets
};

struct PublishedRecord {
  Published indexed;
  Card card;
};

// Published innovations with ids above after_id, in id order: read in pages, because a result is
// held in memory whole and 100,000 snapshots at once would double the start-up peak memory.
std::vector<PublishedRecord> published_page(db::Transaction& tx, std::int64_t after_id,
                                            std::int64_t limit);
std::optional<PublishedRecord> find_published(db::Transaction& tx, std::int64_t id);
std::vector<std::string> province_codes(db::Transaction& tx);
// The whole indexed texts (problem, design, goals, benefits) of these published innovations, by
// id: for the snippet of a hit whose match lies beyond the summary kept in memory.
std::map<std::int64_t, std::string> indexed_texts(db::Transaction& tx,
                                                  const std::vector<std::int64_t>& ids);
std::map<std::string, std::string> province_names(db::Transaction& tx);
std::map<std::int64_t, std::string> agency_names(db::Transaction& tx);

}  // namespace simpul::catalogue

namespace simpul::catalogue {

// The public fields of published innovations for an export, in the order of ids.
struct ExportRow {
  std::int64_t id = 0;
  std::string snapshot_json;
  std::string agency_name;
  std::string province_name;
  std::string agency_type;
  std::int64_t published_at = 0;
};
std::vector<ExportRow> export_rows(db::Transaction& tx, const std::vector<std::int64_t>& ids);

}  // namespace simpul::catalogue
