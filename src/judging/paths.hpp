#pragma once
// The addresses of the evaluation pages, named once: routes are registered with these patterns and
// links and redirects fill them in with kernel::path.

namespace simpul::judging::paths {

inline constexpr char kBoard[] = "/kompetisi/{id}/penugasan";
inline constexpr char kRemind[] = "/kompetisi/{id}/penugasan/pengingat";
inline constexpr char kMoves[] = "/kompetisi/{id}/penugasan/{proposal}";
inline constexpr char kEvaluator[] = "/kompetisi/{id}/penugasan/penilai/{user}";
inline constexpr char kResults[] = "/kompetisi/{id}/nilai";
inline constexpr char kQueue[] = "/penilaian";
inline constexpr char kSheet[] = "/penilaian/{proposal}";
inline constexpr char kSheetCheck[] = "/penilaian/{proposal}/periksa";
inline constexpr char kSheetFile[] = "/penilaian/{proposal}/berkas/{code}";
inline constexpr char kProfile[] = "/penilai/profil";
inline constexpr char kConflicts[] = "/penilai/konflik";
inline constexpr char kRemoveConflict[] = "/penilai/konflik/{id}/hapus";

}  // namespace simpul::judging::paths
