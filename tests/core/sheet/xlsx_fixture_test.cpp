// The hand-made workbooks of data/ (written by data/make_fixtures.py): what libxlsxwriter never
// writes, and broken packages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/sheet/sheet.hpp"
#include "support.hpp"

namespace simpul::sheet {
namespace {

using testing::fixture;
using testing::Problem;
using testing::problem_of;
using Cells = std::vector<std::string>;
using Rows = std::vector<Cells>;
using Numbers = std::vector<std::size_t>;

// Prefixed elements, a chart sheet and a hidden sheet before the data, a 1904 workbook, rows
// and cells without r, rich text and phonetic runs, _xHHHH_ escapes, every cell type.
TEST(XlsxFixture, EverythingExcelAndOtherWritersMayDo) {
  const Table table = read_xlsx(fixture("handwritten.xlsx"));
  EXPECT_EQ(table.header, (Cells{"Nama", "  Tanggal  ", "Jumlah", "Catatan"}));
  EXPECT_EQ(table.header_row_number, 2u);
  ASSERT_EQ(table.rows.size(), 5u);
  // Rich text; a 1904 date (custom Indonesian format); "1.5E6"; a rich inline string.
  EXPECT_EQ(table.rows[0], (Cells{"Dinas Kesehatan", "2023-03-15", "1500000", "Teks sebaris"}));
  // Phonetic guide left out; serial 0 of 1904 (built-in 14); "1500000.0"; a formula's string.
  EXPECT_EQ(table.rows[1], (Cells{"東京", "1904-01-01", "1500000", "hasil\r"}));
  // An error value; a time (built-in 20) stays a number; a fraction as written; a boolean.
  EXPECT_EQ(table.rows[2], (Cells{"#N/A", "0.5", "1.5E-3", "FALSE"}));
  // "#,##0 hari" and "[h]:mm" are no dates; a formula never calculated is empty; escapes.
  EXPECT_EQ(table.rows[3], (Cells{"12", "1.25", "", "baris\r\nkedua _x0041_ 😀"}));
  // "mmm-yy" is a date; a value beyond the header is kept.
  EXPECT_EQ(table.rows[4], (Cells{"", "2023-03-15", "", "", "di luar"}));
  // Row 5 is absent, row 9 has only a format and an empty string.
  EXPECT_EQ(table.row_numbers, (Numbers{3, 4, 6, 7, 8}));
}

TEST(XlsxFixture, SharedStringsAndStylesAreOptional) {
  const Table table = read_xlsx(fixture("minimal.xlsx"));
  EXPECT_EQ(table.header, (Cells{"Kode"}));
  EXPECT_EQ(table.rows, (Rows{{"7"}}));
}

TEST(XlsxFixture, ADocumentTypeDeclarationIsRefusedBeforeAnyExpansion) {
  EXPECT_EQ(problem_of([] { read_xlsx(fixture("doctype.xlsx")); }),
            Problem{"sheet.error.xlsx_corrupt"});
}

TEST(XlsxFixture, AZipThatIsNoOfficePackage) {
  EXPECT_EQ(problem_of([] { read_xlsx(fixture("not_workbook.zip")); }),
            Problem{"sheet.error.not_xlsx"});
}

// The sheet's zip headers claim 100 bytes; it inflates to more. Reading stops at the claim (so
// the claim bounds the memory) and the short part is refused.
TEST(XlsxFixture, APartLargerThanItsHeadersClaimIsRefused) {
  EXPECT_EQ(problem_of([] { read_xlsx(fixture("lying_size.xlsx")); }),
            Problem{"sheet.error.xlsx_corrupt"});
}

}  // namespace
}  // namespace simpul::sheet
