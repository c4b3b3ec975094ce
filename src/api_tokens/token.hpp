#pragma once
// API tokens as text: how one is made, read from a request and described. Pure, unit-tested.
#include <optional>
#include <string>
#include <string_view>

namespace simpul::api_tokens {

// "simpul_" and 48 hex digits (192 random bits). The prefix makes a leaked token easy to spot by
// secret scanners and in logs.
inline constexpr std::string_view kTokenPrefix = "simpul_";
inline constexpr std::size_t kTokenLength = 7 + 48;
// What the list shows of a token: its first characters, enough to tell tokens apart.
inline constexpr std::size_t kShownPrefixLength = 12;
inline constexpr std::size_t kMaxLabelLength = 80;
inline constexpr std::size_t kMaxActiveTokensPerAgency = 20;

std::string new_token();
// The token of an "Authorization: Bearer <token>" header value (scheme case-insensitive);
// nullopt when the header is absent, of another scheme, or not shaped like a Simpul token.
std::optional<std::string> bearer_token(std::string_view authorization);
// Trims the label and returns the i18n key of what is wrong with it, if anything.
std::optional<std::string> check_label(std::string& label);

}  // namespace simpul::api_tokens
