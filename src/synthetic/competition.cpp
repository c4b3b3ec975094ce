#include "synthetic/competition.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"
#include "competitions/calendar.hpp"
#include "competitions/service.hpp"
#include "core/util/clock.hpp"
#include "core/util/crypto.hpp"
#include "innovations/registry.hpp"
#include "kernel/context.hpp"
#include "proposals/loading.hpp"
#include "synthetic/corpus.hpp"
#include "synthetic/seed.hpp"

namespace simpul::synthetic {
namespace {

using competitions::LocalDate;
using competitions::Setup;

constexpr std::int64_t kDay = 24 * 3600;
// So that the answers are not the registry's own texts again for the same seed.
constexpr std::uint64_t kTextSalt = 0x5eed0f7e47;

// ---------------------------------------------------------------------------------------------
// The edition

struct StageDays {
  const char* code;
  int starts;  // days from today, local
  int ends;
};
// Registration open for 30 days and 30 more to go; the later stages as KIPP spaces them.
constexpr StageDays kStageDays[] = {
    {"registration", -30, 30},      {"screening", 31, 40},  {"evaluation", 42, 56},
    {"nomination", 58, 62},         {"objection", 63, 67},  {"presentation", 70, 80},
    {"field_verification", 82, 95}, {"decision", 100, 100}, {"award", 120, 120}};

void set_stages(Setup& setup, std::int64_t now) {
  auto zone = setup.general.zone;
  auto today = competitions::days_from_civil(competitions::local_date(now, zone));
  auto day = [&](int offset) { return competitions::civil_from_days(today + offset); };
  for (competitions::Stage& stage : setup.stages) {
    for (const StageDays& days : kStageDays) {
      if (stage.code != days.code) continue;
      stage.starts_at = competitions::instant_of(day(days.starts), 0, zone);
      stage.ends_at =
          competitions::instant_of(day(days.ends), competitions::kLastMinuteOfDay, zone);
    }
  }
}

// The rules of the 2021 guideline (domain.md §1.4): two years of age, ten entries per agency in
// Umum and five in Replikasi, earlier top winners in Khusus only.
void set_groups(Setup& setup) {
  for (competitions::GroupRules& group : setup.groups) {
    group.enabled = true;
    group.min_age_months = group.code == "replikasi" ? 12 : 24;
    if (group.code == "umum") {
      group.max_per_agency = 10;
      group.excludes_top_award = true;
    } else if (group.code == "replikasi") {
      group.max_per_agency = 5;
      group.requires_source_innovation = true;
    } else {
      group.requires_top_award = true;
    }
  }
}

std::vector<competitions::Category> kipp_categories() {
  return {{"pengentasan_kemiskinan", "Pengentasan kemiskinan"},
          {"pendidikan", "Pendidikan"},
          {"kesehatan", "Kesehatan"},
          {"ketahanan_pangan", "Ketahanan pangan"},
          {"ekonomi_kesempatan_kerja", "Pertumbuhan ekonomi dan kesempatan kerja"},
          {"pemberdayaan_masyarakat", "Pemberdayaan masyarakat"},
          {"responsif_gender", "Pelayanan publik responsif gender"},
          {"lingkungan_hidup", "Perlindungan dan pelestarian lingkungan hidup"},
          {"tata_kelola", "Tata kelola pemerintahan"},
          {"penegakan_hukum", "Penegakan hukum"}};
}

// The commonly cited sections of a KIPP proposal (domain.md §2); the exact list is not public.
std::vector<competitions::FormSection> kipp_sections() {
  return {
      {"ringkasan", "Ringkasan inovasi", "Apa inovasinya, untuk siapa, dan hasil utamanya.", 500},
      {"latar_belakang", "Latar belakang dan permasalahan",
       "Masalah pelayanan yang dihadapi sebelum inovasi, dengan data.", 600},
      {"kebaruan", "Kebaruan dan orisinalitas",
       "Apa yang baru dibandingkan cara sebelumnya dan layanan serupa.", 600},
      {"pelaksanaan", "Strategi dan pelaksanaan",
       "Langkah, sumber daya dan jadwal penerapan inovasi.", 800},
      {"hasil", "Efektivitas dan hasil", "Data sebelum dan sesudah inovasi diterapkan.", 800},
      {"keberlanjutan", "Keberlanjutan dan transferabilitas",
       "Kebijakan, anggaran dan kelembagaan yang menjaga inovasi; replikasi oleh pihak lain.", 600},
      {"kolaborasi", "Keterlibatan pemangku kepentingan",
       "Peran masyarakat, swasta, akademisi dan instansi lain.", 600}};
}

std::vector<competitions::RequiredAttachment> kipp_attachments() {
  return {{"sk", "Surat keputusan pimpinan instansi tentang inovasi", "file", true, std::nullopt},
          {"video", "Video inovasi di YouTube", "video", true, 180}};
}

// The five criteria of PermenPANRB 91/2021 and the stakeholders' part; the panel's rubric after
// Kemendagri's IGA presentation weights (domain.md §2).
std::vector<competitions::RubricAspect> kipp_rubric() {
  return {{"kebaruan", "Kebaruan", 20, 1, 10, "Cara, pendekatan atau desain yang baru."},
          {"efektivitas", "Efektivitas", 20, 1, 10, "Keluaran nyata sesuai tujuan layanan."},
          {"kemanfaatan", "Kemanfaatan", 20, 1, 10, "Dampak pada kualitas pelayanan."},
          {"keberlanjutan", "Keberlanjutan", 15, 1, 10, "Diterapkan dan dikembangkan terus."},
          {"transferabilitas", "Transferabilitas", 15, 1, 10, "Mudah ditiru dan dikembangkan."},
          {"kolaborasi", "Kolaborasi", 10, 1, 10, "Keterlibatan pemangku kepentingan."}};
}

std::vector<competitions::RubricAspect> kipp_interview() {
  return {{"kebaruan", "Kebaruan", 30, 1, 10, ""},
          {"kemanfaatan", "Kemanfaatan", 25, 1, 10, ""},
          {"kolaborasi", "Kewenangan dan kolaborasi", 15, 1, 10, ""},
          {"replikasi", "Replikasi dan aplikatif", 20, 1, 10, ""},
          {"penyajian", "Penguasaan materi dan kualitas penyajian", 10, 1, 10, ""}};
}

// ---------------------------------------------------------------------------------------------
// The plan

class Dice {
 public:
  explicit Dice(std::uint64_t seed) : random_(seed) {}
  std::uint64_t below(std::uint64_t n) { return random_() % n; }
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return high <= low ? low : low + static_cast<std::int64_t>(below(high - low + 1));
  }
  // An index drawn with the given weights.
  std::size_t weighted(const std::vector<int>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    auto pick = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (pick < weights[i]) return i;
      pick -= weights[i];
    }
    return weights.size() - 1;
  }
  // Fisher-Yates with our own draws, so the order does not depend on the standard library.
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 random_;
};

