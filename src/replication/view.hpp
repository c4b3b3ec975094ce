#pragma once
// What the replication pages share: labels, dates as people read them, the sent form with its
// evidence file, and the refusal a page shows again.
#include <optional>
#include <string>
#include <string_view>

#include "innovations/service.hpp"
#include "kernel/context.hpp"
#include "replication/model.hpp"

namespace simpul::replication {

using kernel::Context;
using kernel::Json;

std::string stage_label(const Context& context, Stage stage);
// A YYYY-MM-DD date as the page shows it ("15 November 2021"); the text itself if it is not one.
std::string day_text(const Context& context, const std::string& iso_date);

// A form as sent: url-encoded, or multipart/form-data with one evidence file under "berkas".
struct SentForm {
  http::Form form;
  std::optional<innovations::Upload> file;
};
SentForm read_sent_form(const Context& context);

// Why a form came back: its field errors, or a refusal above it, with what was typed.
struct Refusal {
  std::string form;  // which form of the page: "tahap", "rencana", "pendampingan", "target", ...
  FieldErrors errors;
  std::string problem;
  http::Form typed;
  bool file_dropped = false;
};

// Runs one form of a page (a record's, a signing's) with the version it was shown with: back to
// `page` with the notice, or the page again (render(refusal, status)) with the form's field
// errors (dates in them as the page writes dates) or the conflict above it, and what was typed.
template <class Act, class Render>
http::Response attempt_form(Context& context, Refusal refusal, const std::string& page,
                            const char* notice, Act&& act, Render&& render) {
  try {
    act(Context::form_version(refusal.typed));
    return context.redirect_with_notice(page, notice);
  } catch (const InvalidForm& error) {
    refusal.errors = error.errors();
    for (auto& [field, problem] : refusal.errors)
      for (auto& [name, value] : problem.args)
        if (name == "date") value = day_text(context, value);
    return render(refusal, 422);
  } catch (const Conflict& error) {
    refusal.problem = context.t(error.key(), error.args());
    return render(refusal, 409);
  }
}

}  // namespace simpul::replication
