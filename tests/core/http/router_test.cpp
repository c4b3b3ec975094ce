#include "core/http/router.hpp"

#include <gtest/gtest.h>

namespace simpul::http {
namespace {

Handler reply(std::string text) {
  return [text](Request&) { return Response::text(text); };
}

std::string call(const Router::Match& match, Request& request) {
  return match.handler ? (*match.handler)(request).body : "";
}

Request request_for(Method method, std::string path) {
  Request request;
  request.method = method;
  request.path = std::move(path);
  return request;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router.get("/", reply("home"));
    router.get("/akun/{id}", reply("akun"));
    router.get("/akun/baru", reply("baru"));
    router.post("/akun/{id}/nonaktifkan", reply("nonaktifkan"));
    router.add(Method::del, "/akun/{id}", reply("hapus"));
    router.get("/berkas/{nama}/unduh", reply("unduh"));
    router.get("/berkas/semua/daftar", reply("daftar"));
  }
  Router router;
};

TEST_F(RouterTest, MatchesRootAndLiterals) {
  Request request = request_for(Method::get, "/");
  const auto match = router.match(request);
  ASSERT_EQ(match.kind, Router::Match::Kind::found);
  EXPECT_EQ(call(match, request), "home");
  EXPECT_EQ(match.route, "GET /");
}

TEST_F(RouterTest, LiteralBeatsPlaceholder) {
  Request request = request_for(Method::get, "/akun/baru");
  const auto match = router.match(request);
  EXPECT_EQ(call(match, request), "baru");
  EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, PlaceholderFillsPathParams) {
  Request request = request_for(Method::post, "/akun/42/nonaktifkan");
  const auto match = router.match(request);
  ASSERT_EQ(match.kind, Router::Match::Kind::found);
  EXPECT_EQ(call(match, request), "nonaktifkan");
  EXPECT_EQ(request.param("id"), "42");
  EXPECT_EQ(match.route, "POST /akun/{id}/nonaktifkan");
}

TEST_F(RouterTest, FallsBackToPlaceholderWhenTheLiteralBranchDeadEnds) {
  Request request = request_for(Method::get, "/berkas/semua/unduh");
  const auto match = router.match(request);
  EXPECT_EQ(call(match, request), "unduh");
  EXPECT_EQ(request.param("nama"), "semua");
}

TEST_F(RouterTest, PlaceholderNeedsANonEmptySegment) {
  Request request = request_for(Method::get, "/akun/");
  EXPECT_EQ(router.match(request).kind, Router::Match::Kind::not_found);
}

TEST_F(RouterTest, HeadMatchesGet) {
  Request request = request_for(Method::head, "/akun/7");
  const auto match = router.match(request);
  ASSERT_EQ(match.kind, Router::Match::Kind::found);
  EXPECT_EQ(match.route, "GET /akun/{id}");
  EXPECT_EQ(request.param("id"), "7");
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  Request request = request_for(Method::put, "/akun/7");
  const auto match = router.match(request);
  EXPECT_EQ(match.kind, Router::Match::Kind::method_not_allowed);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "HEAD", "DELETE"}));
  EXPECT_EQ(match.handler, nullptr);
}

TEST_F(RouterTest, PostOnlyPathAllowsJustPost) {
  Request request = request_for(Method::get, "/akun/7/nonaktifkan");
  const auto match = router.match(request);
  EXPECT_EQ(match.kind, Router::Match::Kind::method_not_allowed);
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"POST"}));
}

TEST_F(RouterTest, UnknownPathsAreNotFound) {
  for (const char* path : {"/tidak-ada", "/akun/7/lain", "/akun/7/nonaktifkan/x"}) {
    Request request = request_for(Method::get, path);
    EXPECT_EQ(router.match(request).kind, Router::Match::Kind::not_found) << path;
  }
}

TEST_F(RouterTest, DecodedPathsWithNulOrBadUtf8AreNotFound) {
  Request with_nul = request_for(Method::get, std::string("/akun/1\0", 8));
  EXPECT_EQ(router.match(with_nul).kind, Router::Match::Kind::not_found);
  Request bad_utf8 = request_for(Method::get, "/akun/\xC0\xAF");
  EXPECT_EQ(router.match(bad_utf8).kind, Router::Match::Kind::not_found);
  Request utf8 = request_for(Method::get, "/akun/caf\xC3\xA9");
  EXPECT_EQ(router.match(utf8).kind, Router::Match::Kind::found);
  EXPECT_EQ(utf8.param("id"), "caf\xC3\xA9");
}

TEST_F(RouterTest, DuplicateRoutesAreRejected) {
  EXPECT_THROW(router.get("/akun/{nomor}", reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("akun", reply("x")), std::invalid_argument);
}

TEST_F(RouterTest, SurvivesAMove) {
  Router moved = std::move(router);
  Request request = request_for(Method::get, "/akun/baru");
  EXPECT_EQ(call(moved.match(request), request), "baru");
}

}  // namespace
}  // namespace simpul::http