const std::vector<std::string> kGroups = {"umum", "replikasi", "khusus"};
const std::vector<int> kGroupWeights = {80, 15, 5};
const std::vector<std::string> kStatuses = {"draft",     "returned", "at_admin",
                                            "submitted", "passed",   "failed"};
const std::vector<int> kStatusWeights = {10, 3, 12, 60, 10, 5};

const std::vector<std::string> kReturnNotes = {
    "Lengkapi data sebelum dan sesudah inovasi pada bagian Efektivitas dan hasil.",
    "SK yang diunggah belum ditandatangani; unggah SK yang sah.",
    "Uraian kebaruan masih umum; jelaskan perbedaannya dengan layanan sebelumnya.",
    "Video belum menampilkan layanan yang berjalan; perbarui tautannya."};

struct Failure {
  const char* reason;  // the CHECK list of proposals.screening_reason
  int weight;
  const char* note;
};
constexpr Failure kFailures[] = {
    {"too_young", 10, "Inovasi belum diterapkan dua tahun pada saat pendaftaran ditutup."},
    {"incomplete", 35, "Lampiran SK tidak sesuai dengan inovasi yang diusulkan."},
    {"careless", 20, "Isian proposal disalin dari proposal lain tanpa penyesuaian."},
    {"duplicate_title", 5, "Judul sama dengan inovasi yang pernah menjadi Top Inovasi."},
    {"not_eligible", 15, "Instansi pengusul bukan penyelenggara inovasi ini."},
    {"other", 15, "Tautan video tidak dapat diakses publik."}};

// The earliest implementation date a group admits, as YYYY-MM-DD (compares as text).
std::map<std::string, std::string> age_cutoffs(const Setup& setup) {
  std::map<std::string, std::string> cutoffs;
  auto close = competitions::registration_close(setup).value();
  auto close_date = competitions::local_date(close, setup.general.zone);
  for (const competitions::GroupRules& group : setup.groups) {
    auto start = competitions::latest_start(close_date, group.min_age_months.value_or(0));
    cutoffs[group.code] = competitions::iso_date(start);
  }
  return cutoffs;
}

