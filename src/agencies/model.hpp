#pragma once
// Agencies (instansi) and their service units. An agency's type is its competition cluster.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <string_view>
#include "core/util/errors.hpp"

namespace simpul::agencies {

inline constexpr std::string_view kTypes[] = {"kementerian", "lembaga", "provinsi", "kabupaten",
                                              "kota",        "bumn",    "bumd"};
// The organiser adds these; regional governments come with the reference data.
inline constexpr std::string_view kAddableTypes[] = {"kementerian", "lembaga", "bumn", "bumd"};

bool is_type(std::string_view type);
bool is_addable_type(std::string_view type);

struct Agency {
  std::int64_t id = 0;
  std::string name;
  std::string type;
  std::string province_code;
  std::string province_name;
  std::string timezone;
  bool active = true;
  std::int64_t unit_count = 0;
};

struct NewAgency {
  std::string name;
  std::string type;
  std::string province_code;  // required for a BUMD (it belongs to a regional government)
};

struct Unit {
  std::int64_t id = 0;
  std::string name;
};

// Field -> i18n key; empty when valid. Trims the name.
FieldErrors validate_new_agency(NewAgency& agency);
FieldErrors validate_unit_name(std::string& name);

}  // namespace simpul::agencies
