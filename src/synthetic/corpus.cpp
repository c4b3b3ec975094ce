#include "synthetic/corpus.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

namespace simpul::synthetic {
namespace {

// The programme's own vocabulary, roughly from most to least frequent: these lead the Zipf ranks.
constexpr const char* kProgrammeWords[] = {
    "pelayanan",
    "masyarakat",
    "inovasi",
    "publik",
    "layanan",
    "daerah",
    "data",
    "aplikasi",
    "kesehatan",
    "informasi",
    "sistem",
    "desa",
    "pendidikan",
    "warga",
    "kependudukan",
    "digital",
    "perizinan",
    "program",
    "petugas",
    "administrasi",
    "dokumen",
    "kecamatan",
    "pemerintah",
    "sekolah",
    "anak",
    "keluarga",
    "kualitas",
    "akses",
    "proses",
    "waktu",
    "biaya",
    "terpadu",
    "online",
    "cepat",
    "mudah",
    "transparan",
    "pengaduan",
    "puskesmas",
    "rumah",
    "sakit",
    "pasien",
    "dokter",
    "bidan",
    "posyandu",
    "stunting",
    "gizi",
    "ibu",
    "hamil",
    "balita",
    "lansia",
    "disabilitas",
    "perempuan",
    "pemuda",
    "petani",
    "nelayan",
    "umkm",
    "usaha",
    "pasar",
    "pajak",
    "retribusi",
    "keuangan",
    "anggaran",
    "perencanaan",
    "pengawasan",
    "kepegawaian",
    "aparatur",
    "birokrasi",
    "reformasi",
    "akuntabilitas",
    "kinerja",
    "integritas",
    "kolaborasi",
    "partisipasi",
    "konsultasi",
    "survei",
    "kepuasan",
    "indeks",
    "standar",
    "prosedur",
    "persyaratan",
    "loket",
    "antrean",
    "jemput",
    "bola",
    "keliling",
    "mobil",
    "perbatasan",
    "pedalaman",
    "pulau",
    "terpencil",
    "tertinggal",
    "terluar",
    "jaringan",
    "internet",
    "sinyal",
    "telepon",
    "pesan",
    "whatsapp",
    "website",
    "portal",
    "dasbor",
    "peta",
    "lokasi",
    "koordinat",
    "satelit",
    "drone",
    "sensor",
    "sampah",
    "limbah",
    "lingkungan",
    "hutan",
    "air",
    "bersih",
    "sanitasi",
    "banjir",
    "bencana",
    "kebakaran",
    "darurat",
    "ambulans",
    "keamanan",
    "ketertiban",
    "lalu",
    "lintas",
    "transportasi",
    "angkutan",
    "jalan",
    "jembatan",
    "irigasi",
    "pertanian",
    "pupuk",
    "benih",
    "panen",
    "ternak",
    "perikanan",
    "pariwisata",
    "budaya",
    "seni",
    "perpustakaan",
    "arsip",
    "statistik",
    "sertifikat",
    "tanah",
    "bangunan",
    "izin",
    "akta",
    "kelahiran",
    "kematian",
    "perkawinan",
    "ktp",
    "kartu",
    "identitas",
    "bantuan",
    "sosial",
    "miskin",
    "kemiskinan",
    "pengangguran",
    "pelatihan",
    "keterampilan",
    "kerja",
    "koperasi",
    "modal",
    "investasi",
    "ekspor",
    "produk",
    "lokal",
    "pemberdayaan",
    "gotong",
    "royong",
    "relawan",
    "kader",
    "tokoh",
    "agama",
    "adat",
    "komunitas",
    "forum",
    "musyawarah",
    "rembuk",
    "aspirasi",
    "keluhan",
    "tindak",
    "lanjut",
    "evaluasi",
    "monitoring",
    "verifikasi",
    "validasi",
    "integrasi",
    "interoperabilitas",
    "satu",
    "pintu",
    "mandiri",
    "swadaya",
    "berkelanjutan",
    "replikasi",
    "adaptasi",
    "percepatan",
    "penurunan",
    "peningkatan",
    "pemerataan",
    "penguatan",
    "pengembangan",
    "pemanfaatan",
    "penyederhanaan",
    "digitalisasi",
    "otomatisasi",
    "elektronik",
    "tanda",
    "tangan",
    "barcode",
    "qris",
    "nontunai",
};

constexpr const char* kConnectors[] = {"yang", "dan",  "di",    "untuk",  "dengan",   "pada",
                                       "dari", "ke",   "dalam", "agar",   "sehingga", "melalui",
                                       "oleh", "bagi", "serta", "secara", "karena",   "tersebut"};

constexpr const char* kUnits[] = {"Dinas Kesehatan",
                                  "Dinas Pendidikan",
                                  "Dinas Kependudukan dan Pencatatan Sipil",
                                  "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                                  "Dinas Sosial",
                                  "Dinas Komunikasi dan Informatika",
                                  "Dinas Perhubungan",
                                  "Dinas Pertanian",
                                  "Badan Pengelolaan Keuangan dan Aset Daerah",
                                  "Badan Kepegawaian Daerah",
                                  "Rumah Sakit Umum Daerah",
                                  "Bagian Organisasi Sekretariat Daerah"};

constexpr const char* kTitleHeads[] = {"Sistem", "Gerakan", "Layanan", "Program", "Aplikasi",
                                       "Pusat",  "Sekolah", "Klinik",  "Rumah",   "Kampung"};

// Stages and forms weighted as the programme reports them (2023 IID: about 90% implementation).
template <class T, std::size_t N>
const T& weighted(std::mt19937_64& random, const T (&values)[N], const int (&weights)[N]) {
  int total = 0;
  for (int w : weights) total += w;
  int pick = static_cast<int>(random() % static_cast<std::uint64_t>(total));
  for (std::size_t i = 0; i < N; ++i) {
    if (pick < weights[i]) return values[i];
    pick -= weights[i];
  }
  return values[N - 1];
}

std::string capitalised(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

Vocabulary::Vocabulary(const std::vector<std::string>& extra_words) {
  std::unordered_set<std::string> seen;
  for (const char* word : kProgrammeWords) {
    if (seen.insert(word).second) words_.emplace_back(word);
  }
  for (const auto& word : extra_words) {
    if (seen.insert(word).second) words_.push_back(word);
  }
  cumulative_.reserve(words_.size());
  double sum = 0;
  for (std::size_t rank = 0; rank < words_.size(); ++rank) {
    sum += 1.0 / (static_cast<double>(rank) + 2.7);
    cumulative_.push_back(sum);
  }
}

const std::string& Vocabulary::draw(std::mt19937_64& random) const {
  std::uniform_real_distribution<double> uniform(0, cumulative_.back());
  auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), uniform(random));
  return words_[static_cast<std::size_t>(it - cumulative_.begin())];
}

Generator::Generator(const Vocabulary& vocabulary, std::uint64_t seed, std::size_t agency_count,
                     int current_year)
    : vocabulary_(vocabulary),
      random_(seed),
      agency_count_(agency_count),
      current_year_(current_year) {}

std::string Generator::sentence(std::size_t words) {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    if (i > 0) text += ' ';
    // About one word in four is a function word, as in real prose.
    bool connector = i > 0 && i + 1 < words && random_() % 4 == 0;
    text += connector ? kConnectors[random_() % std::size(kConnectors)] : vocabulary_.draw(random_);
  }
  return capitalised(text) + '.';
}

