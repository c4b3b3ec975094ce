#pragma once
// Indonesian (and English) formatting of dates, times and numbers. Time is stored as UTC seconds
// and shown in the agency's zone: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). Indonesia has no
// daylight saving, so a fixed offset is exact.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/view/i18n.hpp"

namespace simpul::view {

enum class Zone { wib, wita, wit };
std::string_view zone_name(Zone zone);             // "WIB" ...
int zone_offset_seconds(Zone zone);                // 25200, 28800, 32400
std::optional<Zone> parse_zone(std::string_view);  // "WIB"/"wib" ...

// "22 November 2026" / "22 November 2026" (en: "22 November 2026" with English month names).
std::string format_date(std::int64_t utc_seconds, Zone zone, Lang lang);
// "22 November 2026 pukul 14.05 WIB" / "22 November 2026, 14:05 WIB".
std::string format_datetime(std::int64_t utc_seconds, Zone zone, Lang lang);
// Indonesian uses '.' for thousands and ',' for decimals: 1.234.567 and 3,5.
std::string format_integer(std::int64_t value, Lang lang);
std::string format_decimal(double value, int decimals, Lang lang);
// "Rp1.234.567" (id) / "IDR 1,234,567" (en).
std::string format_rupiah(std::int64_t value, Lang lang);

}  // namespace simpul::view
