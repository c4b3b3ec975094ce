#include "core/http/message.hpp"
#include "core/http/header_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/util/errors.hpp"

namespace simpul::http {

namespace {

constexpr std::array<std::pair<std::string_view, Method>, 7> kMethodNames{{
    {"GET", Method::get},
    {"HEAD", Method::head},
    {"POST", Method::post},
    {"PUT", Method::put},
    {"PATCH", Method::patch},
    {"DELETE", Method::del},
    {"OPTIONS", Method::options},
}};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The media type of a Content-Type value, lower-case, without parameters.
std::string media_type(std::string_view content_type) {
  std::string type(trim_ows(content_type.substr(0, content_type.find(';'))));
  std::transform(type.begin(), type.end(), type.begin(), ascii_lower);
  return type;
}

std::string decode_form_component(std::string_view text) {
  auto decoded = url_decode(text, /*plus_is_space=*/true);
  if (!decoded) throw BadRequest("error.bad_form");
  if (!is_valid_utf8(*decoded)) throw BadRequest("error.bad_utf8");
  return std::move(*decoded);
}

// Length of the UTF-8 sequence starting with lead byte b, 0 when b cannot start one.
int utf8_sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;  // C0 and C1 only start overlong forms
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;  // above F4 is beyond U+10FFFF
  return 0;
}

// The allowed range of the second byte narrows for E0 (overlong), ED (surrogates), F0 (overlong)
// and F4 (beyond U+10FFFF); every other continuation byte is 80..BF.
bool valid_second_byte(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0 && second <= 0xBF;
    case 0xED:
      return second >= 0x80 && second <= 0x9F;
    case 0xF0:
      return second >= 0x90 && second <= 0xBF;
    case 0xF4:
      return second >= 0x80 && second <= 0x8F;
    default:
      return second >= 0x80 && second <= 0xBF;
  }
}

bool is_continuation(unsigned char b) { return b >= 0x80 && b <= 0xBF; }

}  // namespace

Method parse_method(std::string_view text) {
  for (const auto& [name, method] : kMethodNames) {
    if (name == text) return method;
  }
  return Method::other;
}

std::string_view method_name(Method method) {
  for (const auto& [name, candidate] : kMethodNames) {
    if (candidate == method) return name;
  }
  return "OTHER";
}

Form Form::parse(std::string_view encoded) {
  Form form;
  while (!encoded.empty()) {
    const auto amp = encoded.find('&');
    const std::string_view piece = encoded.substr(0, amp);
    encoded = amp == std::string_view::npos ? std::string_view{} : encoded.substr(amp + 1);
    if (piece.empty()) continue;  // "a=1&&b=2" and a trailing '&' are common and harmless
    const auto eq = piece.find('=');
    const std::string_view name = piece.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1);
    form.add(decode_form_component(name), decode_form_component(value));
  }
  return form;
}

std::string Form::get(std::string_view name, std::string_view fallback) const {
  for (const auto& [key, value] : pairs_) {
    if (key == name) return value;
  }
  return std::string(fallback);
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : pairs_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

bool Form::has(std::string_view name) const {
  return std::any_of(pairs_.begin(), pairs_.end(),
                     [&](const auto& pair) { return pair.first == name; });
}

std::optional<std::string> url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const int length = utf8_sequence_length(bytes[i]);
    if (length == 0 || i + length > size) return false;
    if (length > 1 && !valid_second_byte(bytes[i], bytes[i + 1])) return false;
    for (int k = 2; k < length; ++k) {
      if (!is_continuation(bytes[i + k])) return false;
    }
    i += length;
  }
  return true;
}

std::string_view Request::header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) return value;
  }
  return {};
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [header_name, header_value] : headers) {
    if (header_name != "cookie") continue;
    std::string_view rest = header_value;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string_view pair = trim_ows(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || trim_ows(pair.substr(0, eq)) != name) continue;
      std::string_view value = trim_ows(pair.substr(eq + 1));
      // RFC 6265 allows a value in double quotes; the quotes are not part of it.
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return std::nullopt;
}

const Form& Request::query() const {
  if (!query_) query_ = Form::parse(query_string);
  return *query_;
}

const Form& Request::form() const {
  if (!form_) {
    const bool urlencoded =
        media_type(header("content-type")) == "application/x-www-form-urlencoded";
    form_ = urlencoded ? Form::parse(body) : Form{};
  }
  return *form_;
}

std::string_view Request::param(std::string_view name) const {
  const auto it = path_params.find(std::string(name));
  return it == path_params.end() ? std::string_view{} : std::string_view(it->second);
}

std::string local_target(std::string_view next, std::string_view fallback) {
  if (next.empty() || next[0] != '/' || next.starts_with("//") || next.starts_with("/\\")) {
    return std::string(fallback);
  }
  return std::string(next);
}

bool Request::wants_json() const {
  if (path == "/api" || path.starts_with("/api/")) return true;
  const std::string_view accept = header("accept");
  return accept.find("application/json") != std::string_view::npos &&
         accept.find("text/html") == std::string_view::npos;
}

std::string format_set_cookie(const Cookie& cookie) {
  std::string out = cookie.name + "=" + cookie.value;
  if (!cookie.path.empty()) out += "; Path=" + cookie.path;
  if (cookie.max_age_seconds) out += "; Max-Age=" + std::to_string(*cookie.max_age_seconds);
  if (cookie.http_only) out += "; HttpOnly";
  if (cookie.secure) out += "; Secure";
  if (!cookie.same_site.empty()) out += "; SameSite=" + cookie.same_site;
  return out;
}

Response Response::html(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response Response::json(std::string body, int status) {
  Response response = html(std::move(body), status);
  response.content_type = "application/json";
  return response;
}

Response Response::text(std::string body, int status) {
  Response response = html(std::move(body), status);
  response.content_type = "text/plain; charset=utf-8";
  return response;
}

Response Response::download(std::string body, std::string content_type,
                            std::string_view file_name) {
  Response response = html(std::move(body));
  response.content_type = std::move(content_type);
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + std::string(file_name) + "\"");
  return response;
}

Response Response::redirect(std::string location, int status) {
  Response response = html({}, status);
  response.set_header("Location", std::move(location));
  return response;
}

void Response::set_header(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& header) { return iequals(header.first, name); });
  add_header(std::move(name), std::move(value));
}

void Response::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

constexpr std::pair<int, std::string_view> kReasons[] = {
    {100, "Continue"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {204, "No Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {413, "Payload Too Large"},
    {415, "Unsupported Media Type"},
    {422, "Unprocessable Entity"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
};

std::string_view status_reason(int status) {
  for (const auto& [code, reason] : kReasons) {
    if (code == status) return reason;
  }
  return "Unknown";
}

}  // namespace simpul::http
