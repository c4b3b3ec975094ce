#include "core/view/template.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/util/html.hpp"

namespace simpul::view {

// One step of a compiled template. Names are split at the dots once, at compile time, so a
// render only walks JSON objects.
struct Template::Instruction {
  enum class Op : std::uint8_t { text, escaped, raw, section, inverted };
  Op op = Op::text;
  std::string text;               // Op::text: the literal to append
  std::vector<std::string> path;  // variables and sections: the name's segments; empty for "."
  std::size_t body_end = 0;       // sections: one past the last instruction of the body
};

namespace {

using Instruction = Template::Instruction;
using Op = Instruction::Op;
using Sources = std::unordered_map<std::string, std::string>;

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  // Copy clean runs in one append; most text has no special characters at all.
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = html_entity(text[i]);
    if (entity == nullptr) continue;
    out.append(text.data() + run_start, i - run_start);
    out.append(entity);
    run_start = i + 1;
  }
  out.append(text.data() + run_start, text.size() - run_start);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Tokenizer

struct Token {
  enum class Kind { text, variable, raw, section, inverted, close, comment, partial, message };
  Kind kind;
  std::string_view content;  // the text, or the tag's trimmed name
  int line;                  // where the token starts
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

int count_lines(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// A syntax error at a line of the source being tokenized; the compiler adds the template name
// and the include chain, which the tokenizer does not know.
struct SyntaxError {
  int line;
  std::string message;
};

Token::Kind kind_of_sigil(char sigil) {
  switch (sigil) {
    case '#':
      return Token::Kind::section;
    case '^':
      return Token::Kind::inverted;
    case '/':
      return Token::Kind::close;
    case '!':
      return Token::Kind::comment;
    case '>':
      return Token::Kind::partial;
    case '&':
      return Token::Kind::raw;
    case '@':
      return Token::Kind::message;
    default:
      return Token::Kind::variable;
  }
}

bool is_valid_name(std::string_view name) {
  if (name == ".") return true;
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  if (name.find("..") != std::string_view::npos) return false;
  return std::none_of(name.begin(), name.end(), [](char c) { return is_blank(c) || c == '{'; });
}

Token parse_tag(std::string_view inside, bool triple, int line) {
  std::string_view content = trim(inside);
  if (triple) {
    if (!is_valid_name(content))
      throw SyntaxError{line, "invalid name '" + std::string(content) + "'"};
    return {Token::Kind::raw, content, line};
  }
  if (content.empty()) throw SyntaxError{line, "empty tag"};
  if (content.front() == '=') throw SyntaxError{line, "changing delimiters is not supported"};
  const Token::Kind kind = kind_of_sigil(content.front());
  if (kind == Token::Kind::comment) return {kind, content, line};
  std::string_view name = kind == Token::Kind::variable ? content : trim(content.substr(1));
  const bool names_data = kind != Token::Kind::partial && kind != Token::Kind::message;
  if (name.empty() || (names_data && !is_valid_name(name))) {
    throw SyntaxError{line, "invalid name '" + std::string(name) + "'"};
  }
  return {kind, name, line};
}

std::vector<Token> tokenize(std::string_view source) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  int line = 1;
  while (pos < source.size()) {
    const std::size_t open = source.find("{{", pos);
    const std::string_view text = source.substr(pos, open - pos);
    if (!text.empty()) tokens.push_back({Token::Kind::text, text, line});
    line += count_lines(text);
    if (open == std::string_view::npos) break;

    const bool triple = source.substr(open, 3) == "{{{";
    const std::string_view closer = triple ? "}}}" : "}}";
    const std::size_t inside_start = open + closer.size();
    const std::size_t close = source.find(closer, inside_start);
    if (close == std::string_view::npos) throw SyntaxError{line, "unclosed tag"};
    const std::string_view inside = source.substr(inside_start, close - inside_start);
    tokens.push_back(parse_tag(inside, triple, line));
    line += count_lines(inside);
    pos = close + closer.size();
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Standalone lines: a section, inverted, close, comment or partial tag alone on its line takes
// the whole line with it, so block tags do not leave blank lines in the HTML.

bool is_block_tag(Token::Kind kind) {
  switch (kind) {
    case Token::Kind::section:
    case Token::Kind::inverted:
    case Token::Kind::close:
    case Token::Kind::comment:
    case Token::Kind::partial:
      return true;
    default:
      return false;
  }
}

bool only_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool line_starts_before(const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0) return true;
  const Token& previous = tokens[i - 1];
  if (previous.kind != Token::Kind::text) return false;
  const std::size_t newline = previous.content.rfind('\n');
  if (newline == std::string_view::npos) return i == 1 && only_spaces(previous.content);
  return only_spaces(previous.content.substr(newline + 1));
}

bool line_ends_after(const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 == tokens.size()) return true;
  const Token& next = tokens[i + 1];
  if (next.kind != Token::Kind::text) return false;
  const std::size_t newline = next.content.find('\n');
  if (newline == std::string_view::npos) return i + 2 == tokens.size() && only_spaces(next.content);
  std::string_view rest = next.content.substr(0, newline);
  if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
  return only_spaces(rest);
}

void strip_standalone_lines(std::vector<Token>& tokens) {
  // Decide on the original text first: trimming one tag's line must not change whether the
  // next tag looks standalone.
  std::vector<std::size_t> keep_from(tokens.size(), 0);
  std::vector<std::size_t> keep_to(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) keep_to[i] = tokens[i].content.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_block_tag(tokens[i].kind)) continue;
    if (!line_starts_before(tokens, i) || !line_ends_after(tokens, i)) continue;
    if (i > 0) {
      const std::size_t newline = tokens[i - 1].content.rfind('\n');
      keep_to[i - 1] = newline == std::string_view::npos ? 0 : newline + 1;
    }
    if (i + 1 < tokens.size()) {
      const std::size_t newline = tokens[i + 1].content.find('\n');
      keep_from[i + 1] =
          newline == std::string_view::npos ? tokens[i + 1].content.size() : newline + 1;
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Token::Kind::text) continue;
    const std::size_t from = std::min(keep_from[i], keep_to[i]);
    tokens[i].content = tokens[i].content.substr(from, keep_to[i] - from);
  }
}

