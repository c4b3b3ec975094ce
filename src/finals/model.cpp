#include "finals/model.hpp"

#include <algorithm>
#include <charconv>
#include <regex>

#include "competitions/programme.hpp"
#include "core/util/text.hpp"
#include "innovations/model.hpp"

namespace simpul::finals {

bool objection_open(const Stage& stage, std::int64_t now) {
  return stage.finalists_published_at && stage.objection_ends_at && !stage.results_published_at &&
         now >= *stage.finalists_published_at && now < *stage.objection_ends_at;
}

std::int64_t objection_end(std::optional<std::int64_t> stage_end, std::int64_t published) {
  if (stage_end && *stage_end > published) return *stage_end;
  return published + std::int64_t{competitions::programme::kObjectionDays} * 24 * 3600;
}

bool is_tier(std::string_view code) {
  return std::find(std::begin(kTiers), std::end(kTiers), code) != std::end(kTiers);
}

int tier_target(std::string_view level, std::string_view tier) {
  if (level != "national") return 0;
  if (tier == "top_inovasi") return competitions::programme::kTopInovasi;
  if (tier == "replikasi") return competitions::programme::kTopReplikasi;
  if (tier == "outstanding") return competitions::programme::kTopOutstanding;
  return 0;
}

Award award_for(std::string_view level, std::string_view decision_tier, int finalist_count,
                const std::string& edition_title) {
  if (level != "national") {
    std::string_view name = decision_tier == "finalist" ? "Finalis" : "Pemenang";
    return {"lainnya", std::string(name) + " · " + edition_title};
  }
  if (decision_tier == "top_inovasi") return {"top_inovasi", "Top Inovasi · " + edition_title};
  if (decision_tier == "replikasi") return {"replikasi", "Top 5 Replikasi · " + edition_title};
  if (decision_tier == "outstanding")
    return {"outstanding", "Top 5 Outstanding Achievement · " + edition_title};
  return {"top_99", "Top " + std::to_string(finalist_count) + " · " + edition_title};
}

std::string_view dimension_code(judging::QuotaDimension dimension) {
  using D = judging::QuotaDimension;
  switch (dimension) {
    case D::category:
      return "category";
    case D::group:
      return "group";
    case D::cluster:
      return "cluster";
    case D::province:
      return "province";
    case D::region_3t:
      return "region_3t";
  }
  return "category";
}

std::optional<judging::QuotaDimension> parse_dimension(std::string_view code) {
  using D = judging::QuotaDimension;
  for (D d : {D::category, D::group, D::cluster, D::province, D::region_3t})
    if (dimension_code(d) == code) return d;
  return std::nullopt;
}

namespace {

// "" -> nullopt; a whole number 0..limit -> it; anything else -> -1.
std::optional<int> bound(const std::string& typed, int limit) {
  std::string text = trim(typed);
  if (text.empty()) return std::nullopt;
  int value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > limit)
    return -1;
  return value;
}

std::string field_name(const char* side, const QuotaField& field) {
  return std::string(side) + "." + std::string(dimension_code(field.dimension)) + "." + field.value;
}

}  // namespace

ParsedQuotas parse_quotas(const std::vector<QuotaField>& fields,
                          const std::vector<std::pair<std::string, std::string>>& form,
                          int finalist_count) {
  std::map<std::string, std::string> typed(form.begin(), form.end());
  ParsedQuotas parsed;
  for (const auto& field : fields) {
    std::string min_name = field_name("min", field), max_name = field_name("max", field);
    auto min = bound(typed[min_name], finalist_count);
    auto max = bound(typed[max_name], finalist_count);
    if (min == -1) parsed.errors[min_name] = "finals.error.bound";
    if (max == -1) parsed.errors[max_name] = "finals.error.bound";
    if (min == -1 || max == -1) continue;
    if (min && max && *min > *max) {
      parsed.errors[max_name] = "finals.error.min_above_max";
      continue;
    }
    if (!min && !max) continue;
    parsed.quotas.push_back({field.dimension, field.value, min.value_or(0), max});
  }
  // A form naming a quota the edition does not offer is malformed, not a typo to ignore.
  for (const auto& [name, value] : form) {
    if (!name.starts_with("min.") && !name.starts_with("max.")) continue;
    bool known = std::any_of(fields.begin(), fields.end(), [&](const QuotaField& f) {
      return field_name("min", f) == name || field_name("max", f) == name;
    });
    if (!known) parsed.errors[name] = "finals.error.unknown_quota";
  }
  return parsed;
}

bool is_contact(std::string_view contact) {
  static const std::regex email(R"([^@\s]+@[^@\s]+\.[A-Za-z]{2,})");
  static const std::regex phone(R"(\+?[0-9][0-9 \-]{6,18}[0-9])");
  std::string text(contact);
  return std::regex_match(text, email) || std::regex_match(text, phone);
}

FieldErrors check_objection(TypedObjection& o) {
  FieldErrors errors;
  o.name = trim(o.name);
  o.contact = trim(o.contact);
  if (auto problem = innovations::check_free_text(o.name, 200))
    errors["nama"] = *problem;
  else if (o.name.find('\n') != std::string::npos)
    errors["nama"] = "form.control_characters";
  else if (o.name.empty())
    errors["nama"] = "form.required";
  if (o.contact.empty())
    errors["kontak"] = "form.required";
  else if (o.contact.size() > 200 || !is_contact(o.contact))
    errors["kontak"] = "finals.error.contact";
  if (auto problem = innovations::check_free_text(o.reason, kMaxObjectionReason))
    errors["alasan"] = *problem;
  else if (innovations::utf8_length(o.reason) < kMinObjectionReason)
    errors["alasan"] = "finals.error.reason_short";
  return errors;
}

std::string_view reason_code(judging::NomineeReason reason) {
  using R = judging::NomineeReason;
  switch (reason) {
    case R::included_on_merit:
      return "merit";
    case R::included_for_minimum:
      return "minimum";
    case R::included_in_freed_place:
      return "freed";
    case R::included_by_panel:
      return "panel_in";
    case R::excluded_below_cut:
      return "below_cut";
    case R::excluded_by_maximum:
      return "maximum";
    case R::excluded_displaced:
      return "displaced";
    case R::excluded_by_panel:
      return "panel_out";
  }
  return "below_cut";
}

}  // namespace simpul::finals
