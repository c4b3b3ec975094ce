#include "replication/view.hpp"

#include "competitions/calendar.hpp"
#include "competitions/view.hpp"
#include "core/http/multipart.hpp"

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
  const auto& request = context.request();
  SentForm sent;
  if (!http::is_multipart_form(request.header("content-type"))) {
    sent.form = request.form();
    return sent;
  }
  http::MultipartLimits limits;
  limits.max_parts = 32;
  // The request's own bound: an oversized file reaches the record's check, which refuses it with
  // what was typed still on the page.
  limits.max_file_bytes = context.config().server.max_body_bytes;
  auto multipart = http::Multipart::parse(request.header("content-type"), request.body, limits);
  sent.form = multipart.fields();
  auto files = multipart.files("berkas");
  if (!files.empty() && !files.front()->body.empty())
    sent.file = innovations::Upload{*files.front()->filename, files.front()->body};
  return sent;
}

}  // namespace simpul::replication
