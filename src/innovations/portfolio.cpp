#include "innovations/portfolio.hpp"

namespace simpul::innovations {

PortfolioCounts count_portfolio(const std::vector<PortfolioEntry>& entries) {
  PortfolioCounts counts;
  for (const auto& entry : entries) {
    ++counts.total;
    ++counts.by_form[entry.form];
    ++counts.by_stage[entry.stage];
    ++counts.by_type[entry.type];
    for (std::size_t i = 0; i < counts.by_affair.size(); ++i) {
      if (entry.affair_mask & (std::int64_t{1} << i)) ++counts.by_affair[i];
    }
  }
  return counts;
}

}  // namespace simpul::innovations
