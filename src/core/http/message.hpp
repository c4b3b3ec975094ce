#pragma once
// The project's own HTTP types. Beast stays inside server.cpp; handlers only see these.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace simpul::http {

enum class Method { get, head, post, put, patch, del, options, other };
Method parse_method(std::string_view text);
std::string_view method_name(Method method);
// GET, HEAD and OPTIONS change nothing; everything else needs a CSRF token.
inline bool is_safe(Method m) {
  return m == Method::get || m == Method::head || m == Method::options;
}

// Decoded name/value pairs of a query string or an urlencoded body, in order.
class Form {
 public:
  // Parses application/x-www-form-urlencoded text. Throws BadRequest("error.bad_form") on a
  // malformed percent escape and BadRequest("error.bad_utf8") on invalid UTF-8.
  static Form parse(std::string_view encoded);
  std::string get(std::string_view name, std::string_view fallback = {}) const;  // first value
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
  void add(std::string name, std::string value) {
    pairs_.emplace_back(std::move(name), std::move(value));
  }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

std::string url_encode(std::string_view text);
// next when it is a path on this site, else fallback: a "next" parameter that could name another
// site ("//evil.example", "https://...", "/\\evil") would make a redirect an open redirect.
std::string local_target(std::string_view next, std::string_view fallback);
// Percent-decodes text; nullopt on a malformed escape. Does not check UTF-8.
std::optional<std::string> url_decode(std::string_view text, bool plus_is_space = false);
bool is_valid_utf8(std::string_view text);

struct Request {
  Method method = Method::get;
  std::string target;                                        // as sent: /path?query
  std::string path;                                          // percent-decoded path, no query
  std::string query_string;                                  // raw, after '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_address;
  std::string request_id;
  std::unordered_map<std::string, std::string> path_params;  // filled by the router

  std::string_view header(std::string_view lower_case_name) const;  // "" when absent
  std::optional<std::string> cookie(std::string_view name) const;
  const Form& query() const;  // parsed on first use
  // The urlencoded body, parsed on first use (empty for other content types). Throws UserError.
  const Form& form() const;
  std::string_view param(std::string_view name) const;  // a path parameter, "" when absent
  bool wants_json() const;  // path under /api/ or Accept: application/json without text/html

 private:
  mutable std::optional<Form> query_;
  mutable std::optional<Form> form_;
};

struct Cookie {
  std::string name;
  std::string value;
  std::optional<std::int64_t> max_age_seconds;  // none: a session cookie
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::string path = "/";
};
std::string format_set_cookie(const Cookie& cookie);

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The route's name for metrics ("GET /akun/{id}"); set by the router.
  std::string route;

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response redirect(std::string location, int status = 303);
  // A generated file the browser saves as file_name (ASCII, chosen by us, never by a user).
  static Response download(std::string body, std::string content_type, std::string_view file_name);

  void set_header(std::string name, std::string value);  // replaces
  void add_header(std::string name, std::string value);
  std::string_view header(std::string_view name) const;  // case-insensitive, "" when absent
  void set_cookie(const Cookie& cookie) { add_header("Set-Cookie", format_set_cookie(cookie)); }
};

std::string_view status_reason(int status);

}  // namespace simpul::http
