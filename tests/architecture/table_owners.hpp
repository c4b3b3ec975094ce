#pragma once
// The table-ownership rule, read from the source: which tables a C++ file's SQL writes (INSERT,
// UPDATE, DELETE in its string literals), which tables the migrations create, and who owns each
// (migrations/tables.tsv).
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::architecture {

// The contents of the string literals of C++ source, one after the other: SQL lives there, and
// a comment that mentions an UPDATE does not write anything.
inline std::string string_literals(std::string_view source) {
  std::string out;
  for (std::size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '/' && i + 1 < source.size() && source[i + 1] == '/') {
      i = source.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (c == '\'') {
      i += source[i + 1] == '\\' ? 3 : 2;  // a character literal
    } else if (c == '"') {
      for (++i; i < source.size() && source[i] != '"'; ++i) {
        if (source[i] == '\\') ++i;
        out += source[i];
      }
      out += '\n';
    }
  }
  return out;
}

// The tables the file's SQL writes.
inline std::set<std::string> written_tables(std::string_view source) {
  static const std::regex write(
      R"((?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+))");
  std::set<std::string> tables;
  std::string sql = string_literals(source);
  for (std::sregex_iterator it(sql.begin(), sql.end(), write), end; it != end; ++it) {
    tables.insert((*it)[1]);
  }
  return tables;
}

// The tables the file's SQL reads or writes by name (FROM, JOIN, INSERT INTO, UPDATE).
inline std::set<std::string> named_tables(std::string_view source) {
  static const std::regex named(R"((?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+))");
  std::set<std::string> tables;
  std::string sql = string_literals(source);
  for (std::sregex_iterator it(sql.begin(), sql.end(), named), end; it != end; ++it) {
    tables.insert((*it)[1]);
  }
  return tables;
}

// The tables a migration creates.
inline std::set<std::string> created_tables(const std::string& sql) {
  static const std::regex create(R"(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_]+))",
                                 std::regex::icase);
  std::set<std::string> tables;
  for (std::sregex_iterator it(sql.begin(), sql.end(), create), end; it != end; ++it) {
    tables.insert((*it)[1]);
  }
  return tables;
}

// table -> owning feature, from "table<TAB>feature" lines; # starts a comment.
inline std::map<std::string, std::string> read_owners(const std::string& text) {
  std::map<std::string, std::string> owners;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab != std::string::npos) owners[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return owners;
}

// "finals writes innovation_awards (owned by innovations)" for each write by a non-owner.
inline std::vector<std::string> violations(const std::string& feature, const std::string& file,
                                           std::string_view source,
                                           const std::map<std::string, std::string>& owners) {
  std::vector<std::string> found;
  for (const auto& table : written_tables(source)) {
    auto owner = owners.find(table);
    std::string owner_name = owner == owners.end() ? "nobody" : owner->second;
    if (owner_name != feature) {
      found.push_back(file + " (" + feature + ") writes " + table + ", owned by " + owner_name);
    }
  }
  return found;
}

// "catalogue/store.cpp (catalogue) reads finals, owned by finals, which it does not use" for each
// table of a feature outside `reachable` (the feature itself and what it uses, directly or not):
// reads follow the graph's arrows, so a feature never depends on the state of a later one.
inline std::vector<std::string> read_violations(const std::string& feature, const std::string& file,
                                                std::string_view source,
                                                const std::map<std::string, std::string>& owners,
                                                const std::set<std::string>& reachable) {
  std::vector<std::string> found;
  for (const auto& table : named_tables(source)) {
    auto owner = owners.find(table);
    if (owner == owners.end() || reachable.contains(owner->second)) continue;
    found.push_back(file + " (" + feature + ") reads " + table + ", owned by " + owner->second +
                    ", which it does not use");
  }
  return found;
}

}  // namespace simpul::architecture
