#pragma once
// What the panel's tests share: a published edition whose screened proposals every evaluator has
// scored as the entries say, ready for nomination.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/competition_setup.hpp"
#include "support/harness.hpp"

namespace simpul::test {

// A proposal's agency and the score every evaluator gives each aspect of kCriteria (1–10).
struct Entry {
  const char* agency;
  std::vector<int> scores;
};
inline constexpr const char* kAspects[] = {"kebaruan", "efektivitas", "kemanfaatan",
                                           "kemudahan_direplikasi", "keberlanjutan"};

struct ScoredEdition {
  // The stages beyond registration and evaluation, and the parts saved after the rubric.
  // Unscreened, the proposals wait as submitted for screen().
  ScoredEdition(const std::string& engine, int finalist_count, std::vector<Entry> entries_,
                FormFields more_stages, std::vector<std::pair<std::string, FormFields>> more_parts,
                bool screened = true)
      : server(engine),
        organiser(server.signed_in("kemenpan", server.add_user("kemenpan", auth::Role::organiser))),
        panelist(
            server.signed_in("panel.satu", server.add_user("panel.satu", auth::Role::panelist))),
        public_visitor(server.client()),
        entries(std::move(entries_)) {
    auto fields = general(2027, "KIPP 2027");
    for (auto& [name, value] : fields)
      if (name == "finalist_count") value = std::to_string(finalist_count);
    edition = create_edition(organiser, fields);
    FormFields stages{{"stage_registration_starts", days_from_now(-20, "08:00")},
                      {"stage_registration_ends", days_from_now(-10, "23:59")},
                      {"stage_evaluation_starts", days_from_now(-2, "08:00")},
                      {"stage_evaluation_ends", days_from_now(5, "23:59")}};
    stages.insert(stages.end(), more_stages.begin(), more_stages.end());
    EXPECT_EQ(save_part(organiser, edition, "tahapan", stages).status, 303);
    EXPECT_EQ(save_part(organiser, edition, "kelompok", kGroups).status, 303);
    EXPECT_EQ(save_part(organiser, edition, "kategori", kCategories).status, 303);
    EXPECT_EQ(save_part(organiser, edition, "rubrik", rubric("rubric", kCriteria)).status, 303);
    for (auto& [part, part_fields] : more_parts)
      EXPECT_EQ(save_part(organiser, edition, part, part_fields).status, 303) << part;
    EXPECT_EQ(edition_action(organiser, edition, "terbitkan").status, 303);
    for (const auto& entry : entries) {
      auto p = insert_passed_proposal(server, edition, entry.agency,
                                      "Inovasi finalis " + std::to_string(proposals.size() + 1),
                                      "efektivitas", screened ? "passed" : "submitted");
      proposals.push_back(p.id);
      innovations.push_back(p.innovation_id);
    }
    for (const char* name : {"penilai.a", "penilai.b", "penilai.c"}) {
      auto client = server.signed_in(name, server.add_user(name, auth::Role::evaluator));
      evaluators.emplace(server.count("SELECT id FROM users WHERE username = $1", {name}),
                         std::move(client));
    }
  }

  // The organiser's screening over HTTP: the entries with scores pass, the others fail; then the
  // announcement.
  void screen() {
    std::string list = url("/usulan"), screening = url("/seleksi");
    organiser.get(list);
    FormFields pass{{"keputusan", "lulus"}},
        fail{{"keputusan", "tidak"}, {"alasan", "not_eligible"}};
    for (std::size_t i = 0; i < proposals.size(); ++i) {
      auto version = server.count("SELECT version FROM proposals WHERE id = $1", {proposals[i]});
      auto choice = std::to_string(proposals[i]) + ":" + std::to_string(version);
      (entries[i].scores.empty() ? fail : pass).emplace_back("pilih", choice);
    }
    ASSERT_EQ(organiser.post(screening, pass).status, 303);
    if (fail.size() > 2) {
      ASSERT_EQ(organiser.post(screening, fail).status, 303);
    }
    ASSERT_EQ(organiser.post(url("/pengumuman"), {{"catatan", ""}}).status, 303);
  }

  // The assignment, then every evaluator submits a sheet for each proposal assigned to them.
  void score_everything() {
    ASSERT_EQ(organiser.post(url("/penugasan"), {}).status, 303);
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    {
      auto tx = server.app().db().begin_read();
      for (auto r : tx.query("SELECT proposal_id, evaluator_id FROM evaluation_assignments"))
        pairs.emplace_back(r.integer(0), r.integer(1));
    }
    for (auto [proposal, evaluator] : pairs) {
      auto index = std::find(proposals.begin(), proposals.end(), proposal) - proposals.begin();
      FormFields sheet{{"aksi", "kirim"}, {"komentar", "Dinilai."}};
      for (std::size_t a = 0; a < std::size(kAspects); ++a)
        sheet.emplace_back(std::string("nilai.") + kAspects[a],
                           std::to_string(entries[index].scores[a]));
      auto& client = evaluators.at(evaluator);
      std::string path = "/penilaian/" + std::to_string(proposal);
      client.get(path);
      ASSERT_EQ(client.post(path, sheet).status, 303);
    }
  }

  // The evaluation stage as ended a second ago: nominees can be set.
  void close_evaluation() {
    server.app().db().write([&](db::Transaction& tx) {
      tx.execute(
          "UPDATE competition_stages SET ends_at = $2 WHERE edition_id = $1 AND code = "
          "'evaluation'",
          {edition, now_seconds() - 1});
    });
  }

  std::string url(const std::string& rest) {
    return "/kompetisi/" + std::to_string(edition) + rest;
  }
  std::int64_t audits(const std::string& action) {
    return server.count("SELECT COUNT(*) FROM audit_events WHERE action = $1", {action});
  }

  TestServer server;
  Client organiser, panelist, public_visitor;
  std::map<std::int64_t, Client> evaluators;
  std::int64_t edition = 0;
  std::vector<Entry> entries;
  std::vector<std::int64_t> proposals, innovations;
};

}  // namespace simpul::test
