#pragma once
// The addresses of the finals pages, written once: the routes are registered with these patterns,
// and links and redirects fill them in with kernel::path.

namespace simpul::finals::paths {

// The panel chooses the nominees from the evaluation's scores.
inline constexpr char kNomination[] = "/kompetisi/{id}/nominasi";
inline constexpr char kNominee[] = "/kompetisi/{id}/nominasi/{proposal}";
inline constexpr char kDossier[] = "/kompetisi/{id}/dosir/{proposal}";

// The finalists go public, and anyone may object to one while the window is open.
inline constexpr char kFinalists[] = "/kompetisi/{id}/finalis";
inline constexpr char kFinalist[] = "/kompetisi/{id}/finalis/{proposal}";
inline constexpr char kObjectionForm[] = "/kompetisi/{id}/finalis/{proposal}/sanggah";
inline constexpr char kObjections[] = "/kompetisi/{id}/sanggahan";
inline constexpr char kObjection[] = "/kompetisi/{id}/sanggahan/{objection}";

// Presentations and interviews, then the panel's decisions and the public results.
inline constexpr char kPresentation[] = "/kompetisi/{id}/presentasi";
inline constexpr char kPresentationMove[] = "/kompetisi/{id}/presentasi/{proposal}";
inline constexpr char kSchedule[] = "/kompetisi/{id}/jadwal";
inline constexpr char kInterview[] = "/kompetisi/{id}/wawancara/{proposal}";
inline constexpr char kDecisions[] = "/kompetisi/{id}/keputusan";
inline constexpr char kResults[] = "/kompetisi/{id}/hasil";
inline constexpr char kCertificate[] = "/kompetisi/{id}/hasil/{proposal}/sertifikat";
// A certificate's public check, by the number printed on it ("2025-6-12": year, edition,
// proposal), which its QR code opens.
// An objection's public status, by the receipt number its objector keeps.
inline constexpr char kReceipt[] = "/sanggahan/{receipt}";
inline constexpr char kVerify[] = "/sertifikat/{number}";

// The organiser's spreadsheets.
inline constexpr char kProposalsCsv[] = "/kompetisi/{id}/ekspor/usulan.csv";
inline constexpr char kProposalsXlsx[] = "/kompetisi/{id}/ekspor/usulan.xlsx";
inline constexpr char kSheetsCsv[] = "/kompetisi/{id}/ekspor/lembar.csv";
inline constexpr char kSheetsXlsx[] = "/kompetisi/{id}/ekspor/lembar.xlsx";

}  // namespace simpul::finals::paths
