#include "core/view/qr.hpp"

#include <gtest/gtest.h>

#include <string>

namespace simpul::view {
namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// "HELLO" in byte mode at level M fits version 1, 21 × 21 modules; with the quiet zone of four
// modules a side the picture is 29 × 29 (ISO/IEC 18004, table 7: version 1-M holds 14 bytes).
TEST(Qr, ASmallTextIsAVersionOneCodeWithItsQuietZone) {
  auto svg = qr_svg("HELLO", "Kode QR");
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << svg.substr(0, 200);
  EXPECT_NE(svg.find("role=\"img\" aria-label=\"Kode QR\""), std::string::npos);
  // The three finder patterns alone are 3 × (24 + 9) = 99 dark modules, and a code is about half
  // dark: far more than that, far fewer than all 441.
  auto dark = count_of(svg, "h1v1h-1z");
  EXPECT_GT(dark, 150u);
  EXPECT_LT(dark, 330u);
  // The top-left finder's first row: seven dark modules from (4, 4).
  for (int x = 4; x < 11; ++x)
    EXPECT_NE(svg.find("M" + std::to_string(x) + " 4h1v1h-1z"), std::string::npos) << x;
  EXPECT_EQ(svg, qr_svg("HELLO", "Kode QR")) << "the same text, the same picture";
}

TEST(Qr, AVerificationAddressGrowsTheCodeAndTheLabelIsEscaped) {
  auto svg = qr_svg("https://simpul.example.go.id/sertifikat/2025-6-12", "a \"b\" <c>");
  EXPECT_NE(svg.find("viewBox=\"0 0 41 41\""), std::string::npos)
      << "49 bytes: version 4 (33 modules), which holds 62 at level M";
  EXPECT_NE(svg.find("aria-label=\"a &quot;b&quot; &lt;c&gt;\""), std::string::npos);
}

}  // namespace
}  // namespace simpul::view
