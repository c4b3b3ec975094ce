#pragma once
// An agency's public portfolio counted the way the seed articles count it ("155 inovasi: 77
// pelayanan publik, 78 tata kelola pemerintahan"): by form, stage, type and government affair,
// over its published innovations only.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "innovations/model.hpp"
#include "innovations/store.hpp"

namespace simpul::innovations {

struct PortfolioCounts {
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_form;  // code -> count; codes with none are absent
  std::map<std::string, std::int64_t> by_stage;
  std::map<std::string, std::int64_t> by_type;
  std::array<std::int64_t, std::size(kAffairs)>
      by_affair{};  // an innovation counts once per affair
};

PortfolioCounts count_portfolio(const std::vector<PortfolioEntry>& entries);

}  // namespace simpul::innovations
