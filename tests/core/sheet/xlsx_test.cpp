// Workbooks written by libxlsxwriter, which writes what Excel writes: shared strings, styles
// with number formats, a sheet with r references.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/sheet/sheet.hpp"
#include "support.hpp"

namespace simpul::sheet {
namespace {

using testing::Problem;
using testing::problem_of;
using testing::XlsxWriter;
using Cells = std::vector<std::string>;
using Rows = std::vector<Cells>;
using Numbers = std::vector<std::size_t>;

void write_row(lxw_worksheet* sheet, lxw_row_t row, const std::vector<const char*>& cells) {
  for (lxw_col_t column = 0; column < cells.size(); ++column) {
    if (cells[column] != nullptr)
      worksheet_write_string(sheet, row, column, cells[column], nullptr);
  }
}

TEST(Xlsx, StringsNumbersAndMissingCells) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  write_row(sheet, 0, {"Nama", "Jumlah", "Catatan", "Kode"});
  worksheet_write_string(sheet, 1, 0, "Dinas A", nullptr);
  worksheet_write_number(sheet, 1, 1, 1500000, nullptr);
  worksheet_write_string(sheet, 1, 3, "x", nullptr);  // C2 missing
  worksheet_write_string(sheet, 2, 0, "  Dinas B  ", nullptr);
  worksheet_write_number(sheet, 2, 1, 2.5, nullptr);
  worksheet_write_string(sheet, 3, 0, "baris\ndua", nullptr);
  worksheet_write_string(sheet, 3, 2, "a\rb", nullptr);  // written as "a_x000D_b"
  const Table table = read_xlsx(writer.bytes());
  EXPECT_EQ(table.header, (Cells{"Nama", "Jumlah", "Catatan", "Kode"}));
  EXPECT_EQ(table.rows, (Rows{{"Dinas A", "1500000", "", "x"},
                              {"  Dinas B  ", "2.5", "", ""},
                              {"baris\ndua", "", "a\rb", ""}}));
  EXPECT_EQ(table.row_numbers, (Numbers{2, 3, 4}));
}

TEST(Xlsx, IntegersWithoutExponentOrFraction) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  const std::vector<double> numbers{1.5e6, -42, 1e20, 123456789012, 0.1, 1.5e-3, -2.75};
  for (lxw_col_t column = 0; column < numbers.size(); ++column) {
    worksheet_write_string(sheet, 0, column, "n", nullptr);
    worksheet_write_number(sheet, 1, column, numbers[column], nullptr);
  }
  EXPECT_EQ(read_xlsx(writer.bytes()).rows, (Rows{{"1500000", "-42", "100000000000000000000",
                                                   "123456789012", "0.1", "0.0015", "-2.75"}}));
}

TEST(Xlsx, NumbersWithADateFormatBecomeIsoDates) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  lxw_datetime independence_day{2024, 8, 17, 0, 0, 0};
  lxw_datetime afternoon{2024, 8, 17, 14, 30, 0};
  write_row(sheet, 0, {"a", "b", "c", "d", "e", "f", "g", "h"});
  worksheet_write_datetime(sheet, 1, 0, &independence_day, writer.number_format("dd/mm/yyyy"));
  worksheet_write_number(sheet, 1, 1, 45000, writer.builtin_format(14));
  worksheet_write_number(sheet, 1, 2, 45000, writer.number_format("[$-421]dd mmmm yyyy"));
  worksheet_write_datetime(sheet, 1, 3, &afternoon, writer.number_format("yyyy-mm-dd hh:mm"));
  // Not dates: a time of day (custom and built-in 20), a number, a percentage.
  worksheet_write_number(sheet, 1, 4, 0.5, writer.number_format("hh:mm"));
  worksheet_write_number(sheet, 1, 5, 0.25, writer.builtin_format(20));
  worksheet_write_number(sheet, 1, 6, 45000, writer.number_format("#,##0"));
  worksheet_write_number(sheet, 1, 7, 0.5, writer.number_format("0.00%"));
  EXPECT_EQ(read_xlsx(writer.bytes()).rows, (Rows{{"2024-08-17", "2023-03-15", "2023-03-15",
                                                   "2024-08-17", "0.5", "0.25", "45000", "0.5"}}));
}

