#pragma once
// The set-up page: every part of an edition on one page, each in its own section with its own
// form, shown as stored, or as typed with its errors for the part just refused.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "competitions/model.hpp"
#include "kernel/context.hpp"

namespace simpul::competitions {

struct SetupPage {
  const Edition* edition = nullptr;
  std::int64_t version = 0;        // the version the forms name: the one the organiser started from
  std::optional<Part> typed_part;  // the part shown as typed, with errors
  http::Form typed;
  FieldErrors errors;
  std::string problem;           // a refusal shown above the page (conflict, state)
  std::vector<Problem> blocked;  // what publication still needs, after trying
};
http::Response render_setup(kernel::Context& context, const SetupPage& page, int status);
// The fields of the general part (also on the page of a new edition), from the values as typed.
kernel::Json general_fields(const kernel::Context& context, const http::Form& values,
                            const FieldErrors& errors, bool zone_locked);

}  // namespace simpul::competitions
