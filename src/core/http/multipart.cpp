#include "core/http/multipart.hpp"
#include "core/http/header_text.hpp"

#include <algorithm>

#include "core/util/errors.hpp"

namespace simpul::http {
namespace {

constexpr const char* kMalformed = "innovation.multipart.malformed";

BadRequest malformed() { return BadRequest(kMalformed); }

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

using Parameters = std::vector<std::pair<std::string, std::string>>;

// A quoted-string starting at text[0] == '"'; backslash escapes the next character. Advances text
// past the closing quote.
std::optional<std::string> read_quoted(std::string_view& text) {
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      value += text[++i];
    } else if (text[i] == '"') {
      text.remove_prefix(i + 1);
      return value;
    } else {
      value += text[i];
    }
  }
  return std::nullopt;
}

// `; key=value; key="quoted value"` after a media type or disposition type. Keys are lower-cased.
std::optional<Parameters> parse_parameters(std::string_view text) {
  Parameters parameters;
  text = trim_ows(text);
  while (!text.empty()) {
    if (text.front() != ';') return std::nullopt;
    text = trim_ows(text.substr(1));
    if (text.empty()) break;  // a trailing ';' is harmless
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) return std::nullopt;
    std::string key = lower(trim_ows(text.substr(0, eq)));
    text = trim_ows(text.substr(eq + 1));
    std::string value;
    if (!text.empty() && text.front() == '"') {
      auto quoted = read_quoted(text);
      if (!quoted) return std::nullopt;
      value = std::move(*quoted);
    } else {
      const auto end = text.find(';');
      value = std::string(trim_ows(text.substr(0, end)));
      text = end == std::string_view::npos ? std::string_view{} : text.substr(end);
    }
    parameters.emplace_back(std::move(key), std::move(value));
    text = trim_ows(text);
  }
  return parameters;
}

const std::string* parameter(const Parameters& parameters, std::string_view key) {
  for (const auto& [name, value] : parameters) {
    if (name == key) return &value;
  }
  return nullptr;
}

// RFC 5987 `UTF-8''percent%20encoded`; other charsets are not worth supporting.
std::optional<std::string> decode_extended_value(std::string_view value) {
  const auto first = value.find('\'');
  const auto second = first == std::string_view::npos ? first : value.find('\'', first + 1);
  if (second == std::string_view::npos || lower(value.substr(0, first)) != "utf-8") {
    return std::nullopt;
  }
  return url_decode(value.substr(second + 1));
}

struct Disposition {
  std::string name;
  std::optional<std::string> filename;
};

Disposition parse_disposition(std::string_view value) {
  const auto semicolon = value.find(';');
  if (lower(trim_ows(value.substr(0, semicolon))) != "form-data") throw malformed();
  auto parameters =
      parse_parameters(semicolon == std::string_view::npos ? "" : value.substr(semicolon));
  if (!parameters) throw malformed();
  const std::string* name = parameter(*parameters, "name");
  if (!name) throw malformed();
  Disposition disposition{*name, std::nullopt};
  if (const std::string* extended = parameter(*parameters, "filename*")) {
    disposition.filename = decode_extended_value(*extended);
    if (!disposition.filename) throw malformed();
  } else if (const std::string* filename = parameter(*parameters, "filename")) {
    disposition.filename = *filename;
  }
  return disposition;
}

struct PartHeaders {
  std::optional<std::string> disposition;
  std::string content_type;
};

// Header lines separated by CRLF; a line starting with white space continues the previous one.
PartHeaders parse_headers(std::string_view block) {
  std::vector<std::string> lines;
  while (!block.empty()) {
    const auto end = block.find("\r\n");
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 2);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !lines.empty()) {
      lines.back() += " " + std::string(trim_ows(line));
    } else {
      lines.emplace_back(line);
    }
  }
  PartHeaders headers;
  for (const auto& line : lines) {
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) throw malformed();
    const std::string name = lower(trim_ows(std::string_view(line).substr(0, colon)));
    const std::string value(trim_ows(std::string_view(line).substr(colon + 1)));
    if (name == "content-disposition") headers.disposition = value;
    if (name == "content-type") headers.content_type = value;
  }
  return headers;
}

// One part as the walker finds it; body points into the request body.
struct PartView {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;
  std::string_view body;
};

