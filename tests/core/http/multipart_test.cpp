#include "core/http/multipart.hpp"

#include <gtest/gtest.h>

#include "core/util/errors.hpp"

namespace simpul::http {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=----SimpulBatas7MA4YWxk";
const std::string kDelimiter = "------SimpulBatas7MA4YWxk";

std::string field(const std::string& name, const std::string& value) {
  return kDelimiter + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
         "\r\n";
}

std::string file(const std::string& name, const std::string& filename, const std::string& bytes,
                 const std::string& type = "application/pdf") {
  return kDelimiter + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" +
         filename + "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes + "\r\n";
}

std::string closed(const std::string& parts) { return parts + kDelimiter + "--\r\n"; }

// The message key of the UserError that parsing throws, or "" when it does not throw.
std::string error_key(std::string_view content_type, const std::string& body,
                      const MultipartLimits& limits = {}) {
  try {
    Multipart::parse(content_type, body, limits);
  } catch (const UserError& error) {
    return error.key();
  }
  return "";
}

TEST(Multipart, ReadsFieldsAndFilesInOrder) {
  std::string pdf = std::string("%PDF-1.4\r\n\0\x01\xff binary", 20);
  auto body = closed(field("csrf", "abc123") + field("catatan", "baris satu\r\nbaris dua") +
                     file("berkas", "laporan akhir.pdf", pdf) +
                     file("berkas", "", "", "application/octet-stream"));
  auto multipart = Multipart::parse(kType, body);
  ASSERT_EQ(multipart.parts().size(), 4u);
  auto fields = multipart.fields();
  EXPECT_EQ(fields.get("csrf"), "abc123");
  EXPECT_EQ(fields.get("catatan"), "baris satu\r\nbaris dua");
  EXPECT_FALSE(fields.has("berkas"));
  auto files = multipart.files("berkas");
  ASSERT_EQ(files.size(), 1u);  // the empty file input (nothing chosen) is left out
  EXPECT_EQ(*files[0]->filename, "laporan akhir.pdf");
  EXPECT_EQ(files[0]->content_type, "application/pdf");
  EXPECT_EQ(files[0]->body, pdf);  // bytes kept exactly, NUL and CR included
}

TEST(Multipart, AcceptsQuotedBoundaryPreambleAndEscapedNames) {
  std::string body =
      "preamble to ignore\r\n--a'b c\r\n"
      "content-disposition: FORM-DATA; name=\"say \\\"hi\\\"\"; "
      "filename*=UTF-8''laporan%20%E2%82%AC.txt\r\n\r\nisi\r\n--a'b c--";
  auto multipart = Multipart::parse("Multipart/Form-Data; boundary=\"a'b c\"", body);
  ASSERT_EQ(multipart.parts().size(), 1u);
  EXPECT_EQ(multipart.parts()[0].name, "say \"hi\"");
  EXPECT_EQ(*multipart.parts()[0].filename, "laporan €.txt");
}

TEST(Multipart, FoldedHeaderLinesAndUnquotedNames) {
  std::string body = kDelimiter +
                     "\r\nContent-Disposition: form-data;\r\n name=judul\r\n\r\nA\r\n" +
                     kDelimiter + "--";
  EXPECT_EQ(Multipart::parse(kType, body).fields().get("judul"), "A");
}

TEST(Multipart, BoundaryParameter) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=xyz"), "xyz");
  EXPECT_EQ(multipart_boundary("multipart/form-data;boundary=\"x y\";charset=utf-8"), "x y");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'b')));
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"unterminated"));
}

