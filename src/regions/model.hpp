#pragma once
// Provinces and regencies/cities with their Kemendagri codes (from idn-area-data), and the time
// zone each province keeps.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/view/format.hpp"

namespace simpul::regions {

struct Province {
  std::string code;  // "65"
  std::string name;  // "Kalimantan Utara"
};

struct Regency {
  std::string code;           // "65.01"
  std::string province_code;  // "65"
  std::string name;           // "Kabupaten Malinau"
  bool is_city = false;       // Kota (or Kota Administrasi) rather than Kabupaten
};

// WIB for Sumatra, Java and West/Central Kalimantan; WITA for Bali, Nusa Tenggara, South/East/North
// Kalimantan and Sulawesi; WIT for Maluku and Papua. Every province lies in one zone.
view::Zone province_zone(std::string_view province_code);

// Parses provinces.csv (code,name) and regencies.csv (code,province_code,name). Throws
// std::runtime_error naming the line on a malformed row.
std::vector<Province> parse_provinces(std::string_view csv);
std::vector<Regency> parse_regencies(std::string_view csv);

// "Pemerintah Provinsi Kalimantan Utara", "Pemerintah Kabupaten Malinau", "Pemerintah Kota
// Tarakan".
std::string province_government_name(const Province& province);
std::string regency_government_name(const Regency& regency);

}  // namespace simpul::regions
