#pragma once
// Typed failures. Expected ones (bad input, forbidden, conflict) carry an i18n message key and
// map to a 4xx page or JSON error in the user's language; anything else is a 500 with a request id.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace simpul {

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

class UserError : public std::runtime_error {
 public:
  UserError(int status, std::string message_key, MessageArgs args = {})
      : std::runtime_error(message_key),
        status_(status),
        key_(std::move(message_key)),
        args_(std::move(args)) {}
  int status() const { return status_; }
  const std::string& key() const { return key_; }
  const MessageArgs& args() const { return args_; }

 private:
  int status_;
  std::string key_;
  MessageArgs args_;
};

inline UserError bad_request(std::string key, MessageArgs args = {}) {
  return {400, std::move(key), std::move(args)};
}
inline UserError forbidden(std::string key = "error.forbidden") { return {403, std::move(key)}; }
inline UserError not_found(std::string key = "error.not_found") { return {404, std::move(key)}; }
inline UserError conflict(std::string key, MessageArgs args = {}) {
  return {409, std::move(key), std::move(args)};
}

}  // namespace simpul
