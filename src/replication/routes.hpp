#pragma once
// The replication pages, registered by page file.
#include "innovations/model.hpp"
#include "kernel/routes.hpp"
#include "replication/model.hpp"
#include "replication/store.hpp"

namespace simpul::replication {

void register_network_routes(kernel::Routes& routes);  // network_page.cpp
void register_start_routes(kernel::Routes& routes);    // start_page.cpp
void register_record_routes(kernel::Routes& routes);   // record_page.cpp
void register_round_routes(kernel::Routes& routes);    // round_page.cpp
void register_export_routes(kernel::Routes& routes);   // export_page.cpp: files and the API

Editor editor_of(const kernel::CurrentUser& user);
// The awards the adopter's KIPP Replikasi proposals of the record's source won (their results'
// awards on the proposals' innovations).
std::vector<innovations::Award> replication_awards(db::Transaction& tx, const Replication& record);

}  // namespace simpul::replication
