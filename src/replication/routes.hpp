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
// The awards these KIPP Replikasi proposals won (their results' awards on their innovations).
std::vector<innovations::Award> awards_won(db::Transaction& tx,
                                           const std::vector<LinkedProposal>& proposals);

}  // namespace simpul::replication
