// Evidence files: types judged from the bytes, and the names a download offers.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "innovations/uploads.hpp"

namespace simpul::innovations {
namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const std::string kPng = std::string(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx"
    "\x9c\x63\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\0\0\0\0IEND\xae\x42\x60\x82",
    67);

std::string own_executable() {
  std::ifstream in("/proc/self/exe", std::ios::binary);
  std::string bytes(4096, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

TEST(Sniffing, ReadsTheTypeFromTheBytes) {
  EXPECT_EQ(sniff_content_type(kPdf), "application/pdf");
  EXPECT_EQ(sniff_content_type(kPng), "image/png");
  EXPECT_EQ(sniff_content_type("Laporan kegiatan.\nBaris kedua.\n"), "text/plain");
  EXPECT_TRUE(is_allowed_type(sniff_content_type(kPdf)));
  EXPECT_TRUE(is_allowed_type(sniff_content_type(kPng)));
}

TEST(Sniffing, RefusesExecutablesMarkupAndArchives) {
  EXPECT_FALSE(is_allowed_type(sniff_content_type(own_executable())));
  std::string windows =
      "MZ" + std::string(58, '\0') + std::string("\x40\0\0\0", 4) + "PE" + std::string(64, '\0');
  EXPECT_FALSE(is_allowed_type(sniff_content_type(windows)));
  EXPECT_FALSE(is_allowed_type(sniff_content_type("<html><script>alert(1)</script></html>")));
  EXPECT_FALSE(is_allowed_type(sniff_content_type("PK\x03\x04 not really a document")));
  EXPECT_FALSE(is_allowed_type("application/zip"));
  EXPECT_FALSE(is_allowed_type("text/html"));
  EXPECT_FALSE(is_allowed_type("image/svg+xml"));
}

TEST(FileNames, CleanedOfFoldersAndControlCharacters) {
  EXPECT_EQ(clean_file_name("C:\\Users\\ani\\Laporan Akhir.pdf"), "Laporan Akhir.pdf");
  EXPECT_EQ(clean_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_file_name("  foto\r\n.png "), "foto.png");
  EXPECT_EQ(clean_file_name(""), "berkas");
  EXPECT_EQ(clean_file_name(".."), "berkas");
  std::string long_name(149, 'a');
  EXPECT_EQ(clean_file_name(long_name + "é.pdf"), long_name);  // never half a character
}

TEST(FileNames, DispositionOffersTheExactNameSafely) {
  EXPECT_EQ(attachment_disposition("laporan.pdf"),
            "attachment; filename=\"laporan.pdf\"; filename*=UTF-8''laporan.pdf");
  EXPECT_EQ(attachment_disposition("Data \"final\"; v2.pdf"),
            "attachment; filename=\"Data _final__ v2.pdf\"; "
            "filename*=UTF-8''Data%20%22final%22%3B%20v2.pdf");
  EXPECT_EQ(attachment_disposition("Rekap €.xlsx"),
            "attachment; filename=\"Rekap _.xlsx\"; filename*=UTF-8''Rekap%20%E2%82%AC.xlsx");
}

}  // namespace
}  // namespace simpul::innovations
