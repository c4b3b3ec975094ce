#pragma once
// The features of Simpul, each in its own folder, registering its routes and code migrations.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/db/database.hpp"

namespace simpul {
namespace site {
void register_routes(app::Routes& routes);
}
namespace accounts {
void register_routes(app::Routes& routes);
}
namespace agencies {
void register_routes(app::Routes& routes);
}
namespace audit {
void register_routes(app::Routes& routes);
}
namespace innovations {
void register_routes(app::Routes& routes);
}
namespace catalogue {
void register_routes(app::Routes& routes);
}
namespace api_tokens {
void register_routes(app::Routes& routes);
}
namespace imports {
void register_routes(app::Routes& routes);
}
namespace notices {
void register_routes(app::Routes& routes);
}
namespace competitions {
void register_routes(app::Routes& routes);
}
namespace proposals {
void register_routes(app::Routes& routes);
}
namespace judging {
void register_routes(app::Routes& routes);
}
namespace finals {
void register_routes(app::Routes& routes);
}
namespace regions {
// Loads provinces, regencies/cities and one agency per regional government from the
// idn-area-data CSV files under data_dir.
std::vector<db::CodeMigration> migrations(const std::string& data_dir);
}  // namespace regions
}  // namespace simpul
