#include "kernel/config.hpp"

namespace simpul::kernel {

std::string Config::database_url() const {
  return database.empty() ? "sqlite:" + data_dir + "/simpul.db" : database;
}

std::string Config::path(const std::string& relative) const { return home + "/" + relative; }

}  // namespace simpul::kernel
