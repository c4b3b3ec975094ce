#include "samples/past_edition.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/service.hpp"
#include "competitions/editions.hpp"
#include "competitions/model.hpp"
#include "core/auth/passwords.hpp"
#include "core/util/crypto.hpp"
#include "core/util/errors.hpp"
#include "finals/service.hpp"
#include "judging/evaluation.hpp"
#include "proposals/workflow.hpp"

namespace simpul::samples {
namespace {

using nlohmann::json;

const kernel::Actor kDemo{std::nullopt, "system:demo", "", ""};

constexpr char kKaltara[] = "Pemerintah Provinsi Kalimantan Utara";
constexpr std::size_t kEntries = 8;
constexpr std::size_t kFailedScreening = 1;  // the last entry, to show a refusal with its reason
constexpr std::size_t kWinners = 2;
constexpr std::size_t kWordsPerSection = 120;

// The smallest file libmagic reads as a PDF: the decree each proposal attaches.
constexpr char kDecreePdf[] =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

struct Candidate {
  std::int64_t innovation_id = 0;
  nlohmann::json snapshot;
};

// Kalimantan Utara's sample innovations: a sample edition awards no real record, so no real
// innovation carries an award the sources do not give.
std::vector<Candidate> candidates(db::Transaction& tx, std::int64_t agency_id) {
  std::vector<Candidate> out;
  for (auto r : tx.query("SELECT innovation_id, snapshot_json FROM innovation_published WHERE "
                         "agency_id = $1 AND is_sample = 1 ORDER BY innovation_id",
                         {agency_id})) {
    out.push_back({r.integer(0), json::parse(r.text(1), nullptr, false)});
  }
  return out;
}

// The first words of a text, whole words only.
std::string first_words(const std::string& text, std::size_t count) {
  std::string out;
  std::size_t words = 0, at = 0;
  while (at < text.size() && words < count) {
    auto end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) {
      out += (out.empty() ? "" : " ") + text.substr(at, end - at);
      ++words;
    }
    at = end + 1;
  }
  return out;
}

struct People {
  kernel::CurrentUser admin, hub, panelist;
  std::vector<kernel::CurrentUser> evaluators;
};

// demo.adminlokal, demo.hub, demo.panelis and three evaluators: demo.evaluator and two sample
// ones nobody signs in as (their passwords are thrown away).
std::optional<People> people(db::Database& database) {
  for (const char* name : {"contoh.penilai.satu", "contoh.penilai.dua"}) {
    bool exists = database.read(
        [&](db::Transaction& tx) { return accounts::acting_as(tx, name).has_value(); });
    if (exists) continue;
    accounts::NewAccount account{name, auth::Role::evaluator, std::nullopt, std::nullopt,
                                 std::string("Evaluator contoh ") + (name[15] == 's' ? "1" : "2")};
    try {
      // A password nobody will type, so the cheapest hash will do.
      accounts::create_account(database, kDemo, account, random_password(24),
                               auth::PasswordCost::for_tests(), true);
    } catch (const Conflict&) {
      // Deactivated by an administrator: the name stays taken, the edition runs without it.
    }
  }
  return database.read([&](db::Transaction& tx) -> std::optional<People> {
    auto admin = accounts::acting_as(tx, "demo.adminlokal"),
         hub = accounts::acting_as(tx, "demo.hub"),
         panelist = accounts::acting_as(tx, "demo.panelis");
    if (!admin || !hub || !panelist) return std::nullopt;
    People out{*admin, *hub, *panelist, {}};
    for (const char* name : {"demo.evaluator", "contoh.penilai.satu", "contoh.penilai.dua"})
      if (auto evaluator = accounts::acting_as(tx, name)) out.evaluators.push_back(*evaluator);
    return out;
  });
}

std::int64_t version_of(db::Database& database, std::int64_t proposal_id) {
  return database.read([&](db::Transaction& tx) {
    return tx
        .first("SELECT version FROM proposals WHERE id = $1", {proposal_id},
               [](const db::Result::Row& r) { return r.integer(0); })
        .value_or(0);
  });
}

// Each entry's draft as a unit would write it: the innovation's own texts in the sections, the
// decree and a video link; submitted by the local admin. Innovations the group's rules refuse
// (too young, say) are passed over.
std::vector<std::int64_t> enter(db::Database& database, const competitions::Edition& edition,
                                const kernel::CurrentUser& admin, std::int64_t now) {
  auto pool = database.read([&](db::Transaction& tx) { return candidates(tx, *admin.agency_id); });
  std::vector<std::int64_t> entered;
  for (const auto& c : pool) {
    if (entered.size() == kEntries) break;
    std::string category =
        c.snapshot.value("form", "") == "tata_kelola" ? "tata_kelola" : "pelayanan_dasar";
    std::int64_t id = 0;
    try {
      id = proposals::start_proposal(database, kDemo, admin, edition.id,
                                     {c.innovation_id, "umum", category, std::nullopt}, now);
    } catch (const UserError&) {
      continue;  // not eligible for this group
    }
    proposals::Draft draft;
    draft.group_code = "umum";
    draft.category_code = category;
    draft.sections["ringkasan"] = first_words(
        c.snapshot.value("problem", "") + " " + c.snapshot.value("design", ""), kWordsPerSection);
    draft.sections["dampak"] = first_words(c.snapshot.value("benefits", ""), kWordsPerSection);
    draft.files.push_back({"sk", {"SK inovator.pdf", kDecreePdf}});
    draft.videos.push_back(
        {"video", "https://www.youtube.com/watch?v=contoh" + std::to_string(c.innovation_id), 150});
    proposals::save_draft(database, kDemo, admin, id, version_of(database, id), draft, now + 3600);
    proposals::submit(database, kDemo, admin, id, version_of(database, id), now + 7200);
    entered.push_back(id);
  }
  return entered;
}

void screen_and_announce(db::Database& database, const competitions::Edition& edition,
                         const kernel::CurrentUser& hub, const std::vector<std::int64_t>& entered,
                         std::int64_t now) {
  std::vector<proposals::Screened> pass, fail;
  for (std::size_t i = 0; i < entered.size(); ++i) {
    auto& list = i + kFailedScreening >= entered.size() ? fail : pass;
    list.push_back({entered[i], version_of(database, entered[i])});
  }
  proposals::screen(database, kDemo, hub, edition.id, pass, {}, now);
  if (!fail.empty())
    proposals::screen(database, kDemo, hub, edition.id, fail,
                      {false, "incomplete", "SK yang dilampirkan belum ditandatangani."}, now);
  proposals::announce(database, kDemo, hub, edition.id,
                      "Terima kasih atas partisipasi seluruh perangkat daerah.", now + 600);
}

// A score per aspect that falls gently down the list, each evaluator a little more or less
// lenient: the first entries pass the grade of 70, the last do not.
std::map<std::string, std::string> scores_for(std::size_t entry, std::size_t evaluator) {
  int lean = evaluator == 1 ? 1 : evaluator == 2 ? -1 : 0;
  auto at = [&](int top, int step) {
    return std::to_string(std::clamp(top - static_cast<int>(entry) / step + lean, 1, 10));
  };
  return {{"kebaruan", at(9, 3)}, {"dampak", at(9, 2)}, {"keberlanjutan", at(8, 3)}};
}

void evaluate(db::Database& database, const competitions::Edition& edition, const People& who,
              const std::vector<std::int64_t>& entered, std::int64_t now) {
  judging::assign_edition(database, kDemo, who.hub, edition.id, now);
  auto pairs = database.read([&](db::Transaction& tx) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (auto r : tx.query("SELECT proposal_id, evaluator_id FROM evaluation_assignments WHERE "
                           "edition_id = $1 ORDER BY id",
                           {edition.id}))
      out.emplace_back(r.integer(0), r.integer(1));
    return out;
  });
  for (auto [proposal, evaluator_id] : pairs) {
    auto entry = static_cast<std::size_t>(std::find(entered.begin(), entered.end(), proposal) -
                                          entered.begin());
    for (std::size_t e = 0; e < who.evaluators.size(); ++e) {
      if (who.evaluators[e].id != evaluator_id) continue;
      judging::save_sheet(database, kDemo, who.evaluators[e], proposal,
                          {scores_for(entry, e), "Dinilai untuk data contoh."}, true, now);
    }
  }
  judging::choose_method(database, kDemo, who.hub, edition.id, judging::Method::raw, now);
}

