// kernel::path fills a route pattern's placeholders in order, so links and routes share one text.
#include "kernel/paths.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

namespace simpul::kernel {
namespace {

TEST(Paths, FillsPlaceholdersInOrder) {
  std::int64_t edition = 7;
  int proposal = 12;
  EXPECT_EQ(path("/kompetisi/{id}/finalis/{proposal}", {edition, proposal}),
            "/kompetisi/7/finalis/12");
  EXPECT_EQ(path("/kompetisi/{id}", {edition}), "/kompetisi/7");
  EXPECT_EQ(path("/kompetisi"), "/kompetisi");
}

TEST(Paths, TextStaysInsideItsSegment) {
  EXPECT_EQ(path("/penilaian/{proposal}/berkas/{code}", {3, "laporan akhir/../x?y#z"}),
            "/penilaian/3/berkas/laporan%20akhir%2F..%2Fx%3Fy%23z");
  EXPECT_EQ(path("/a/{code}", {"proposal-1_v2.pdf"}), "/a/proposal-1_v2.pdf");
}

TEST(Paths, AWrongNumberOfValuesIsAMistakeInTheCode) {
  EXPECT_THROW(path("/kompetisi/{id}/finalis/{proposal}", {7}), std::logic_error);
  EXPECT_THROW(path("/kompetisi/{id}", {7, 8}), std::logic_error);
  EXPECT_THROW(path("/kompetisi", {7}), std::logic_error);
}

}  // namespace
}  // namespace simpul::kernel
