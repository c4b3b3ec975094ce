#include "core/util/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace simpul {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return to_hex(raw);
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex({reinterpret_cast<const char*>(digest), sizeof digest});
}

std::string hmac_hex(std::string_view key, std::string_view message) {
  unsigned char mac_key[crypto_auth_KEYBYTES];
  // Derive a fixed-size key so any secret length works.
  crypto_generichash(mac_key, sizeof mac_key, reinterpret_cast<const unsigned char*>(key.data()),
                     key.size(), nullptr, 0);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac_key);
  return to_hex({reinterpret_cast<const char*>(mac), sizeof mac});
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_code(std::string_view prefix, std::size_t groups) {
  static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  std::string code(prefix);
  for (std::size_t g = 0; g < groups; ++g) {
    code += '-';
    for (int i = 0; i < 4; ++i)
      code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return code;
}

std::string random_password(std::size_t length) {
  static constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr std::string_view kLower = "abcdefghijkmnopqrstuvwxyz";
  static constexpr std::string_view kDigits = "23456789";
  static const std::string kAll = std::string(kUpper) + std::string(kLower) + std::string(kDigits);
  if (length < 3) length = 3;
  auto pick = [](std::string_view from) { return from[randombytes_uniform(from.size())]; };
  std::string password;
  password += pick(kUpper);
  password += pick(kLower);
  password += pick(kDigits);
  while (password.size() < length) password += pick(kAll);
  // Shuffle so the classes are not always in the first three places.
  for (std::size_t i = password.size() - 1; i > 0; --i) {
    std::swap(password[i], password[randombytes_uniform(static_cast<std::uint32_t>(i + 1))]);
  }
  return password;
}

}  // namespace simpul
