#pragma once
// The one-time message after post/redirect/get ("Tersimpan."): an i18n key and its arguments,
// carried to the next page in a short-lived cookie, so the address stays clean and a reload or a
// shared link does not repeat it. Context::redirect_with_notice sets it; the pipeline reads it
// once and the layout shows it.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/errors.hpp"

namespace simpul::kernel {

struct Notice {
  std::string key;
  MessageArgs args;
};

// A cookie value: the key, then &name=value per argument, each percent-encoded.
std::string encode_notice(const Notice& notice);
// The notice of a cookie value; nullopt for a malformed one or one beyond the bounds (a key of 100
// characters, four arguments of 200), which the visitor's browser alone could have written.
std::optional<Notice> decode_notice(std::string_view value);

}  // namespace simpul::kernel
