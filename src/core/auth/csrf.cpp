#include "core/auth/csrf.hpp"

#include "core/util/crypto.hpp"

namespace simpul::auth {

std::string new_csrf_cookie_value() { return random_hex(16); }

std::string csrf_token(std::string_view secret, std::string_view cookie_value) {
  return hmac_hex(secret, cookie_value);
}

bool csrf_token_valid(std::string_view secret, std::string_view cookie_value,
                      std::string_view submitted) {
  if (cookie_value.size() != 32 || submitted.empty()) return false;
  return constant_time_equal(csrf_token(secret, cookie_value), submitted);
}

}  // namespace simpul::auth