void panel_and_results(db::Database& database, const competitions::Edition& edition,
                       const People& who, std::int64_t day) {
  const auto& stage_of = [&](std::string_view code) {
    return competitions::find_stage(edition.setup, code)->starts_at.value();
  };
  std::int64_t nomination = stage_of("nomination"), objection = stage_of("objection");
  finals::nominate(database, kDemo, who.hub, edition.id, nomination);
  finals::run_shortlist(database, kDemo, who.panelist, edition.id, nomination + 3600);
  finals::publish_finalists(database, kDemo, who.hub, edition.id, objection);
  auto finalists = database.read([&](db::Transaction& tx) {
    std::vector<std::int64_t> ids;
    for (auto r : tx.query("SELECT proposal_id FROM nominees WHERE edition_id = $1 AND "
                           "selected = 1 AND removed_reason IS NULL ORDER BY score DESC, "
                           "proposal_id",
                           {edition.id}))
      ids.push_back(r.integer(0));
    return ids;
  });
  if (finalists.empty()) throw std::runtime_error("no finalists");
  auto filed = finals::file_objection(
      database, kDemo, edition.id, finalists.back(),
      {"Warga Tanjung Selor (contoh)", "warga@contoh.id",
       "Layanan ini kabarnya sempat berhenti beberapa bulan karena anggaran."},
      objection + day);
  finals::decide_objection(database, kDemo, who.panelist, edition.id, filed.id, "dismissed",
                           "Diverifikasi ke lokasi: layanan berjalan tanpa henti sejak diterapkan.",
                           objection + 2 * day);
  std::int64_t decision = stage_of("decision");
  std::map<std::int64_t, std::string> tiers;
  for (std::size_t i = 0; i < finalists.size(); ++i)
    tiers[finalists[i]] = i < kWinners ? "top_inovasi" : "finalist";
  finals::save_decisions(database, kDemo, who.panelist, edition.id, tiers, decision);
  finals::publish_results(database, kDemo, who.hub, edition.id,
                          "Selamat kepada para pemenang dan finalis (data contoh).",
                          decision + 3600);
}

}  // namespace

