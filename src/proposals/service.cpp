#include "proposals/service.hpp"

#include <algorithm>

#include "audit/audit.hpp"
#include "competitions/editions.hpp"
#include "competitions/rules.hpp"
#include "core/util/crypto.hpp"
#include "core/util/text.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"
#include "notices/service.hpp"
#include "proposals/paths.hpp"

namespace simpul::proposals {
namespace {

using competitions::Edition;
using competitions::Reason;
using nlohmann::json;

constexpr std::size_t kMaxScreenedAtOnce = 500;

InvalidForm invalid(std::string field, std::string key) {
  return InvalidForm(FieldErrors{{std::move(field), std::move(key)}});
}

Proposal load(db::Transaction& tx, std::int64_t id) { return found(find_proposal(tx, id)); }

Edition load_edition(db::Transaction& tx, std::int64_t id) {
  return found(competitions::find_edition(tx, id));
}

void require(Verdict verdict) {
  if (verdict == Verdict::forbidden) throw forbidden();
  if (verdict == Verdict::wrong_state) throw conflict("proposal.error.state");
}

void require_open(const Edition& edition, std::int64_t now) {
  if (!competitions::registration_open(edition, now)) throw conflict("proposal.error.closed");
}

// Moves the proposal to its next version, or refuses: someone else changed it first.
void advance(db::Transaction& tx, const kernel::Actor& actor, const Proposal& proposal,
             std::int64_t based_on, std::int64_t now) {
  if (proposal.version != based_on ||
      !advance_version(tx, proposal.id, based_on, actor.user_id, now)) {
    throw conflict("proposal.error.stale");
  }
}

Holding holding_of(const Proposal& p) { return {p.status, p.agency_id, p.unit_id}; }

json summary(const Proposal& p) {
  json sections = json::object();
  for (const auto& [code, body] : p.content.sections) sections[code] = count_words(body);
  return {{"status", status_code(p.status)},
          {"group", p.group_code},
          {"category", p.category_code ? json(*p.category_code) : json(nullptr)},
          {"words", sections},
          {"version", p.version}};
}

void record(db::Transaction& tx, const kernel::Actor& actor, const std::string& action,
            std::int64_t id, std::optional<json> before, std::optional<json> after) {
  audit::record(
      tx, actor,
      {"proposal." + action, "proposal", std::to_string(id), std::move(before), std::move(after)});
}

// A notice to whoever started the proposal, unless they did it themselves.
void tell_author(db::Transaction& tx, const kernel::Actor& actor, const Proposal& p,
                 const Edition& edition, const std::string& key) {
  if (!p.created_by || p.created_by == actor.user_id) return;
  notices::notify(tx, *p.created_by,
                  {"proposal.notice." + key,
                   {{"title", p.title}, {"edition", edition.setup.general.title}},
                   kernel::path(paths::kProposal, {p.id})});
}

// The facts eligibility needs, as they stand now.
competitions::Candidate candidate_for(db::Transaction& tx, const Source& source,
                                      std::int64_t edition_id, const std::string& group_code,
                                      std::optional<std::int64_t> source_innovation_id,
                                      std::int64_t except_id) {
  competitions::Candidate c;
  c.innovation_id = source.innovation_id;
  c.implementation_date = source.implementation_date;
  c.trial_date = source.trial_date;
  c.agency_type = source.agency_type;
  c.awards = innovations::awards_of(tx, source.innovation_id);
  c.agency_entries_in_group =
      agency_entries(tx, edition_id, source.agency_id, group_code, except_id, true);
  c.duplicate_title = title_taken(tx, edition_id, competitions::title_key(source.name), except_id);
  if (source_innovation_id) {
    if (auto adapted = published_source(tx, *source_innovation_id)) {
      c.source = competitions::SourceInnovation{adapted->innovation_id, adapted->name,
                                                innovations::awards_of(tx, adapted->innovation_id)};
    }
  }
  return c;
}

std::vector<Reason> eligibility_of(db::Transaction& tx, const Edition& edition,
                                   const Source& source, const std::string& group_code,
                                   std::optional<std::int64_t> source_innovation_id,
                                   std::int64_t except_id) {
  const auto& g = edition.setup.general;
  std::optional<Entrant> owner;
  if (g.owner_agency_id) owner = Entrant{*g.owner_agency_id, province_of(tx, *g.owner_agency_id)};
  std::vector<Reason> reasons;
  if (!may_enter(g.level, owner, {source.agency_id, source.province_code})) {
    reasons.push_back({"proposal.eligibility.outside", {}});
  }
  auto rules = competitions::check_eligibility(
      edition.setup, group_code,
      candidate_for(tx, source, edition.id, group_code, source_innovation_id, except_id));
  reasons.insert(reasons.end(), rules.begin(), rules.end());
  return reasons;
}

Source source_of(db::Transaction& tx, const Proposal& p) {
  auto source = published_source(tx, p.innovation_id);
  if (source) return *source;
  // Unpublished since (a rare revision path): the facts of the proposal itself.
  Source fallback;
  fallback.innovation_id = p.innovation_id;
  fallback.name = p.title;
  fallback.agency_id = p.agency_id;
  fallback.unit_id = p.unit_id;
  fallback.province_code = p.province_code;
  return fallback;
}

std::vector<Reason> eligibility_of(db::Transaction& tx, const Edition& edition, const Proposal& p) {
  return eligibility_of(tx, edition, source_of(tx, p), p.group_code, p.source_innovation_id, p.id);
}

std::vector<CheckItem> checklist_of(const Edition& edition, const Proposal& p) {
  return checklist(edition.setup, p.content, p.category_code.has_value());
}

// The group, category and source a form chose: known to the edition, or a field error.
void check_choice(const Edition& edition, std::string& group, std::optional<std::string>& category,
                  FieldErrors& errors) {
  const auto* rules = competitions::find_group(edition.setup, group);
  if (!rules || !rules->enabled) errors["group"] = "proposal.error.group";
  if (category && category->empty()) category.reset();
  const auto& categories = edition.setup.categories;
  if (category && std::none_of(categories.begin(), categories.end(),
                               [&](const auto& c) { return c.code == *category; })) {
    errors["category"] = "proposal.error.category";
  }
}

void require_ready(db::Transaction& tx, const Edition& edition, const Proposal& p) {
  auto items = checklist_of(edition, p);
  if (!complete(items)) {
    std::vector<CheckItem> missing;
    std::copy_if(items.begin(), items.end(), std::back_inserter(missing),
                 [](const CheckItem& item) { return !item.done; });
    throw Incomplete(std::move(missing));
  }
  if (auto reasons = eligibility_of(tx, edition, p); !reasons.empty()) throw Ineligible(reasons);
}

// Loads the proposal for a change by the agency while registration is open.
struct Change {
  Proposal proposal;
  Edition edition;
};
Change agency_change(db::Transaction& tx, const kernel::CurrentUser& user, std::int64_t id,
                     Action action, std::int64_t now) {
  Proposal proposal = load(tx, id);
  Edition edition = load_edition(tx, proposal.edition_id);
  require(decide(person_for(user, edition), action, holding_of(proposal)));
  require_open(edition, now);
  return {std::move(proposal), std::move(edition)};
}

Edition managed(db::Transaction& tx, const kernel::CurrentUser& user, std::int64_t edition_id) {
  Edition edition = load_edition(tx, edition_id);
  if (!person_for(user, edition).manages_edition) throw forbidden();
  return edition;
}

}  // namespace

Person person_for(const kernel::CurrentUser& user, const Edition& edition) {
  const auto& g = edition.setup.general;
  bool manages = competitions::may_manage({user.role, user.agency_id}, g.level, g.owner_agency_id);
  return {user.role, user.agency_id, user.unit_id, manages};
}

Dossier load_dossier(db::Database& database, const kernel::CurrentUser& user, std::int64_t id,
                     std::int64_t now) {
  return database.read([&](db::Transaction& tx) {
    Proposal proposal = load(tx, id);
    Edition edition = load_edition(tx, proposal.edition_id);
    require(decide(person_for(user, edition), Action::view, holding_of(proposal)));
    Dossier d{std::move(proposal), std::move(edition)};
    d.checklist = checklist_of(d.edition, d.proposal);
    if (place_of(d.proposal.status) != Place::withdrawn)
      d.eligibility = eligibility_of(tx, d.edition, d.proposal);
    d.registration_open = competitions::registration_open(d.edition, now);
    d.announced = find_announcement(tx, d.edition.id).has_value();
    return d;
  });
}

std::int64_t start_proposal(db::Database& database, const kernel::Actor& actor,
                            const kernel::CurrentUser& user, std::int64_t edition_id,
                            const Start& start, std::int64_t now) {
  return database.write([&](db::Transaction& tx) {
    Edition edition = load_edition(tx, edition_id);
    require_open(edition, now);
    auto source = published_source(tx, start.innovation_id);
    if (!source) throw invalid("innovation", "proposal.error.innovation");
    if (!may_start(person_for(user, edition), source->agency_id, source->unit_id))
      throw forbidden();
    std::string group = start.group_code;
    std::optional<std::string> category = start.category_code;
    FieldErrors errors;
    check_choice(edition, group, category, errors);
    if (!errors.empty()) throw InvalidForm(errors);
    competitions::lock_edition(tx, edition_id);
    if (proposal_of_innovation(tx, edition_id, source->innovation_id))
      throw conflict("proposal.error.already");
    auto reasons = eligibility_of(tx, edition, *source, group, start.source_innovation_id, 0);
    if (!reasons.empty()) throw Ineligible(reasons);
    NewProposal n{edition_id,
                  source->innovation_id,
                  source->agency_id,
                  source->unit_id,
                  source->province_code,
                  std::string(competitions::cluster_of(source->agency_type)),
                  group,
                  category,
                  source->name,
                  competitions::title_key(source->name),
                  start.source_innovation_id,
                  actor.user_id,
                  now};
    auto id = insert_proposal(tx, n);
    record(tx, actor, "create", id, std::nullopt, summary(load(tx, id)));
    return id;
  });
}

namespace {

void check_sections(const Edition& edition, Draft& draft, FieldErrors& errors) {
  const auto& sections = edition.setup.sections;
  for (auto& [code, body] : draft.sections) {
    bool known = std::any_of(sections.begin(), sections.end(),
                             [&](const auto& s) { return s.code == code; });
    if (!known) {
      errors["section." + code] = "proposal.error.section";
    } else if (auto problem = check_text(body, kMaxSectionChars)) {
      errors["section." + code] = *problem;
    }
  }
}

const competitions::RequiredAttachment* find_requirement(const Edition& edition,
                                                         const std::string& code,
                                                         std::string_view kind) {
  for (const auto& a : edition.setup.attachments) {
    if (a.code == code && a.kind == kind) return &a;
  }
  return nullptr;
}

// The content type of each file, judged from its bytes, in the draft's order.
std::vector<std::string> check_files(const Edition& edition, const Draft& draft,
                                     FieldErrors& errors) {
  std::vector<std::string> types;
  for (const auto& f : draft.files) {
    std::string field = "file." + f.attachment_code;
    types.push_back(innovations::sniff_content_type(f.upload.bytes));
    if (!find_requirement(edition, f.attachment_code, "file")) {
      errors[field] = "proposal.error.attachment";
    } else if (f.upload.bytes.size() > innovations::kMaxFileBytes) {
      errors[field] = "proposal.error.file_size";
    } else if (!innovations::is_allowed_type(types.back())) {
      errors[field] = "proposal.error.file_type";
    }
  }
  return types;
}

void check_videos(const Edition& edition, Draft& draft, FieldErrors& errors) {
  for (auto& v : draft.videos) {
    v.url = trim(v.url);
    const auto* wanted = find_requirement(edition, v.attachment_code, "video");
    if (!wanted) {
      errors["video_url." + v.attachment_code] = "proposal.error.attachment";
      continue;
    }
    if (!is_video_url(v.url)) errors["video_url." + v.attachment_code] = "proposal.error.video_url";
    std::string seconds_field = "video_seconds." + v.attachment_code;
    if (!v.seconds || *v.seconds < 1 || *v.seconds > 36000) {
      errors[seconds_field] = "proposal.error.video_seconds";
    } else if (wanted->max_video_seconds && *v.seconds > *wanted->max_video_seconds) {
      errors[seconds_field] = "proposal.error.video_too_long";
    }
  }
}

void write_attachments(db::Transaction& tx, const kernel::Actor& actor, std::int64_t id,
                       const Draft& draft, const std::vector<std::string>& types,
                       std::int64_t now) {
  for (auto file_id : draft.removed_files) {
    auto file = find_file(tx, id, file_id);
    if (!file) throw not_found();
    delete_file(tx, id, file_id);
    record(tx, actor, "detach", id, json{{"attachment", file->first.attachment_code}},
           std::nullopt);
  }
  for (std::size_t i = 0; i < draft.files.size(); ++i) {
    const auto& f = draft.files[i];
    std::string sha = sha256_hex(f.upload.bytes);
    innovations::store_blob(tx, sha, f.upload.bytes, now);
    StoredFile file{0,
                    f.attachment_code,
                    innovations::clean_file_name(f.upload.name),
                    types[i],
                    static_cast<std::int64_t>(f.upload.bytes.size()),
                    "",
                    std::nullopt};
    put_file(tx, id, file, sha, actor.user_id, now);
    record(tx, actor, "attach", id, std::nullopt,
           json{{"attachment", f.attachment_code}, {"name", file.name}, {"sha256", sha}});
  }
  for (const auto& v : draft.videos) {
    put_file(tx, id, {0, v.attachment_code, "", "", 0, v.url, v.seconds}, std::nullopt,
             actor.user_id, now);
    record(tx, actor, "attach", id, std::nullopt,
           json{{"attachment", v.attachment_code}, {"video_url", v.url}, {"seconds", *v.seconds}});
  }
}

}  // namespace

void save_draft(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
                std::int64_t id, std::int64_t based_on, Draft draft, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto [proposal, edition] = agency_change(tx, user, id, Action::edit, now);
    FieldErrors errors;
    check_choice(edition, draft.group_code, draft.category_code, errors);
    check_sections(edition, draft, errors);
    auto types = check_files(edition, draft, errors);
    check_videos(edition, draft, errors);
    if (!errors.empty()) throw InvalidForm(errors);
    advance(tx, actor, proposal, based_on, now);
    write_choice(tx, id, {draft.group_code, draft.category_code, draft.source_innovation_id});
    for (const auto& [code, body] : draft.sections) write_section(tx, id, code, body);
    record(tx, actor, "save", id, summary(proposal), summary(load(tx, id)));
    write_attachments(tx, actor, id, draft, types, now);
  });
}

