#include "regions/model.hpp"

#include <stdexcept>

namespace simpul::regions {

view::Zone province_zone(std::string_view code) {
  int number = code.size() >= 2 ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
  if (number >= 81) return view::Zone::wit;                         // Maluku, Papua
  if (number >= 71 || number == 51 || number == 52 || number == 53  // Sulawesi, Bali, NTB, NTT
      || number == 63 || number == 64 || number == 65) {            // Kalsel, Kaltim, Kaltara
    return view::Zone::wita;
  }
  return view::Zone::wib;
}

namespace {

// Splits one CSV line of plain fields. idn-area-data quotes nothing, but a quoted field with
// commas is handled so a future release does not break the loader silently.
std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

template <class Fn>
void for_each_row(std::string_view csv, std::size_t columns, Fn&& fn) {
  std::size_t line_number = 0;
  while (!csv.empty()) {
    auto end = csv.find('\n');
    auto line = csv.substr(0, end);
    csv = end == std::string_view::npos ? std::string_view{} : csv.substr(end + 1);
    ++line_number;
    if (line_number == 1 || line.empty() || line == "\r") continue;  // header
    auto fields = split_csv_line(line);
    if (fields.size() != columns) {
      throw std::runtime_error("line " + std::to_string(line_number) + ": expected " +
                               std::to_string(columns) + " fields");
    }
    fn(fields);
  }
}

}  // namespace

std::vector<Province> parse_provinces(std::string_view csv) {
  std::vector<Province> provinces;
  for_each_row(csv, 2, [&](std::vector<std::string>& f) {
    provinces.push_back({std::move(f[0]), std::move(f[1])});
  });
  return provinces;
}

std::vector<Regency> parse_regencies(std::string_view csv) {
  std::vector<Regency> regencies;
  for_each_row(csv, 3, [&](std::vector<std::string>& f) {
    bool city = f[2].starts_with("Kota ");
    regencies.push_back({std::move(f[0]), std::move(f[1]), std::move(f[2]), city});
  });
  return regencies;
}

std::string province_government_name(const Province& province) {
  return "Pemerintah Provinsi " + province.name;
}

std::string regency_government_name(const Regency& regency) {
  return "Pemerintah " + regency.name;  // the name already starts with Kabupaten or Kota
}

}  // namespace simpul::regions
