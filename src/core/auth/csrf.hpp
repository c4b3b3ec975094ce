#pragma once
// CSRF protection as a signed double submit: every visitor carries a random cookie, and every
// form and htmx request sends HMAC(secret, cookie). A forged cross-site request can neither read
// the cookie nor compute the token. The secret lives in the database, so several app servers agree
// on it and no node-local state is needed.
#include <string>
#include <string_view>

namespace simpul::auth {

inline constexpr std::string_view kCsrfCookie = "simpul_csrf";
inline constexpr std::string_view kCsrfField = "csrf";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

std::string new_csrf_cookie_value();
std::string csrf_token(std::string_view secret, std::string_view cookie_value);
bool csrf_token_valid(std::string_view secret, std::string_view cookie_value,
                      std::string_view submitted);

}  // namespace simpul::auth
