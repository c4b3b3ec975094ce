#pragma once
// What the competition pages share: who is asking, labels from the catalogues, and an edition's
// dates in its own zone and the visitor's language.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "competitions/eligibility.hpp"
#include "competitions/model.hpp"
#include "competitions/rules.hpp"
#include "kernel/context.hpp"
#include "kernel/routes.hpp"

namespace simpul::competitions {

using kernel::Context;
using kernel::Json;

// Who may reach the pages that run an edition: organisers, hub coordinators and local admins.
// Each page then checks that the visitor runs this edition (rules.hpp).
kernel::Access edition_runners();
Manager manager_of(const kernel::CurrentUser& user);
// Whether the signed-in visitor, if any, manages the edition.
bool manages(const Context& context, const General& general);
// The edition when the signed-in user manages it: 404 or 403 otherwise.
Edition managed_edition(Context& context, std::int64_t id);

// The addresses of an edition's organiser pages, for their templates: page, setup, extend, copy,
// publish, and parts.<code> for each part's form.
Json edition_links(std::int64_t edition_id);

// "Nasional", "Simpul JIPP · Pemerintah Provinsi Jawa Timur", ...
std::string level_text(const Context& context, Level level, const std::string& owner_name);
std::string label(const Context& context, std::string_view list, std::string_view code);
// An instant in the edition's zone: "16 April 2022 pukul 12.00 WIB".
std::string datetime_text(const Context& context, std::int64_t utc, view::Zone zone);
std::string date_text(const Context& context, std::int64_t utc, view::Zone zone);
// Where registration stands at `now`, in one sentence.
std::string registration_text(const Context& context, Status status,
                              const std::optional<std::int64_t>& opens,
                              const std::optional<std::int64_t>& closes, view::Zone zone,
                              std::int64_t now);
std::string reason_text(Context& context, const Reason& reason, view::Zone zone);
// A text as paragraphs, one per non-empty line.
Json paragraphs(std::string_view text);

}  // namespace simpul::competitions
