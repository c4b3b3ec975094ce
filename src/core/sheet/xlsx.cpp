// An .xlsx is a zip of XML parts found through relationship files: _rels/.rels names the
// workbook, the workbook's .rels its sheets, shared strings and styles. The sheet is streamed;
// only the shared strings and one row are held while reading it.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/sheet/cells.hpp"
#include "core/sheet/sheet.hpp"
#include "core/sheet/table.hpp"
#include "core/sheet/xml.hpp"
#include "core/sheet/zip.hpp"

namespace simpul::sheet {

namespace {

using detail::parse_xml;
using detail::XmlAttributes;
using detail::XmlHandler;
using detail::ZipArchive;

[[noreturn]] void corrupt() { throw Unreadable("sheet.error.xlsx_corrupt"); }

std::optional<std::size_t> to_size(std::optional<std::string_view> text) {
  std::size_t value = 0;
  if (!text) return std::nullopt;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

// ---- Parts and relationships

std::string folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? "" : path.substr(0, slash + 1));
}

// A relationship target is relative to the folder of the part that names it, or absolute.
std::string resolve(std::string_view folder, std::string_view target) {
  const std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                                     : std::string(folder) + std::string(target);
  std::vector<std::string_view> segments;
  for (std::size_t start = 0; start <= joined.size();) {
    const std::size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string_view segment = std::string_view(joined).substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string path;
  for (std::string_view segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  return path;
}

struct Relationship {
  std::string id;
  std::string type;  // a URI ending with the kind: ".../relationships/worksheet"
  std::string target;
};

bool has_kind(const Relationship& relationship, std::string_view kind) {
  const std::string_view type = relationship.type;
  return type.size() > kind.size() && type.ends_with(kind) &&
         type[type.size() - kind.size() - 1] == '/';
}

const Relationship* find_kind(const std::vector<Relationship>& relationships,
                              std::string_view kind) {
  for (const Relationship& relationship : relationships) {
    if (has_kind(relationship, kind)) return &relationship;
  }
  return nullptr;
}

class RelationshipsReader : public XmlHandler {
 public:
  std::vector<Relationship> relationships;

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Relationship" || attributes.get("TargetMode") == "External") return;
    relationships.push_back({std::string(attributes.get("Id").value_or("")),
                             std::string(attributes.get("Type").value_or("")),
                             std::string(attributes.get("Target").value_or(""))});
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

std::vector<Relationship> read_relationships(ZipArchive& zip, const std::string& part) {
  RelationshipsReader reader;
  parse_xml(zip, part, reader);
  return std::move(reader.relationships);
}

// ---- The workbook: which sheet, and the parts it needs

struct SheetEntry {
  std::string relationship_id;
  bool visible;
};

class WorkbookReader : public XmlHandler {
 public:
  bool is_workbook = false;
  bool date1904 = false;
  std::vector<SheetEntry> sheets;  // in tab order

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "workbook") {
      is_workbook = true;
    } else if (name == "workbookPr") {
      const auto value = attributes.get("date1904");
      date1904 = value == "1" || value == "true";
    } else if (name == "sheet") {
      sheets.push_back({std::string(attributes.get("id").value_or("")),
                        attributes.get("state").value_or("visible") == "visible"});
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

struct WorkbookParts {
  std::string sheet;
  std::string shared_strings;  // empty when the workbook has none
  std::string styles;          // empty when the workbook has none
  bool date1904 = false;
};

// A zip that is no Office package (an .ods, a zipped folder) has no _rels/.rels.
std::string workbook_path(ZipArchive& zip) {
  const std::string root = "_rels/.rels";
  if (!zip.contains(root)) throw Unreadable("sheet.error.not_xlsx");
  const auto relationships = read_relationships(zip, root);
  const Relationship* document = find_kind(relationships, "officeDocument");
  if (document == nullptr) throw Unreadable("sheet.error.not_xlsx");
  return resolve("", document->target);
}

// The first sheet the user sees: hidden sheets and chart sheets are skipped.
std::string first_worksheet(const WorkbookReader& workbook,
                            const std::vector<Relationship>& relationships,
                            std::string_view folder) {
  for (const SheetEntry& sheet : workbook.sheets) {
    if (!sheet.visible) continue;
    for (const Relationship& relationship : relationships) {
      if (relationship.id == sheet.relationship_id && has_kind(relationship, "worksheet")) {
        return resolve(folder, relationship.target);
      }
    }
  }
  throw Unreadable("sheet.error.no_worksheet");
}

WorkbookParts find_parts(ZipArchive& zip) {
  const std::string workbook_part = workbook_path(zip);
  WorkbookReader workbook;
  parse_xml(zip, workbook_part, workbook);
  if (!workbook.is_workbook) throw Unreadable("sheet.error.not_xlsx");  // a .docx, a .pptx
  const std::string folder = folder_of(workbook_part);
  const auto relationships =
      read_relationships(zip, folder + "_rels/" + workbook_part.substr(folder.size()) + ".rels");
  WorkbookParts parts;
  parts.sheet = first_worksheet(workbook, relationships, folder);
  parts.date1904 = workbook.date1904;
  if (const auto* strings = find_kind(relationships, "sharedStrings")) {
    parts.shared_strings = resolve(folder, strings->target);
  }
  if (const auto* styles = find_kind(relationships, "styles")) {
    parts.styles = resolve(folder, styles->target);
  }
  return parts;
}

// ---- Styles: which cell styles show a date

class StylesReader : public XmlHandler {
 public:
  // By cell style index, the "s" of a cell.
  std::vector<bool> date_styles() const {
    std::vector<bool> dates;
    for (int id : cell_format_ids_) {
      const auto code = codes_.find(id);
      dates.push_back(detail::is_date_format(
          id, code == codes_.end() ? std::nullopt : std::optional<std::string_view>(code->second)));
    }
    return dates;
  }

  void start(std::string_view name, const XmlAttributes& attributes) override {
    const auto id = static_cast<int>(to_size(attributes.get("numFmtId")).value_or(0));
    if (name == "numFmt") {
      codes_[id] = std::string(attributes.get("formatCode").value_or(""));
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {  // cellStyleXfs has xf elements too
      cell_format_ids_.push_back(id);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }
  void text(std::string_view) override {}

 private:
  std::map<int, std::string> codes_;
  std::vector<int> cell_format_ids_;
  bool in_cell_formats_ = false;
};

std::vector<bool> read_date_styles(ZipArchive& zip, const std::string& part) {
  if (part.empty()) return {};
  StylesReader reader;
  parse_xml(zip, part, reader);
  return reader.date_styles();
}

// ---- Strings: plain <t>, rich text runs <r><t>, but not the phonetic guides <rPh><t>

class RichText {
 public:
  void start(std::string_view name) {
    if (name == "t") collecting_ = phonetic_depth_ == 0;
    if (name == "rPh") ++phonetic_depth_;
  }
  void end(std::string_view name) {
    if (name == "t") collecting_ = false;
    if (name == "rPh") --phonetic_depth_;
  }
  void text(std::string_view text, std::string& out) const {
    if (collecting_) out.append(text);
  }

 private:
  bool collecting_ = false;
  int phonetic_depth_ = 0;
};

class SharedStringsReader : public XmlHandler {
 public:
  explicit SharedStringsReader(const Limits& limits) : limits_(limits) {}

  std::vector<std::string> strings;

  void start(std::string_view name, const XmlAttributes&) override {
    if (name == "si") current_.clear();
    rich_text_.start(name);
  }
  void end(std::string_view name) override {
    rich_text_.end(name);
    if (name != "si") return;
    // Each string is used by a cell, so more strings than cells is a bomb of tiny strings.
    if (strings.size() == limits_.max_cells) {
      throw Unreadable("sheet.error.too_many_cells", {{"max", std::to_string(limits_.max_cells)}});
    }
    strings.push_back(detail::decode_escapes(std::move(current_)));
  }
  void text(std::string_view text) override { rich_text_.text(text, current_); }

 private:
  const Limits& limits_;
  RichText rich_text_;
  std::string current_;
};

std::vector<std::string> read_shared_strings(ZipArchive& zip, const std::string& part,
                                             const Limits& limits) {
  if (part.empty()) return {};
  SharedStringsReader reader(limits);
  parse_xml(zip, part, reader);
  return std::move(reader.strings);
}

// ---- The sheet

// "B7" -> 1. At most three letters: Excel's last column is XFD.
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (; letters < reference.size() && letters <= 3; ++letters) {
    const char c = reference[letters];
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  if (letters == 0 || letters > 3) corrupt();
  return column - 1;
}

struct SheetContext {
  std::vector<std::string> shared_strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
};

class SheetReader : public XmlHandler {
 public:
  SheetReader(const SheetContext& context, detail::TableBuilder& builder)
      : context_(context), builder_(builder) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "row") {
      start_row(attributes);
    } else if (name == "c") {
      start_cell(attributes);
    } else if (name == "v") {
      collecting_value_ = in_cell_;
    } else if (in_cell_) {
      rich_text_.start(name);  // an inline string: <is><t> or <is><r><t>
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      collecting_value_ = false;
    } else if (name == "c") {
      finish_cell();
    } else if (name == "row") {
      builder_.add(std::move(cells_), row_number_);
    } else if (in_cell_) {
      rich_text_.end(name);
    }
  }

  void text(std::string_view text) override {
    if (collecting_value_) {
      value_.append(text);
    } else if (in_cell_) {
      rich_text_.text(text, value_);
    }
  }

 private:
  // The r attributes are optional in the format: without one, a row follows the previous row
  // and a cell the previous cell.
  void start_row(const XmlAttributes& attributes) {
    const auto number = attributes.get("r");
    row_number_ = number ? to_size(number).value_or(0) : row_number_ + 1;
    if (row_number_ == 0) corrupt();
    cells_.clear();
    next_column_ = 0;
  }

  void start_cell(const XmlAttributes& attributes) {
    const auto reference = attributes.get("r");
    column_ = reference ? column_of(*reference) : next_column_;
    type_ = attributes.get("t").value_or("n");
    style_ = to_size(attributes.get("s")).value_or(0);
    value_.clear();
    in_cell_ = true;
  }

  void finish_cell() {
    in_cell_ = false;
    next_column_ = column_ + 1;
    std::string text = cell_text();
    if (text.empty()) return;  // a cell with only a style is empty to the user
    builder_.check_cell(column_, text.size(), row_number_);
    if (cells_.size() <= column_) cells_.resize(column_ + 1);
    cells_[column_] = std::move(text);
  }

  std::string cell_text() {
    if (value_.empty()) return {};  // also a formula never calculated
    if (type_ == "s") return shared_string();
    if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
    if (type_ == "inlineStr" || type_ == "str") return detail::decode_escapes(std::move(value_));
    if (type_ == "n") return number();
    return std::move(value_);  // "e" (#N/A, #DIV/0!) and "d" (ISO 8601) as written
  }

  std::string shared_string() const {
    const auto index = to_size(value_);
    if (!index || *index >= context_.shared_strings.size()) corrupt();
    return context_.shared_strings[*index];
  }

  std::string number() const {
    if (style_ < context_.date_styles.size() && context_.date_styles[style_]) {
      double serial = 0;
      const auto [end, error] =
          std::from_chars(value_.data(), value_.data() + value_.size(), serial);
      if (error == std::errc() && end == value_.data() + value_.size()) {
        if (auto date = detail::excel_date(serial, context_.date1904)) return *date;
      }
    }
    return detail::number_text(value_);
  }

  const SheetContext& context_;
  detail::TableBuilder& builder_;
  std::vector<std::string> cells_;
  std::size_t row_number_ = 0;
  std::size_t next_column_ = 0;
  // The cell being read.
  bool in_cell_ = false;
  std::size_t column_ = 0;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
  bool collecting_value_ = false;
  RichText rich_text_;
};

}  // namespace

Table read_xlsx(std::string_view bytes, const Limits& limits) {
  ZipArchive zip(bytes, limits.max_unzipped_bytes);
  const WorkbookParts parts = find_parts(zip);
  const SheetContext context{read_shared_strings(zip, parts.shared_strings, limits),
                             read_date_styles(zip, parts.styles), parts.date1904};
  detail::TableBuilder builder(limits);
  SheetReader reader(context, builder);
  parse_xml(zip, parts.sheet, reader);
  return std::move(builder).finish();
}

}  // namespace simpul::sheet
