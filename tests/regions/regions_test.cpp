#include <gtest/gtest.h>

#include "regions/model.hpp"

namespace simpul::regions {
namespace {

TEST(ProvinceZone, FollowsIndonesiasThreeZones) {
  EXPECT_EQ(province_zone("11"), view::Zone::wib);   // Aceh
  EXPECT_EQ(province_zone("31"), view::Zone::wib);   // Jakarta
  EXPECT_EQ(province_zone("61"), view::Zone::wib);   // Kalimantan Barat
  EXPECT_EQ(province_zone("62"), view::Zone::wib);   // Kalimantan Tengah
  EXPECT_EQ(province_zone("51"), view::Zone::wita);  // Bali
  EXPECT_EQ(province_zone("53"), view::Zone::wita);  // NTT
  EXPECT_EQ(province_zone("63"), view::Zone::wita);  // Kalimantan Selatan
  EXPECT_EQ(province_zone("65"), view::Zone::wita);  // Kalimantan Utara
  EXPECT_EQ(province_zone("76"), view::Zone::wita);  // Sulawesi Barat
  EXPECT_EQ(province_zone("81"), view::Zone::wit);   // Maluku
  EXPECT_EQ(province_zone("96"), view::Zone::wit);   // Papua Barat Daya
}

TEST(Csv, ParsesProvincesAndRegencies) {
  auto provinces = parse_provinces("code,name\n65,Kalimantan Utara\r\n91,Papua\n");
  ASSERT_EQ(provinces.size(), 2u);
  EXPECT_EQ(provinces[0].name, "Kalimantan Utara");
  EXPECT_EQ(province_government_name(provinces[0]), "Pemerintah Provinsi Kalimantan Utara");
  auto regencies = parse_regencies(
      "code,province_code,name\n65.01,65,Kabupaten Malinau\n65.71,65,Kota Tarakan\n"
      "31.71,31,\"Kota Administrasi Jakarta Pusat\"\n");
  ASSERT_EQ(regencies.size(), 3u);
  EXPECT_FALSE(regencies[0].is_city);
  EXPECT_TRUE(regencies[1].is_city);
  EXPECT_TRUE(regencies[2].is_city);
  EXPECT_EQ(regency_government_name(regencies[1]), "Pemerintah Kota Tarakan");
  EXPECT_THROW(parse_regencies("code,province_code,name\n65.01,65\n"), std::runtime_error);
}

}  // namespace
}  // namespace simpul::regions
