#pragma once
// An innovation profile as regional governments fill it in for the national programmes
// (reference/domain.md §8): plain types, the fixed code lists, and their validation. Pure, no I/O.
//
// Two levels of checking: check_fields() runs on every save and refuses only what is malformed
// (a bad date, an unknown code, a text too long), so a draft can be saved half-done; checklist()
// lists what submission and publication further require, each item named plainly.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/errors.hpp"

namespace simpul::innovations {

// Bentuk, jenis, tahapan and inisiator: codes stored in the database, labels in the catalogues
// under "innovation.<list>.<code>".
inline constexpr std::string_view kForms[] = {"pelayanan_publik", "tata_kelola", "lainnya"};
inline constexpr std::string_view kTypes[] = {"digital", "non_digital"};
inline constexpr std::string_view kStages[] = {"inisiatif", "uji_coba", "penerapan"};
inline constexpr std::string_view kInitiators[] = {"kepala_daerah", "anggota_dprd",
                                                   "perangkat_daerah", "asn", "masyarakat"};

// Urusan pemerintahan (UU 23/2014 and the supporting elements of Permendagri 90/2019), grouped as
// the law groups them; labels under "innovation.affair.<code>".
enum class AffairGroup { basic_services, other_mandatory, optional, supporting };
inline constexpr std::string_view kAffairGroups[] = {"wajib_dasar", "wajib_non_dasar", "pilihan",
                                                     "penunjang"};
struct Affair {
  std::string_view code;
  AffairGroup group;
};
// The position in this list is the affair's bit in innovation_published.affair_mask: append new
// affairs at the end, never reorder or remove (at most 63, so the mask stays positive).
inline constexpr Affair kAffairs[] = {
    {"pendidikan", AffairGroup::basic_services},
    {"kesehatan", AffairGroup::basic_services},
    {"pekerjaan_umum", AffairGroup::basic_services},
    {"perumahan", AffairGroup::basic_services},
    {"ketenteraman", AffairGroup::basic_services},
    {"sosial", AffairGroup::basic_services},
    {"tenaga_kerja", AffairGroup::other_mandatory},
    {"pemberdayaan_perempuan", AffairGroup::other_mandatory},
    {"pangan", AffairGroup::other_mandatory},
    {"pertanahan", AffairGroup::other_mandatory},
    {"lingkungan_hidup", AffairGroup::other_mandatory},
    {"adminduk", AffairGroup::other_mandatory},
    {"pemberdayaan_desa", AffairGroup::other_mandatory},
    {"keluarga_berencana", AffairGroup::other_mandatory},
    {"perhubungan", AffairGroup::other_mandatory},
    {"kominfo", AffairGroup::other_mandatory},
    {"koperasi_ukm", AffairGroup::other_mandatory},
    {"penanaman_modal", AffairGroup::other_mandatory},
    {"kepemudaan_olahraga", AffairGroup::other_mandatory},
    {"statistik", AffairGroup::other_mandatory},
    {"persandian", AffairGroup::other_mandatory},
    {"kebudayaan", AffairGroup::other_mandatory},
    {"perpustakaan", AffairGroup::other_mandatory},
    {"kearsipan", AffairGroup::other_mandatory},
    {"kelautan_perikanan", AffairGroup::optional},
    {"pariwisata", AffairGroup::optional},
    {"pertanian", AffairGroup::optional},
    {"kehutanan", AffairGroup::optional},
    {"energi_sdm", AffairGroup::optional},
    {"perdagangan", AffairGroup::optional},
    {"perindustrian", AffairGroup::optional},
    {"transmigrasi", AffairGroup::optional},
    {"perencanaan", AffairGroup::supporting},
    {"keuangan", AffairGroup::supporting},
    {"kepegawaian", AffairGroup::supporting},
    {"pendidikan_pelatihan", AffairGroup::supporting},
    {"penelitian_pengembangan", AffairGroup::supporting},
    {"pengawasan", AffairGroup::supporting},
    {"kesekretariatan", AffairGroup::supporting},
    {"pemerintahan_umum", AffairGroup::supporting},
};
static_assert(std::size(kAffairs) <= 63);

// Award tiers, highest first; labels under "innovation.award_tier.<code>". The catalogue's facet
// bit of a tier is its position here.
inline constexpr std::string_view kAwardTiers[] = {
    "top_inovasi", "top_99", "replikasi", "outstanding", "khusus", "keberlanjutan", "lainnya"};

struct Award {
  std::optional<int> year;
  std::string tier;
  std::string title;
  std::string source;
  bool operator==(const Award&) const = default;
};

inline constexpr int kSdgCount = 17;  // labels under "innovation.sdg.<n>"

// Limits that the forms, the checks and the tests share.
inline constexpr std::size_t kMaxResults = 10;
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kMaxTagLength = 30;
inline constexpr std::size_t kMinDesignWords = 300;
inline constexpr std::size_t kMaxLongText = 50000;  // characters of a long text field

struct ResultRow {
  std::string indicator;
  std::string before;
  std::string after;
  std::string unit;
  bool operator==(const ResultRow&) const = default;
};

// What an editor fills in. Empty strings and lists mean "not filled in yet".
struct Fields {
  std::string name;
  std::string short_name;
  std::string form;
  std::string type;
  std::string stage;
  std::string initiator;
  std::vector<std::string> affairs;  // codes of kAffairs, in list order
  std::vector<int> sdgs;             // 1..17, ascending
  std::string trial_date;            // YYYY-MM-DD
  std::string implementation_date;
  std::string problem;  // latar belakang dan permasalahan
  std::string design;   // rancang bangun dan pokok perubahan
  std::string goals;
  std::string benefits;
  std::vector<ResultRow> results;
  std::optional<std::int64_t> budget;  // rupiah
  std::string video_url;
  std::vector<std::string> tags;
  bool operator==(const Fields&) const = default;
};

enum class Status { draft, submitted, returned, published };
std::string_view status_code(Status status);
std::optional<Status> parse_status(std::string_view code);

// An evidence file attached to an innovation; the bytes are stored once per content.
struct Attachment {
  std::int64_t id = 0;
  std::string name;          // the uploader's file name
  std::string content_type;  // sniffed from the bytes
  std::int64_t size = 0;
  std::string sha256;
  bool operator==(const Attachment&) const = default;
};

// The working copy of an innovation, with where it belongs.
struct Innovation {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  std::string agency_name;
  std::string agency_type;  // the competition cluster: provinsi, kota, kementerian, ...
  std::string province_code;
  std::string unit_name;
  Status status = Status::draft;
  std::int64_t version = 0;  // the latest saved version
  Fields fields;
  std::vector<Attachment> files;
  std::string return_note;
  bool is_sample = false;
  std::optional<std::int64_t> published_version;  // the version the public sees, if any
};

// Trims and normalises the fields (line ends to \n, codes and SDGs in list order, duplicates
// dropped) and reports what is malformed. Never reports what is merely missing, except the name.
FieldErrors check_fields(Fields& fields);

// A long text (or a note): line ends normalised to \n, trimmed. Returns the i18n key of what is
// wrong (control characters other than line breaks and tabs, more than max characters).
std::optional<std::string> check_free_text(std::string& text, std::size_t max);

// The budget as typed: "1500000", "1.500.000" (Indonesian grouping), optionally "Rp", "Rp." or a
// ",00" fraction. nullopt when it is anything else, negative included.
std::optional<std::int64_t> parse_rupiah(std::string_view text);
// Only https YouTube links: youtube.com/watch?v=ID (also www. and m.) and youtu.be/ID.
bool is_youtube_url(std::string_view url);
// Comma-separated tags, trimmed, empty ones and case-insensitive duplicates dropped. Sets
// problem to an i18n key when there are too many or one is too long.
std::vector<std::string> parse_tags(std::string_view text, std::optional<std::string>& problem);
std::string join_tags(const std::vector<std::string>& tags);
// A real calendar date written YYYY-MM-DD, years 1945 to 2100.
bool is_iso_date(std::string_view date);
// Words as a reader counts them: runs of characters between white space that hold a letter or
// a digit (a lone dash or bullet is not a word).
std::size_t count_words(std::string_view text);
std::size_t utf8_length(std::string_view text);

// One line of the completeness checklist shown on the edit page.
struct CheckItem {
  std::string key;  // i18n key of the requirement
  bool done = false;
  std::vector<std::pair<std::string, std::string>> args;  // message arguments
};
// What submission and publication require, in form order, each done or not.
std::vector<CheckItem> checklist(const Fields& fields);
std::vector<CheckItem> missing_items(const Fields& fields);

std::optional<int> affair_index(std::string_view code);
std::int64_t affair_mask(const std::vector<std::string>& affairs);
std::int64_t sdg_mask(const std::vector<int>& sdgs);
// Year of implementation, else of the trial; nullopt when neither date is known.
std::optional<int> innovation_year(const Fields& fields);

nlohmann::json fields_to_json(const Fields& fields);
// Everything a version keeps: the fields, where the innovation belongs and its files.
nlohmann::json make_snapshot(const Innovation& innovation);
std::vector<Attachment> attachments_from_json(const nlohmann::json& json);
// Tolerant of missing keys (older snapshots): they read as empty.
Fields fields_from_json(const nlohmann::json& json);
nlohmann::json results_to_json(const std::vector<ResultRow>& results);
std::vector<ResultRow> results_from_json(const nlohmann::json& json);

}  // namespace simpul::innovations