std::string Generator::paragraph(std::size_t words) {
  std::string text;
  std::size_t written = 0;
  while (written < words) {
    std::size_t length = std::min<std::size_t>(6 + random_() % 8, words - written);
    if (!text.empty()) text += ' ';
    text += sentence(length);
    written += length;
  }
  return text;
}

std::string Generator::title() {
  std::size_t words = 3 + random_() % 6;  // 3 to 8 words
  std::string name = kTitleHeads[random_() % std::size(kTitleHeads)];
  for (std::size_t i = 1; i < words; ++i) name += ' ' + capitalised(vocabulary_.draw(random_));
  return name;
}

SyntheticInnovation Generator::next() {
  ++counter_;
  SyntheticInnovation out;
  out.agency_index = static_cast<std::size_t>(random_() % agency_count_);
  out.unit_name = kUnits[random_() % std::size(kUnits)];
  auto& f = out.fields;
  f.name = title();
  f.short_name = f.name.substr(0, std::min<std::size_t>(f.name.find(' ', 8), 30));
  static const std::string_view forms[] = {"pelayanan_publik", "tata_kelola", "lainnya"};
  f.form = weighted(random_, forms, {48, 47, 5});
  f.type = random_() % 5 < 3 ? "digital" : "non_digital";
  static const std::string_view stages[] = {"penerapan", "uji_coba", "inisiatif"};
  f.stage = weighted(random_, stages, {90, 6, 4});
  f.initiator = innovations::kInitiators[random_() % std::size(innovations::kInitiators)];
  std::size_t affair_count = 1 + random_() % 2;
  for (std::size_t i = 0; i < affair_count; ++i) {
    f.affairs.emplace_back(
        innovations::kAffairs[random_() % std::size(innovations::kAffairs)].code);
  }
  std::size_t sdg_count = 1 + random_() % 3;
  for (std::size_t i = 0; i < sdg_count; ++i)
    f.sdgs.push_back(1 + static_cast<int>(random_() % 17));
  int year = 2014 + static_cast<int>(random_() % static_cast<std::uint64_t>(current_year_ - 2013));
  int month = 1 + static_cast<int>(random_() % 12), day = 1 + static_cast<int>(random_() % 28);
  f.trial_date = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
  if (f.stage == "penerapan" && year < current_year_) {
    f.implementation_date =
        std::to_string(year + 1) + "-" + two_digits(month) + "-" + two_digits(day);
  }
  // 200 to 400 words across the sections, 40% of them in the design.
  std::size_t total = 200 + random_() % 201;
  f.problem = paragraph(total * 3 / 10);
  f.design = paragraph(total * 4 / 10);
  f.goals = paragraph(total * 15 / 100);
  f.benefits = paragraph(total - total * 3 / 10 - total * 4 / 10 - total * 15 / 100);
  f.results.push_back({"Waktu layanan", std::to_string(3 + random_() % 12) + " hari",
                       std::to_string(1 + random_() % 3) + " hari", "hari"});
  f.budget = static_cast<std::int64_t>(random_() % 2000) * 1'000'000;
  f.tags = {vocabulary_.at(random_() % 60), vocabulary_.at(random_() % 200)};
  if (f.tags[0] == f.tags[1]) f.tags.pop_back();
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> place_words(const std::string& csv_text, std::size_t limit) {
  std::vector<std::string> words;
  std::unordered_set<std::string> seen;
  std::size_t line_start = csv_text.find('\n');  // skip the header
  while (line_start != std::string::npos && words.size() < limit) {
    ++line_start;
    auto line_end = csv_text.find('\n', line_start);
    auto line = csv_text.substr(line_start, line_end - line_start);
    auto name = line.substr(line.rfind(',') + 1);
    std::string word;
    auto flush = [&] {
      if (word.size() >= 3 && seen.insert(word).second) words.push_back(word);
      word.clear();
    };
    for (char c : name) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        flush();
      }
    }
    flush();
    line_start = line_end;
  }
  return words;
}

}  // namespace simpul::synthetic
