#include "finals/presentation_view.hpp"

#include "competitions/calendar.hpp"
#include "competitions/view.hpp"

namespace simpul::finals {

std::string day_text(const Context& context, std::int64_t utc, view::Zone zone) {
  const auto date = competitions::local_date(utc, zone);
  return context.t("presentation.weekday." + std::to_string(weekday(date))) + ", " +
         competitions::date_text(context, utc, zone);
}

std::string time_range(const Context& context, const Booking& booking, view::Zone zone) {
  return clock_text(minutes_of_day(booking.starts_at, zone), context.lang()) + "–" +
         clock_text(minutes_of_day(booking.ends_at, zone), context.lang()) + " " +
         std::string(view::zone_name(zone));
}

std::string slot_text(const Context& context, const Booking& booking, view::Zone zone) {
  return day_text(context, booking.starts_at, zone) + ", " + time_range(context, booking, zone);
}

view::Zone zone_of(const NomineeRow& finalist, view::Zone fallback) {
  return view::parse_zone(finalist.agency_zone).value_or(fallback);
}

std::string panel_label(const Context& context, std::int64_t panel) {
  return context.t("presentation.panel.name", {{"number", std::to_string(panel)}});
}

Json slot_json(const Context& context, const Booking& booking, view::Zone edition_zone,
               view::Zone own_zone) {
  return {{"day", day_text(context, booking.starts_at, edition_zone)},
          {"time", time_range(context, booking, edition_zone)},
          {"text", slot_text(context, booking, edition_zone)},
          {"own", own_zone == edition_zone ? "" : slot_text(context, booking, own_zone)},
          {"own_time", own_zone == edition_zone ? "" : time_range(context, booking, own_zone)},
          {"panel", panel_label(context, booking.panel_id)}};
}

}  // namespace simpul::finals
