#pragma once
// The replication pages, registered by page file.
#include "kernel/routes.hpp"
#include "replication/model.hpp"

namespace simpul::replication {

void register_network_routes(kernel::Routes& routes);  // network_page.cpp
void register_start_routes(kernel::Routes& routes);    // start_page.cpp
void register_record_routes(kernel::Routes& routes);   // record_page.cpp
void register_round_routes(kernel::Routes& routes);    // round_page.cpp
void register_export_routes(kernel::Routes& routes);   // export_page.cpp: files and the API

Editor editor_of(const kernel::CurrentUser& user);

}  // namespace simpul::replication
