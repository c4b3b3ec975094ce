#pragma once
// What other features read and write of the registry inside their own transactions: the blob
// store that holds every file once per content (proposals keep their attachments there too) and
// an innovation's awards (a competition's results write them).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "innovations/model.hpp"

namespace simpul::innovations {

// Where a new innovation goes: its unit and agency, with what a snapshot records of them.
struct Placement {
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string agency_type;
  std::string province_code;
  std::int64_t unit_id = 0;
  std::string unit_name;
};

// The unit and its agency, as a new innovation records them; nullopt for an unknown unit.
std::optional<Placement> placement_of_unit(db::Transaction& tx, std::int64_t unit_id);

// The bytes go in once per SHA-256; true when they were not stored yet.
bool store_blob(db::Transaction& tx, const std::string& sha256, const std::string& bytes,
                std::int64_t now);
std::optional<std::string> blob_bytes(db::Transaction& tx, const std::string& sha256);

// Awards, newest first.
void insert_award(db::Transaction& tx, std::int64_t innovation_id, const Award& award,
                  std::int64_t now);
std::vector<Award> awards_of(db::Transaction& tx, std::int64_t innovation_id);

}  // namespace simpul::innovations
