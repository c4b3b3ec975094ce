#include "core/http/message.hpp"

#include <gtest/gtest.h>

#include "core/util/errors.hpp"

namespace simpul::http {
namespace {

int user_error_status(std::string_view encoded, std::string* key) {
  try {
    Form::parse(encoded);
  } catch (const UserError& e) {
    *key = e.key();
    return http_status(e.failure());
  }
  return 0;
}

TEST(Method, ParsesAndNamesEveryMethod) {
  EXPECT_EQ(parse_method("GET"), Method::get);
  EXPECT_EQ(parse_method("DELETE"), Method::del);
  EXPECT_EQ(parse_method("get"), Method::other);  // methods are case-sensitive
  EXPECT_EQ(parse_method("BREW"), Method::other);
  EXPECT_EQ(method_name(Method::patch), "PATCH");
  EXPECT_EQ(method_name(Method::options), "OPTIONS");
}

TEST(Form, DecodesPairsInOrder) {
  const Form form = Form::parse("nama=Budi+Santoso&kota=Bandung%20Barat&tag=a&tag=b&kosong=&flag");
  ASSERT_EQ(form.pairs().size(), 6u);
  EXPECT_EQ(form.get("nama"), "Budi Santoso");
  EXPECT_EQ(form.get("kota"), "Bandung Barat");
  EXPECT_EQ(form.all("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(form.has("kosong"));
  EXPECT_EQ(form.get("kosong", "x"), "");
  EXPECT_TRUE(form.has("flag"));
  EXPECT_EQ(form.get("absent", "fallback"), "fallback");
}

TEST(Form, DecodesUtf8AndReservedCharacters) {
  const Form form = Form::parse("q=caf%C3%A9+%26+teh%3D1&%2Bkey=%2B");
  EXPECT_EQ(form.get("q"), "café & teh=1");
  EXPECT_EQ(form.get("+key"), "+");
}

TEST(Form, SkipsEmptyPieces) {
  EXPECT_EQ(Form::parse("a=1&&b=2&").pairs().size(), 2u);
  EXPECT_TRUE(Form::parse("").pairs().empty());
}

TEST(Form, RejectsMalformedEscapes) {
  for (const char* bad : {"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=1&b=%G0"}) {
    std::string key;
    EXPECT_EQ(user_error_status(bad, &key), 400) << bad;
    EXPECT_EQ(key, "error.bad_form") << bad;
  }
}

TEST(Form, RejectsInvalidUtf8) {
  for (const char* bad : {"a=%FF", "a=%C0%AF", "a=%ED%A0%80", "a=%F4%90%80%80", "a=%E2%82"}) {
    std::string key;
    EXPECT_EQ(user_error_status(bad, &key), 400) << bad;
    EXPECT_EQ(key, "error.bad_utf8") << bad;
  }
}

TEST(Utf8, AcceptsValidAndRejectsInvalidSequences) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA9"));          // é
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));      // €
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates

  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\x80"));          // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xE2\x28\xA1"));  // bad continuation
}

TEST(UrlCoding, EncodesAndDecodes) {
  EXPECT_EQ(url_encode("a b&c/é~"), "a%20b%26c%2F%C3%A9~");
  EXPECT_EQ(url_decode("a%20b+c"), "a b+c");
  EXPECT_EQ(url_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(url_decode("%41%4a%4A"), "AJJ");
  EXPECT_FALSE(url_decode("%4"));
  EXPECT_FALSE(url_decode("%%41"));
}

TEST(Request, FindsHeadersAndCookies) {
  Request request;
  request.headers = {{"accept", "text/html"},
                     {"cookie", "theme=dark; sid=\"abc123\"; empty="},
                     {"cookie", "lang=id"}};
  EXPECT_EQ(request.header("accept"), "text/html");
  EXPECT_EQ(request.header("missing"), "");
  EXPECT_EQ(request.cookie("sid"), "abc123");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("empty"), "");
  EXPECT_EQ(request.cookie("lang"), "id");
  EXPECT_FALSE(request.cookie("the"));
}

TEST(Request, ParsesQueryAndUrlencodedFormLazily) {
  Request request;
  request.query_string = "halaman=2&cari=padi+organik";
  request.body = "judul=Inovasi%20Desa";
  request.headers = {{"content-type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"}};
  EXPECT_EQ(request.query().get("cari"), "padi organik");
  EXPECT_EQ(request.form().get("judul"), "Inovasi Desa");
}

TEST(Request, FormIsEmptyForOtherContentTypes) {
  Request request;
  request.body = "{\"judul\":1}";
  request.headers = {{"content-type", "application/json"}};
  EXPECT_TRUE(request.form().pairs().empty());
}

TEST(Request, FormValidatesTheBody) {
  Request request;
  request.body = "a=%FF";
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  EXPECT_THROW(request.form(), UserError);
}

TEST(Request, ParamAndWantsJson) {
  Request request;
  request.path_params = {{"id", "42"}};
  EXPECT_EQ(request.param("id"), "42");
  EXPECT_EQ(request.param("other"), "");

  request.path = "/api/inovasi";
  EXPECT_TRUE(request.wants_json());
  request.path = "/apiary";
  EXPECT_FALSE(request.wants_json());
  request.headers = {{"accept", "application/json"}};
  EXPECT_TRUE(request.wants_json());
  request.headers = {{"accept", "text/html,application/json"}};
  EXPECT_FALSE(request.wants_json());
}

TEST(Cookie, FormatsEveryAttribute) {
  Cookie cookie{.name = "sid", .value = "abc", .max_age_seconds = 3600, .secure = true};
  EXPECT_EQ(format_set_cookie(cookie),
            "sid=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
  Cookie session{.name = "flash", .value = "x", .http_only = false, .same_site = "Strict"};
  EXPECT_EQ(format_set_cookie(session), "flash=x; Path=/; SameSite=Strict");
}

TEST(Response, HelpersAndHeaders) {
  EXPECT_EQ(Response::json("{}").content_type, "application/json");
  EXPECT_EQ(Response::text("x", 404).status, 404);
  EXPECT_EQ(Response::text("x").content_type, "text/plain; charset=utf-8");
  Response redirect = Response::redirect("/masuk");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.header("location"), "/masuk");

  Response response = Response::html("<p>hi</p>");
  response.add_header("X-A", "1");
  response.add_header("x-a", "2");
  response.set_header("X-a", "3");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("X-A"), "3");
  response.set_cookie({.name = "a", .value = "b"});
  EXPECT_EQ(response.header("set-cookie"), "a=b; Path=/; HttpOnly; SameSite=Lax");
}

TEST(StatusReason, KnowsCommonCodes) {
  EXPECT_EQ(status_reason(200), "OK");
  EXPECT_EQ(status_reason(431), "Request Header Fields Too Large");
  EXPECT_EQ(status_reason(599), "Unknown");
}

}  // namespace
}  // namespace simpul::http

namespace simpul::http {
namespace {

TEST(LocalTarget, OnlyPathsOnThisSite) {
  EXPECT_EQ(local_target("/katalog?q=a", "/"), "/katalog?q=a");
  EXPECT_EQ(local_target("", "/akun"), "/akun");
  EXPECT_EQ(local_target("//evil.example/", "/"), "/");
  EXPECT_EQ(local_target("/\\evil.example", "/"), "/");
  EXPECT_EQ(local_target("https://evil.example/", "/"), "/");
}

}  // namespace
}  // namespace simpul::http
