#pragma once
// The column layout of an innovation import and how one row becomes a profile. Pure: a table of
// cells in, profiles and every problem out (row, column, message key), so a dry run can list them
// all at once. Unit-tested on worked examples.
//
// The layout is the catalogue export's (catalogue/export.cpp) plus "unit", so an exported file can
// be edited and imported again; the export's read-only columns (id, instansi, ...) are accepted and
// ignored. Headers match without regard to case, spaces or dashes ("Nama Singkat" = nama_singkat).
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/sheet/sheet.hpp"
#include "core/util/errors.hpp"
#include "innovations/model.hpp"

namespace simpul::imports {

struct Column {
  std::string_view name;   // as written in the header
  std::string_view field;  // the innovations::Fields member it fills, "unit", or "" if ignored
  bool required = false;
};
// In the documented order; the import page and the template are made from this list.
const std::vector<Column>& columns();

// Accepted words for the coded lists, besides the codes themselves: folded label -> code, per list
// ("form", "type", "stage", "initiator", "affair"). Built from the Indonesian catalogue.
using ChoiceLabels = std::map<std::string, std::map<std::string, std::string>>;
// Lower case, runs of spaces, dashes and underscores as one space, trimmed.
std::string fold(std::string_view text);

struct RowProblem {
  std::size_t row = 0;  // as the user sees it in a spreadsheet program
  std::string column;   // header name, empty when the whole row is concerned
  std::string key;      // i18n message key
  MessageArgs args;
  bool operator==(const RowProblem&) const = default;
};

struct Entry {
  std::size_t row = 0;
  std::string unit_name;
  innovations::Fields fields;  // checked and normalised by check_fields()
};

struct Reading {
  std::vector<Entry> entries;
  std::vector<RowProblem> problems;  // in row order, then column order
};

inline constexpr std::size_t kMaxRows = 100'000;

// The header of a file to fill in: the columns that are read, in the documented order.
std::vector<std::string> import_header();
// One innovation as cells under import_header(), as read_rows() reads them back.
std::vector<std::string> row_cells(const std::string& unit_name, const innovations::Fields& fields);

// Reads every row, moving the long texts out of the table rather than copying them: an import of
// 100,000 full profiles is a few hundred MB. With publish set, a row must also be complete for
// publication. Rows with problems are not in entries.
Reading read_rows(sheet::Table table, const ChoiceLabels& labels, bool publish);

}  // namespace simpul::imports
