#pragma once
// Proposals written in one go, as a finished workflow would have left them, without its checks:
// the synthetic competition of the benchmarks (synthetic/competition.cpp) loads thousands of them
// through this, so the proposals' tables keep one writer.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::proposals {

struct LoadedFile {
  std::string attachment_code;
  std::optional<std::string> sha256;  // of a blob already stored; none for a video link
  std::string original_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string video_url;
  std::optional<std::int64_t> video_seconds;
  std::int64_t uploaded_at = 0;
};

struct LoadedProposal {
  std::int64_t edition_id = 0;
  std::int64_t innovation_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t unit_id = 0;
  std::string province_code;  // "" for none
  std::string cluster;
  std::string group_code;
  std::string category_code;
  std::string title;
  std::string title_key;
  std::optional<std::int64_t> source_innovation_id;
  std::string status;
  std::string return_note;
  std::optional<std::string> screening_reason;
  std::string screening_note;
  std::optional<std::int64_t> screened_at;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> submitted_at;
  std::vector<std::pair<std::string, std::string>> sections;  // code, answer
  std::vector<LoadedFile> files;
};

// Writes the proposal, its answers and its files inside the caller's transaction; returns its id.
std::int64_t insert_loaded(db::Transaction& tx, const LoadedProposal& proposal);

}  // namespace simpul::proposals