// Entrants with a known, admitted cluster and distinct titles, in a seeded random order.
std::vector<SyntheticEntrant> shuffled_entrants(const Setup& setup,
                                                std::vector<SyntheticEntrant> published,
                                                Dice& dice) {
  std::erase_if(published, [&](const SyntheticEntrant& p) {
    auto cluster = competitions::cluster_of(p.agency_type);
    return cluster.empty() || !competitions::admits_cluster(setup, cluster) ||
           p.implementation_date.empty();
  });
  dice.shuffle(published);
  std::unordered_set<std::string> titles;
  std::erase_if(published, [&](const SyntheticEntrant& p) {
    return !titles.insert(competitions::title_key(p.name)).second;
  });
  return published;
}

[[noreturn]] void too_few(std::size_t available, std::int64_t wanted) {
  throw std::runtime_error(
      "only " + std::to_string(available) +
      " published innovations can enter the synthetic competition (distinct names, a known "
      "cluster, implemented long enough before the close) where " +
      std::to_string(wanted) +
      " are needed (the proposals and earlier winners): run `simpul seed --synthetic 100000` "
      "first");
}

// Draft, sent, returned, submitted and screened times in order, within registration so far.
void set_history(SyntheticProposal& p, Dice& dice, std::int64_t opened, std::int64_t now) {
  auto later = [&](std::int64_t from, int max_days) {
    return dice.between(from, std::min(now, from + max_days * kDay));
  };
  p.created_at = dice.between(opened, opened + (now - opened) * 9 / 10);
  p.updated_at = later(p.created_at, 10);
  p.version = 1 + dice.between(0, 2);
  if (p.status == "draft") return;
  p.sent_at = later(p.created_at, 10);
  p.updated_at = *p.sent_at;
  p.version += 1;
  if (p.status == "returned") {
    p.updated_at = later(*p.sent_at, 5);
    p.version += 1;
    p.return_note = kReturnNotes[dice.below(kReturnNotes.size())];
  }
  if (p.status == "returned" || p.status == "at_admin") return;
  p.submitted_at = later(*p.sent_at, 5);
  p.updated_at = *p.submitted_at;
  p.version += 1;
  if (p.status == "submitted") return;
  p.screened_at = later(*p.submitted_at, 7);
  p.updated_at = *p.screened_at;
  p.version += 1;
}

void set_screening(SyntheticProposal& p, Dice& dice) {
  if (p.status != "failed") return;
  std::vector<int> weights;
  for (const Failure& f : kFailures) weights.push_back(f.weight);
  const Failure& failure = kFailures[dice.weighted(weights)];
  p.screening_reason = failure.reason;
  p.screening_note = failure.note;
}

void set_video(SyntheticProposal& p, Dice& dice) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (int i = 0; i < 11; ++i) p.video_id += kAlphabet[dice.below(64)];
  p.video_seconds = static_cast<int>(dice.between(60, 180));
}

// Replikasi adapts an earlier winner, of another agency when the draw allows.
std::int64_t source_for(const SyntheticEntrant& entrant,
                        const std::vector<SyntheticEntrant>& winners, Dice& dice) {
  const SyntheticEntrant* source = &winners[dice.below(winners.size())];
  for (int tries = 0; tries < 8 && source->agency_id == entrant.agency_id; ++tries) {
    source = &winners[dice.below(winners.size())];
  }
  return source->id;
}

// Walks the entrants, drawing a group for each; one whose group is full for its agency, or that
// is too young for it, is passed over, as its agency would have chosen another.
class Chooser {
 public:
  explicit Chooser(const Setup& setup) : setup_(setup), cutoffs_(age_cutoffs(setup)) {
    // Earlier categories drawn more often, so the dashboard's bars differ.
    auto n = static_cast<int>(setup.categories.size());
    for (int rank = 0; rank < n; ++rank) category_weights_.push_back(n - rank + 2);
  }

  std::optional<SyntheticProposal> plan(const SyntheticEntrant& entrant, Dice& dice) {
    const std::string& group = kGroups[dice.weighted(kGroupWeights)];
    if (entrant.implementation_date > cutoffs_[group]) return std::nullopt;
    const auto* rules = competitions::find_group(setup_, group);
    auto& entries = entries_[{entrant.agency_id, group}];
    if (rules->max_per_agency && entries >= *rules->max_per_agency) return std::nullopt;
    ++entries;
    SyntheticProposal p;
    p.innovation = entrant;
    p.cluster = std::string(competitions::cluster_of(entrant.agency_type));
    p.group_code = group;
    p.category_code = setup_.categories[dice.weighted(category_weights_)].code;
    p.status = kStatuses[dice.weighted(kStatusWeights)];
    return p;
  }

