#pragma once
// A proposal (usulan) to a competition edition: its states, its answers and attachments, what it
// still lacks, and the screening's reason codes. Pure, no I/O.
//
// The way through an agency, as SINOVIK runs it: the unit operator drafts (draft), sends it to the
// local admin (at_admin), who returns it with notes (returned) or submits it to the organiser
// (submitted); the organiser's administrative screening passes or fails it. The agency may
// withdraw it until the screening has decided.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competitions/model.hpp"

namespace simpul::proposals {

enum class Status { draft, at_admin, returned, submitted, withdrawn, passed, failed };
inline constexpr std::string_view kStatusCodes[] = {
    "draft", "at_admin", "returned", "submitted", "withdrawn", "passed", "failed"};
std::string_view status_code(Status status);
std::optional<Status> parse_status(std::string_view code);

// The three counts SINOVIK shows an organiser and a local admin.
enum class Place { unit, admin, organiser, withdrawn };
Place place_of(Status status);

// Why the screening failed a proposal; labels under "proposal.reason.<code>".
inline constexpr std::string_view kReasonCodes[] = {"too_young",       "incomplete",   "careless",
                                                    "duplicate_title", "not_eligible", "other"};
bool is_reason_code(std::string_view code);

inline constexpr std::size_t kMaxSectionChars = 60'000;
inline constexpr std::size_t kMaxNote = 2000;
inline constexpr std::size_t kMaxVideoUrl = 500;

// Words as a reader counts them: runs of characters that are not white space (ASCII or U+00A0).
// The browser's live counter counts the same way (static/js/forms.js).
int count_words(std::string_view text);

struct StoredFile {
  std::int64_t id = 0;
  std::string attachment_code;
  std::string name;  // a file's original name, empty for a video link
  std::string content_type;
  std::int64_t size = 0;
  std::string video_url;
  std::optional<int> video_seconds;
};

// What the proposer fills in: the answers by section code and the current attachments.
struct Content {
  std::map<std::string, std::string> sections;
  std::vector<StoredFile> files;
};

// An i18n key and its arguments, with whether the requirement is met.
struct CheckItem {
  std::string key;
  MessageArgs args;
  bool done = false;
};
// Every section answered within its word limit, a category chosen when the edition has
// categories, every required attachment present and every video within its length, in form order.
std::vector<CheckItem> checklist(const competitions::Setup& setup, const Content& content,
                                 bool has_category);
bool complete(const std::vector<CheckItem>& items);

// Normalises an answer or a note (line ends, trimmed) and returns the i18n key of what keeps it
// from being saved at all: control characters, more than max characters. Over the word limit is
// saved (the checklist shows it) but not submitted.
std::optional<std::string> check_text(std::string& text, std::size_t max);

// A video link: http(s) with a host, on one line, at most kMaxVideoUrl bytes.
bool is_video_url(std::string_view url);

}  // namespace simpul::proposals
