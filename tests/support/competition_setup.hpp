#pragma once
// What the competition and proposal tests share: an edition's set-up as its forms are filled in,
// dates relative to the server's clock, and the version a page shows.
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "competitions/calendar.hpp"
#include "competitions/model.hpp"
#include "core/util/clock.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "support/harness.hpp"

namespace simpul::test {

inline constexpr std::int64_t kDay = 86400;

// A date-time some days from now as a datetime-local input in WIB: the server's clock decides.
inline std::string days_from_now(std::int64_t days, const char* time = nullptr) {
  std::string local = competitions::local_input(now_seconds() + days * kDay, view::Zone::wib);
  return time ? local.substr(0, 11) + time : local;
}

inline std::int64_t id_from(const HttpResponse& response) {
  static const std::regex setup(R"(^/kompetisi/(\d+)/atur)");
  std::smatch match;
  std::string location = response.header("location");
  EXPECT_TRUE(std::regex_search(location, match, setup)) << response.status << response.body;
  return match.size() > 1 ? std::stoll(match[1]) : 0;
}

inline FormFields general(int year, const std::string& title) {
  return {{"year", std::to_string(year)},
          {"title", title},
          {"theme", "Inovasi pelayanan publik yang berdampak"},
          {"timezone", "WIB"},
          {"evaluators_per_proposal", "2"},
          {"passing_grade", "85"},
          {"finalist_count", "99"}};
}

// KIPP 2021's groups (domain.md §1.4).
inline const FormFields kGroups = {{"group_umum_enabled", "1"},
                                   {"group_umum_min_age_months", "24"},
                                   {"group_umum_max_per_agency", "10"},
                                   {"group_umum_excludes_top_award", "1"},
                                   {"group_replikasi_enabled", "1"},
                                   {"group_replikasi_min_age_months", "12"},
                                   {"group_replikasi_max_per_agency", "5"},
                                   {"group_replikasi_requires_source_innovation", "1"},
                                   {"group_khusus_min_age_months", ""},
                                   {"group_khusus_max_per_agency", ""}};

inline const FormFields kCategories = {
    {"category_1_code", ""},
    {"category_1_name", "Pelayanan Publik yang Inklusif dan Berkeadilan"},
    {"category_2_code", "efektivitas"},
    {"category_2_name", "Efektivitas Institusi Publik untuk Mencapai TPB/SDGs"},
    {"category_3_code", ""},
    {"category_3_name", ""},
    {"clusters", "provinsi"},
    {"clusters", "kabupaten"},
    {"clusters", "kota"}};

// The criteria of PermenPANRB 91/2021, weighted evenly for the test.
inline FormFields rubric(const std::string& prefix,
                         const std::vector<std::pair<std::string, int>>& rows) {
  FormFields fields;
  int n = 0;
  for (const auto& [title, weight] : rows) {
    std::string row = prefix + "_" + std::to_string(++n) + "_";
    fields.insert(fields.end(), {{row + "code", ""},
                                 {row + "title", title},
                                 {row + "weight", std::to_string(weight)},
                                 {row + "scale_min", "1"},
                                 {row + "scale_max", "10"},
                                 {row + "guidance", "Nilai 1 sampai 10."}});
  }
  return fields;
}

inline const std::vector<std::pair<std::string, int>> kCriteria = {{"Kebaruan", 20},
                                                                   {"Efektivitas", 20},
                                                                   {"Kemanfaatan", 20},
                                                                   {"Kemudahan direplikasi", 20},
                                                                   {"Keberlanjutan", 20}};

inline std::string setup_url(std::int64_t id) {
  return "/kompetisi/" + std::to_string(id) + "/atur";
}

// A new draft edition from the "new edition" form; its id.
inline std::int64_t create_edition(Client& client, const FormFields& fields) {
  client.get("/kompetisi/baru");
  auto created = client.post("/kompetisi/baru", fields);
  EXPECT_EQ(created.status, 303) << created.body.substr(0, 4000);
  return id_from(created);
}
// Posts one part from the set-up page, with the version shown there.
inline HttpResponse save_part(Client& client, std::int64_t id, const std::string& part,
                              FormFields fields) {
  auto page = client.get(setup_url(id));
  fields.emplace_back("version", version_on(page));
  return client.post(setup_url(id) + "/" + part, fields);
}
// terbitkan, perpanjang, salin: with the version the set-up page shows.
inline HttpResponse edition_action(Client& client, std::int64_t id, const std::string& action,
                                   FormFields fields = {}) {
  auto page = client.get(setup_url(id));
  fields.emplace_back("version", version_on(page));
  return client.post("/kompetisi/" + std::to_string(id) + "/" + action, fields);
}

// A proposal of the agency that passed screening, written as the screening leaves it (group umum,
// cluster kota), from a new published innovation of a new unit named as the proposal; or, with
// status "submitted", one waiting for the screening.
struct PassedProposal {
  std::int64_t id = 0;
  std::int64_t innovation_id = 0;
};
inline PassedProposal insert_passed_proposal(TestServer& server, std::int64_t edition,
                                             const std::string& agency, const std::string& title,
                                             const std::string& category = "efektivitas",
                                             const std::string& status = "passed") {
  auto agency_id = server.agency_id(agency);
  auto unit = server.add_unit(agency_id, "Bagian Organisasi");
  return server.app().db().write([&](db::Transaction& tx) {
    innovations::NewEntry entry;
    entry.where = *innovations::placement_of_unit(tx, unit);
    entry.fields.name = title;
    entry.publish = true;
    auto innovation =
        innovations::insert_new(tx, {std::nullopt, "test", "", ""}, entry, now_seconds());
    auto id = tx.scalar(
        "INSERT INTO proposals (edition_id, innovation_id, agency_id, unit_id, province_code, "
        "cluster, group_code, category_code, title, title_key, status, created_at, updated_at) "
        "SELECT $1, $2, a.id, $3, a.province_code, 'kota', 'umum', $4, $5, $6, $8, 0, 0 "
        "FROM agencies a WHERE a.id = $7 RETURNING id",
        {edition, innovation, unit, category, title, competitions::title_key(title), agency_id,
         status});
    return PassedProposal{id, innovation};
  });
}

}  // namespace simpul::test