 private:
  const Setup& setup_;
  std::map<std::string, std::string> cutoffs_;
  std::vector<int> category_weights_;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> entries_;
};

// ---------------------------------------------------------------------------------------------
// Writing

std::vector<SyntheticEntrant> published_innovations(db::Transaction& tx) {
  std::vector<SyntheticEntrant> out;
  for (const auto& row :
       tx.query("SELECT p.innovation_id, p.name, p.agency_id, p.unit_id, "
                "COALESCE(p.province_code, ''), p.agency_type, i.implementation_date "
                "FROM innovation_published p JOIN innovations i ON i.id = p.innovation_id "
                "ORDER BY p.innovation_id")) {
    out.push_back({row.integer(0), row.text(1), row.integer(2), row.integer(3), row.text(4),
                   row.text(5), row.text(6)});
  }
  return out;
}

void refuse_taken_year(db::Transaction& tx, int year) {
  auto rows = tx.query(
      "SELECT id FROM competition_editions WHERE level = 'national' "
      "AND owner_agency_id IS NULL AND year = $1",
      {std::int64_t{year}});
  if (rows.empty()) return;
  throw std::runtime_error("a national competition of " + std::to_string(year) +
                           " exists already (edition " + rows.front().text(0) +
                           "): seed the synthetic competition into a fresh database");
}

// A one-page PDF, the decree every proposal attaches (stored once, as identical uploads are).
std::string decree_pdf() {
  const std::string text =
      "BT /F1 14 Tf 72 770 Td (Surat Keputusan tentang Inovasi) Tj 0 -24 Td "
      "(Data contoh sintetis) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    auto number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

struct Decree {
  std::string sha256;
  std::int64_t size = 0;
};

Decree store_decree(db::Transaction& tx, std::int64_t now) {
  init_crypto();
  auto bytes = decree_pdf();
  Decree decree{sha256_hex(bytes), static_cast<std::int64_t>(bytes.size())};
  innovations::store_blob(tx, decree.sha256, bytes, now);
  return decree;
}

// The earlier wins that Replikasi sources and Khusus entries need, in the years before.
void record_awards(db::Transaction& tx, const SyntheticPlan& plan, int year, std::int64_t now) {
  auto award = [&](std::int64_t id, std::size_t i, const char* tier, const char* top) {
    int won = year - 1 - static_cast<int>(i % 3);
    innovations::insert_award(
        tx, id,
        {won, tier, std::string(top) + " KIPP " + std::to_string(won), "data contoh sintetis"},
        now);
  };
  for (std::size_t i = 0; i < plan.top_99.size(); ++i) award(plan.top_99[i], i, "top_99", "Top 99");
  for (std::size_t i = 0; i < plan.top_45.size(); ++i)
    award(plan.top_45[i], i, "top_inovasi", "Top 45");
}

// The proposal as the workflow would have left it: one answer per section of the form, 200 to
// 400 words in four paragraphs, and for a sent proposal the decree and the video link, uploaded
// while it was drafted.
proposals::LoadedProposal loaded(std::int64_t edition_id, const SyntheticProposal& p,
                                 const Setup& setup, synthetic::Generator& text,
                                 const Decree& decree) {
  const SyntheticEntrant& i = p.innovation;
  proposals::LoadedProposal out{edition_id,
                                i.id,
                                i.agency_id,
                                i.unit_id,
                                i.province_code,
                                p.cluster,
                                p.group_code,
                                p.category_code,
                                i.name,
                                competitions::title_key(i.name),
                                p.source_innovation_id,
                                p.status,
                                p.return_note,
                                p.screening_reason,
                                p.screening_note,
                                p.screened_at,
                                p.version,
                                p.created_at,
                                p.updated_at,
                                p.sent_at,
                                p.submitted_at,
                                {},
                                {}};
  for (const competitions::FormSection& section : setup.sections) {
    auto f = text.next().fields;
    out.sections.emplace_back(
        section.code, f.problem + "\n\n" + f.design + "\n\n" + f.goals + "\n\n" + f.benefits);
  }
  if (p.sent_at) {
    std::int64_t uploaded = p.created_at + (*p.sent_at - p.created_at) / 2;
    out.files.push_back({"sk", decree.sha256, "SK Inovasi.pdf", "application/pdf", decree.size, "",
                         std::nullopt, uploaded});
    out.files.push_back({"video", std::nullopt, "", "", 0,
                         "https://www.youtube.com/watch?v=" + p.video_id,
                         std::int64_t{p.video_seconds}, uploaded});
  }
  return out;
}

}  // namespace

