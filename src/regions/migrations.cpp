// Reference data loaded by migration 0003: provinces, regencies/cities and one agency per regional
// government, from the idn-area-data npm package (ODbL, credited on the About page).
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/util/clock.hpp"
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

std::vector<db::CodeMigration> migrations(const std::string& data_dir) {
  auto load = [data_dir](db::Transaction& tx) {
    auto provinces = parse_provinces(read_file(data_dir + "/provinces.csv"));
    auto regencies = parse_regencies(read_file(data_dir + "/regencies.csv"));
    insert_reference_data(tx, provinces, regencies, now_seconds());
  };
  return {{3, "regions", load}};
}

}  // namespace simpul::regions