// ---------------------------------------------------------------------------------------------
// Compiler: tokens to instructions, partials inlined, i18n messages turned into literal text.

std::vector<std::string> split_path(std::string_view name) {
  std::vector<std::string> path;
  if (name == ".") return path;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    path.emplace_back(name.substr(start, dot - start));
    if (dot == std::string_view::npos) return path;
    start = dot + 1;
  }
}

class Compiler {
 public:
  Compiler(const Sources& sources, const Catalog& catalog, Lang lang, std::string_view suffix)
      : sources_(sources), catalog_(catalog), lang_(lang), suffix_(suffix) {}

  std::vector<Instruction> compile(const std::string& name) {
    code_.clear();
    include_chain_.clear();
    can_merge_text_ = false;
    compile_into(name, sources_.at(name));
    return std::move(code_);
  }

 private:
  struct OpenSection {
    std::string_view name;
    int line;
    std::size_t index;
  };
  // Templates being compiled, outermost first, with the line of the tag being handled, so
  // errors inside partials say where they were included from and recursion is caught.
  struct IncludeFrame {
    std::string_view name;
    int line;
  };

  [[noreturn]] void fail(int line, const std::string& message) const {
    std::string text = std::string(include_chain_.back().name) + suffix_ + ":" +
                       std::to_string(line) + ": " + message;
    for (auto frame = include_chain_.rbegin() + 1; frame != include_chain_.rend(); ++frame) {
      text += " (included from " + std::string(frame->name) + suffix_ + ":" +
              std::to_string(frame->line) + ")";
    }
    throw TemplateError(text);
  }

