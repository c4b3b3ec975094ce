#include "notices/email.hpp"

namespace simpul::notices {
namespace {

constexpr std::size_t kMaxSubjectBytes = 120;

std::string text_of(const view::Catalog& catalog, view::Lang lang, const StoredMessage& message) {
  return catalog.text(lang, message.key, args_from_json(message.args_json));
}

// Cut at a space before max bytes (or at a character boundary when a word is longer), with "…".
std::string shortened(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
  auto space = text.rfind(' ', end);
  if (space != std::string::npos && space > max / 2) end = space;
  text.resize(end);
  return text + "…";
}

std::string link_url(const std::string& public_url, const std::string& link) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + link;
}

// One language's part: greeting, the notice, where to open it, why it came.
std::string part(const view::Catalog& catalog, view::Lang lang, const EmailRow& email,
                 const std::string& url) {
  std::string out = catalog.text(lang, "notices.email.greeting", {{"name", email.recipient_name}});
  out += "\n\n" + text_of(catalog, lang, email.message) + "\n\n";
  out += catalog.text(lang, "notices.email.open", {{"url", url}}) + "\n\n";
  out += catalog.text(lang, "notices.email.footer") + "\n";
  return out;
}

std::string domain_of(const std::string& address) { return address.substr(address.rfind('@') + 1); }

}  // namespace

std::string email_subject(const view::Catalog& catalog, const StoredMessage& message) {
  std::string text = text_of(catalog, view::Lang::id, message);
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return shortened(std::move(text), kMaxSubjectBytes);
}

mail::Message compose_email(const view::Catalog& catalog, const EmailRow& email,
                            const mail::Address& from, const std::string& public_url,
                            std::int64_t now) {
  std::string url = link_url(public_url, email.message.link);
  mail::Message message;
  message.from = from;
  message.to = {email.recipient_name, email.recipient};
  message.subject = email_subject(catalog, email.message);
  message.body = part(catalog, view::Lang::id, email, url) + "\n" +
                 catalog.text(view::Lang::id, "notices.email.english_below") + "\n\n" +
                 part(catalog, view::Lang::en, email, url);
  message.message_id = email.message_id + "@" + domain_of(from.email);
  message.date = now;
  return message;
}

}  // namespace simpul::notices