TEST(Multipart, MalformedBodiesAreA400) {
  const std::string malformed = "innovation.multipart.malformed";
  EXPECT_EQ(error_key("multipart/form-data", closed(field("a", "b"))), malformed);
  EXPECT_EQ(error_key(kType, ""), malformed);
  EXPECT_EQ(error_key(kType, "no delimiter at all"), malformed);
  EXPECT_EQ(error_key(kType, field("a", "never closed")), malformed);
  EXPECT_EQ(error_key(kType, kDelimiter + "\r\nContent-Disposition: form-data; name=\"a\"\r\nno "
                                          "blank line"),
            malformed);
  EXPECT_EQ(error_key(kType, closed(kDelimiter + "\r\nContent-Type: text/plain\r\n\r\nx\r\n")),
            malformed);  // no Content-Disposition
  EXPECT_EQ(error_key(kType, closed(kDelimiter + "\r\nContent-Disposition: attachment; "
                                                 "name=\"a\"\r\n\r\nx\r\n")),
            malformed);
  EXPECT_EQ(
      error_key(kType, closed(kDelimiter + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n")),
      malformed);  // no name
  EXPECT_EQ(error_key(kType, closed(kDelimiter + "\r\nContent-Disposition: form-data; "
                                                 "name=\"a\r\n\r\nx\r\n")),
            malformed);  // unterminated quote
  EXPECT_EQ(error_key(kType, closed(kDelimiter + "\r\nbroken header\r\n\r\nx\r\n")), malformed);
  EXPECT_EQ(error_key(kType, kDelimiter + "garbage after the delimiter"), malformed);
  EXPECT_EQ(error_key(kType, closed(field("a", "b"))), "");
}

TEST(Multipart, LimitsOnPartsAndSizes) {
  MultipartLimits limits;
  limits.max_parts = 2;
  limits.max_field_bytes = 10;
  limits.max_file_bytes = 2 << 20;
  EXPECT_EQ(error_key(kType, closed(field("a", "1") + field("b", "2")), limits), "");
  EXPECT_EQ(error_key(kType, closed(field("a", "1") + field("b", "2") + field("c", "3")), limits),
            "innovation.multipart.too_many_parts");
  EXPECT_EQ(error_key(kType, closed(field("a", std::string(11, 'x'))), limits),
            "innovation.multipart.field_too_large");
  try {
    Multipart::parse(kType, closed(file("berkas", "besar.pdf", std::string((2 << 20) + 1, 'x'))),
                     limits);
    FAIL() << "an oversized file was accepted";
  } catch (const TooLarge& error) {
    EXPECT_EQ(error.key(), "innovation.multipart.file_too_large");
    EXPECT_EQ(error.args(), (MessageArgs{{"name", "besar.pdf"}, {"limit", "2 MB"}}));
  }
  limits.max_header_bytes = 20;
  EXPECT_EQ(error_key(kType, closed(field("a", "1")), limits), "innovation.multipart.malformed");
}

TEST(Multipart, InvalidUtf8InTextFieldsAndNamesIsRefusedButNotInFiles) {
  EXPECT_EQ(error_key(kType, closed(field("judul", "Inovasi \xff\xfe"))), "error.bad_utf8");
  EXPECT_EQ(error_key(kType, closed(field("\xc0\xaf", "x"))), "error.bad_utf8");
  EXPECT_EQ(error_key(kType, closed(file("berkas", "nama\xff.pdf", "x"))), "error.bad_utf8");
  EXPECT_EQ(error_key(kType, closed(file("berkas", "foto.png", "\x89PNG\xff\xfe"))), "");
}

TEST(Multipart, FieldLookupForTheCsrfCheckNeverThrows) {
  Request request;
  request.headers.emplace_back("content-type", kType);
  request.body = closed(field("csrf", "token-1") + file("berkas", "a.pdf", "%PDF"));
  EXPECT_EQ(multipart_field(request, "csrf"), "token-1");
  EXPECT_FALSE(multipart_field(request, "berkas"));  // a file is not a text field
  EXPECT_FALSE(multipart_field(request, "lain"));
  request.body = "broken";
  EXPECT_FALSE(multipart_field(request, "csrf"));
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  request.body = "csrf=x";
  EXPECT_FALSE(multipart_field(request, "csrf"));
}

}  // namespace
}  // namespace simpul::http