void check_part(const PartView& part, const MultipartLimits& limits) {
  if (!is_valid_utf8(part.name) || (part.filename && !is_valid_utf8(*part.filename))) {
    throw BadRequest("error.bad_utf8");
  }
  if (part.filename) {
    if (part.body.size() > limits.max_file_bytes) {
      std::string limit = std::to_string(limits.max_file_bytes >> 20) + " MB";
      throw TooLarge("innovation.multipart.file_too_large",
                     {{"name", *part.filename}, {"limit", limit}});
    }
    return;
  }
  if (part.body.size() > limits.max_field_bytes) {
    throw TooLarge("innovation.multipart.field_too_large", {{"name", part.name}});
  }
  if (!is_valid_utf8(part.body)) throw BadRequest("error.bad_utf8");
}

// Where the first part's headers start: just after the first delimiter line's "--boundary",
// skipping any preamble.
std::size_t first_part(std::string_view body, const std::string& delimiter) {
  if (body.starts_with(delimiter)) return delimiter.size();
  const auto at = body.find("\r\n" + delimiter);
  if (at == std::string_view::npos) throw malformed();
  return at + 2 + delimiter.size();
}

// Calls visit(PartView) for every part in order until it returns false. Throws UserError.
template <class Visit>
void walk_parts(std::string_view content_type, std::string_view body, const MultipartLimits& limits,
                Visit&& visit) {
  const auto boundary = multipart_boundary(content_type);
  if (!boundary) throw malformed();
  const std::string delimiter = "--" + *boundary;
  const std::string next_delimiter = "\r\n" + delimiter;
  std::size_t at = first_part(body, delimiter);
  for (std::size_t count = 0;; ++count) {
    if (body.substr(at, 2) == "--") return;  // the close delimiter
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") throw malformed();
    at += 2;
    if (count == limits.max_parts) throw TooLarge("innovation.multipart.too_many_parts");
    const bool no_headers = body.substr(at, 2) == "\r\n";
    const auto header_end = no_headers ? at : body.find("\r\n\r\n", at);
    if (header_end == std::string_view::npos || header_end - at > limits.max_header_bytes) {
      throw malformed();
    }
    const auto content_start = no_headers ? at + 2 : header_end + 4;
    const auto content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos) throw malformed();
    PartHeaders headers = parse_headers(body.substr(at, header_end - at));
    if (!headers.disposition) throw malformed();
    Disposition disposition = parse_disposition(*headers.disposition);
    PartView part{std::move(disposition.name), std::move(disposition.filename),
                  std::move(headers.content_type),
                  body.substr(content_start, content_end - content_start)};
    check_part(part, limits);
    if (!visit(part)) return;
    at = content_end + next_delimiter.size();
  }
}

}  // namespace

bool is_multipart_form(std::string_view content_type) {
  return lower(trim_ows(content_type.substr(0, content_type.find(';')))) == "multipart/form-data";
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (!is_multipart_form(content_type)) return std::nullopt;
  const auto semicolon = content_type.find(';');
  if (semicolon == std::string_view::npos) return std::nullopt;
  auto parameters = parse_parameters(content_type.substr(semicolon));
  if (!parameters) return std::nullopt;
  const std::string* boundary = parameter(*parameters, "boundary");
  // RFC 2046: 1 to 70 characters, no line breaks.
  if (!boundary || boundary->empty() || boundary->size() > 70 ||
      boundary->find_first_of("\r\n") != std::string::npos) {
    return std::nullopt;
  }
  return *boundary;
}

Multipart Multipart::parse(std::string_view content_type, std::string_view body,
                           const MultipartLimits& limits) {
  Multipart multipart;
  walk_parts(content_type, body, limits, [&](PartView& part) {
    multipart.parts_.push_back({std::move(part.name), std::move(part.filename),
                                std::move(part.content_type), std::string(part.body)});
    return true;
  });
  return multipart;
}

Form Multipart::fields() const {
  Form form;
  for (const auto& part : parts_) {
    if (!part.is_file()) form.add(part.name, part.body);
  }
  return form;
}

std::vector<const MultipartPart*> Multipart::files(std::string_view name) const {
  std::vector<const MultipartPart*> files;
  for (const auto& part : parts_) {
    if (part.name == name && part.filename && !part.filename->empty()) files.push_back(&part);
  }
  return files;
}

std::optional<std::string> multipart_field(const Request& request, std::string_view name) {
  const std::string_view content_type = request.header("content-type");
  if (!is_multipart_form(content_type)) return std::nullopt;
  std::optional<std::string> found;
  MultipartLimits generous;
  generous.max_file_bytes = request.body.size();
  generous.max_field_bytes = request.body.size();
  try {
    walk_parts(content_type, request.body, generous, [&](PartView& part) {
      if (part.filename || part.name != name) return true;
      found = std::string(part.body);
      return false;
    });
  } catch (const UserError&) {
    return std::nullopt;
  }
  return found;
}

}  // namespace simpul::http
