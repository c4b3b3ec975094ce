#include "replication/view.hpp"

#include "competitions/calendar.hpp"
#include "competitions/view.hpp"

namespace simpul::replication {

std::string stage_label(const Context& context, Stage stage) {
  return context.t(std::string("replication.stage.") + std::string(stage_code(stage)));
}

std::string day_text(const Context& context, const std::string& iso_date) {
  auto date = competitions::parse_date(iso_date);
  if (!date) return iso_date;
  // Noon keeps the day the same in every zone.
  return competitions::date_text(context, competitions::instant_of(*date, 12 * 60, view::Zone::wib),
                                 view::Zone::wib);
}

SentForm read_sent_form(const Context& context) {
  auto body = context.form_body(32);
  SentForm sent{std::move(body.fields), std::nullopt};
  if (!body.multipart) return sent;
  auto files = body.multipart->files("berkas");
  if (!files.empty() && !files.front()->body.empty())
    sent.file = innovations::Upload{*files.front()->filename, files.front()->body};
  return sent;
}

}  // namespace simpul::replication
