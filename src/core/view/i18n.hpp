#pragma once
// Message catalogues: flat JSON objects per language (i18n/id.json, i18n/en.json, and one file per
// feature such as i18n/innovations.id.json), keys like "nav.catalogue". Indonesian is the first
// language and the fallback.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/errors.hpp"

namespace simpul::view {

// Replaces {name} with the matching argument; an unknown {name} is kept as written so that a
// forgotten argument shows up in the page instead of silently disappearing.
std::string substitute(std::string_view message, const MessageArgs& args);

enum class Lang { id, en };
std::string_view lang_code(Lang lang);   // "id" / "en"
Lang parse_lang(std::string_view code);  // unknown -> id
inline constexpr Lang kAllLangs[] = {Lang::id, Lang::en};

class Catalog {
 public:
  // Loads every <dir>/<lang>.json and <dir>/<feature>.<lang>.json; throws std::runtime_error
  // naming the file on a parse error or a key defined twice.
  static Catalog load(const std::string& dir);
  Catalog() = default;

  // The message for key in lang; falls back to Indonesian, then to the key itself, so a missing
  // message is visible but never crashes. {name} placeholders are replaced from args.
  std::string text(Lang lang, std::string_view key, const MessageArgs& args = {}) const;
  bool has(Lang lang, std::string_view key) const;
  std::vector<std::string> keys(Lang lang) const;  // sorted

  void add(Lang lang, std::string key, std::string message);

 private:
  std::map<std::string, std::string, std::less<>> messages_[2];
};

}  // namespace simpul::view
