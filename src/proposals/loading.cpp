#include "proposals/loading.hpp"

namespace simpul::proposals {
namespace {

// "($1, $2, $3), ($4, $5, $6), ..." for rows of width columns.
std::string value_rows(std::size_t rows, std::size_t width) {
  std::string out;
  for (std::size_t r = 0; r < rows; ++r) {
    out += r ? ", (" : "(";
    for (std::size_t c = 0; c < width; ++c) {
      out += (c ? ", $" : "$") + std::to_string(r * width + c + 1);
    }
    out += ")";
  }
  return out;
}

std::int64_t insert_row(db::Transaction& tx, const LoadedProposal& p) {
  return tx.scalar(
      "INSERT INTO proposals (edition_id, innovation_id, agency_id, unit_id, province_code, "
      "cluster, group_code, category_code, title, title_key, source_innovation_id, status, "
      "return_note, screening_reason, screening_note, screened_at, version, created_at, "
      "updated_at, sent_at, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
      "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id",
      {p.edition_id,
       p.innovation_id,
       p.agency_id,
       p.unit_id,
       p.province_code.empty() ? db::Value{nullptr} : db::Value{p.province_code},
       p.cluster,
       p.group_code,
       p.category_code,
       p.title,
       p.title_key,
       db::optional_integer(p.source_innovation_id),
       p.status,
       p.return_note,
       db::optional_text(p.screening_reason),
       p.screening_note,
       db::optional_integer(p.screened_at),
       p.version,
       p.created_at,
       p.updated_at,
       db::optional_integer(p.sent_at),
       db::optional_integer(p.submitted_at)});
}

// Every answer in one statement: a national competition loads thousands of proposals.
void insert_sections(db::Transaction& tx, std::int64_t id, const LoadedProposal& p) {
  if (p.sections.empty()) return;
  db::Params params;
  for (const auto& [code, body] : p.sections) params.insert(params.end(), {id, code, body});
  tx.execute("INSERT INTO proposal_sections (proposal_id, code, body) VALUES " +
                 value_rows(p.sections.size(), 3),
             params);
}

void insert_files(db::Transaction& tx, std::int64_t id, const LoadedProposal& p) {
  for (const LoadedFile& file : p.files) {
    tx.execute(
        "INSERT INTO proposal_files (proposal_id, attachment_code, sha256, original_name, "
        "content_type, size, video_url, video_seconds, uploaded_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {id, file.attachment_code, db::optional_text(file.sha256), file.original_name,
         file.content_type, file.size, file.video_url, db::optional_integer(file.video_seconds),
         file.uploaded_at});
  }
}

}  // namespace

std::int64_t insert_loaded(db::Transaction& tx, const LoadedProposal& proposal) {
  auto id = insert_row(tx, proposal);
  insert_sections(tx, id, proposal);
  insert_files(tx, id, proposal);
  return id;
}

}  // namespace simpul::proposals
