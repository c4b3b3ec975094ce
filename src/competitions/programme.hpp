#pragma once
// The programme's defaults (KIPP guidelines; the team's reference/domain.md): what an edition and
// its panel use when the edition's set-up says nothing else. Named once here; every feature reads
// them from this header.
namespace simpul::competitions::programme {

// Finalists of a national edition: the Top 99.
inline constexpr int kFinalists = 99;
// The evaluation's passing grade on 0-100.
inline constexpr int kPassingGrade = 85;
// What the independent panel names of a national edition: Top 45 Inovasi, Top 5 Replikasi, Top 5
// Outstanding Achievement.
inline constexpr int kTopInovasi = 45;
inline constexpr int kTopReplikasi = 5;
inline constexpr int kTopOutstanding = 5;
// The public objection window (uji publik) after the finalists are published, when the set-up
// gives no objection stage: about five calendar days in 2020 and 2023.
inline constexpr int kObjectionDays = 5;
// Objections one address may file in a day: the public form's flood bound.
inline constexpr int kObjectionsPerAddressPerDay = 20;
// A finalist's presentation and interview before the panel (KIPP 2022: 7 + 13 minutes).
inline constexpr int kPresentationMinutes = 7;
inline constexpr int kInterviewMinutes = 13;
inline constexpr int kSlotMinutes = kPresentationMinutes + kInterviewMinutes;

}  // namespace simpul::competitions::programme
