#pragma once
// Argon2id password hashing (libsodium). Hashing costs tens of milliseconds and tens of MiB, so it
// runs only on the worker pool and at most two at a time.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace simpul::auth {

struct PasswordCost {
  unsigned long long ops = 2;           // Argon2 iterations
  std::size_t memory_bytes = 64 << 20;  // 64 MiB: libsodium's INTERACTIVE level
  // The cheapest the library allows: only for tests, where hundreds of sign-ins run.
  static PasswordCost for_tests() { return {1, 8 << 10}; }
};

std::string hash_password(std::string_view password, const PasswordCost& cost);
bool verify_password(std::string_view stored_hash, std::string_view password);

// The SINOVIK rule: at least 10 characters with upper case, lower case and a digit. Returns the
// i18n key of the first rule broken, or nullopt when the password is acceptable.
std::optional<std::string> password_rule_broken(std::string_view password);

}  // namespace simpul::auth
