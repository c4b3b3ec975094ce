#pragma once
// The anonymised dossier: a proposal's answers with its agency, unit and region masked, for
// readers who must not know whose it is (blind review, outside reviewers, publication of
// examples). Pure.
#include <string>
#include <string_view>
#include <vector>

namespace simpul::finals {

inline constexpr std::string_view kMask = "[disamarkan]";

// The names a text may use for its proposer, the longest first so that a full name is masked
// whole: the agency's ("Pemerintah Kota Tarakan"), a regional government's shorter ones ("Kota
// Tarakan", "Tarakan"), the unit's and the province's. A ministry's or agency's name is masked
// whole only: "Kesehatan" alone is an ordinary word.
std::vector<std::string> names_to_hide(std::string_view agency_name, std::string_view unit_name,
                                       std::string_view province_name);
// Every occurrence of every name, ASCII letters compared without case, whole words only.
std::string anonymise(std::string_view text, const std::vector<std::string>& names);

}  // namespace simpul::finals
