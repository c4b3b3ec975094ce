#include "innovations/uploads.hpp"

#include <magic.h>

#include <algorithm>
#include <stdexcept>

#include "core/http/message.hpp"

namespace simpul::innovations {
namespace {

class MagicCookie {
 public:
  MagicCookie() : cookie_(magic_open(MAGIC_MIME_TYPE)) {
    if (!cookie_ || magic_load(cookie_, nullptr) != 0) {
      std::string reason = cookie_ ? magic_error(cookie_) : "magic_open failed";
      if (cookie_) magic_close(cookie_);
      throw std::runtime_error("cannot load the libmagic database: " + reason);
    }
  }
  ~MagicCookie() { magic_close(cookie_); }
  MagicCookie(const MagicCookie&) = delete;
  MagicCookie& operator=(const MagicCookie&) = delete;

  std::string type_of(std::string_view bytes) {
    const char* type = magic_buffer(cookie_, bytes.data(), bytes.size());
    return type ? type : "application/octet-stream";
  }

 private:
  magic_t cookie_;
};

constexpr std::string_view kAllowedTypes[] = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
};

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// text cut to at most max bytes without splitting a UTF-8 sequence.
std::string_view cut(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && is_continuation(static_cast<unsigned char>(text[end]))) --end;
  return text.substr(0, end);
}

}  // namespace

std::string sniff_content_type(std::string_view bytes) {
  thread_local MagicCookie cookie;
  return cookie.type_of(bytes);
}

bool is_allowed_type(std::string_view content_type) {
  return std::find(std::begin(kAllowedTypes), std::end(kAllowedTypes), content_type) !=
         std::end(kAllowedTypes);
}

std::string clean_file_name(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string clean;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) clean += c;
  }
  auto begin = clean.find_first_not_of(' ');
  auto end = clean.find_last_not_of(' ');
  clean = begin == std::string::npos ? "" : clean.substr(begin, end - begin + 1);
  clean = std::string(cut(clean, 150));
  return clean.empty() || clean == "." || clean == ".." ? "berkas" : clean;
}

std::string attachment_disposition(std::string_view name) {
  std::string fallback;  // one '_' for each character that is not plain printable ASCII
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (is_continuation(byte)) continue;
    bool plain = byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%';
    fallback += plain ? c : '_';
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + http::url_encode(name);
}

http::Response file_download(std::string bytes, const std::string& content_type,
                             std::string_view name, std::optional<int> public_max_age) {
  auto response = http::Response::html(std::move(bytes));
  response.content_type = content_type;
  response.set_header("Content-Disposition", attachment_disposition(name));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Cache-Control", public_max_age
                                           ? "public, max-age=" + std::to_string(*public_max_age)
                                           : "private, no-store");
  return response;
}

}  // namespace simpul::innovations