  void compile_into(std::string_view name, std::string_view source) {
    include_chain_.push_back({name, 0});
    std::vector<Token> tokens;
    try {
      tokens = tokenize(source);
    } catch (const SyntaxError& error) {
      fail(error.line, error.message);
    }
    strip_standalone_lines(tokens);
    std::vector<OpenSection> open_sections;
    for (const Token& token : tokens) {
      include_chain_.back().line = token.line;
      emit(token, open_sections);
    }
    if (!open_sections.empty()) {
      const OpenSection& unclosed = open_sections.back();
      fail(unclosed.line, "unclosed section '" + std::string(unclosed.name) + "'");
    }
    include_chain_.pop_back();
  }

  void emit(const Token& token, std::vector<OpenSection>& open_sections) {
    switch (token.kind) {
      case Token::Kind::text:
        emit_text(token.content);
        break;
      case Token::Kind::variable:
        emit_lookup(Op::escaped, token.content);
        break;
      case Token::Kind::raw:
        emit_lookup(Op::raw, token.content);
        break;
      case Token::Kind::section:
      case Token::Kind::inverted:
        open_sections.push_back({token.content, token.line, code_.size()});
        emit_lookup(token.kind == Token::Kind::section ? Op::section : Op::inverted, token.content);
        can_merge_text_ = false;
        break;
      case Token::Kind::close:
        close_section(token, open_sections);
        break;
      case Token::Kind::comment:
        break;
      case Token::Kind::partial:
        inline_partial(token);
        break;
      case Token::Kind::message:
        emit_message(token);
        break;
    }
  }

  void emit_text(std::string_view text) {
    if (text.empty()) return;
    if (can_merge_text_) {
      code_.back().text.append(text);
      return;
    }
    Instruction instruction;
    instruction.op = Op::text;
    instruction.text = std::string(text);
    code_.push_back(std::move(instruction));
    can_merge_text_ = true;
  }

  void emit_lookup(Op op, std::string_view name) {
    Instruction instruction;
    instruction.op = op;
    instruction.path = split_path(name);
    code_.push_back(std::move(instruction));
    can_merge_text_ = false;
  }

  void close_section(const Token& token, std::vector<OpenSection>& open_sections) {
    if (open_sections.empty()) {
      fail(token.line, "closing '" + std::string(token.content) + "' but no section is open");
    }
    const OpenSection open = open_sections.back();
    if (open.name != token.content) {
      fail(token.line, "closing '" + std::string(token.content) + "' but '" +
                           std::string(open.name) + "' (line " + std::to_string(open.line) +
                           ") is open");
    }
    open_sections.pop_back();
    code_[open.index].body_end = code_.size();
    // Text after the section must not be merged into the body's last text.
    can_merge_text_ = false;
  }

  void inline_partial(const Token& token) {
    const std::string name(token.content);
    const auto source = sources_.find(name);
    if (source == sources_.end()) fail(token.line, "unknown partial '" + name + "'");
    const bool recursive =
        std::any_of(include_chain_.begin(), include_chain_.end(),
                    [&](const IncludeFrame& frame) { return frame.name == token.content; });
    if (recursive) fail(token.line, "recursive partial '" + name + "'");
    compile_into(source->first, source->second);
  }

  void emit_message(const Token& token) {
    if (!catalog_.has(lang_, token.content) && !catalog_.has(Lang::id, token.content)) {
      fail(token.line, "unknown message key '" + std::string(token.content) + "' for language " +
                           std::string(lang_code(lang_)));
    }
    emit_text(escape_html(catalog_.text(lang_, token.content)));
  }

  const Sources& sources_;
  const Catalog& catalog_;
  Lang lang_;
  std::string suffix_;
  std::vector<Instruction> code_;
  std::vector<IncludeFrame> include_chain_;
  bool can_merge_text_ = false;
};