void send_to_admin(db::Database& database, const kernel::Actor& actor,
                   const kernel::CurrentUser& user, std::int64_t id, std::int64_t based_on,
                   std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto [proposal, edition] = agency_change(tx, user, id, Action::send, now);
    require_ready(tx, edition, proposal);
    advance(tx, actor, proposal, based_on, now);
    set_status(tx, id, Status::at_admin, now);
    set_return_note(tx, id, "");
    notices::notify_role(tx, auth::Role::local_admin, proposal.agency_id,
                         {"proposal.notice.sent",
                          {{"title", proposal.title},
                           {"edition", edition.setup.general.title},
                           {"unit", proposal.unit_name}},
                          kernel::path(paths::kProposal, {id})});
    record(tx, actor, "send", id, summary(proposal), summary(load(tx, id)));
  });
}

void send_back(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
               std::int64_t id, std::int64_t based_on, std::string notes, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto [proposal, edition] = agency_change(tx, user, id, Action::send_back, now);
    if (auto problem = check_text(notes, kMaxNote)) throw invalid("notes", *problem);
    if (notes.empty()) throw invalid("notes", "proposal.error.notes");
    advance(tx, actor, proposal, based_on, now);
    set_status(tx, id, Status::returned, now);
    set_return_note(tx, id, notes);
    tell_author(tx, actor, proposal, edition, "returned");
    record(tx, actor, "return", id, summary(proposal),
           json{{"status", "returned"}, {"notes", notes}});
  });
}

