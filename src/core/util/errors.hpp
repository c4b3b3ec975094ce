#pragma once
// Typed failures. Expected ones (bad input, forbidden, conflict) carry an i18n message key and
// map to a 4xx page or JSON error in the user's language; anything else is a 500 with a request id.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace simpul {

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// What kind of expected failure it is. Services and handlers throw the types below; the request
// pipeline (and a handler showing a form again) takes the HTTP status from the kind (http_status),
// so no code compares status numbers.
enum class Failure {
  bad_request,   // malformed input: a broken form, invalid UTF-8
  unauthorized,  // nobody signed in, or an unknown API token
  forbidden,     // signed in, but not allowed
  not_found,     // no such thing, or not visible to this visitor
  conflict,      // the state does not allow it (now): a stale version, a closed stage, a duplicate
  invalid,       // well-formed input that breaks a rule, usually with field errors
  too_large,     // an upload or field beyond its limit
  unsupported_type,  // a file or body of a type not accepted
  too_many,          // a rate limit
  unavailable,       // busy now; try again later
};

// An expected failure: a kind, an i18n message key and its arguments, shown to the visitor in
// their language. Anything else that escapes a handler is a 500 with a request id.
class UserError : public std::runtime_error {
 public:
  UserError(Failure failure, std::string message_key, MessageArgs args = {})
      : std::runtime_error(message_key),
        failure_(failure),
        key_(std::move(message_key)),
        args_(std::move(args)) {}
  Failure failure() const { return failure_; }
  const std::string& key() const { return key_; }
  const MessageArgs& args() const { return args_; }

 private:
  Failure failure_;
  std::string key_;
  MessageArgs args_;
};

// One type per kind, so that a handler catches the failure it can answer (a Conflict shown again
// on the form) and lets the others reach the pipeline.
template <Failure kind>
class Failed : public UserError {
 public:
  explicit Failed(std::string message_key, MessageArgs args = {})
      : UserError(kind, std::move(message_key), std::move(args)) {}
};
using BadRequest = Failed<Failure::bad_request>;
using Unauthorized = Failed<Failure::unauthorized>;
using Forbidden = Failed<Failure::forbidden>;
using NotFound = Failed<Failure::not_found>;
using Conflict = Failed<Failure::conflict>;
using Invalid = Failed<Failure::invalid>;
using TooLarge = Failed<Failure::too_large>;
using UnsupportedType = Failed<Failure::unsupported_type>;
using TooMany = Failed<Failure::too_many>;
using Unavailable = Failed<Failure::unavailable>;

// What is wrong, in the visitor's language once translated: an i18n key and its arguments
// ("proposal.error.words", {{"max", "500"}}).
struct Problem {
  Problem() = default;
  Problem(std::string message_key, MessageArgs message_args = {})
      : key(std::move(message_key)), args(std::move(message_args)) {}
  Problem(const char* message_key) : key(message_key) {}
  bool operator==(const Problem&) const = default;

  std::string key;
  MessageArgs args;
};

// A form's field name as the form names it ("name", "score.<code>") -> what is wrong with it;
// empty when the form is valid.
using FieldErrors = std::map<std::string, Problem>;

// The one failure of a form that breaks its rules: every field's problem, for the form shown
// again with what was typed, or for an API error that names each field. Nothing was saved.
class InvalidForm : public Invalid {
 public:
  explicit InvalidForm(FieldErrors errors) : Invalid("form.invalid"), errors_(std::move(errors)) {}
  const FieldErrors& errors() const { return errors_; }

 private:
  FieldErrors errors_;
};

inline BadRequest bad_request(std::string key, MessageArgs args = {}) {
  return BadRequest(std::move(key), std::move(args));
}
inline Forbidden forbidden(std::string key = "error.forbidden") {
  return Forbidden(std::move(key));
}
inline NotFound not_found(std::string key = "error.not_found") { return NotFound(std::move(key)); }
inline Conflict conflict(std::string key, MessageArgs args = {}) {
  return Conflict(std::move(key), std::move(args));
}

// The found value, or NotFound: a store's find_* for an id from the path.
template <class T>
T found(std::optional<T> value, std::string key = "error.not_found") {
  if (!value) throw NotFound(std::move(key));
  return std::move(*value);
}

inline int http_status(Failure failure) {
  switch (failure) {
    case Failure::bad_request:
      return 400;
    case Failure::unauthorized:
      return 401;
    case Failure::forbidden:
      return 403;
    case Failure::not_found:
      return 404;
    case Failure::conflict:
      return 409;
    case Failure::invalid:
      return 422;
    case Failure::too_large:
      return 413;
    case Failure::unsupported_type:
      return 415;
    case Failure::too_many:
      return 429;
    case Failure::unavailable:
      return 503;
  }
  return 500;
}

}  // namespace simpul
