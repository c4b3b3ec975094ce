#include "core/view/format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace simpul::view {
namespace {

// 2026-11-22T17:30:00Z.
constexpr std::int64_t kEveningUtc = 1795368600;
// 2026-11-22T07:05:00Z, i.e. 14.05 in Jakarta.
constexpr std::int64_t kMorningUtc = 1795331100;

TEST(Zone, NamesOffsetsAndParsing) {
  EXPECT_EQ(zone_name(Zone::wib), "WIB");
  EXPECT_EQ(zone_name(Zone::wita), "WITA");
  EXPECT_EQ(zone_name(Zone::wit), "WIT");
  EXPECT_EQ(zone_offset_seconds(Zone::wib), 25200);
  EXPECT_EQ(zone_offset_seconds(Zone::wita), 28800);
  EXPECT_EQ(zone_offset_seconds(Zone::wit), 32400);
  EXPECT_EQ(parse_zone("WIB"), Zone::wib);
  EXPECT_EQ(parse_zone("wita"), Zone::wita);
  EXPECT_EQ(parse_zone("Wit"), Zone::wit);
  EXPECT_EQ(parse_zone("Asia/Makassar"), Zone::wita);
  EXPECT_EQ(parse_zone("UTC"), std::nullopt);
  EXPECT_EQ(parse_zone(""), std::nullopt);
}

TEST(FormatDate, IndonesianAndEnglishMonths) {
  EXPECT_EQ(format_date(kMorningUtc, Zone::wib, Lang::id), "22 November 2026");
  EXPECT_EQ(format_date(kMorningUtc, Zone::wib, Lang::en), "22 November 2026");
  // 2026-08-17T00:00Z: Agustus vs August.
  EXPECT_EQ(format_date(1786924800, Zone::wib, Lang::id), "17 Agustus 2026");
  EXPECT_EQ(format_date(1786924800, Zone::wib, Lang::en), "17 August 2026");
}

TEST(FormatDate, EveryMonthName) {
  const char* indonesian[] = {"Januari",   "Februari", "Maret",    "April",
                              "Mei",       "Juni",     "Juli",     "Agustus",
                              "September", "Oktober",  "November", "Desember"};
  const char* english[] = {"January", "February", "March",     "April",   "May",      "June",
                           "July",    "August",   "September", "October", "November", "December"};
  // The 15th of each month of 2025 at 12:00 UTC.
  const int days_before_month[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const std::int64_t start_of_2025 = 1735689600;
  for (int month = 0; month < 12; ++month) {
    const std::int64_t noon_15th =
        start_of_2025 + (days_before_month[month] + 14) * 86400LL + 12 * 3600;
    EXPECT_EQ(format_date(noon_15th, Zone::wib, Lang::id),
              "15 " + std::string(indonesian[month]) + " 2025");
    EXPECT_EQ(format_date(noon_15th, Zone::wib, Lang::en),
              "15 " + std::string(english[month]) + " 2025");
  }
}

TEST(FormatDate, DayBoundaryDependsOnZone) {
  EXPECT_EQ(format_date(kEveningUtc, Zone::wib, Lang::id), "23 November 2026");
  // 17:30Z plus 7, 8 and 9 hours: already the 23rd in every zone.
  EXPECT_EQ(format_datetime(kEveningUtc, Zone::wib, Lang::id), "23 November 2026 pukul 00.30 WIB");
  EXPECT_EQ(format_datetime(kEveningUtc, Zone::wita, Lang::id),
            "23 November 2026 pukul 01.30 WITA");
  EXPECT_EQ(format_datetime(kEveningUtc, Zone::wit, Lang::id), "23 November 2026 pukul 02.30 WIT");
  // 16:30Z: still the 22nd in WIB (23.30), already the 23rd in WITA and WIT.
  const std::int64_t earlier = kEveningUtc - 3600;
  EXPECT_EQ(format_datetime(earlier, Zone::wib, Lang::id), "22 November 2026 pukul 23.30 WIB");
  EXPECT_EQ(format_datetime(earlier, Zone::wita, Lang::id), "23 November 2026 pukul 00.30 WITA");
  EXPECT_EQ(format_datetime(earlier, Zone::wit, Lang::en), "23 November 2026, 01:30 WIT");
}

TEST(FormatDatetime, BothLanguages) {
  EXPECT_EQ(format_datetime(kMorningUtc, Zone::wib, Lang::id), "22 November 2026 pukul 14.05 WIB");
  EXPECT_EQ(format_datetime(kMorningUtc, Zone::wib, Lang::en), "22 November 2026, 14:05 WIB");
  EXPECT_EQ(format_datetime(kMorningUtc, Zone::wit, Lang::en), "22 November 2026, 16:05 WIT");
}

TEST(FormatDatetime, YearLeapDayAndEpochBoundaries) {
  // 2024-12-31T17:00Z is midnight of new year in WIB.
  EXPECT_EQ(format_datetime(1735664400, Zone::wib, Lang::id), "1 Januari 2025 pukul 00.00 WIB");
  EXPECT_EQ(format_datetime(1735664399, Zone::wib, Lang::id), "31 Desember 2024 pukul 23.59 WIB");
  // 2024-02-29T00:00Z.
  EXPECT_EQ(format_date(1709164800, Zone::wib, Lang::id), "29 Februari 2024");
  EXPECT_EQ(format_datetime(0, Zone::wib, Lang::en), "1 January 1970, 07:00 WIB");
  // Before the epoch: 1969-12-31T16:00Z is 23.00 that day in WIB.
  EXPECT_EQ(format_datetime(-8 * 3600, Zone::wib, Lang::id), "31 Desember 1969 pukul 23.00 WIB");
  // 2000-03-01 after a leap century day.
  EXPECT_EQ(format_date(951868800, Zone::wib, Lang::en), "1 March 2000");
}

TEST(FormatInteger, SeparatorsPerLanguage) {
  EXPECT_EQ(format_integer(1234567, Lang::id), "1.234.567");
  EXPECT_EQ(format_integer(1234567, Lang::en), "1,234,567");
  EXPECT_EQ(format_integer(0, Lang::id), "0");
  EXPECT_EQ(format_integer(999, Lang::id), "999");
  EXPECT_EQ(format_integer(1000, Lang::id), "1.000");
  EXPECT_EQ(format_integer(100000, Lang::en), "100,000");
}

TEST(FormatInteger, Negatives) {
  EXPECT_EQ(format_integer(-1234567, Lang::id), "-1.234.567");
  EXPECT_EQ(format_integer(-5, Lang::en), "-5");
  EXPECT_EQ(format_integer(std::numeric_limits<std::int64_t>::min(), Lang::en),
            "-9,223,372,036,854,775,808");
  EXPECT_EQ(format_integer(std::numeric_limits<std::int64_t>::max(), Lang::id),
            "9.223.372.036.854.775.807");
}

TEST(FormatDecimal, SeparatorsAndRounding) {
  EXPECT_EQ(format_decimal(3.5, 2, Lang::id), "3,50");
  EXPECT_EQ(format_decimal(3.5, 2, Lang::en), "3.50");
  EXPECT_EQ(format_decimal(3.5, 1, Lang::id), "3,5");
  EXPECT_EQ(format_decimal(1234567.891, 2, Lang::id), "1.234.567,89");
  EXPECT_EQ(format_decimal(1234567.891, 2, Lang::en), "1,234,567.89");
  EXPECT_EQ(format_decimal(2.5, 0, Lang::id), "2");  // printf rounds half to even
  EXPECT_EQ(format_decimal(7.25, 0, Lang::en), "7");
  EXPECT_EQ(format_decimal(-1234.5, 1, Lang::id), "-1.234,5");
}

TEST(FormatDecimal, NegativeZeroHasNoSign) {
  EXPECT_EQ(format_decimal(-0.001, 2, Lang::id), "0,00");
  EXPECT_EQ(format_decimal(-0.0, 0, Lang::en), "0");
  EXPECT_EQ(format_decimal(-0.006, 2, Lang::en), "-0.01");
}

TEST(FormatRupiah, BothLanguages) {
  EXPECT_EQ(format_rupiah(1234567, Lang::id), "Rp1.234.567");
  EXPECT_EQ(format_rupiah(1234567, Lang::en), "IDR 1,234,567");
  EXPECT_EQ(format_rupiah(0, Lang::id), "Rp0");
  EXPECT_EQ(format_rupiah(-50000, Lang::id), "-Rp50.000");
  EXPECT_EQ(format_rupiah(-50000, Lang::en), "-IDR 50,000");
}

}  // namespace
}  // namespace simpul::view
