#include "imports/layout.hpp"
#include "core/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <type_traits>

namespace simpul::imports {
namespace {

using innovations::Fields;

// "Nama Singkat", "nama-singkat" and "NAMA_SINGKAT" all name nama_singkat.
std::string header_key(std::string_view header) {
  std::string key = fold(header);
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    if (auto part = trim(text.substr(start, end - start)); !part.empty()) parts.push_back(part);
    start = end + 1;
  }
  return parts;
}

// A code, or an accepted label of one; anything else is kept as written so that check_fields()
// reports it as an unknown choice.
std::string choice(const std::string& value, const ChoiceLabels& labels, const std::string& list) {
  std::string folded = fold(value);
  if (auto it = labels.find(list); it != labels.end()) {
    if (auto code = it->second.find(folded); code != it->second.end()) return code->second;
  }
  std::string as_code = folded;
  std::replace(as_code.begin(), as_code.end(), ' ', '_');
  return as_code.empty() ? value : as_code;
}

// YYYY-MM-DD as is; DD/MM/YYYY and DD-MM-YYYY, as Indonesian spreadsheets often hold dates, turned
// around. check_fields() judges the result.
std::string iso_date(const std::string& value) {
  if (value.size() == 10 && (value[2] == '/' || value[2] == '-') && value[5] == value[2]) {
    return value.substr(6, 4) + "-" + value.substr(3, 2) + "-" + value.substr(0, 2);
  }
  return value;
}

std::optional<int> sdg_number(const std::string& part) {
  if (part.empty() || part.size() > 2 || !std::all_of(part.begin(), part.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return std::nullopt;
  }
  return std::stoi(part);
}

// "16; 3", "16, 3", "SDG 16, SDG 3" and "16 3" all list goals 16 and 3.
std::vector<std::string> sdg_parts(const std::string& value) {
  std::string text = fold(value);
  for (auto at = text.find("sdg"); at != std::string::npos; at = text.find("sdg", at)) {
    text.replace(at, 3, " ");
  }
  return split_list(text, ";, ");
}

// "indikator: sebelum -> sesudah satuan", as the export writes a result; the first word after the
// arrow is the figure, the rest its unit.
std::optional<innovations::ResultRow> result_row(const std::string& text) {
  auto colon = text.find(':');
  auto arrow = text.find("->", colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || arrow == std::string::npos) return std::nullopt;
  innovations::ResultRow row;
  row.indicator = trim(std::string_view(text).substr(0, colon));
  row.before = trim(std::string_view(text).substr(colon + 1, arrow - colon - 1));
  std::string after = trim(std::string_view(text).substr(arrow + 2));
  auto space = after.find(' ');
  row.after = after.substr(0, space);
  if (space != std::string::npos) row.unit = trim(std::string_view(after).substr(space + 1));
  return row;
}

struct RowReader {
  std::size_t row;
  const ChoiceLabels& labels;
  std::vector<RowProblem>& problems;
  Entry entry;

  void problem(std::string_view column, std::string key, MessageArgs args = {}) {
    problems.push_back({row, std::string(column), std::move(key), std::move(args)});
  }

  void read(std::string_view column, std::string_view field, std::string& raw) {
    // The catalogue's CSV export guards cells that a spreadsheet would run as a formula with a
    // leading apostrophe; take it off again, so an export imports as it was.
    if (raw.size() > 1 && raw[0] == '\'' &&
        std::string_view("=+-@\t\r").find(raw[1]) != std::string_view::npos) {
      raw.erase(0, 1);
    }
    std::string value = trim(raw);
    Fields& f = entry.fields;
    if (field == "unit") {
      entry.unit_name = value;
    } else if (field == "name") {
      f.name = value;
    } else if (field == "short_name") {
      f.short_name = value;
    } else if (field == "form" || field == "type" || field == "stage" || field == "initiator") {
      std::string code = value.empty() ? "" : choice(value, labels, std::string(field));
      (field == "form"    ? f.form
       : field == "type"  ? f.type
       : field == "stage" ? f.stage
                          : f.initiator) = code;
    } else if (field == "affairs") {
      for (const auto& part : split_list(value, ";,"))
        f.affairs.push_back(choice(part, labels, "affair"));
    } else if (field == "sdgs") {
      for (const auto& part : sdg_parts(value)) {
        auto number = sdg_number(part);
        if (!number) return problem(column, "import.error.sdg", {{"value", part}});
        f.sdgs.push_back(*number);
      }
    } else if (field == "trial_date") {
      f.trial_date = iso_date(value);
    } else if (field == "implementation_date") {
      f.implementation_date = iso_date(value);
    } else if (field == "problem") {
      f.problem = std::move(raw);  // long texts keep their line breaks; check_fields() trims them
    } else if (field == "design") {
      f.design = std::move(raw);
    } else if (field == "goals") {
      f.goals = std::move(raw);
    } else if (field == "benefits") {
      f.benefits = std::move(raw);
    } else if (field == "results") {
      for (const auto& part : split_list(value, ";\n")) {
        auto result = result_row(part);
        if (!result) return problem(column, "import.error.result_format", {{"value", part}});
        f.results.push_back(std::move(*result));
      }
    } else if (field == "budget") {
      if (value.empty()) return;
      f.budget = innovations::parse_rupiah(value);
      if (!f.budget) problem(column, "innovation.error.budget");
    } else if (field == "video_url") {
      f.video_url = value;
    } else if (field == "tags") {
      std::replace(value.begin(), value.end(), ';', ',');
      std::optional<std::string> tag_problem;
      f.tags = innovations::parse_tags(value, tag_problem);
      if (tag_problem) problem(column, *tag_problem);
    }
  }
};

std::string column_of_field(std::string_view field) {
  if (field.starts_with("result_")) field = "results";
  for (const auto& column : columns()) {
    if (column.field == field) return std::string(column.name);
  }
  return {};
}

// The header's columns, by position; problems when a column is unknown, repeated or missing.
std::vector<const Column*> read_header(const sheet::Table& table,
                                       std::vector<RowProblem>& problems) {
  std::vector<const Column*> by_position;
  std::set<std::string_view> seen;
  for (const auto& cell : table.header) {
    std::string key = header_key(cell);
    auto found = std::find_if(columns().begin(), columns().end(),
                              [&](const Column& column) { return column.name == key; });
    if (found == columns().end()) {
      if (!key.empty())
        problems.push_back(
            {table.header_row_number, trim(cell), "import.error.unknown_column", {}});
      by_position.push_back(nullptr);
    } else if (!seen.insert(found->name).second) {
      problems.push_back(
          {table.header_row_number, std::string(found->name), "import.error.duplicate_column", {}});
      by_position.push_back(nullptr);
    } else {
      by_position.push_back(&*found);
    }
  }
  for (const auto& column : columns()) {
    if (column.required && !seen.count(column.name)) {
      problems.push_back(
          {table.header_row_number, std::string(column.name), "import.error.missing_column", {}});
    }
  }
  return by_position;
}

}  // namespace

const std::vector<Column>& columns() {
  static const std::vector<Column> list = {
      {"nama", "name", true},
      {"nama_singkat", "short_name"},
      {"unit", "unit", true},
      {"bentuk", "form"},
      {"jenis", "type"},
      {"tahap", "stage"},
      {"inisiator", "initiator"},
      {"urusan", "affairs"},
      {"sdgs", "sdgs"},
      {"tanggal_uji_coba", "trial_date"},
      {"tanggal_penerapan", "implementation_date"},
      {"latar_belakang", "problem"},
      {"rancang_bangun", "design"},
      {"tujuan", "goals"},
      {"manfaat", "benefits"},
      {"hasil", "results"},
      {"anggaran_rupiah", "budget"},
      {"video", "video_url"},
      {"tag", "tags"},
      // Written by the export, read-only here.
      {"id", ""},
      {"instansi", ""},
      {"klaster", ""},
      {"provinsi", ""},
      {"diterbitkan", ""},
      {"url", ""},
  };
  return list;
}

std::string fold(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '\r' || c == '\n') {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::string> import_header() {
  std::vector<std::string> header;
  for (const auto& column : columns()) {
    if (!column.field.empty()) header.emplace_back(column.name);
  }
  return header;
}

std::vector<std::string> row_cells(const std::string& unit_name, const Fields& f) {
  auto joined = [](const auto& items, const char* separator) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += separator;
      if constexpr (std::is_same_v<std::decay_t<decltype(item)>, int>) {
        out += std::to_string(item);
      } else {
        out += item;
      }
    }
    return out;
  };
  std::string results;
  for (const auto& row : f.results) {
    if (!results.empty()) results += "; ";
    results += row.indicator + ": " + row.before + " -> " + row.after;
    if (!row.unit.empty()) results += " " + row.unit;
  }
  return {f.name,
          f.short_name,
          unit_name,
          f.form,
          f.type,
          f.stage,
          f.initiator,
          joined(f.affairs, "; "),
          joined(f.sdgs, "; "),
          f.trial_date,
          f.implementation_date,
          f.problem,
          f.design,
          f.goals,
          f.benefits,
          results,
          f.budget ? std::to_string(*f.budget) : "",
          f.video_url,
          joined(f.tags, ", ")};
}

