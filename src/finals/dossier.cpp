#include "finals/dossier.hpp"

#include <algorithm>
#include <cctype>

namespace simpul::finals {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

bool matches_at(std::string_view text, std::size_t at, std::string_view name) {
  if (at + name.size() > text.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (lower(text[at + i]) != lower(name[i])) return false;
  bool starts = at == 0 || !word_char(text[at - 1]);
  bool ends = at + name.size() == text.size() || !word_char(text[at + name.size()]);
  return starts && ends;
}

void add(std::vector<std::string>& names, std::string_view name) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  // Two letters would mask ordinary words; such names are left to the reader's judgement.
  if (name.size() < 3) return;
  if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
}

}  // namespace

std::vector<std::string> names_to_hide(std::string_view agency_name, std::string_view unit_name,
                                       std::string_view province_name) {
  std::vector<std::string> names;
  add(names, agency_name);
  add(names, unit_name);
  add(names, province_name);
  constexpr std::string_view kGovernment = "Pemerintah ";
  if (agency_name.starts_with(kGovernment)) {
    std::string_view region = agency_name.substr(kGovernment.size());
    add(names, region);
    for (std::string_view kind : {"Provinsi ", "Kabupaten ", "Kota "})
      if (region.starts_with(kind)) add(names, region.substr(kind.size()));
  }
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return names;
}

std::string anonymise(std::string_view text, const std::vector<std::string>& names) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto name = std::find_if(names.begin(), names.end(), [&](const std::string& n) {
      return !n.empty() && matches_at(text, at, n);
    });
    if (name != names.end()) {
      out += kMask;
      at += name->size();
    } else {
      out += text[at++];
    }
  }
  return out;
}

}  // namespace simpul::finals
