#pragma once
// Evidence files: what may be uploaded, judged from the bytes (libmagic), never from the name or
// the type the browser claims, and how a download names the file.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.hpp"

namespace simpul::innovations {

inline constexpr std::size_t kMaxFileBytes = 10 << 20;
inline constexpr std::size_t kMaxFilesPerInnovation = 20;

// The MIME type libmagic reads from the bytes ("application/pdf"). One magic cookie per thread,
// opened on first use, because a cookie is not thread-safe and loading the database is slow.
std::string sniff_content_type(std::string_view bytes);
// PDF, JPEG, PNG, WebP, plain text, DOCX, XLSX, PPTX and ODT.
bool is_allowed_type(std::string_view content_type);
// The uploader's name without any folder part (old browsers send a full path), control
// characters or surrounding spaces, at most 150 bytes cut on a character boundary; "berkas"
// when nothing is left.
std::string clean_file_name(std::string_view name);
// A Content-Disposition header value that offers the original name to every browser:
// an ASCII fallback in filename="..." and the exact UTF-8 name in filename*=.
std::string attachment_disposition(std::string_view name);
// A stored file as a download (the registry's evidence, a proposal's attachments, a replication
// step's evidence): the bytes under their sniffed type, offered under `name`, never sniffed by the
// browser; cached anywhere for `public_max_age` seconds when given (a public file's id always names
// the same bytes), else never stored.
http::Response file_download(std::string bytes, const std::string& content_type,
                             std::string_view name, std::optional<int> public_max_age);

}  // namespace simpul::innovations