TEST(Xlsx, DateSerialsKeepExcelsLeapDayOf1900) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  lxw_format* date = writer.builtin_format(14);
  const std::vector<double> serials{1, 59, 60, 61, 45000.75, 2958465, 0, -1, 2958466};
  for (lxw_col_t column = 0; column < serials.size(); ++column) {
    worksheet_write_string(sheet, 0, column, "d", nullptr);
    worksheet_write_number(sheet, 1, column, serials[column], date);
  }
  // Serial 60 is the 29 February 1900 that Excel shows but that never was; out of Excel's range
  // the number stays a number.
  EXPECT_EQ(read_xlsx(writer.bytes()).rows,
            (Rows{{"1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "2023-03-15",
                   "9999-12-31", "0", "-1", "2958466"}}));
}

TEST(Xlsx, BooleansFormulasAndRichText) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  write_row(sheet, 0, {"a", "b", "c", "d", "e"});
  worksheet_write_boolean(sheet, 1, 0, 1, nullptr);
  worksheet_write_boolean(sheet, 1, 1, 0, nullptr);
  worksheet_write_formula_num(sheet, 1, 2, "=1+1", nullptr, 2);
  worksheet_write_formula_str(sheet, 1, 3, "=\"has\"&\"il\"", nullptr, "hasil");
  lxw_rich_string_tuple bold{writer.bold(), const_cast<char*>("Dinas ")};
  lxw_rich_string_tuple plain{nullptr, const_cast<char*>("Kesehatan")};
  lxw_rich_string_tuple* runs[] = {&bold, &plain, nullptr};
  worksheet_write_rich_string(sheet, 1, 4, runs, nullptr);
  EXPECT_EQ(read_xlsx(writer.bytes()).rows,
            (Rows{{"TRUE", "FALSE", "2", "hasil", "Dinas Kesehatan"}}));
}

TEST(Xlsx, InlineStrings) {
  XlsxWriter writer(/*constant_memory=*/true);  // writes <c t="inlineStr"><is><t>
  lxw_worksheet* sheet = writer.add_sheet();
  write_row(sheet, 0, {"Nama", "Kota"});
  write_row(sheet, 1, {"Dinas A", " Ambon "});
  const Table table = read_xlsx(writer.bytes());
  EXPECT_EQ(table.header, (Cells{"Nama", "Kota"}));
  EXPECT_EQ(table.rows, (Rows{{"Dinas A", " Ambon "}}));
}

TEST(Xlsx, HeaderIsTheFirstNonEmptyRowAndEmptyRowsAreSkipped) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  lxw_format* bordered = writer.bold();
  worksheet_write_blank(sheet, 0, 0, bordered);  // row 1: only a format
  write_row(sheet, 2, {"Nama", "Kota"});         // row 3: the header
  write_row(sheet, 4, {"A", "B"});               // row 5
  worksheet_write_blank(sheet, 5, 1, bordered);  // row 6: only a format
  write_row(sheet, 6, {nullptr, "D"});           // row 7
  for (lxw_row_t row = 7; row < 40; ++row) worksheet_write_blank(sheet, row, 0, bordered);
  worksheet_write_blank(sheet, 8, 4000, bordered);  // a formatted cell far right
  const Table table = read_xlsx(writer.bytes());
  EXPECT_EQ(table.header, (Cells{"Nama", "Kota"}));
  EXPECT_EQ(table.header_row_number, 3u);
  EXPECT_EQ(table.rows, (Rows{{"A", "B"}, {"", "D"}}));
  EXPECT_EQ(table.row_numbers, (Numbers{5, 7}));
}

TEST(Xlsx, ReadsTheFirstVisibleWorksheet) {
  {
    XlsxWriter writer;
    write_row(writer.add_sheet("Data"), 0, {"pertama"});
    write_row(writer.add_sheet("Lain"), 0, {"kedua"});
    EXPECT_EQ(read_xlsx(writer.bytes()).header, (Cells{"pertama"}));
  }
  XlsxWriter writer;
  lxw_worksheet* hidden = writer.add_sheet("Tersembunyi");
  lxw_worksheet* shown = writer.add_sheet("Data");
  write_row(hidden, 0, {"tersembunyi"});
  write_row(shown, 0, {"tampil"});
  worksheet_activate(shown);
  worksheet_hide(hidden);
  EXPECT_EQ(read_xlsx(writer.bytes()).header, (Cells{"tampil"}));
}

