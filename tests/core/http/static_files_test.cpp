#include "core/http/static_files.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "test_support.hpp"

namespace simpul::http {
namespace {

using testing::gunzip;
using testing::ScratchDir;

std::string repeated_css() {
  std::string css;
  for (int i = 0; i < 200; ++i) css += ".kartu-" + std::to_string(i) + " { margin: 0 auto; }\n";
  return css;
}

Request request_for(std::string path,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request request;
  request.path = std::move(path);
  request.headers = std::move(headers);
  return request;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    dir.write("css/simpul.css", repeated_css());
    dir.write("img/logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x'));
    dir.write("robots.txt", "User-agent: *\n");
    files.mount("/static", dir.path());
  }
  ScratchDir dir;
  StaticFiles files;
};

TEST_F(StaticFilesTest, ServesAPlainUrlWithETagAndNoCache) {
  const auto response = files.serve(request_for("/static/robots.txt"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "User-agent: *\n");
  EXPECT_EQ(response->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "no-cache");
  EXPECT_TRUE(
      std::regex_match(std::string(response->header("ETag")), std::regex("\"[0-9a-f]{16}\"")));
}

TEST_F(StaticFilesTest, FingerprintedUrlIsImmutable) {
  const std::string url = files.url_for("/static/css/simpul.css");
  EXPECT_TRUE(std::regex_match(url, std::regex("/static/css/simpul\\.[0-9a-f]{8}\\.css"))) << url;
  const auto plain = files.serve(request_for("/static/css/simpul.css"));
  const auto fingerprinted = files.serve(request_for(url));
  ASSERT_TRUE(fingerprinted);
  EXPECT_EQ(fingerprinted->header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(fingerprinted->body, plain->body);
  EXPECT_EQ(fingerprinted->header("ETag").substr(1, 8), url.substr(19, 8));
  EXPECT_EQ(files.urls().at("/static/css/simpul.css"), url);
}

TEST_F(StaticFilesTest, UnknownAssetKeepsItsPlainUrl) {
  EXPECT_EQ(files.url_for("/static/none.css"), "/static/none.css");
  EXPECT_FALSE(files.serve(request_for("/static/none.css")));
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchGives304WithoutBody) {
  const std::string etag(files.serve(request_for("/static/robots.txt"))->header("ETag"));
  for (const std::string& header : {etag, "\"other\", " + etag, "W/" + etag, std::string("*")}) {
    const auto response =
        files.serve(request_for("/static/robots.txt", {{"if-none-match", header}}));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 304) << header;
    EXPECT_TRUE(response->body.empty());
    EXPECT_EQ(response->header("ETag"), etag);
  }
  const auto stale =
      files.serve(request_for("/static/robots.txt", {{"if-none-match", "\"stale\""}}));
  EXPECT_EQ(stale->status, 200);
}

TEST_F(StaticFilesTest, GzipsTextWhenAccepted) {
  const auto response = files.serve(
      request_for("/static/css/simpul.css", {{"accept-encoding", "gzip, deflate, br"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header("Content-Encoding"), "gzip");
  EXPECT_EQ(response->header("Vary"), "Accept-Encoding");
  EXPECT_EQ(response->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(gunzip(response->body), repeated_css());

  const auto identity = files.serve(request_for("/static/css/simpul.css"));
  EXPECT_EQ(identity->header("Content-Encoding"), "");
  EXPECT_EQ(identity->header("Vary"), "Accept-Encoding");
  EXPECT_EQ(identity->body, repeated_css());

  const auto refused =
      files.serve(request_for("/static/css/simpul.css", {{"accept-encoding", "gzip;q=0, br"}}));
  EXPECT_EQ(refused->header("Content-Encoding"), "");
}

TEST_F(StaticFilesTest, DoesNotGzipImagesOrTinyFiles) {
  const auto png = files.serve(request_for("/static/img/logo.png", {{"accept-encoding", "gzip"}}));
  ASSERT_TRUE(png);
  EXPECT_EQ(png->content_type, "image/png");
  EXPECT_EQ(png->header("Content-Encoding"), "");
  const auto txt = files.serve(request_for("/static/robots.txt", {{"accept-encoding", "gzip"}}));
  EXPECT_EQ(txt->header("Content-Encoding"), "");  // gzip would not be 10% smaller
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  Request post = request_for("/static/robots.txt");
  post.method = Method::post;
  EXPECT_FALSE(files.serve(post));
  Request head = request_for("/static/robots.txt");
  head.method = Method::head;
  EXPECT_TRUE(files.serve(head));
}

TEST_F(StaticFilesTest, NeverServesDotDot) {
  EXPECT_FALSE(files.serve(request_for("/static/css/../robots.txt")));
  EXPECT_FALSE(files.serve(request_for("/static/../static/robots.txt")));
  EXPECT_THROW(files.add_file("/static/../x.txt", dir.path() + "/robots.txt"),
               std::invalid_argument);
}

TEST_F(StaticFilesTest, AddFileAndLaterMountsReplace) {
  files.add_file("/static/vendor/htmx.min.js", dir.write("htmx.js", "htmx()"));
  const auto js = files.serve(request_for("/static/vendor/htmx.min.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->content_type, "application/javascript; charset=utf-8");

  const std::string old_url = files.url_for("/static/robots.txt");
  ScratchDir other;
  other.write("robots.txt", "User-agent: none\n");
  files.mount("/static/", other.path());
  EXPECT_EQ(files.serve(request_for("/static/robots.txt"))->body, "User-agent: none\n");
  EXPECT_NE(files.url_for("/static/robots.txt"), old_url);
  EXPECT_FALSE(files.serve(request_for(old_url)));
}

TEST_F(StaticFilesTest, MountingAMissingDirectoryThrows) {
  EXPECT_THROW(files.mount("/x/", dir.path() + "/missing"), std::runtime_error);
}

}  // namespace
}  // namespace simpul::http
