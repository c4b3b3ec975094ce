#include "accounts/model.hpp"
#include "core/util/text.hpp"

#include <algorithm>

namespace simpul::accounts {
namespace {

bool has_control_characters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::size_t utf8_length(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](unsigned char c) { return (c & 0xC0) != 0x80; });
}

bool plausible_email(std::string_view email) {
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         email.find(' ') == std::string_view::npos;
}

bool plausible_phone(std::string_view phone) {
  std::size_t digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 6 && digits <= 15;
}

void check_text(FieldErrors& errors, const char* field, const std::string& value, std::size_t min,
                std::size_t max) {
  if (value.empty()) {
    errors[field] = "form.required";
  } else if (has_control_characters(value)) {
    errors[field] = "form.control_characters";
  } else if (utf8_length(value) < min) {
    errors[field] = "form.too_short";
  } else if (utf8_length(value) > max) {
    errors[field] = "form.too_long";
  }
}

}  // namespace

FieldErrors validate_profile(Profile& profile) {
  profile.full_name = trim(profile.full_name);
  profile.position = trim(profile.position);
  profile.email = trim(profile.email);
  profile.phone = trim(profile.phone);
  FieldErrors errors;
  check_text(errors, "full_name", profile.full_name, 3, 100);
  check_text(errors, "position", profile.position, 2, 100);
  check_text(errors, "email", profile.email, 6, 254);
  if (!errors.count("email") && !plausible_email(profile.email)) errors["email"] = "form.bad_email";
  if (!profile.phone.empty() && !plausible_phone(profile.phone)) errors["phone"] = "form.bad_phone";
  return errors;
}

std::optional<std::string> username_problem(std::string& username) {
  username = trim(username);
  std::transform(username.begin(), username.end(), username.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  if (username.size() < 3) return "form.too_short";
  if (username.size() > 40) return "form.too_long";
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  if (!std::all_of(username.begin(), username.end(), allowed)) return "account.username_chars";
  if (!std::isalnum(static_cast<unsigned char>(username[0]))) return "account.username_chars";
  return std::nullopt;
}

}  // namespace simpul::accounts