competitions::Setup synthetic_setup(int year, std::int64_t now) {
  competitions::General general;
  general.year = year;
  general.title =
      "Kompetisi Inovasi Pelayanan Publik (KIPP) " + std::to_string(year) + " (sintetis)";
  general.theme =
      "Peningkatan Kualitas Pelayanan Publik Melalui Inovasi Menuju Reformasi Birokrasi yang "
      "Berdampak";
  general.finalist_count = competitions::programme::kFinalists;
  general.source_note =
      "Data contoh sintetis untuk uji beban (simpul seed --synthetic-competition), disusun "
      "seperti KIPP: kelompok dan aturan menurut pedoman 2021, kategori KIPP 2021.";
  Setup setup = competitions::new_setup(general);
  set_stages(setup, now);
  set_groups(setup);
  setup.categories = kipp_categories();
  for (std::string_view code : competitions::kClusterCodes) setup.clusters.emplace_back(code);
  setup.sections = kipp_sections();
  setup.attachments = kipp_attachments();
  setup.rubric = kipp_rubric();
  setup.interview = kipp_interview();
  return setup;
}

SyntheticPlan plan_synthetic_proposals(const competitions::Setup& setup,
                                       const std::vector<SyntheticEntrant>& published,
                                       std::int64_t count, std::uint64_t seed, std::int64_t now) {
  Dice dice(seed);
  auto entrants = shuffled_entrants(setup, published, dice);
  // Earlier Top 99 winners for Replikasi to adapt, apart from the entrants.
  auto winners_count = static_cast<std::size_t>(
      std::clamp<std::int64_t>(count / 20, 1, competitions::programme::kFinalists));
  if (entrants.size() < winners_count + static_cast<std::size_t>(count)) {
    too_few(entrants.size(), count + static_cast<std::int64_t>(winners_count));
  }
  std::vector<SyntheticEntrant> winners(entrants.begin(), entrants.begin() + winners_count);
  SyntheticPlan plan;
  for (const SyntheticEntrant& w : winners) plan.top_99.push_back(w.id);
  auto opened = competitions::find_stage(setup, competitions::kRegistration)->starts_at.value();
  Chooser chooser(setup);
  for (auto it = entrants.begin() + winners_count;
       it != entrants.end() && std::ssize(plan.proposals) < count; ++it) {
    auto p = chooser.plan(*it, dice);
    if (!p) continue;
    if (p->group_code == "replikasi") p->source_innovation_id = source_for(*it, winners, dice);
    if (p->group_code == "khusus") plan.top_45.push_back(it->id);
    set_history(*p, dice, opened, now);
    set_screening(*p, dice);
    set_video(*p, dice);
    plan.proposals.push_back(std::move(*p));
  }
  if (std::ssize(plan.proposals) < count) {
    too_few(plan.proposals.size() + winners_count,
            count + static_cast<std::int64_t>(winners_count));
  }
  return plan;
}

SyntheticCompetition seed_synthetic_competition(db::Database& database, const std::string& home,
                                                std::int64_t count, std::uint64_t seed) {
  auto now = now_seconds();
  int year = competitions::local_date(now, view::Zone::wib).year;
  Setup setup = synthetic_setup(year, now);
  synthetic::Vocabulary vocabulary(synthetic::place_words(
      synthetic::read_text(home + "/node_modules/idn-area-data/data/villages.csv"), 40000));
  synthetic::Generator text(vocabulary, seed ^ kTextSalt, 1, year);
  // Published a week before registration opened, as an announced edition would be.
  auto announced =
      *competitions::find_stage(setup, competitions::kRegistration)->starts_at - 7 * kDay;
  return database.write([&](db::Transaction& tx) {
    refuse_taken_year(tx, year);
    SyntheticPlan plan =
        plan_synthetic_proposals(setup, published_innovations(tx), count, seed, now);
    auto edition_id = competitions::insert_published(tx, kSeeder, setup, {}, announced);
    record_awards(tx, plan, year, now);
    auto decree = store_decree(tx, now);
    for (const SyntheticProposal& p : plan.proposals) {
      proposals::insert_loaded(tx, loaded(edition_id, p, setup, text, decree));
    }
    audit::record(tx, kSeeder,
                  {"proposal.seed_synthetic", "competition", std::to_string(edition_id),
                   std::nullopt, nlohmann::json{{"proposals", count}, {"seed", seed}}});
    return SyntheticCompetition{edition_id, std::ssize(plan.proposals)};
  });
}

}  // namespace simpul::synthetic
