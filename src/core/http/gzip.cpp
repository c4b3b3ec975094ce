#include "core/http/gzip.hpp"
#include "core/http/header_text.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

namespace simpul::http {

namespace {

constexpr int kGzipWindowBits = 15 + 16;  // +16 asks zlib for the gzip wrapper
constexpr int kDefaultMemLevel = 8;

// True when the parameters of one Accept-Encoding entry ("q=0.5") give it a zero weight.
bool has_zero_quality(std::string_view parameters) {
  const auto q = parameters.find("q=");
  if (q == std::string_view::npos) return false;
  const std::string_view value = trim_ows(parameters.substr(q + 2));
  return value.find_first_not_of("0.") == std::string_view::npos;
}

// One deflate state per thread and level, reset between responses: setting one up costs about as
// much as compressing a whole search page (deflateInit2 allocates and clears 256 kB of tables).
class Deflater {
 public:
  explicit Deflater(int level) {
    if (deflateInit2(&stream_, level, Z_DEFLATED, kGzipWindowBits, kDefaultMemLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("deflateInit2 failed");
    }
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string compress(std::string_view data) {
    deflateReset(&stream_);
    std::string out(deflateBound(&stream_, data.size()), '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream_, Z_FINISH);
    out.resize(stream_.total_out);
    // deflateBound guarantees room for everything, so a single Z_FINISH must complete.
    if (result != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return out;
  }

 private:
  z_stream stream_{};
};

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
  thread_local std::map<int, std::unique_ptr<Deflater>> deflaters;
  auto& deflater = deflaters[level];
  if (!deflater) deflater = std::make_unique<Deflater>(level);
  return deflater->compress(data);
}

bool is_compressible_type(std::string_view content_type) {
  const std::string_view type = trim_ows(content_type.substr(0, content_type.find(';')));
  return type.starts_with("text/") || iequals(type, "application/json") ||
         iequals(type, "application/javascript") || iequals(type, "image/svg+xml");
}

bool accepts_gzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    const auto comma = accept_encoding.find(',');
    const std::string_view entry = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const auto semicolon = entry.find(';');
    const std::string_view coding = trim_ows(entry.substr(0, semicolon));
    const std::string_view parameters =
        semicolon == std::string_view::npos ? std::string_view{} : entry.substr(semicolon + 1);
    if ((iequals(coding, "gzip") || coding == "*") && !has_zero_quality(parameters)) return true;
  }
  return false;
}

}  // namespace simpul::http
