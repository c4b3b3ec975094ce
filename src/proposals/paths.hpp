#pragma once
// The addresses of the proposal pages, named once: routes are registered with these patterns and
// links and redirects fill them in with kernel::path.

namespace simpul::proposals::paths {

inline constexpr char kList[] = "/kompetisi/{id}/usulan";
inline constexpr char kStart[] = "/kompetisi/{id}/usulan/baru";
inline constexpr char kDashboard[] = "/kompetisi/{id}/dasbor";
inline constexpr char kScreening[] = "/kompetisi/{id}/seleksi";
inline constexpr char kAnnouncement[] = "/kompetisi/{id}/pengumuman";
inline constexpr char kProposal[] = "/usulan/{id}";
inline constexpr char kSubmit[] = "/usulan/{id}/kirim";
inline constexpr char kWithdraw[] = "/usulan/{id}/tarik";
inline constexpr char kReturn[] = "/usulan/{id}/kembalikan";
inline constexpr char kLodge[] = "/usulan/{id}/ajukan";
inline constexpr char kFile[] = "/usulan/{id}/berkas/{file}";

}  // namespace simpul::proposals::paths