std::size_t literal_size(const std::vector<Instruction>& code) {
  std::size_t size = 0;
  for (const Instruction& instruction : code) size += instruction.text.size();
  return size;
}

std::string read_template_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TemplateError("cannot read template " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ---------------------------------------------------------------------------------------------
// Renderer

// What a name refers to: a JSON value, a row of a table, or a field of a row.
struct Ref {
  const Json* json = nullptr;
  const Table* table = nullptr;  // with row
  std::size_t row = 0;
  const Table::Value* field = nullptr;

  explicit operator bool() const { return json != nullptr || table != nullptr || field != nullptr; }
};

// The context stack lives on the C++ stack: each section links a frame to its parent, so
// pushing a context never allocates.
struct Frame {
  Ref context;
  const Frame* parent;
};

const Json* find_member(const Json& value, const std::string& key) {
  if (!value.is_object()) return nullptr;
  const auto& members = value.get_ref<const Json::object_t&>();
  const auto found = members.find(key);
  return found == members.end() ? nullptr : &found->second;
}

// Only objects and rows have members.
Ref find_member(const Ref& ref, const std::string& key) {
  if (ref.json != nullptr) {
    const Json* member = find_member(*ref.json, key);
    return member == nullptr ? Ref{} : Ref{.json = member};
  }
  if (ref.table != nullptr) return Ref{.field = ref.table->find(ref.row, key)};
  return {};
}

// Standard Mustache lookup: the first segment is searched from the innermost context outwards,
// the remaining segments only inside what the first one found.
Ref lookup(const std::vector<std::string>& path, const Frame& frame) {
  if (path.empty()) return frame.context;
  Ref found;
  for (const Frame* context = &frame; context != nullptr && !found; context = context->parent) {
    found = find_member(context->context, path.front());
  }
  for (std::size_t i = 1; i < path.size() && found; ++i) {
    found = find_member(found, path[i]);
  }
  return found;
}

bool is_truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean:
      return value.get<bool>();
    case Json::value_t::string:
      return !value.get_ref<const std::string&>().empty();
    case Json::value_t::number_integer:
      return value.get<std::int64_t>() != 0;
    case Json::value_t::number_unsigned:
      return value.get<std::uint64_t>() != 0;
    case Json::value_t::number_float:
      return value.get<double>() != 0.0;
    case Json::value_t::array:
      return !value.empty();
    case Json::value_t::object:
      return true;
    default:
      return false;  // null, discarded
  }
}

// Table values are truthy as their JSON counterparts are.
struct TruthyField {
  bool operator()(std::monostate) const { return false; }
  bool operator()(std::string_view text) const { return !text.empty(); }
  bool operator()(const std::string& text) const { return !text.empty(); }
  bool operator()(std::int64_t number) const { return number != 0; }
  bool operator()(bool flag) const { return flag; }
  bool operator()(const Table* table) const { return table->size() > 0; }
};

bool is_truthy(const Ref& ref) {
  if (ref.json != nullptr) return is_truthy(*ref.json);
  if (ref.field != nullptr) return std::visit(TruthyField{}, *ref.field);
  return ref.table != nullptr;  // a row, like an object
}

template <typename Number>
void append_number(std::string& out, Number number) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

// Integral doubles print without ".0" (3.0 -> "3"); 2^53 is where doubles stop being exact.
void append_double(std::string& out, double number) {
  if (!std::isfinite(number)) return;  // JSON has no NaN or infinity; show nothing, like null
  if (std::trunc(number) == number && std::fabs(number) < 9007199254740992.0) {
    append_number(out, static_cast<std::int64_t>(number));
  } else {
    append_number(out, number);
  }
}

void append_text(std::string& out, std::string_view text, bool escape) {
  if (escape) {
    append_escaped(out, text);
  } else {
    out.append(text);
  }
}

