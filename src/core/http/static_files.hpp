#pragma once
// Static assets, read into memory at start-up (they are small), each with an ETag and a gzip copy.
// A file is also reachable under a fingerprinted name (css/simpul.css ->
// /static/css/simpul.1a2b3c4d.css) that is served with a one-year immutable cache; templates link
// the fingerprinted name, so a new deploy changes the URL.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.hpp"

namespace simpul::http {

class StaticFiles {
 public:
  // Mounts dir under url_prefix ("/static/"). Later mounts add to earlier ones.
  void mount(const std::string& url_prefix, const std::string& dir);
  // Adds one file under an explicit url path ("/static/vendor/htmx.min.js").
  void add_file(const std::string& url_path, const std::string& file);

  // The fingerprinted URL of an asset by its plain URL path ("/static/css/simpul.css").
  std::string url_for(std::string_view plain_path) const;
  // Every plain path -> fingerprinted URL, for templates.
  std::map<std::string, std::string> urls() const;

  // A response for GET/HEAD of path if it is a static file: 200, or 304 when If-None-Match
  // matches; gzip when accepted. nullopt when path is not a static file.
  std::optional<Response> serve(const Request& request) const;

 private:
  struct Asset {
    std::string content_type;
    std::string body;
    std::string gzip_body;  // empty when compression does not pay
    std::string etag;
    std::string fingerprinted_path;
  };
  void add(const std::string& url_path, const std::string& file);
  std::map<std::string, Asset, std::less<>> by_plain_path_;
  std::map<std::string, std::string, std::less<>> fingerprinted_to_plain_;
};

}  // namespace simpul::http
