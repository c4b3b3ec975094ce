#include "innovations/api_fields.hpp"

#include <string>

namespace simpul::innovations {
namespace {

using nlohmann::json;

constexpr const char* kUnknown = "api.error.unknown_field";
constexpr const char* kType = "api.error.type";

void read_text(const json& value, const std::string& key, std::string& out, FieldErrors& errors) {
  if (value.is_string()) {
    out = value.get<std::string>();
  } else if (!value.is_null()) {
    errors[key] = kType;
  }
}

void read_strings(const json& value, const std::string& key, std::vector<std::string>& out,
                  FieldErrors& errors) {
  if (value.is_null()) return;
  if (!value.is_array()) {
    errors[key] = kType;
    return;
  }
  for (const auto& item : value) {
    if (!item.is_string()) {
      errors[key] = kType;
      return;
    }
    out.push_back(item.get<std::string>());
  }
}

void read_sdgs(const json& value, std::vector<int>& out, FieldErrors& errors) {
  if (value.is_null()) return;
  if (!value.is_array()) {
    errors["sdgs"] = kType;
    return;
  }
  for (const auto& item : value) {
    if (!item.is_number_integer()) {
      errors["sdgs"] = kType;
      return;
    }
    auto number = item.get<std::int64_t>();
    // Out of range numbers become 0, which check_fields() reports as an unknown SDG.
    out.push_back(number >= 1 && number <= kSdgCount ? static_cast<int>(number) : 0);
  }
}

void read_results(const json& value, std::vector<ResultRow>& out, FieldErrors& errors) {
  if (value.is_null()) return;
  if (!value.is_array()) {
    errors["results"] = kType;
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const json& row = value[i];
    std::string key = "result_" + std::to_string(i + 1);
    if (!row.is_object()) {
      errors[key] = kType;
      continue;
    }
    ResultRow result;
    for (const auto& [name, cell] : row.items()) {
      std::string* target = name == "indicator" ? &result.indicator
                            : name == "before"  ? &result.before
                            : name == "after"   ? &result.after
                            : name == "unit"    ? &result.unit
                                                : nullptr;
      if (!target) {
        errors[key] = kUnknown;
      } else {
        read_text(cell, key, *target, errors);
      }
    }
    out.push_back(std::move(result));
  }
}

void read_budget(const json& value, std::optional<std::int64_t>& out, FieldErrors& errors) {
  if (value.is_null()) return;
  if (value.is_number_unsigned()) {
    auto amount = value.get<std::uint64_t>();
    if (amount > std::uint64_t(INT64_MAX)) {
      errors["budget"] = "innovation.error.budget";
    } else {
      out = static_cast<std::int64_t>(amount);
    }
  } else if (value.is_number_integer()) {
    out = value.get<std::int64_t>();  // negative: check_fields() says so
  } else {
    errors["budget"] = kType;
  }
}

}  // namespace

Fields fields_from_api(const json& object, FieldErrors& errors) {
  Fields fields;
  if (!object.is_object()) {
    errors["fields"] = kType;
    return fields;
  }
  std::map<std::string, std::string*> texts = {{"name", &fields.name},
                                               {"short_name", &fields.short_name},
                                               {"form", &fields.form},
                                               {"type", &fields.type},
                                               {"stage", &fields.stage},
                                               {"initiator", &fields.initiator},
                                               {"trial_date", &fields.trial_date},
                                               {"implementation_date", &fields.implementation_date},
                                               {"problem", &fields.problem},
                                               {"design", &fields.design},
                                               {"goals", &fields.goals},
                                               {"benefits", &fields.benefits},
                                               {"video_url", &fields.video_url}};
  for (const auto& [key, value] : object.items()) {
    if (auto text = texts.find(key); text != texts.end()) {
      read_text(value, key, *text->second, errors);
    } else if (key == "affairs") {
      read_strings(value, key, fields.affairs, errors);
    } else if (key == "tags") {
      read_strings(value, key, fields.tags, errors);
    } else if (key == "sdgs") {
      read_sdgs(value, fields.sdgs, errors);
    } else if (key == "results") {
      read_results(value, fields.results, errors);
    } else if (key == "budget") {
      read_budget(value, fields.budget, errors);
    } else {
      errors[key] = kUnknown;
    }
  }
  return fields;
}

}  // namespace simpul::innovations