void append_value(std::string& out, const Json& value, bool escape) {
  switch (value.type()) {
    case Json::value_t::string:
      append_text(out, value.get_ref<const std::string&>(), escape);
      break;
    case Json::value_t::number_integer:
      append_number(out, value.get<std::int64_t>());
      break;
    case Json::value_t::number_unsigned:
      append_number(out, value.get<std::uint64_t>());
      break;
    case Json::value_t::number_float:
      append_double(out, value.get<double>());
      break;
    case Json::value_t::boolean:
      out.append(value.get<bool>() ? "true" : "false");
      break;
    case Json::value_t::object:
    case Json::value_t::array:
      append_text(out, value.dump(), escape);
      break;
    default:
      break;  // null and discarded render as nothing
  }
}

struct AppendField {
  std::string& out;
  bool escape;
  void operator()(std::monostate) const {}
  void operator()(std::string_view text) const { append_text(out, text, escape); }
  void operator()(const std::string& text) const { append_text(out, text, escape); }
  void operator()(std::int64_t number) const { append_number(out, number); }
  void operator()(bool flag) const { out.append(flag ? "true" : "false"); }
  void operator()(const Table*) const {}
};

void append_value(std::string& out, const Ref& ref, bool escape) {
  if (ref.json != nullptr) {
    append_value(out, *ref.json, escape);
  } else if (ref.field != nullptr) {
    std::visit(AppendField{out, escape}, *ref.field);
  }
}

// The table a field holds, if it holds one.
const Table* table_in(const Ref& ref) {
  if (ref.field == nullptr) return nullptr;
  const auto* table = std::get_if<const Table*>(ref.field);
  return table == nullptr ? nullptr : *table;
}

class Renderer {
 public:
  Renderer(const std::vector<Instruction>& code, std::string& out) : code_(code), out_(out) {}

  void run(std::size_t from, std::size_t to, const Frame& frame) {
    std::size_t pc = from;
    while (pc < to) {
      const Instruction& instruction = code_[pc];
      switch (instruction.op) {
        case Op::text:
          out_.append(instruction.text);
          break;
        case Op::escaped:
        case Op::raw:
          append_value(out_, lookup(instruction.path, frame), instruction.op == Op::escaped);
          break;
        case Op::section:
          run_section(pc, frame);
          pc = instruction.body_end;
          continue;
        case Op::inverted:
          run_inverted(pc, frame);
          pc = instruction.body_end;
          continue;
      }
      ++pc;
    }
  }

 private:
  void run_section(std::size_t pc, const Frame& frame) {
    const Instruction& section = code_[pc];
    const Ref value = lookup(section.path, frame);
    if (!value || !is_truthy(value)) return;
    if (value.json != nullptr && value.json->is_array()) {
      for (const Json& item : *value.json) {
        run(pc + 1, section.body_end, Frame{Ref{.json = &item}, &frame});
      }
    } else if (const Table* table = table_in(value)) {
      for (std::size_t row = 0; row < table->size(); ++row) {
        run(pc + 1, section.body_end, Frame{Ref{.table = table, .row = row}, &frame});
      }
    } else {
      run(pc + 1, section.body_end, Frame{value, &frame});
    }
  }

  void run_inverted(std::size_t pc, const Frame& frame) {
    const Instruction& section = code_[pc];
    const Ref value = lookup(section.path, frame);
    if (!value || !is_truthy(value)) run(pc + 1, section.body_end, frame);
  }

