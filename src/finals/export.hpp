#pragma once
// The complete export of an edition's judging for whoever runs it, as CSV or XLSX: one row per
// screened proposal with its three evaluation scores, its nomination, the shortlist's reason, the
// panel's choice, objections, removal and final tier; and one row per score sheet with every
// aspect. Pure: the rows from data the caller reads. Numbers are written with a point and two
// decimals, so spreadsheets in any locale read them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "finals/store.hpp"
#include "judging/aggregation.hpp"

namespace simpul::finals {

struct ExportInput {
  std::vector<competitions::RubricAspect> rubric;
  std::vector<ExportedProposal> proposals;  // screened, by id
  std::vector<ExportedSheet> sheets;
  std::optional<judging::Aggregation> aggregation;  // none when the rubric no longer fits
  std::vector<NomineeRow> nominees;
  std::map<std::int64_t, int> objections;  // per proposal
  std::map<std::int64_t, std::string> tiers;
};

struct ExportTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

ExportTable proposals_table(const ExportInput& input);
ExportTable sheets_table(const ExportInput& input);
std::string number_cell(double value);

}  // namespace simpul::finals
