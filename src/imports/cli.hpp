#pragma once
// `simpul import`: the same import as the page, for files beyond the upload limit and for scripts.
#include <cstdint>
#include <ostream>
#include <string>

#include "kernel/host.hpp"

namespace simpul::imports {

struct CliRequest {
  std::string file;
  std::int64_t agency_id = 0;
  bool publish = false;
  bool dry_run = false;
};

// Prints a summary and every problem ("baris 12, kolom tahap: ...") in Indonesian. Returns the
// exit code: 0 when the file is clean (and, unless dry_run, imported), 1 otherwise. A running
// server sees the publications through its catalogue's freshness check.
int import_from_cli(kernel::Host& app, const CliRequest& request, std::ostream& out);

}  // namespace simpul::imports
