#pragma once
// What later stages (proposals, judging, finals) read of an edition inside their own
// transactions, the edition's row lock they take before a step that must not interleave, and
// what they tell the competition in return (LaterStages).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "core/db/database.hpp"

namespace simpul::competitions {

std::optional<Edition> find_edition(db::Transaction& tx, std::int64_t id);

// Takes the edition's row lock for the rest of the transaction: steps that read the edition's
// state and then change it (a cap's last place, a publication, a reminder round) run one after the
// other on PostgreSQL as they do on SQLite, whose writers take turns anyway.
void lock_edition(db::Transaction& tx, std::int64_t id);

// Who looks at an edition's page, for the links the later stages offer there.
struct EditionViewer {
  bool manager = false;  // runs the edition
  bool panel = false;    // the manager or a panelist
  bool agency = false;   // an agency's operator or local administrator
  bool registration_open = false;
};

struct EditionLink {
  std::string url;
  std::string text_key;  // the link's text in the catalogue
};

// What the stages after the call (proposals, judging, finals) tell the competition about one of
// its editions: the pages they offer on its page, and whether a category is still named by their
// records. They register here at start-up, so the competition knows neither their addresses nor
// their tables, and the graph's arrows keep pointing one way.
class LaterStages {
 public:
  using Links = std::function<void(db::Transaction&, const Edition&, const EditionViewer&,
                                   std::vector<EditionLink>&)>;
  using CategoryInUse =
      std::function<bool(db::Transaction&, std::int64_t edition_id, const std::string& code)>;

  void add_links(Links links) { links_.push_back(std::move(links)); }
  void add_category_check(CategoryInUse check) { category_checks_.push_back(std::move(check)); }

  // In the order the stages registered, which is the order of the programme.
  std::vector<EditionLink> links(db::Transaction& tx, const Edition& edition,
                                 const EditionViewer& viewer) const;
  bool category_in_use(db::Transaction& tx, std::int64_t edition_id, const std::string& code) const;

 private:
  std::vector<Links> links_;
  std::vector<CategoryInUse> category_checks_;
};

}  // namespace simpul::competitions
