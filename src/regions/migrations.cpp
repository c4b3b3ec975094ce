// Reference data loaded by migration 0003: provinces and regencies/cities from the idn-area-data
// npm package (ODbL, credited on the About page).
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "regions/feature.hpp"
#include "regions/store.hpp"

namespace simpul::regions {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path +
                             " (from the npm package idn-area-data: run scripts/run or npm ci)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ReferenceData load_reference_data(db::Transaction& tx, const std::string& data_dir) {
  ReferenceData data{parse_provinces(read_file(data_dir + "/provinces.csv")),
                     parse_regencies(read_file(data_dir + "/regencies.csv"))};
  insert_reference_data(tx, data.provinces, data.regencies);
  return data;
}

}  // namespace simpul::regions
