#include "core/auth/passwords.hpp"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace simpul::auth {
namespace {

// Each hash holds its memory cost for its duration; two at a time bounds that memory.
std::counting_semaphore<2> hashing_slots{2};

struct SlotGuard {
  SlotGuard() { hashing_slots.acquire(); }
  ~SlotGuard() { hashing_slots.release(); }
};

}  // namespace

std::string hash_password(std::string_view password, const PasswordCost& cost) {
  char out[crypto_pwhash_STRBYTES];
  SlotGuard slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), cost.ops, cost.memory_bytes) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  std::string hash(stored_hash);  // needs a NUL-terminated string
  SlotGuard slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_rule_broken(std::string_view password) {
  bool upper = false, lower = false, digit = false;
  for (unsigned char c : password) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    digit |= c >= '0' && c <= '9';
  }
  if (password.size() < 10) return "password.too_short";
  if (password.size() > 200) return "password.too_long";
  if (!upper) return "password.needs_upper";
  if (!lower) return "password.needs_lower";
  if (!digit) return "password.needs_digit";
  return std::nullopt;
}

}  // namespace simpul::auth
