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

const std::string kCompoundFile("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);

TEST(ReadTable, AZipIsReadAsXlsxWhateverItsName) {
  for (std::string_view name : {"data.xlsx", "data.csv", "data", ""}) {
    EXPECT_EQ(read_table(fixture("minimal.xlsx"), name).header, (Cells{"Kode"})) << name;
  }
}

TEST(ReadTable, TextIsReadAsCsv) {
  for (std::string_view name : {"data.csv", "data.CSV", "data.txt", ""}) {
    EXPECT_EQ(read_table("Nama;Kota\n", name).header, (Cells{"Nama", "Kota"})) << name;
  }
}

TEST(ReadTable, OldExcelFilesAreRefusedWithAdvice) {
  EXPECT_EQ(problem_of([] { read_table(kCompoundFile, "laporan.xls"); }),
            Problem{"sheet.error.xls"});
  // Excel keeps a password-protected .xlsx in the same container as an .xls.
  EXPECT_EQ(problem_of([] { read_table(kCompoundFile, "Laporan.XLSX"); }),
            Problem{"sheet.error.encrypted"});
}

TEST(ReadTable, AnXlsxNameOnSomethingElse) {
  EXPECT_EQ(problem_of([] { read_table("<html><table>", "ekspor.xlsx"); }),
            Problem{"sheet.error.not_xlsx"});
}

}  // namespace
}  // namespace simpul::sheet
