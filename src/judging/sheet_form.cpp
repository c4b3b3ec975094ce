#include "judging/sheet_form.hpp"

namespace simpul::judging {

kernel::Json aspect_fields(const kernel::Context& context,
                           const std::vector<competitions::RubricAspect>& rubric,
                           const TypedSheet* typed, const std::map<std::string, int>* stored,
                           const FieldErrors& errors) {
  kernel::Json out = kernel::Json::array();
  for (const auto& a : rubric) {
    std::string value;
    if (typed) {
      if (auto it = typed->scores.find(a.code); it != typed->scores.end()) value = it->second;
    } else if (stored) {
      if (auto it = stored->find(a.code); it != stored->end()) value = std::to_string(it->second);
    }
    auto error = errors.find("score." + a.code);
    out.push_back({{"code", a.code},
                   {"title", a.title},
                   {"weight", a.weight},
                   {"min", a.scale_min},
                   {"max", a.scale_max},
                   {"guidance", a.guidance},
                   {"value", value},
                   {"error", error == errors.end() ? "" : context.explain(error->second)}});
  }
  return out;
}

}  // namespace simpul::judging
