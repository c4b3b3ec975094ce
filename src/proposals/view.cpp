#include "proposals/view.hpp"

#include "competitions/view.hpp"
#include "core/util/numbers.hpp"
#include "kernel/context.hpp"

namespace simpul::proposals {

std::string label(const Context& context, std::string_view list, std::string_view code) {
  return context.t("proposal." + std::string(list) + "." + std::string(code));
}
std::string group_label(const Context& context, std::string_view code) {
  return competitions::label(context, "group", code);
}
std::string cluster_label(const Context& context, std::string_view code) {
  return code.empty() ? std::string() : competitions::label(context, "cluster", code);
}

Json reasons_json(Context& context, const std::vector<competitions::Reason>& reasons,
                  view::Zone zone) {
  Json out = Json::array();
  for (const auto& reason : reasons)
    out.push_back(competitions::reason_text(context, reason, zone));
  return out;
}

Json checklist_json(const Context& context, const std::vector<CheckItem>& items) {
  Json out = Json::array();
  for (const auto& item : items)
    out.push_back({{"text", context.t(item.key, item.args)}, {"done", item.done}});
  return out;
}

Json counts_json(const Counts& counts) {
  return {{"unit", counts.at_unit},
          {"admin", counts.at_admin},
          {"submitted", counts.submitted},
          {"withdrawn", counts.withdrawn}};
}

}  // namespace simpul::proposals
