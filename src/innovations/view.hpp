#pragma once
// What the registry's pages show: labels from the catalogues, dates, sizes and money in the
// visitor's language, and a version snapshot turned into what a reader sees.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "innovations/model.hpp"
#include "kernel/context.hpp"

namespace simpul::innovations {

using kernel::Context;
using kernel::Json;

// "innovation.<list>.<code>" in the visitor's language; "" for an empty code.
std::string choice_label(const Context& context, std::string_view list, std::string_view code);
std::string sdg_label(const Context& context, int goal);  // "3. Kehidupan Sehat dan Sejahtera"
std::string status_label(const Context& context, Status status, bool has_public_version);
std::string date_text(const Context& context, const std::string& iso_date);  // "12 Maret 2020"
std::string size_text(const Context& context, std::int64_t bytes);           // "1,2 MB"
std::string budget_text(const Context& context, const std::optional<std::int64_t>& budget);
// A text as paragraphs, one per non-empty line.
Json paragraphs(std::string_view text);
Json checklist_json(const Context& context, const std::vector<CheckItem>& items);

// Where the innovation belongs, as the profile names it.
struct Belonging {
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string unit_name;
  bool is_sample = false;
};
// A version snapshot as the public profile shows it.
Json profile_json(const Context& context, std::int64_t innovation_id, const Json& snapshot,
                  const Belonging& belonging);

// A snapshot field by field, as the versions page compares them.
struct ShownField {
  enum class Kind { line, long_text, list };
  std::string label;
  Kind kind = Kind::line;
  std::vector<std::string> values;  // one for a line or a long text, any number for a list
};
std::vector<ShownField> shown_fields(const Context& context, const Json& snapshot);
// The differences between two snapshots, for the versions page; empty when they show the same.
Json compare_json(const Context& context, const Json& before, const Json& after);

}  // namespace simpul::innovations