Reading read_rows(sheet::Table table, const ChoiceLabels& labels, bool publish) {
  Reading reading;
  auto& problems = reading.problems;
  auto by_position = read_header(table, problems);
  if (!problems.empty()) return reading;  // rows cannot be read against a wrong header
  if (table.rows.empty()) {
    problems.push_back({table.header_row_number, "", "import.error.no_rows", {}});
    return reading;
  }
  if (table.rows.size() > kMaxRows) {
    problems.push_back(
        {1,
         "",
         "import.error.too_many_rows",
         {{"max", std::to_string(kMaxRows)}, {"count", std::to_string(table.rows.size())}}});
    return reading;
  }
  reading.entries.reserve(table.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    auto& cells = table.rows[i];
    std::size_t before = problems.size();
    RowReader reader{table.row_numbers[i], labels, problems, {}};
    reader.entry.row = reader.row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c >= by_position.size()) {
        if (!trim(cells[c]).empty()) {
          reader.problem("", "import.error.extra_cell", {{"position", std::to_string(c + 1)}});
        }
      } else if (by_position[c] && !by_position[c]->field.empty()) {
        reader.read(by_position[c]->name, by_position[c]->field, cells[c]);
      }
    }
    if (reader.entry.unit_name.empty()) reader.problem("unit", "import.error.unit_required");
    for (const auto& [field, problem] : innovations::check_fields(reader.entry.fields)) {
      reader.problem(column_of_field(field), problem.key, problem.args);
    }
    if (publish) {
      for (const auto& item : innovations::missing_items(reader.entry.fields)) {
        std::string_view field = std::string_view(item.key).substr(item.key.rfind('.') + 1);
        reader.problem(column_of_field(field), item.key, item.args);
      }
    }
    if (problems.size() == before) reading.entries.push_back(std::move(reader.entry));
  }
  return reading;
}

}  // namespace simpul::imports
