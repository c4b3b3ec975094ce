#include "core/sheet/write.hpp"

#include <gtest/gtest.h>

namespace simpul::sheet {
namespace {

TEST(Csv, QuotesAndDefusesFormulas) {
  EXPECT_EQ(csv_cell("plain"), "plain");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_cell("+62 812"), "'+62 812");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  auto csv = to_csv({"a", "b"}, {{"1", "x,y"}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "a,b\r\n1,\"x,y\"\r\n");
}

}  // namespace
}  // namespace simpul::sheet