  const std::vector<Instruction>& code_;
  std::string& out_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Template

Template::Template() = default;
Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

void Template::render(const Json& context, std::string& out) const {
  Renderer(code_, out).run(0, code_.size(), Frame{Ref{.json = &context}, nullptr});
}

std::string Template::render(const Json& context) const {
  std::string out;
  // Loops repeat text, so the literal size is a floor; doubling it saves most regrowth.
  out.reserve(literal_size_ * 2);
  render(context, out);
  return out;
}

void Template::render_table(const Table& model, std::string& out) const {
  const Ref root = model.size() == 0 ? Ref{} : Ref{.table = &model, .row = 0};
  Renderer(code_, out).run(0, code_.size(), Frame{root, nullptr});
}

std::string Template::render_table(const Table& model) const {
  std::string out;
  out.reserve(literal_size_ * 2);
  render_table(model, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Table

Table::Table(std::vector<std::string> columns) : columns_(std::move(columns)) {}

Table::Row Table::add_row() {
  values_.resize(values_.size() + columns_.size());
  return Row(*this, size() - 1);
}

const Table::Value* Table::find(std::size_t row, std::string_view column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] != column) continue;
    const Value& value = values_[row * columns_.size() + i];
    return std::holds_alternative<std::monostate>(value) ? nullptr : &value;
  }
  return nullptr;
}

Table::Value& Table::Row::field(std::string_view column) {
  const auto& columns = table_.columns_;
  const auto found = std::find(columns.begin(), columns.end(), column);
  if (found == columns.end()) {
    throw std::invalid_argument("view::Table has no column '" + std::string(column) + "'");
  }
  return table_.values_[row_ * columns.size() + static_cast<std::size_t>(found - columns.begin())];
}

Table::Row& Table::Row::text(std::string_view column, std::string value) {
  field(column) = std::move(value);
  return *this;
}

Table::Row& Table::Row::view(std::string_view column, std::string_view value) {
  field(column) = value;
  return *this;
}

Table::Row& Table::Row::number(std::string_view column, std::int64_t value) {
  field(column) = value;
  return *this;
}

Table::Row& Table::Row::flag(std::string_view column, bool value) {
  field(column) = value;
  return *this;
}

Table::Row& Table::Row::table(std::string_view column, const Table& value) {
  field(column) = &value;
  return *this;
}

// ---------------------------------------------------------------------------------------------
// TemplateSet

TemplateSet TemplateSet::build(const Sources& sources, const Catalog& catalog,
                               std::string_view file_suffix) {
  // Sorted so that, with several broken templates, the same error is reported every time.
  std::vector<std::string> names;
  names.reserve(sources.size());
  for (const auto& [name, source] : sources) names.push_back(name);
  std::sort(names.begin(), names.end());

  TemplateSet set;
  for (Lang lang : kAllLangs) {
    Compiler compiler(sources, catalog, lang, file_suffix);
    for (const std::string& name : names) {
      Template compiled;
      compiled.code_ = compiler.compile(name);
      compiled.literal_size_ = literal_size(compiled.code_);
      set.templates_[static_cast<std::size_t>(lang)].emplace(name, std::move(compiled));
    }
  }
  return set;
}

TemplateSet TemplateSet::compile(const Sources& sources, const Catalog& catalog) {
  return build(sources, catalog, "");
}

TemplateSet TemplateSet::load(const std::string& dir, const Catalog& catalog) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw TemplateError("template folder not found: " + dir);
  Sources sources;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    fs::path name = entry.path().lexically_relative(dir);
    name.replace_extension();
    sources.emplace(name.generic_string(), read_template_file(entry.path()));
  }
  return build(sources, catalog, ".html");
}

bool TemplateSet::contains(std::string_view name) const {
  return templates_[static_cast<std::size_t>(Lang::id)].contains(name);
}

const Template& TemplateSet::get(std::string_view name, Lang lang) const {
  const auto& templates = templates_[static_cast<std::size_t>(lang)];
  const auto found = templates.find(name);
  if (found == templates.end()) throw TemplateError("unknown template '" + std::string(name) + "'");
  return found->second;
}

std::string TemplateSet::render(std::string_view name, Lang lang, const Json& context) const {
  return get(name, lang).render(context);
}

}  // namespace simpul::view
