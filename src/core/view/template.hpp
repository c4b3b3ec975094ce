#pragma once
// Mustache templates compiled once at start-up into an instruction list; rendering appends to one
// buffer and HTML-escapes by default.
//
// Supported syntax: {{name}} (escaped), {{{name}}} and {{& name}} (raw), dotted names (a.b.c),
// {{.}}, sections {{#name}}...{{/name}} (lists iterate, objects push context, truthy values show
// once; false, null, empty string, 0 and empty lists hide), inverted sections
// {{^name}}...{{/name}}, comments {{! ...}}, partials {{> name}} (resolved at compile time, so a
// missing partial is a start-up error, not a runtime one), and one extension: {{@key}} inserts the
// i18n message for key in the template's language at compile time (every template is compiled once
// per language), so translation costs nothing per request. A missing key is a compile error too
// (a key missing only in English falls back to Indonesian, as Catalog::text does).
//
// Details: names are looked up from the innermost context outwards (only the first segment of a
// dotted name walks outwards). Numbers print as JSON does but integral doubles without ".0"; true
// and false print as words; objects and lists print as JSON; null and missing names print nothing.
// Partial names are relative to the template folder; a partial including itself, directly or not,
// is a compile error. A block tag (section, inverted, close, comment, partial) alone on its line
// removes that line. Changing delimiters ({{=<% %>=}}) is not supported.
//
// A model is JSON, or a Table (below) where a page's long lists would make JSON the costly part.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/view/i18n.hpp"

namespace simpul::view {

using Json = nlohmann::json;

// Appends text to out with &, <, >, ", ' escaped.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// Rows of named fields, a lighter model than JSON for long lists (a search page's hits and
// facet values): the names are given once, values live in one vector, text may be a view of a
// string that outlives the rendering. Templates name fields as they name JSON members; a section
// over a table runs once per row, and a table's first row is the root context when the table is
// the model. A field left unset is missing (the name is then looked up outwards, as a JSON member
// that is not there). Values print as their JSON counterparts do, except that a table field, or
// {{.}} on a row, prints nothing, and dotted names do not reach into tables.
class Table {
 public:
  using Value =
      std::variant<std::monostate, std::string_view, std::string, std::int64_t, bool, const Table*>;

  class Row {
   public:
    Row& text(std::string_view column, std::string value);       // owned
    Row& view(std::string_view column, std::string_view value);  // must outlive the rendering
    Row& number(std::string_view column, std::int64_t value);
    Row& flag(std::string_view column, bool value);
    Row& table(std::string_view column, const Table& value);  // must outlive the rendering

   private:
    friend class Table;
    Row(Table& table, std::size_t row) : table_(table), row_(row) {}
    Value& field(std::string_view column);
    Table& table_;
    std::size_t row_;
  };

  explicit Table(std::vector<std::string> columns);
  // Adds a row, every field unset. Throws std::invalid_argument when a setter names a column the
  // table does not have.
  Row add_row();
  std::size_t size() const { return columns_.empty() ? 0 : values_.size() / columns_.size(); }
  void reserve(std::size_t rows) { values_.reserve(rows * columns_.size()); }
  // The field, or nullptr when the table has no such column or the field is unset.
  const Value* find(std::size_t row, std::string_view column) const;

 private:
  std::vector<std::string> columns_;
  std::vector<Value> values_;  // row after row
};

class Template {
 public:
  struct Instruction;
  Template();
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  void render(const Json& context, std::string& out) const;
  std::string render(const Json& context) const;
  // Templates, so that braced JSON arguments ({{"key", value}}) stay unambiguous.
  template <std::same_as<Table> Model>
  void render(const Model& model, std::string& out) const {
    render_table(model, out);
  }
  template <std::same_as<Table> Model>
  std::string render(const Model& model) const {
    return render_table(model);
  }

 private:
  friend class TemplateSet;
  void render_table(const Table& model, std::string& out) const;
  std::string render_table(const Table& model) const;
  std::vector<Instruction> code_;
  std::size_t literal_size_ = 0;  // bytes of fixed text, to reserve the output buffer once
};

class TemplateError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Every template of a folder tree, compiled for each language. Names are paths relative to the
// folder without the extension: templates/accounts/signin.html -> "accounts/signin".
class TemplateSet {
 public:
  // Compiles every *.html under dir; throws TemplateError naming the file and line on a syntax
  // error, an unknown partial or an unknown i18n key.
  static TemplateSet load(const std::string& dir, const Catalog& catalog);
  // Compile from memory (tests): sources maps name -> text.
  static TemplateSet compile(const std::unordered_map<std::string, std::string>& sources,
                             const Catalog& catalog);

  bool contains(std::string_view name) const;
  // Throws TemplateError for an unknown name.
  const Template& get(std::string_view name, Lang lang) const;
  std::string render(std::string_view name, Lang lang, const Json& context) const;
  template <std::same_as<Table> Model>
  std::string render(std::string_view name, Lang lang, const Model& model) const {
    return get(name, lang).render(model);
  }

 private:
  // file_suffix is appended to template names in error messages (".html" for files on disk).
  static TemplateSet build(const std::unordered_map<std::string, std::string>& sources,
                           const Catalog& catalog, std::string_view file_suffix);

  // Transparent hashing so get(string_view) looks up without building a std::string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  std::unordered_map<std::string, Template, NameHash, std::equal_to<>> templates_[2];
};

}  // namespace simpul::view
