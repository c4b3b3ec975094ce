#pragma once
// The edit form: reading what was typed, and showing the form again, with what was typed, the
// errors, the completeness checklist, the workflow actions and the evidence files.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "innovations/model.hpp"
#include "innovations/service.hpp"
#include "kernel/context.hpp"

namespace simpul::innovations {

// The edit form as typed: the budget and tags stay text so they can be shown again unchanged.
struct TypedForm {
  Fields fields;
  std::string budget;
  std::string tags;
  std::string note;
};
TypedForm read_typed_form(const http::Form& form);
TypedForm typed_from(const Fields& fields);
// Fills fields.budget and fields.tags from the text and checks every field.
FieldErrors parse_typed_form(TypedForm& typed);

// The edit form as sent: url-encoded, or multipart/form-data when it carries files. A file the
// editor chose to remove is named by the value of the "hapus" button pressed.
struct SentForm {
  http::Form form;
  FileChanges files;
};
SentForm read_sent_form(const kernel::Context& context);

struct EditPage {
  const Innovation* innovation = nullptr;  // nullptr: a new innovation
  TypedForm typed;
  std::int64_t version = 0;             // the version the editor started from
  std::optional<std::int64_t> unit_id;  // a new innovation's unit, as chosen
  FieldErrors errors;
  std::string problem;             // a refusal shown above the form (conflict, state)
  std::vector<CheckItem> blocked;  // what submission or publication still needs
  std::string return_notes;        // the local admin's notes as typed
  std::string upload_error;        // a chosen file was refused
  bool files_dropped = false;      // files were chosen but the form was refused for another reason
};
// An existing innovation's page as stored.
EditPage stored_page(const Innovation& innovation);
http::Response render_edit(kernel::Context& context, const EditPage& page, int status);

}  // namespace simpul::innovations
