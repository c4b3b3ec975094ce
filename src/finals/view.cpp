#include "finals/view.hpp"

#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/numbers.hpp"

namespace simpul::finals {

competitions::Edition panel_edition(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  if (!is_panel(context.signed_in_user(), edition)) throw forbidden();
  return edition;
}

std::optional<Stage> stage_of(Context& context, std::int64_t edition_id) {
  return context.db().read([&](db::Transaction& tx) { return find_stage(tx, edition_id); });
}

std::string score_text(const Context& context, double score) {
  return view::format_decimal(score, 1, context.lang());
}

std::string tier_label(const Context& context, std::string_view tier) {
  return tier.empty() ? "" : context.t("finals.tier." + std::string(tier));
}

Json nominee_json(const Context& context, const NomineeRow& n) {
  return {
      {"id", n.proposal_id},
      {"title", n.title},
      {"agency", n.agency_name},
      {"province", n.province_name},
      {"category", n.category_name},
      {"group", competitions::label(context, "group", n.group_code)},
      {"cluster", competitions::label(context, "cluster", n.cluster)},
      {"score", score_text(context, n.score)},
      {"rank", n.rank ? Json(*n.rank) : Json("")},
      {"is_3t", n.is_3t},
      {"selected", n.selected},
      {"removed", n.removed_reason.has_value()},
      {"removed_reason", n.removed_reason.value_or("")},
      {"reason", n.reason.empty() ? "" : context.t("finals.reason." + n.reason)},
      {"panel_choice", n.panel_choice.empty() ? "" : context.t("finals.choice." + n.panel_choice)},
      {"panel_reason", n.panel_reason}};
}

}  // namespace simpul::finals
