#pragma once
// The addresses of the agency pages, named once: routes are registered with these patterns and
// links and redirects fill them in with kernel::path.

namespace simpul::agencies::paths {

inline constexpr char kAgencies[] = "/instansi";
inline constexpr char kNewAgency[] = "/instansi/baru";
inline constexpr char kAgency[] = "/instansi/{id}";
inline constexpr char kUnits[] = "/instansi/{id}/unit";

}  // namespace simpul::agencies::paths
