#pragma once
// Importing innovations from a spreadsheet into one agency: a dry run that lists every problem and
// writes nothing, and a run that checks again inside its write transaction and writes every row or
// none. Shared by the local admin's page and `simpul import`.
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/sheet/sheet.hpp"
#include "core/view/i18n.hpp"
#include "imports/layout.hpp"
#include "kernel/context.hpp"
#include "kernel/events.hpp"

namespace simpul::imports {

// The labels of the coded lists in both languages, so "Pelayanan publik" reads as pelayanan_publik.
ChoiceLabels choice_labels(const view::Catalog& catalog);

struct Request {
  std::int64_t agency_id = 0;
  std::string file_name;
  bool publish = false;  // publish every row at once (each must then be complete)
};

struct Plan {
  std::size_t rows = 0;                // data rows in the file
  std::vector<RowProblem> problems;    // every problem, in row order
  std::vector<std::string> new_units;  // units the import will create, as written
  std::size_t ready = 0;               // rows without a problem
};

// The dry run.
Plan check_import(db::Database& database, const Request& request, sheet::Table table,
                  const ChoiceLabels& labels);

struct Outcome {
  Plan plan;
  std::size_t imported = 0;  // 0 when the plan has problems: then nothing was written
};

// Checks again inside one write transaction and, without a problem, creates every row (and the
// new units), each innovation with its version and audit event, plus one audit event for the
// import. Announces the publications after the commit.
Outcome run_import(db::Database& database, const kernel::Events& events, const kernel::Actor& actor,
                   const Request& request, sheet::Table table, const ChoiceLabels& labels);

}  // namespace simpul::imports
