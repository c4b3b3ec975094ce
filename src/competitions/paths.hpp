#pragma once
// The addresses of the competition pages, named once: routes are registered with these patterns and
// links and redirects fill them in with kernel::path.

namespace simpul::competitions::paths {

inline constexpr char kEditions[] = "/kompetisi";
inline constexpr char kNewEdition[] = "/kompetisi/baru";
inline constexpr char kEdition[] = "/kompetisi/{id}";
inline constexpr char kSetup[] = "/kompetisi/{id}/atur";
inline constexpr char kSetupPart[] = "/kompetisi/{id}/atur/{part}";
inline constexpr char kExtend[] = "/kompetisi/{id}/perpanjang";
inline constexpr char kCopy[] = "/kompetisi/{id}/salin";
inline constexpr char kPublish[] = "/kompetisi/{id}/terbitkan";

}  // namespace simpul::competitions::paths
