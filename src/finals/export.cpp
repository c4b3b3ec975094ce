#include "finals/export.hpp"

#include <cmath>
#include <cstdio>

namespace simpul::finals {

std::string number_cell(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

namespace {

// By proposal id, so that each row finds its scores and nomination without a scan.
template <typename Row>
std::map<std::int64_t, const Row*> by_proposal(const std::vector<Row>& rows) {
  std::map<std::int64_t, const Row*> index;
  for (const auto& row : rows) index[row.proposal_id] = &row;
  return index;
}

template <typename Row>
const Row* find_in(const std::map<std::int64_t, const Row*>& index, std::int64_t id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

std::vector<std::string> evaluation_cells(const judging::ProposalResult* r) {
  if (!r) return {"0", "", "", "", ""};
  return {std::to_string(r->sheets), number_cell(r->raw), number_cell(r->z_score),
          number_cell(r->calibrated), number_cell(r->disagreement())};
}

std::vector<std::string> finals_cells(const ExportInput& in, const NomineeRow* n, std::int64_t id) {
  if (!n) return {"tidak", "", "", "", "", "", "", "", "", ""};
  auto objections = in.objections.find(id);
  auto tier = in.tiers.find(id);
  return {"ya",
          number_cell(n->score),
          n->rank ? std::to_string(*n->rank) : "",
          n->finalist() ? "ya" : "tidak",
          n->reason,
          n->panel_choice,
          n->panel_reason,
          n->removed_reason.value_or(""),
          objections == in.objections.end() ? "0" : std::to_string(objections->second),
          tier == in.tiers.end() ? "" : tier->second};
}

}  // namespace

ExportTable proposals_table(const ExportInput& in) {
  ExportTable table{{"id_usulan",
                     "judul",
                     "instansi",
                     "provinsi",
                     "klaster",
                     "kelompok",
                     "kategori",
                     "jumlah_lembar",
                     "nilai_mentah",
                     "nilai_z",
                     "nilai_kalibrasi",
                     "selisih_penilai",
                     "nomine",
                     "nilai_nominasi",
                     "peringkat",
                     "finalis",
                     "alasan_penyusunan",
                     "pilihan_panel",
                     "alasan_panel",
                     "alasan_dicoret",
                     "sanggahan",
                     "keputusan"},
                    {}};
  std::map<std::int64_t, const judging::ProposalResult*> results;
  if (in.aggregation) results = by_proposal(in.aggregation->proposals);
  const auto nominees = by_proposal(in.nominees);
  for (const auto& p : in.proposals) {
    std::vector<std::string> row{
        std::to_string(p.id), p.title, p.agency, p.province, p.cluster, p.group, p.category};
    for (auto& cell : evaluation_cells(find_in(results, p.id))) row.push_back(std::move(cell));
    for (auto& cell : finals_cells(in, find_in(nominees, p.id), p.id))
      row.push_back(std::move(cell));
    table.rows.push_back(std::move(row));
  }
  return table;
}

ExportTable sheets_table(const ExportInput& in) {
  ExportTable table{{"id_usulan", "judul", "penilai", "status"}, {}};
  for (const auto& a : in.rubric) table.columns.push_back(a.code);
  table.columns.insert(table.columns.end(), {"total", "komentar"});
  std::map<std::int64_t, const ExportedProposal*> proposals;
  for (const auto& p : in.proposals) proposals[p.id] = &p;
  for (const auto& s : in.sheets) {
    auto p = proposals.find(s.proposal_id);
    std::vector<std::string> row{std::to_string(s.proposal_id),
                                 p == proposals.end() ? "" : p->second->title, s.evaluator,
                                 s.status};
    for (const auto& a : in.rubric) {
      auto score = s.scores.find(a.code);
      row.push_back(score == s.scores.end() ? "" : number_cell(score->second));
    }
    std::string total;
    try {
      total = number_cell(judging::sheet_total(in.rubric, {s.proposal_id, 0, s.scores}));
    } catch (const std::invalid_argument&) {
      // A draft with aspects left empty has no total yet.
    }
    row.push_back(total);
    row.push_back(s.comment);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace simpul::finals
