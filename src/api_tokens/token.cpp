#include "api_tokens/token.hpp"

#include <algorithm>
#include <cctype>

#include "core/util/crypto.hpp"

namespace simpul::api_tokens {
namespace {

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::string_view trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::string new_token() { return std::string(kTokenPrefix) + random_hex(24); }

std::optional<std::string> bearer_token(std::string_view authorization) {
  authorization = trimmed(authorization);
  auto space = authorization.find(' ');
  if (space == std::string_view::npos || !iequals(authorization.substr(0, space), "bearer")) {
    return std::nullopt;
  }
  auto token = trimmed(authorization.substr(space + 1));
  if (token.size() != kTokenLength || !token.starts_with(kTokenPrefix)) return std::nullopt;
  if (!std::all_of(token.begin() + kTokenPrefix.size(), token.end(), is_lower_hex)) {
    return std::nullopt;
  }
  return std::string(token);
}

std::optional<std::string> check_label(std::string& label) {
  label = std::string(trimmed(label));
  if (label.empty()) return "form.required";
  // Counted in bytes: a label is a short name, and the limit only keeps the list readable.
  if (label.size() > kMaxLabelLength) return "api_tokens.error.label_too_long";
  if (std::any_of(label.begin(), label.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return "api_tokens.error.label_control";
  }
  return std::nullopt;
}

}  // namespace simpul::api_tokens
