#pragma once
#include <cstdint>
#include <string_view>

namespace simpul::kernel {

inline constexpr std::string_view kSessionCookie = "simpul_session";
inline constexpr std::string_view kLangCookie = "simpul_lang";
inline constexpr std::string_view kNoticeCookie = "simpul_notice";
inline constexpr std::int64_t kOneYearSeconds = 365LL * 24 * 3600;

}  // namespace simpul::kernel