void submit(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
            std::int64_t id, std::int64_t based_on, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    auto [proposal, edition] = agency_change(tx, user, id, Action::submit, now);
    // One submission at a time per edition, so two admins cannot both take the last place of a cap.
    competitions::lock_edition(tx, edition.id);
    require_ready(tx, edition, proposal);
    advance(tx, actor, proposal, based_on, now);
    set_status(tx, id, Status::submitted, now);
    tell_author(tx, actor, proposal, edition, "submitted");
    record(tx, actor, "submit", id, summary(proposal), summary(load(tx, id)));
  });
}

void withdraw(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
              std::int64_t id, std::int64_t based_on, std::int64_t now) {
  database.write([&](db::Transaction& tx) {
    Proposal proposal = load(tx, id);
    Edition edition = load_edition(tx, proposal.edition_id);
    require(decide(person_for(user, edition), Action::withdraw, holding_of(proposal)));
    advance(tx, actor, proposal, based_on, now);
    set_status(tx, id, Status::withdrawn, now);
    tell_author(tx, actor, proposal, edition, "withdrawn");
    record(tx, actor, "withdraw", id, summary(proposal), json{{"status", "withdrawn"}});
  });
}

int screen(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
           std::int64_t edition_id, const std::vector<Screened>& proposals, Decision decision,
           std::int64_t now) {
  if (proposals.empty()) throw invalid("ids", "proposal.error.none_chosen");
  if (proposals.size() > kMaxScreenedAtOnce) throw invalid("ids", "proposal.error.too_many");
  FieldErrors errors;
  if (decision.pass) {
    decision.reason.reset();
  } else if (!decision.reason || !is_reason_code(*decision.reason)) {
    errors["reason"] = "proposal.error.reason";
  }
  if (auto problem = check_text(decision.note, kMaxNote)) {
    errors["note"] = *problem;
  } else if (decision.reason == "other" && decision.note.empty()) {
    errors["note"] = "proposal.error.other_note";
  }
  if (!errors.empty()) throw InvalidForm(errors);
  return database.write([&](db::Transaction& tx) {
    Edition edition = managed(tx, user, edition_id);
    if (find_announcement(tx, edition_id)) throw conflict("proposal.error.announced");
    Status result = decision.pass ? Status::passed : Status::failed;
    for (const Screened& s : proposals) {
      // Up to 500 at once: the row alone, not its answers and files.
      auto found = find_proposal(tx, s.id, false);
      if (!found) throw not_found();
      const Proposal& proposal = *found;
      if (proposal.edition_id != edition_id) throw not_found();
      require(decide(person_for(user, edition), Action::screen, holding_of(proposal)));
      advance(tx, actor, proposal, s.version, now);
      set_screening(tx, s.id, result, decision.reason, decision.note, actor.user_id, now);
      record(tx, actor, "screen", s.id,
             json{{"status", status_code(proposal.status)}, {"version", proposal.version}},
             json{{"status", status_code(result)},
                  {"reason", decision.reason ? json(*decision.reason) : json(nullptr)},
                  {"note", decision.note}});
    }
    return static_cast<int>(proposals.size());
  });
}

