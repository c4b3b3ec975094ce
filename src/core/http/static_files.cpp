#include "core/http/static_files.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/http/gzip.hpp"

namespace simpul::http {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRevalidate = "no-cache";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr int kStaticGzipLevel = 9;  // compressed once at start-up, so the best ratio is free

std::string_view content_type_for(std::string_view path) {
  const auto dot = path.rfind('.');
  const std::string_view extension = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (extension == "css") return "text/css; charset=utf-8";
  if (extension == "js") return "application/javascript; charset=utf-8";
  if (extension == "svg") return "image/svg+xml";
  if (extension == "png") return "image/png";
  if (extension == "ico") return "image/x-icon";
  if (extension == "woff2") return "font/woff2";
  if (extension == "txt") return "text/plain; charset=utf-8";
  if (extension == "json" || extension == "map") return "application/json";
  if (extension == "html") return "text/html; charset=utf-8";
  return "application/octet-stream";
}

std::uint64_t fnv1a_64(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kHex[value & 0x0F];
  return out;
}

// "/static/css/simpul.css" + "1a2b3c4d" -> "/static/css/simpul.1a2b3c4d.css"
std::string insert_fingerprint(std::string_view path, std::string_view fingerprint) {
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  const bool has_extension =
      dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash + 1);
  if (!has_extension) return std::string(path) + "." + std::string(fingerprint);
  return std::string(path.substr(0, dot)) + "." + std::string(fingerprint) +
         std::string(path.substr(dot));
}

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read static file " + file);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// If-None-Match holds "*" or a list of (possibly weak) entity tags.
bool matches_if_none_match(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

void StaticFiles::mount(const std::string& url_prefix, const std::string& dir) {
  std::string prefix = url_prefix;
  if (!prefix.ends_with('/')) prefix += '/';
  if (!fs::is_directory(dir)) throw std::runtime_error("static directory not found: " + dir);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), dir).generic_string();
    add(prefix + relative, entry.path().string());
  }
}

void StaticFiles::add_file(const std::string& url_path, const std::string& file) {
  add(url_path, file);
}

void StaticFiles::add(const std::string& url_path, const std::string& file) {
  if (!url_path.starts_with('/') || url_path.find("..") != std::string::npos) {
    throw std::invalid_argument("bad static url path: " + url_path);
  }
  Asset asset;
  asset.content_type = content_type_for(url_path);
  asset.body = read_file(file);
  const std::string hash = hex16(fnv1a_64(asset.body));
  asset.etag = "\"" + hash + "\"";
  asset.fingerprinted_path = insert_fingerprint(url_path, std::string_view(hash).substr(0, 8));
  if (is_compressible_type(asset.content_type)) {
    std::string gzip_body = gzip_compress(asset.body, kStaticGzipLevel);
    if (gzip_body.size() * 10 <= asset.body.size() * 9) asset.gzip_body = std::move(gzip_body);
  }
  if (const auto old = by_plain_path_.find(url_path); old != by_plain_path_.end()) {
    fingerprinted_to_plain_.erase(old->second.fingerprinted_path);  // a later mount replaces it
  }
  fingerprinted_to_plain_[asset.fingerprinted_path] = url_path;
  by_plain_path_[url_path] = std::move(asset);
}

std::string StaticFiles::url_for(std::string_view plain_path) const {
  const auto it = by_plain_path_.find(plain_path);
  // An unknown asset keeps its plain URL so a page still renders; the browser gets a 404.
  return it == by_plain_path_.end() ? std::string(plain_path) : it->second.fingerprinted_path;
}

std::map<std::string, std::string> StaticFiles::urls() const {
  std::map<std::string, std::string> out;
  for (const auto& [plain, asset] : by_plain_path_) out.emplace(plain, asset.fingerprinted_path);
  return out;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (request.method != Method::get && request.method != Method::head) return std::nullopt;
  if (request.path.find("..") != std::string::npos) return std::nullopt;

  const Asset* asset = nullptr;
  bool fingerprinted = false;
  if (const auto plain = by_plain_path_.find(request.path); plain != by_plain_path_.end()) {
    asset = &plain->second;
  } else if (const auto it = fingerprinted_to_plain_.find(request.path);
             it != fingerprinted_to_plain_.end()) {
    asset = &by_plain_path_.at(it->second);
    fingerprinted = true;
  }
  if (!asset) return std::nullopt;

  Response response;
  response.route = "static";
  response.content_type = asset->content_type;
  response.set_header("ETag", asset->etag);
  response.set_header("Cache-Control", std::string(fingerprinted ? kImmutable : kRevalidate));
  if (!asset->gzip_body.empty()) response.set_header("Vary", "Accept-Encoding");

  if (matches_if_none_match(request.header("if-none-match"), asset->etag)) {
    response.status = 304;
    return response;
  }
  if (!asset->gzip_body.empty() && accepts_gzip(request.header("accept-encoding"))) {
    response.set_header("Content-Encoding", "gzip");
    response.body = asset->gzip_body;
  } else {
    response.body = asset->body;
  }
  return response;
}

}  // namespace simpul::http
