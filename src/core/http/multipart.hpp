#pragma once
// multipart/form-data bodies (RFC 7578): the encoding browsers use for forms with file inputs.
//
// Errors are UserErrors with these message keys (their texts live in i18n/innovations.*.json,
// the first feature that takes uploads; move them to the shared catalogue when another does):
//   400 innovation.multipart.malformed       no boundary, a missing delimiter, a bad part header
//   400 error.bad_utf8                        a field name, file name or text field not UTF-8
//   413 innovation.multipart.too_many_parts   more parts than the limit
//   413 innovation.multipart.field_too_large  a text field beyond its limit ({name})
//   413 innovation.multipart.file_too_large   a file beyond its limit ({name}, {limit})
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace simpul::http {

struct MultipartLimits {
  std::size_t max_parts = 64;
  std::size_t max_header_bytes = 4096;       // the headers of one part
  std::size_t max_field_bytes = 256 * 1024;  // one text field
  std::size_t max_file_bytes = 10 << 20;     // one file
};

struct MultipartPart {
  std::string name;
  // Present for a file input, even when no file was chosen (then it is empty and so is body).
  std::optional<std::string> filename;
  std::string content_type;  // as the client declared it: never trust it for a file's type
  std::string body;

  bool is_file() const { return filename.has_value(); }
};

class Multipart {
 public:
  // Parses body of the given Content-Type header value. Throws UserError (keys above).
  static Multipart parse(std::string_view content_type, std::string_view body,
                         const MultipartLimits& limits = {});

  const std::vector<MultipartPart>& parts() const { return parts_; }
  // The text fields (not the files), in order, like an urlencoded form.
  Form fields() const;
  // The chosen files of a file input: parts called name with a non-empty file name.
  std::vector<const MultipartPart*> files(std::string_view name) const;

 private:
  std::vector<MultipartPart> parts_;
};

bool is_multipart_form(std::string_view content_type);
// The boundary parameter of a multipart Content-Type, unquoted; nullopt when absent or invalid.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The first text field called name of a multipart request, without copying the other parts:
// the request pipeline reads the CSRF token with it. nullopt when the request is not multipart,
// is malformed or has no such field; never throws.
std::optional<std::string> multipart_field(const Request& request, std::string_view name);

}  // namespace simpul::http
