#pragma once
// The innovation profile as the JSON API writes it: the same keys as the API reads out
// (fields_to_json), checked strictly, because a program that sends a misspelt key or a number as
// text should hear about it rather than lose the value silently. Pure, unit-tested.
#include <nlohmann/json.hpp>

#include "innovations/model.hpp"

namespace simpul::innovations {

// Reads a "fields" object. Unknown keys ("api.error.unknown_field") and values of the wrong JSON
// type ("api.error.type") are reported per field in errors; absent keys read as empty, so a
// request states the whole profile. check_fields() still has to run on the result.
Fields fields_from_api(const nlohmann::json& object, FieldErrors& errors);

}  // namespace simpul::innovations
