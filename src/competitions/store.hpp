#pragma once
// Every SQL statement of competitions: editions and their set-up, deadline extensions, and the
// owning agency's facts, read with the feature's own statements.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "competitions/editions.hpp"
#include "competitions/model.hpp"
#include "core/db/database.hpp"

namespace simpul::competitions {

struct NewEdition {
  Setup setup;
  Status status = Status::draft;
  std::optional<std::int64_t> copied_from;
  std::optional<std::int64_t> created_by;
  std::int64_t now = 0;
};
// The edition at version 1 with every part of its set-up.
std::int64_t insert_edition(db::Transaction& tx, const NewEdition& edition);
// Moves the edition from based_on to the next version; false, and nothing written, when it is no
// longer at based_on (optimistic locking).
bool advance_version(db::Transaction& tx, std::int64_t id, std::int64_t based_on,
                     std::optional<std::int64_t> user_id, std::int64_t now);
// Writes one part of the set-up. Rows of lists are kept by code (updated in place, the others
// deleted), so a code a proposal uses cannot vanish under it.
void write_part(db::Transaction& tx, std::int64_t id, const Setup& setup, Part part);
void mark_published(db::Transaction& tx, std::int64_t id, std::int64_t now);
void set_stage_end(db::Transaction& tx, std::int64_t id, const std::string& stage,
                   std::int64_t ends_at);
void insert_extension(db::Transaction& tx, std::int64_t id, const Extension& extension,
                      std::optional<std::int64_t> user_id);
// Another edition of the same level, owner and year, if there is one.
std::optional<std::int64_t> edition_of_year(db::Transaction& tx, Level level,
                                            const std::optional<std::int64_t>& owner, int year);

struct ListedEdition {
  std::int64_t id = 0;
  int year = 0;
  std::string title;
  Level level = Level::national;
  std::string owner_name;
  Status status = Status::draft;
  view::Zone zone = view::Zone::wib;
  std::optional<std::int64_t> registration_opens;
  std::optional<std::int64_t> registration_close;
};
// Published editions of every level, newest year first.
std::vector<ListedEdition> published_editions(db::Transaction& tx);
// The editions of a level and owner, drafts included, newest year first.
std::vector<ListedEdition> editions_of(db::Transaction& tx, Level level,
                                       const std::optional<std::int64_t>& owner);

std::optional<std::int64_t> agency_named(db::Transaction& tx, const std::string& name);

struct AgencyFacts {
  std::int64_t id = 0;
  std::string name;
  std::string type;
};
std::optional<AgencyFacts> find_agency(db::Transaction& tx, std::int64_t id);

}  // namespace simpul::competitions
