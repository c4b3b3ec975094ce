#include "core/view/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace simpul::view {

namespace {

std::size_t index_of(Lang lang) { return static_cast<std::size_t>(lang); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read message catalogue " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string* find_arg(const MessageArgs& args, std::string_view name) {
  for (const auto& [arg_name, value] : args) {
    if (arg_name == name) return &value;
  }
  return nullptr;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view lang_code(Lang lang) { return lang == Lang::en ? "en" : "id"; }

// Accepts "en", "EN", "en-US", "en_GB"; anything else is Indonesian, the first language.
Lang parse_lang(std::string_view code) {
  std::size_t end = code.find_first_of("-_");
  std::string_view primary = code.substr(0, end);
  return iequals(primary, "en") ? Lang::en : Lang::id;
}

namespace {

// The catalogue files of lang in dir: "<lang>.json" and "<feature>.<lang>.json", sorted, so each
// feature can keep its messages in a file of its own.
std::vector<std::string> catalogue_files(const std::string& dir, Lang lang) {
  std::string code(lang_code(lang));
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    std::string name = entry.path().filename().string();
    if (name == code + ".json" || name.ends_with("." + code + ".json")) {
      files.push_back(entry.path().string());
    }
  }
  if (error) throw std::runtime_error("cannot read message catalogue folder " + dir);
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error("no message catalogue for " + code + " in " + dir);
  return files;
}

void load_file(Catalog& catalog, Lang lang, const std::string& path) {
  nlohmann::json messages;
  try {
    messages = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error("invalid message catalogue " + path + ": " + error.what());
  }
  if (!messages.is_object()) {
    throw std::runtime_error("message catalogue " + path + " is not a JSON object");
  }
  for (const auto& [key, message] : messages.items()) {
    if (!message.is_string()) {
      throw std::runtime_error("message catalogue " + path + ": \"" + key + "\" is not a string");
    }
    if (catalog.has(lang, key)) {
      throw std::runtime_error("message catalogue " + path + ": \"" + key + "\" is defined twice");
    }
    catalog.add(lang, key, message.get<std::string>());
  }
}

}  // namespace

std::string substitute(std::string_view message, const MessageArgs& args) {
  if (args.empty()) return std::string(message);
  std::string out;
  out.reserve(message.size());
  std::size_t pos = 0;
  while (pos < message.size()) {
    std::size_t open = message.find('{', pos);
    std::size_t close = open == std::string_view::npos ? open : message.find('}', open + 1);
    if (close == std::string_view::npos) break;
    open = message.rfind('{', close);  // "{a {b}" names b, not "a {b"
    out.append(message.substr(pos, open - pos));
    std::string_view name = message.substr(open + 1, close - open - 1);
    if (const std::string* value = find_arg(args, name)) {
      out.append(*value);
    } else {
      out.append(message.substr(open, close - open + 1));
    }
    pos = close + 1;
  }
  out.append(message.substr(pos));
  return out;
}

Catalog Catalog::load(const std::string& dir) {
  Catalog catalog;
  for (Lang lang : kAllLangs) {
    for (const auto& path : catalogue_files(dir, lang)) load_file(catalog, lang, path);
  }
  return catalog;
}

std::string Catalog::text(Lang lang, std::string_view key, const MessageArgs& args) const {
  for (Lang candidate : {lang, Lang::id}) {
    const auto& messages = messages_[index_of(candidate)];
    if (auto it = messages.find(key); it != messages.end()) return substitute(it->second, args);
  }
  return std::string(key);
}

bool Catalog::has(Lang lang, std::string_view key) const {
  return messages_[index_of(lang)].contains(key);
}

std::vector<std::string> Catalog::keys(Lang lang) const {
  std::vector<std::string> result;
  result.reserve(messages_[index_of(lang)].size());
  for (const auto& [key, message] : messages_[index_of(lang)]) result.push_back(key);
  return result;
}

void Catalog::add(Lang lang, std::string key, std::string message) {
  messages_[index_of(lang)].insert_or_assign(std::move(key), std::move(message));
}

}  // namespace simpul::view
