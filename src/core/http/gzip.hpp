#pragma once
// Internal to simpul_http: gzip compression shared by static files and dynamic responses.
#include <string>
#include <string_view>

namespace simpul::http {

// A gzip member (RFC 1952) of data, compressed at zlib level 1..9.
std::string gzip_compress(std::string_view data, int level);
// Text-like types that gain from compression; images and fonts are compressed already.
bool is_compressible_type(std::string_view content_type);
// Whether an Accept-Encoding value accepts gzip (a "gzip" or "*" token without q=0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace simpul::http
