#include "agencies/model.hpp"

#include <algorithm>

#include "core/util/text.hpp"

namespace simpul::agencies {
namespace {

bool contains(const auto& list, std::string_view value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

std::optional<std::string> name_problem(std::string& name, std::size_t max) {
  name = trim(name);
  if (name.empty()) return "form.required";
  if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
    return "form.control_characters";
  if (name.size() < 3) return "form.too_short";
  if (name.size() > max) return "form.too_long";
  return std::nullopt;
}

}  // namespace

bool is_type(std::string_view type) { return contains(kTypes, type); }
bool is_addable_type(std::string_view type) { return contains(kAddableTypes, type); }

FieldErrors validate_new_agency(NewAgency& agency) {
  FieldErrors errors;
  if (auto problem = name_problem(agency.name, 150)) errors["name"] = *problem;
  if (!is_addable_type(agency.type)) errors["type"] = "agency.type_required";
  if (agency.type == "bumd" && agency.province_code.empty()) {
    errors["province_code"] = "agency.province_required";
  }
  return errors;
}

FieldErrors validate_unit_name(std::string& name) {
  FieldErrors errors;
  if (auto problem = name_problem(name, 150)) errors["name"] = *problem;
  return errors;
}

}  // namespace simpul::agencies
