#pragma once
// Accounts of the SINOVIK flow: the organiser creates local admins (and the ministry-side roles),
// a local admin creates unit operators for its agency's service units, and a first sign-in must
// complete the profile and then change the password.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/util/errors.hpp"

namespace simpul::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  std::string agency_name;
  std::string unit_name;
  std::string full_name;
  std::string email;
  std::string phone;
  std::string position;
  bool must_complete_profile = true;
  bool must_change_password = true;
  bool active = true;
  std::int64_t created_at = 0;
};

struct Profile {
  std::string full_name;
  std::string position;  // jabatan
  std::string email;
  std::string phone;
};

struct NewAccount {
  std::string username;
  auth::Role role = auth::Role::unit_operator;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> unit_id;
  std::string full_name;
};

// Trims the fields and checks them; the trimmed values are written back.
FieldErrors validate_profile(Profile& profile);
// 3 to 40 of a-z, 0-9, '.', '_', '-' (lower-cased first), starting with a letter or digit.
std::optional<std::string> username_problem(std::string& username);

}  // namespace simpul::accounts