TEST(XlsxErrors, AWorkbookWithoutValuesIsEmpty) {
  XlsxWriter writer;
  worksheet_write_blank(writer.add_sheet(), 3, 3, writer.bold());
  EXPECT_EQ(problem_of([&] { read_xlsx(writer.bytes()); }), Problem{"sheet.error.empty"});
}

TEST(XlsxErrors, TooManyColumnsNamesTheRow) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  write_row(sheet, 0, {"a", "b"});
  worksheet_write_blank(sheet, 1, 50, writer.bold());  // a format only: no column
  worksheet_write_string(sheet, 6, 5, "jauh", nullptr);
  EXPECT_EQ(problem_of([&] { read_xlsx(writer.bytes(), {.max_columns = 5}); }),
            (Problem{"sheet.error.too_many_columns", {{"row", "7"}, {"max", "5"}}}));
}

TEST(XlsxErrors, TooManyCells) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  for (lxw_row_t row = 0; row < 10; ++row) write_row(sheet, row, {"a", "b"});
  const std::string bytes = writer.bytes();
  EXPECT_EQ(read_xlsx(bytes, {.max_cells = 20}).rows.size(), 9u);
  EXPECT_EQ(problem_of([&] { read_xlsx(bytes, {.max_cells = 19}); }),
            (Problem{"sheet.error.too_many_cells", {{"max", "19"}}}));
}

TEST(XlsxErrors, TooLargeOnceUnzipped) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  // The sheet inflates to about a megabyte.
  for (lxw_row_t row = 0; row < 20000; ++row) worksheet_write_number(sheet, row, 0, 1, nullptr);
  const std::string bytes = writer.bytes();
  EXPECT_EQ(read_xlsx(bytes, {.max_unzipped_bytes = 2 << 20}).rows.size(), 19999u);
  EXPECT_EQ(problem_of([&] { read_xlsx(bytes, {.max_unzipped_bytes = 512 << 10}); }),
            (Problem{"sheet.error.too_large", {{"max", "1"}}}));
}

// A shared string is stored once and copied into every cell that uses it: a small file, a huge
// table.
TEST(XlsxErrors, TooMuchTextFromOneSharedString) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  const std::string long_text(10'000, 'x');
  for (lxw_row_t row = 0; row < 1000; ++row) {
    worksheet_write_string(sheet, row, 0, long_text.c_str(), nullptr);
  }
  const std::string bytes = writer.bytes();
  EXPECT_LT(bytes.size(), 100'000u);
  EXPECT_EQ(read_xlsx(bytes, {.max_text_bytes = 10'000'000}).rows.size(), 999u);
  EXPECT_EQ(problem_of([&] { read_xlsx(bytes, {.max_text_bytes = 9'999'999}); }),
            (Problem{"sheet.error.too_much_text", {{"max", "9"}}}));
}

TEST(XlsxErrors, DamagedFilesAreCorrupt) {
  XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  for (lxw_row_t row = 0; row < 200; ++row) write_row(sheet, row, {"isi", "lain"});
  const std::string bytes = writer.bytes();
  const Problem corrupt{"sheet.error.xlsx_corrupt"};
  EXPECT_EQ(problem_of([&] { read_xlsx(bytes.substr(0, bytes.size() / 2)); }), corrupt);
  EXPECT_EQ(problem_of([&] { read_xlsx(bytes.substr(0, bytes.size() - 10)); }), corrupt);
  EXPECT_EQ(problem_of([] { read_xlsx("Nama,Kota\n"); }), corrupt);
  // A flipped bit anywhere: read, or refused as Unreadable (anything else escapes and fails).
  for (std::size_t at = 0; at < bytes.size(); at += 37) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    try {
      read_xlsx(damaged);
    } catch (const Unreadable&) {
      // refused with a message for the user: as it should be
    }
  }
}

}  // namespace
}  // namespace simpul::sheet
