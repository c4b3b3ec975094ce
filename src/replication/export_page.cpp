// Replication records as open data: every record as CSV or XLSX (/replikasi/ekspor.csv|xlsx, the
// columns the ministry's spreadsheets keep), and the read API (/api/v1/replications, a page of
// records; /api/v1/replications/{id}, one with its steps, mentoring and milestones).
#include <algorithm>

#include "core/sheet/write.hpp"
#include "core/util/numbers.hpp"
#include "innovations/paths.hpp"
#include "kernel/paths.hpp"
#include "replication/paths.hpp"
#include "replication/routes.hpp"
#include "replication/store.hpp"
#include "replication/view.hpp"

namespace simpul::replication {
namespace {

constexpr int kExportBatch = 2000;
constexpr int kApiPage = 100;

const std::vector<std::string> kColumns = {"id",
                                           "inovasi_sumber_id",
                                           "inovasi_sumber",
                                           "instansi_sumber",
                                           "provinsi_sumber",
                                           "instansi_pereplikasi",
                                           "provinsi_pereplikasi",
                                           "unit_pelaksana",
                                           "tahap",
                                           "berhenti_pada_tahap",
                                           "tanggal_mulai",
                                           "tanggal_tahap_terakhir",
                                           "nomor_sk",
                                           "inovasi_hasil_id",
                                           "data_contoh"};

std::vector<std::string> row_of(const Replication& r, const StepDates& dates) {
  return {std::to_string(r.id),
          std::to_string(r.source_innovation_id),
          r.source_name,
          r.source.name,
          r.source.province_name,
          r.adopter.name,
          r.adopter.province_name,
          r.adopter_unit_name,
          std::string(stage_code(r.stage)),
          r.stopped_at ? std::string(stage_code(*r.stopped_at)) : "",
          dates.first,
          dates.last,
          r.decree,
          r.adopted_innovation_id ? std::to_string(*r.adopted_innovation_id) : "",
          r.is_sample ? "ya" : "tidak"};
}

// Read in batches so that no statement holds every record's joins at once.
std::vector<std::vector<std::string>> all_rows(Context& context) {
  std::vector<std::vector<std::string>> rows;
  std::int64_t after = 0;
  for (;;) {
    auto batch = context.db().read([&](db::Transaction& tx) {
      auto records = replications_after(tx, after, kExportBatch, std::nullopt);
      auto dates = records.empty() ? decltype(step_dates(tx, 0, 0)){}
                                   : step_dates(tx, records.front().id, records.back().id);
      std::vector<std::vector<std::string>> out;
      for (const auto& r : records) out.push_back(row_of(r, dates[r.id]));
      return std::pair{out, records.empty() ? after : records.back().id};
    });
    if (batch.first.empty()) break;
    after = batch.second;
    for (auto& row : batch.first) rows.push_back(std::move(row));
  }
  return rows;
}

http::Response export_csv(Context& context) {
  return http::Response::download(sheet::to_csv(kColumns, all_rows(context)),
                                  "text/csv; charset=utf-8", "replikasi.csv");
}

http::Response export_xlsx(Context& context) {
  return http::Response::download(
      sheet::to_xlsx(kColumns, all_rows(context), context.config().data_dir + "/tmp", "Replikasi"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "replikasi.xlsx");
}

Json party_json(const Party& party) {
  return {{"agency_id", party.agency_id},
          {"agency", party.name},
          {"agency_type", party.type},
          {"province_code", party.province_code},
          {"province", party.province_name}};
}

Json record_json(const Replication& r, const StepDates& dates) {
  return {{"id", r.id},
          {"url", kernel::path(paths::kRecord, {r.id})},
          {"source",
           {{"innovation_id", r.source_innovation_id},
            {"name", r.source_name},
            {"url", kernel::path(innovations::paths::kInnovation, {r.source_innovation_id})},
            {"agency", party_json(r.source)}}},
          {"adopter", party_json(r.adopter)},
          {"unit", r.adopter_unit_name},
          {"stage", stage_code(r.stage)},
          {"stopped_at", r.stopped_at ? Json(stage_code(*r.stopped_at)) : Json(nullptr)},
          {"started_on", dates.first},
          {"last_step_on", dates.last},
          {"decree", r.decree},
          {"adopted_innovation_id",
           r.adopted_innovation_id ? Json(*r.adopted_innovation_id) : Json(nullptr)},
          {"is_sample", r.is_sample},
          {"version", r.version}};
}

// GET /api/v1/replications?halaman=N[&sumber=ID]: records in id order, 100 a page.
http::Response api_list(Context& context) {
  const auto& query = context.request().query();
  auto page = std::min<std::int64_t>(parse_positive(query.get("halaman")).value_or(1), 10000);
  auto source = parse_positive(query.get("sumber"));
  Json items = Json::array();
  std::int64_t total = 0;
  context.db().read([&](db::Transaction& tx) {
    auto records = replications_after(tx, 0, kApiPage, source, (page - 1) * kApiPage);
    auto dates = records.empty() ? decltype(step_dates(tx, 0, 0)){}
                                 : step_dates(tx, records.front().id, records.back().id);
    for (const auto& r : records) items.push_back(record_json(r, dates[r.id]));
    total = count_replications(tx, source);
  });
  Json body = {{"total", total}, {"page", page}, {"per_page", kApiPage}, {"items", items}};
  return http::Response::json(body.dump());
}

// GET /api/v1/replications/{id}: the record, its steps, mentoring sessions (without the
// adopter's notes) and milestones.
http::Response api_record(Context& context) {
  auto id = context.path_id();
  Json body;
  bool found = context.db().read([&](db::Transaction& tx) {
    auto record = find_replication(tx, id);
    if (!record) return false;
    auto dates = step_dates(tx, id, id);
    body = record_json(*record, dates[id]);
    body["plan"] = {{"keeps", record->plan_keeps}, {"changes", record->plan_changes}};
    Json steps = Json::array(), sessions = Json::array(), milestones = Json::array();
    for (const auto& s : steps_of(tx, id)) {
      Json step = {{"stage", stage_code(s.stage)},
                   {"happened_on", s.happened_on},
                   {"evidence_url", s.evidence_url},
                   {"note", s.note}};
      if (!s.file.name.empty())
        step["file"] = {
            {"name", s.file.name},
            {"type", s.file.type},
            {"url", kernel::path(paths::kFile, {id, std::string(stage_code(s.stage))})}};
      steps.push_back(std::move(step));
    }
    for (const auto& s : sessions_of(tx, id))
      sessions.push_back({{"held_on", s.held_on},
                          {"mentor_kind", s.mentor_kind},
                          {"mentor", s.mentor_name},
                          {"topic", s.topic},
                          {"attendance", s.attendance}});
    for (const auto& m : milestones_of(tx, id))
      milestones.push_back({{"title", m.title},
                            {"target_on", m.target_on},
                            {"done_on", m.done_on ? Json(*m.done_on) : Json(nullptr)}});
    body["steps"] = steps;
    body["mentoring"] = sessions;
    body["milestones"] = milestones;
    return true;
  });
  if (!found) throw not_found();
  return http::Response::json(body.dump());
}

}  // namespace

void register_export_routes(kernel::Routes& routes) {
  using kernel::Access;
  routes.get(paths::kExportCsv, Access::anyone(), export_csv);
  routes.get(paths::kExportXlsx, Access::anyone(), export_xlsx);
  routes.get(paths::kApiList, Access::anyone(), api_list);
  routes.get(paths::kApiRecord, Access::anyone(), api_record);
}

}  // namespace simpul::replication
