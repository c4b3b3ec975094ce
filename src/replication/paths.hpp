#pragma once
// The replication feature's addresses.
namespace simpul::replication::paths {

inline constexpr char kNetwork[] = "/replikasi";
inline constexpr char kNew[] = "/replikasi/baru";
inline constexpr char kRecord[] = "/replikasi/{id}";
inline constexpr char kStep[] = "/replikasi/{id}/tahap";
inline constexpr char kPlan[] = "/replikasi/{id}/rencana";
inline constexpr char kSessions[] = "/replikasi/{id}/pendampingan";
inline constexpr char kMilestones[] = "/replikasi/{id}/target";
inline constexpr char kMilestoneDone[] = "/replikasi/{id}/target/{milestone}";
inline constexpr char kFile[] = "/replikasi/{id}/berkas/{stage}";
inline constexpr char kExportCsv[] = "/replikasi/ekspor.csv";
inline constexpr char kExportXlsx[] = "/replikasi/ekspor.xlsx";
inline constexpr char kApiList[] = "/api/v1/replications";
inline constexpr char kApiRecord[] = "/api/v1/replications/{id}";
inline constexpr char kRounds[] = "/replikasi/komitmen";
inline constexpr char kNewRound[] = "/replikasi/komitmen/baru";
inline constexpr char kRound[] = "/replikasi/komitmen/{id}";
inline constexpr char kRoundOffer[] = "/replikasi/komitmen/{id}/tawaran";
inline constexpr char kRoundCommit[] = "/replikasi/komitmen/{id}/komitmen";
inline constexpr char kRoundClose[] = "/replikasi/komitmen/{id}/tutup";

}  // namespace simpul::replication::paths