bool seed_past_edition(db::Database& database, const std::string& /*home*/) {
  auto found = database.read([](db::Transaction& tx) -> std::optional<competitions::Edition> {
    auto id = tx.first("SELECT id FROM competition_editions WHERE title = $1",
                       {std::string(kPastEditionTitle)},
                       [](const db::Result::Row& r) { return r.integer(0); });
    if (!id) return std::nullopt;
    bool done = tx.first(
                      "SELECT 1 FROM finals WHERE edition_id = $1 AND results_published_at "
                      "IS NOT NULL",
                      {*id}, [](const db::Result::Row&) { return true; })
                    .has_value();
    return done ? std::nullopt : competitions::find_edition(tx, *id);
  });
  if (!found) return false;
  auto who = people(database);
  if (!who || !who->admin.agency_id) return false;
  const auto& edition = *found;
  auto starts = [&](std::string_view code) {
    return competitions::find_stage(edition.setup, code)->starts_at.value();
  };
  constexpr std::int64_t kDay = 86400;
  try {
    auto entered = enter(database, edition, who->admin, starts("registration") + kDay);
    if (entered.size() < 3) return false;  // too few eligible innovations to show a contest
    screen_and_announce(database, edition, who->hub, entered, starts("screening") + kDay);
    evaluate(database, edition, *who, entered, starts("evaluation") + kDay);
    panel_and_results(database, edition, *who, kDay);
  } catch (const UserError& error) {
    throw std::runtime_error("the demo's past edition: " + error.key());
  }
  return true;
}

}  // namespace simpul::samples
