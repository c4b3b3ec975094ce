#pragma once
// The addresses of the account pages, written once: the routes are registered with these patterns,
// and links and forms fill them in with kernel::path.

namespace simpul::accounts::paths {

inline constexpr char kUsers[] = "/pengguna";
inline constexpr char kNewUser[] = "/pengguna/baru";
inline constexpr char kDeactivate[] = "/pengguna/{id}/nonaktifkan";
inline constexpr char kActivate[] = "/pengguna/{id}/aktifkan";

}  // namespace simpul::accounts::paths