void announce(db::Database& database, const kernel::Actor& actor, const kernel::CurrentUser& user,
              std::int64_t edition_id, std::string note, std::int64_t now) {
  if (auto problem = check_text(note, kMaxNote)) throw invalid("note", *problem);
  database.write([&](db::Transaction& tx) {
    Edition edition = managed(tx, user, edition_id);
    if (find_announcement(tx, edition_id)) throw conflict("proposal.error.announced");
    if (auto open = unscreened(tx, edition_id); open > 0)
      throw conflict("proposal.error.unscreened", {{"n", std::to_string(open)}});
    insert_announcement(tx, edition_id, note, actor.user_id, now);
    std::string link = kernel::path(paths::kAnnouncement, {edition_id});
    for (const AgencyResult& r : agency_results(tx, edition_id)) {
      notices::notify_role(tx, auth::Role::local_admin, r.agency_id,
                           {"proposal.notice.announced",
                            {{"edition", edition.setup.general.title},
                             {"passed", std::to_string(r.passed)},
                             {"failed", std::to_string(r.failed)}},
                            link});
    }
    audit::record(tx, actor,
                  {"proposal.announce", "competition", std::to_string(edition_id), std::nullopt,
                   json{{"note", note}}});
  });
}

}  // namespace simpul::proposals
