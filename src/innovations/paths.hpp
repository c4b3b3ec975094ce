#pragma once
// The addresses of the registry's pages and API, named once: routes are registered with these
// patterns and links and redirects fill them in with kernel::path.

namespace simpul::innovations::paths {

inline constexpr char kNew[] = "/inovasi/baru";
inline constexpr char kMine[] = "/inovasi/saya";
inline constexpr char kInnovation[] = "/inovasi/{id}";
inline constexpr char kPreview[] = "/inovasi/{id}/pratinjau";
inline constexpr char kEdit[] = "/inovasi/{id}/ubah";
inline constexpr char kVersions[] = "/inovasi/{id}/versi";
inline constexpr char kFile[] = "/inovasi/{id}/berkas/{file}";
inline constexpr char kSubmit[] = "/inovasi/{id}/kirim";
inline constexpr char kReturn[] = "/inovasi/{id}/kembalikan";
inline constexpr char kPublish[] = "/inovasi/{id}/terbitkan";
inline constexpr char kPortfolio[] = "/instansi/{id}/portofolio";
inline constexpr char kApiInnovations[] = "/api/v1/innovations";
inline constexpr char kApiInnovation[] = "/api/v1/innovations/{id}";
inline constexpr char kApiAgencyInnovations[] = "/api/v1/agency/innovations";

}  // namespace simpul::innovations::paths
