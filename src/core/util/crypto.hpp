#pragma once
// Randomness and hashing from libsodium, used for session ids, CSRF tokens and one-time passwords.
#include <cstdint>
#include <string>
#include <string_view>

namespace simpul {

// Must run once before any other function here (sodium_init); safe to call again.
void init_crypto();

std::string random_hex(std::size_t bytes);  // 2*bytes lowercase hex chars
std::string to_hex(std::string_view bytes);
std::string sha256_hex(std::string_view data);  // for storing session ids hashed
std::string hmac_hex(std::string_view key, std::string_view message);  // HMAC-SHA-512/256
// Compares in time independent of where the strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);
// A password a person can type from a printed sheet: letters of both cases and digits, no
// look-alikes (0/O, 1/l/I), always containing each class.
std::string random_password(std::size_t length = 14);
// groups × 4 characters of an alphabet without look-alikes (no 0/O, 1/I/L), joined by '-'
// after prefix: a code people read aloud or copy from paper ("SGH-7K2M-Q9XA").
std::string random_code(std::string_view prefix, std::size_t groups);

}  // namespace simpul
