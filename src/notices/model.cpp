#include "notices/model.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace simpul::notices {
namespace {

constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxLinkLength = 2000;

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength || key.front() == '.' || key.back() == '.') {
    return false;
  }
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return true;
}

// A path of this site: "/..." but not "//host" or "/\host", which browsers open elsewhere, and
// nothing a URL would need escaped.
bool valid_link(std::string_view link) {
  if (link.empty() || link.size() > kMaxLinkLength || link.front() != '/') return false;
  if (link.size() > 1 && (link[1] == '/' || link[1] == '\\')) return false;
  for (char c : link) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

struct StatusNames {
  EmailStatus status;
  std::string_view code;
  std::string_view slug;
};
constexpr StatusNames kStatusNames[] = {{EmailStatus::pending, "pending", "menunggu"},
                                        {EmailStatus::sent, "sent", "terkirim"},
                                        {EmailStatus::failed, "failed", "gagal"}};

}  // namespace

void check(const Message& message) {
  if (!valid_key(message.key)) {
    throw std::invalid_argument("notice: not an i18n key: " + message.key);
  }
  if (!valid_link(message.link)) {
    throw std::invalid_argument("notice: not a path of this site: " + message.link);
  }
}

std::string args_to_json(const MessageArgs& args) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [name, value] : args) object[name] = value;
  // Arguments come from what people typed; a stray invalid byte must not undo the change.
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

MessageArgs args_from_json(const std::string& json) {
  MessageArgs args;
  auto object = nlohmann::json::parse(json);  // named: items() does not keep a temporary alive
  for (const auto& [name, value] : object.items()) {
    args.emplace_back(name, value.get<std::string>());
  }
  return args;
}

std::string_view status_code(EmailStatus status) {
  for (const auto& names : kStatusNames) {
    if (names.status == status) return names.code;
  }
  return "pending";
}

std::optional<EmailStatus> parse_status(std::string_view code) {
  for (const auto& names : kStatusNames) {
    if (names.code == code) return names.status;
  }
  return std::nullopt;
}

std::string_view status_slug(EmailStatus status) {
  for (const auto& names : kStatusNames) {
    if (names.status == status) return names.slug;
  }
  return "menunggu";
}

std::optional<EmailStatus> parse_status_slug(std::string_view slug) {
  for (const auto& names : kStatusNames) {
    if (names.slug == slug) return names.status;
  }
  return std::nullopt;
}

}  // namespace simpul::notices
