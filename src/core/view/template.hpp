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
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/view/i18n.hpp"

namespace simpul::view {

using Json = nlohmann::json;

// Appends text to out with &, <, >, ", ' escaped.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

class Template {
 public:
  struct Instruction;
  Template();
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  void render(const Json& context, std::string& out) const;
  std::string render(const Json& context) const;

 private:
  friend class TemplateSet;
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
