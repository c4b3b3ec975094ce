// 100,000 rows of an innovation import, as CSV and as XLSX: read completely and correctly. The
// time is printed for the record, never asserted (speed belongs to bench/).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "core/sheet/sheet.hpp"
#include "support.hpp"

namespace simpul::sheet {
namespace {

constexpr int kRows = 100'000;
const std::string kSummary =
    "Layanan antar jemput dokumen kependudukan bagi warga lanjut usia dan penyandang disabilitas, "
    "dengan pendaftaran melalui WhatsApp dan petugas keliling di setiap kecamatan; waktu layanan "
    "turun dari 14 hari menjadi 3 hari.";

template <class Read>
Table timed(const char* what, std::size_t bytes, Read&& read) {
  const auto start = std::chrono::steady_clock::now();
  Table table = read();
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::printf("[   TIME   ] %s: %d rows, %.1f MB in %.2f s\n", what, kRows, bytes / 1e6,
              seconds.count());
  return table;
}

TEST(Large, HundredThousandCsvRows) {
  std::string csv = "\xEF\xBB\xBFNo;Nama inovasi;Instansi;Tanggal;Anggaran;Ringkasan\r\n";
  for (int row = 1; row <= kRows; ++row) {
    const std::string n = std::to_string(row);
    csv += n + ";Inovasi " + n + ";\"Dinas \"\"Dukcapil\"\"; Kab. " + n + "\";17/08/2024;" +
           std::to_string(row * 1000) + ",50;\"" + kSummary + "\r\nbaris kedua\"\r\n";
  }
  const Table table = timed("CSV", csv.size(), [&] { return read_csv(csv); });
  ASSERT_EQ(table.rows.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(table.rows.back()[2], "Dinas \"Dukcapil\"; Kab. 100000");
  EXPECT_EQ(table.rows.back()[5], kSummary + "\r\nbaris kedua");
  EXPECT_EQ(table.row_numbers.back(), static_cast<std::size_t>(kRows + 1));
}

TEST(Large, HundredThousandXlsxRows) {
  testing::XlsxWriter writer;
  lxw_worksheet* sheet = writer.add_sheet();
  lxw_format* date = writer.number_format("dd/mm/yyyy");
  const char* header[] = {"No", "Nama inovasi", "Instansi", "Tanggal", "Anggaran", "Ringkasan"};
  for (lxw_col_t column = 0; column < 6; ++column) {
    worksheet_write_string(sheet, 0, column, header[column], nullptr);
  }
  for (lxw_row_t row = 1; row <= kRows; ++row) {
    const std::string n = std::to_string(row);
    worksheet_write_number(sheet, row, 0, row, nullptr);
    worksheet_write_string(sheet, row, 1, ("Inovasi " + n).c_str(), nullptr);
    worksheet_write_string(sheet, row, 2, ("Dinas Kab. " + std::to_string(row % 514)).c_str(),
                           nullptr);
    worksheet_write_number(sheet, row, 3, 45521, date);
    worksheet_write_number(sheet, row, 4, row * 1000.5, nullptr);
    worksheet_write_string(sheet, row, 5, (kSummary + " " + n).c_str(), nullptr);
  }
  const std::string bytes = writer.bytes();
  const Table table = timed("XLSX", bytes.size(), [&] { return read_xlsx(bytes); });
  ASSERT_EQ(table.rows.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(table.rows.back(),
            (std::vector<std::string>{"100000", "Inovasi 100000", "Dinas Kab. 284", "2024-08-17",
                                      "100050000", kSummary + " 100000"}));
  EXPECT_EQ(table.row_numbers.back(), static_cast<std::size_t>(kRows + 1));
}

}  // namespace
}  // namespace simpul::sheet
