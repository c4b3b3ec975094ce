#include "proposals/model.hpp"

#include <algorithm>

#include "innovations/model.hpp"

namespace simpul::proposals {
namespace {

bool is_space_at(std::string_view text, std::size_t i, std::size_t& width) {
  auto c = static_cast<unsigned char>(text[i]);
  width = 1;
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return true;
  // U+00A0 NO-BREAK SPACE, which word processors paste between words.
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    width = 2;
    return true;
  }
  return false;
}

const StoredFile* file_for(const Content& content, std::string_view code) {
  auto it = std::find_if(content.files.begin(), content.files.end(),
                         [&](const StoredFile& f) { return f.attachment_code == code; });
  return it == content.files.end() ? nullptr : &*it;
}

CheckItem section_item(const competitions::FormSection& section, const Content& content) {
  auto it = content.sections.find(section.code);
  int words = it == content.sections.end() ? 0 : count_words(it->second);
  if (words == 0) return {"proposal.check.section", {{"title", section.title}}, false};
  if (section.max_words && words > *section.max_words) {
    return {"proposal.check.section_too_long",
            {{"title", section.title},
             {"words", std::to_string(words)},
             {"max", std::to_string(*section.max_words)}},
            false};
  }
  return {"proposal.check.section", {{"title", section.title}}, true};
}

CheckItem attachment_item(const competitions::RequiredAttachment& attachment,
                          const Content& content) {
  const StoredFile* file = file_for(content, attachment.code);
  if (attachment.kind == "video" && file && attachment.max_video_seconds &&
      (!file->video_seconds || *file->video_seconds > *attachment.max_video_seconds)) {
    return {
        "proposal.check.video_too_long",
        {{"title", attachment.title}, {"max", std::to_string(*attachment.max_video_seconds / 60)}},
        false};
  }
  return {attachment.kind == "video" ? "proposal.check.video" : "proposal.check.file",
          {{"title", attachment.title}},
          file != nullptr};
}

}  // namespace

std::string_view status_code(Status status) { return kStatusCodes[static_cast<int>(status)]; }

std::optional<Status> parse_status(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kStatusCodes); ++i) {
    if (kStatusCodes[i] == code) return static_cast<Status>(i);
  }
  return std::nullopt;
}

Place place_of(Status status) {
  switch (status) {
    case Status::draft:
    case Status::returned:
      return Place::unit;
    case Status::at_admin:
      return Place::admin;
    case Status::withdrawn:
      return Place::withdrawn;
    case Status::submitted:
    case Status::passed:
    case Status::failed:
      return Place::organiser;
  }
  return Place::unit;
}

bool is_reason_code(std::string_view code) {
  return std::find(std::begin(kReasonCodes), std::end(kReasonCodes), code) !=
         std::end(kReasonCodes);
}

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t width = 1;
    bool space = is_space_at(text, i, width);
    if (!space && !in_word) ++words;
    in_word = !space;
    i += width;
  }
  return words;
}

std::vector<CheckItem> checklist(const competitions::Setup& setup, const Content& content,
                                 bool has_category) {
  std::vector<CheckItem> items;
  if (!setup.categories.empty()) items.push_back({"proposal.check.category", {}, has_category});
  for (const auto& section : setup.sections) items.push_back(section_item(section, content));
  for (const auto& attachment : setup.attachments) {
    CheckItem item = attachment_item(attachment, content);
    // An optional video too long still counts against the checklist.
    if (attachment.required || (!item.done && item.key == "proposal.check.video_too_long"))
      items.push_back(std::move(item));
  }
  return items;
}

bool complete(const std::vector<CheckItem>& items) {
  return std::all_of(items.begin(), items.end(), [](const CheckItem& item) { return item.done; });
}

std::optional<std::string> check_text(std::string& text, std::size_t max) {
  return innovations::check_free_text(text, max);
}

bool is_video_url(std::string_view url) {
  if (url.size() > kMaxVideoUrl) return false;
  if (std::any_of(url.begin(), url.end(),
                  [](unsigned char c) { return c <= 0x20 || c == 0x7f || c == '"' || c == '<'; }))
    return false;
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  auto host = rest.substr(0, rest.find('/'));
  return host.size() >= 3 && host.find('.') != std::string_view::npos;
}

}  // namespace simpul::proposals
