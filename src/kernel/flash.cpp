#include "kernel/flash.hpp"

#include "core/http/message.hpp"

namespace simpul::kernel {
namespace {

constexpr std::size_t kMaxKey = 100;
constexpr std::size_t kMaxArgs = 4;
constexpr std::size_t kMaxArg = 200;

}  // namespace

std::string encode_notice(const Notice& notice) {
  std::string value = http::url_encode(notice.key);
  for (const auto& [name, text] : notice.args) {
    value += "&" + http::url_encode(name) + "=" + http::url_encode(text);
  }
  return value;
}

std::optional<Notice> decode_notice(std::string_view value) {
  http::Form form;
  try {
    form = http::Form::parse(value);
  } catch (const BadRequest&) {
    return std::nullopt;
  }
  const auto& fields = form.pairs();
  if (fields.empty() || fields.size() > kMaxArgs + 1) return std::nullopt;
  Notice notice{fields.front().first, {}};
  if (notice.key.empty() || notice.key.size() > kMaxKey || !fields.front().second.empty()) {
    return std::nullopt;
  }
  for (auto it = fields.begin() + 1; it != fields.end(); ++it) {
    if (it->first.empty() || it->first.size() > kMaxArg || it->second.size() > kMaxArg) {
      return std::nullopt;
    }
    notice.args.emplace_back(it->first, it->second);
  }
  return notice;
}

}  // namespace simpul::kernel
