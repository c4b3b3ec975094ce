#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/sheet/sheet.hpp"
#include "support.hpp"

namespace simpul::sheet {
namespace {

using testing::Problem;
using testing::problem_of;
using Rows = std::vector<std::vector<std::string>>;
using Numbers = std::vector<std::size_t>;

Problem row_problem(std::string key, int row) {
  return {std::move(key), {{"row", std::to_string(row)}}};
}

TEST(Csv, CommaSeparatedWithRowNumbers) {
  const Table table = read_csv("Nama,Kota\nDinas A,Bandung\nDinas B,Surabaya\n");
  EXPECT_EQ(table.header, (std::vector<std::string>{"Nama", "Kota"}));
  EXPECT_EQ(table.rows, (Rows{{"Dinas A", "Bandung"}, {"Dinas B", "Surabaya"}}));
  EXPECT_EQ(table.header_row_number, 1u);
  EXPECT_EQ(table.row_numbers, (Numbers{2, 3}));
}

TEST(Csv, SemicolonsAsIndonesianExcelSavesThem) {
  const Table table = read_csv("Nama;Anggaran\r\nDinas A;1.500.000,50\r\n");
  EXPECT_EQ(table.header, (std::vector<std::string>{"Nama", "Anggaran"}));
  EXPECT_EQ(table.rows, (Rows{{"Dinas A", "1.500.000,50"}}));
}

TEST(Csv, DelimiterCountedOnTheHeaderLineOutsideQuotes) {
  // Three commas inside quotes, two semicolons outside: ';'.
  EXPECT_EQ(read_csv("\"a,b,c,d\";e;f\n1;2;3\n").header,
            (std::vector<std::string>{"a,b,c,d", "e", "f"}));
  // The data lines do not vote: their commas are decimal commas.
  EXPECT_EQ(read_csv("a;b\n1,5;2,5,0\n").rows, (Rows{{"1,5", "2,5,0"}}));
  // A one-column file, and a tie, are comma-separated.
  EXPECT_EQ(read_csv("Nama\nx;y\n").rows, (Rows{{"x;y"}}));
  EXPECT_EQ(read_csv("a,b;c\n").header, (std::vector<std::string>{"a", "b;c"}));
}

TEST(Csv, QuotedCellsWithEscapedQuotesDelimitersAndNewlines) {
  const Table table = read_csv(
      "Nama,Uraian\n"
      "\"Dinas \"\"Sehat\"\"\",\"baris satu\r\nbaris dua, dengan koma\"\n"
      "\"\",akhir\n");
  EXPECT_EQ(table.rows,
            (Rows{{"Dinas \"Sehat\"", "baris satu\r\nbaris dua, dengan koma"}, {"", "akhir"}}));
  // The cell spanning two lines is one row, as in Excel.
  EXPECT_EQ(table.row_numbers, (Numbers{2, 3}));
}

TEST(Csv, QuotesInsideOrAfterACellAreKeptLikeExcelDoes) {
  EXPECT_EQ(read_csv("h,i\ndisk 5\",\"ab\"cd\n").rows, (Rows{{"disk 5\"", "abcd"}}));
}

TEST(Csv, LfCrlfAndCrLineEnds) {
  const Rows expected{{"1", "2"}, {"3", "4"}};
  EXPECT_EQ(read_csv("a,b\n1,2\n3,4\n").rows, expected);
  EXPECT_EQ(read_csv("a,b\r\n1,2\r\n3,4\r\n").rows, expected);
  EXPECT_EQ(read_csv("a,b\r1,2\r3,4\r").rows, expected);
  EXPECT_EQ(read_csv("a,b\n1,2\n3,4").rows, expected);  // no line end after the last row
}

TEST(Csv, Utf8BomIsSkipped) {
  const Table table = read_csv("\xEF\xBB\xBFNama;Kota\nA;Ambon\n");
  EXPECT_EQ(table.header, (std::vector<std::string>{"Nama", "Kota"}));
}

TEST(Csv, BlankRowsAreSkippedButStillCounted) {
  const Table table = read_csv("\n\nNama,Kota\n\nA,B\n\r\n,\n;\n  ,\nC,D\n\n");
  EXPECT_EQ(table.header, (std::vector<std::string>{"Nama", "Kota"}));
  EXPECT_EQ(table.header_row_number, 3u);
  // A row of delimiters only (Excel writes one for an emptied row) is blank too; a space is not.
  EXPECT_EQ(table.rows, (Rows{{"A", "B"}, {";", ""}, {"  ", ""}, {"C", "D"}}));
  EXPECT_EQ(table.row_numbers, (Numbers{5, 8, 9, 10}));
}

TEST(Csv, CellsAreKeptUntrimmed) {
  EXPECT_EQ(read_csv(" Nama , Kota\n  A  ,\tB\t\n").rows, (Rows{{"  A  ", "\tB\t"}}));
}

TEST(Csv, RowsArePaddedToTheHeaderAndExtraCellsKept) {
  const Table table = read_csv("a,b,c,,\n1\n1,2,3,4\n1,,,,\n");
  EXPECT_EQ(table.header, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(table.rows, (Rows{{"1", "", ""}, {"1", "2", "3", "4"}, {"1", "", ""}}));
}

TEST(Csv, HeaderOnlyGivesNoRows) {
  const Table table = read_csv("Nama,Kota\r\n");
  EXPECT_EQ(table.header.size(), 2u);
  EXPECT_TRUE(table.rows.empty());
}

TEST(Csv, UnicodeIsKept) {
  EXPECT_EQ(read_csv("Nama\nKantor Camat Medan Baru – “SiCepat” 😀 東京\n").rows,
            (Rows{{"Kantor Camat Medan Baru – “SiCepat” 😀 東京"}}));
}

TEST(CsvErrors, AFileWithoutAnyRowIsEmpty) {
  for (std::string_view empty : {"", "\xEF\xBB\xBF", "\n\r\n\n", ",,\n,\n", "\"\"\n"}) {
    EXPECT_EQ(problem_of([&] { read_csv(empty); }), Problem{"sheet.error.empty"}) << empty;
  }
}

TEST(CsvErrors, InvalidUtf8NamesTheRowAsExcelCountsIt) {
  // "Café" in Windows-1252, as Excel's plain "CSV (Comma delimited)" saves it, in the row after
  // a cell spanning two lines: row 3, though it is line 4.
  EXPECT_EQ(problem_of([] { read_csv("Nama,Uraian\nA,\"dua\nbaris\"\nCaf\xE9,x\n"); }),
            row_problem("sheet.error.not_utf8", 3));
  // Overlong "/", a UTF-16 surrogate, a truncated sequence, a stray continuation byte.
  for (std::string_view bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80"}) {
    EXPECT_EQ(problem_of([&] { read_csv("h\n" + std::string(bad) + "\n"); }),
              row_problem("sheet.error.not_utf8", 2));
  }
}

TEST(CsvErrors, NulByteNamesTheRow) {
  using namespace std::string_literals;
  EXPECT_EQ(problem_of([] { read_csv("a,b\n1,2\n3,x\0y\n"s); }),
            row_problem("sheet.error.nul_byte", 3));
  // Excel's "Unicode Text": UTF-16 with a BOM, NUL bytes everywhere.
  EXPECT_EQ(problem_of([] { read_csv("\xFF\xFEN\0a\0m\0a\0\n\0"s); }),
            row_problem("sheet.error.nul_byte", 1));
}

TEST(CsvErrors, UnterminatedQuoteNamesTheRowWhereItStarted) {
  EXPECT_EQ(problem_of([] { read_csv("Nama,Uraian\nA,B\nC,\"tidak ditutup\nD,E\nF,G\n"); }),
            row_problem("sheet.error.unterminated_quote", 3));
  EXPECT_EQ(problem_of([] { read_csv("\"Nama"); }),
            row_problem("sheet.error.unterminated_quote", 1));
}

TEST(CsvErrors, TooManyColumns) {
  const Limits limits{.max_columns = 3};
  EXPECT_EQ(read_csv("a,b,c\n1,2,3\n", limits).rows, (Rows{{"1", "2", "3"}}));
  // Trailing empty cells are not columns; a value in the fourth column is.
  EXPECT_EQ(read_csv("a,b,c,,,,,,\n1,2,3,,,,,,,,,,,\n", limits).rows.size(), 1u);
  EXPECT_EQ(problem_of([&] { read_csv("a,b,c\n1,2,3\n1,,,4\n", limits); }),
            (Problem{"sheet.error.too_many_columns", {{"row", "3"}, {"max", "3"}}}));
}

TEST(CsvErrors, TooManyCellsCountsThePaddedRows) {
  const Limits limits{.max_cells = 10};
  EXPECT_EQ(read_csv("a,b\n1\n2\n3\n4\n", limits).rows.size(), 4u);  // 2 + 4 x 2 = 10
  EXPECT_EQ(problem_of([&] { read_csv("a,b\n1\n2\n3\n4\n5\n", limits); }),
            (Problem{"sheet.error.too_many_cells", {{"max", "10"}}}));
}

TEST(CsvErrors, TooMuchText) {
  const Limits limits{.max_text_bytes = 10};
  EXPECT_EQ(read_csv("abc,def\n1234\n", limits).rows.size(), 1u);  // 3 + 3 + 4 bytes
  EXPECT_EQ(problem_of([&] { read_csv("abc,def\n1234,5\n", limits); }),
            (Problem{"sheet.error.too_much_text", {{"max", "1"}}}));
}

TEST(CsvErrors, UnreadableIsAnInvalidUserError) {
  try {
    read_csv("");
    FAIL();
  } catch (const UserError& error) {
    EXPECT_EQ(error.failure(), Failure::invalid);
    EXPECT_EQ(error.key(), "sheet.error.empty");
  }
}

}  // namespace
}  // namespace simpul::sheet
