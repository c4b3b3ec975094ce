#pragma once
// The set-up forms: a part read from what was typed, and a stored part written out as the form
// would post it, so the page shows stored and typed values the same way.
//
// List parts post numbered rows ("category_3_name"). Blank rows are dropped and the others
// numbered again from 1, in the form read back and in the part, so an error found later by
// check_part() names the row the page shows it on.
#include <string>

#include "competitions/model.hpp"
#include "core/http/message.hpp"

namespace simpul::competitions {

// Text fields of a list part's rows, and the row prefix: "category", "section", ...
struct RowShape {
  std::string prefix;
  std::vector<std::string> fields;
};
RowShape row_shape(Part part);

struct ReadPart {
  FieldErrors errors;  // what is not a number, a date-time or a choice
  http::Form values;   // as typed, blank rows dropped and rows numbered again
};
// Reads the part from the form into setup; dates are typed in zone.
ReadPart read_part(const http::Form& form, Part part, Setup& setup, view::Zone zone);
// The stored part as its form posts it.
http::Form form_of(const Setup& setup, Part part);
// How many rows of a list part the values hold.
std::size_t row_count(const http::Form& values, Part part);

}  // namespace simpul::competitions
