#pragma once
// Configuration sources over the defaults of kernel::Config: a TOML file, then SIMPUL_*
// environment variables (then the command's flags, main.cpp).
#include <string>

#include "kernel/config.hpp"

namespace simpul::app {

// Reads a TOML file into config; throws std::runtime_error with the file, line and reason.
void load_toml(kernel::Config& config, const std::string& file);
// Settings kept out of files (the SMTP password above all): SIMPUL_SMTP_HOST, SIMPUL_SMTP_PORT,
// SIMPUL_SMTP_USERNAME, SIMPUL_SMTP_PASSWORD and SIMPUL_PUBLIC_URL, when set, beat the TOML file.
void read_environment(kernel::Config& config);

}  // namespace simpul::app
