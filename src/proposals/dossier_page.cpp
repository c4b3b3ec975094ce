// One proposal: what it is, where it stands, what it still lacks and whether it may enter its
// group; its form and attachments while the agency may change it; the buttons of its way through
// the agency. Every refusal re-renders the page with the reason next to what caused it.
#include <algorithm>

#include "competitions/paths.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/http/multipart.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "core/util/text.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"
#include "proposals/paths.hpp"
#include "proposals/routes.hpp"
#include "proposals/view.hpp"

namespace simpul::proposals {
namespace {

// What was typed into a video requirement's fields, shown again after a refusal.
struct TypedVideo {
  std::string url;
  std::string seconds;
};

// What a refused form brings back to the page: everything typed, so nothing is lost but the
// chosen files, which a browser cannot be given back (the page asks for them again).
struct Feedback {
  std::optional<Draft> typed;
  std::map<std::string, TypedVideo> typed_videos;  // by attachment code
  bool files_dropped = false;
  FieldErrors errors;
  std::string problem;
  std::vector<CheckItem> missing;
  std::vector<competitions::Reason> ineligible;
};

Verdict verdict(const Context& context, const Dossier& d, Action action) {
  return decide(person_for(context.signed_in_user(), d.edition), action,
                {d.proposal.status, d.proposal.agency_id, d.proposal.unit_id});
}
bool allowed(const Context& context, const Dossier& d, Action action) {
  return verdict(context, d, action) == Verdict::allowed;
}

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string(bytes / 1024) + " kB";
  return std::to_string(bytes / (1024 * 1024)) + " MB";
}

std::string duration_text(int seconds) {
  std::string s = std::to_string(seconds % 60);
  return std::to_string(seconds / 60) + ":" + (s.size() == 1 ? "0" + s : s);
}

// "3 menit" for whole minutes, "2:30" otherwise.
std::string video_limit_text(const Context& context, int seconds) {
  if (seconds % 60 == 0)
    return context.t("competition.show.minutes", {{"n", std::to_string(seconds / 60)}});
  return duration_text(seconds);
}

const std::map<std::string, std::string> kNoSections;

Json sections_json(Context& context, const Dossier& d, const Feedback& feedback) {
  Json out = Json::array();
  for (const auto& s : d.edition.setup.sections) {
    const auto& typed_sections = feedback.typed ? feedback.typed->sections : kNoSections;
    auto typed = typed_sections.find(s.code);
    auto stored = d.proposal.content.sections.find(s.code);
    std::string body = typed != typed_sections.end()                 ? typed->second
                       : stored != d.proposal.content.sections.end() ? stored->second
                                                                     : "";
    int words = count_words(body);
    std::string limit =
        s.max_words ? view::format_integer(*s.max_words, context.lang()) : std::string();
    std::string counter = s.max_words
                              ? context.t("proposal.words.of", {{"n", "{n}"}, {"max", limit}})
                              : context.t("proposal.words.count", {{"n", "{n}"}});
    std::string now_text = counter;
    now_text.replace(now_text.find("{n}"), 3, view::format_integer(words, context.lang()));
    auto error = feedback.errors.find("section." + s.code);
    out.push_back(
        {{"code", s.code},
         {"title", s.title},
         {"guidance", s.guidance},
         {"body", body},
         {"max_words", s.max_words.value_or(0)},
         {"counter_template", counter},
         {"counter", now_text},
         {"over", s.max_words && words > *s.max_words},
         {"error", error == feedback.errors.end() ? "" : context.explain(error->second)}});
  }
  return out;
}

Json current_file(const Dossier& d, const StoredFile& f, bool editable) {
  return {{"name", f.video_url.empty() ? f.name : f.video_url},
          {"url",
           f.video_url.empty() ? kernel::path(paths::kFile, {d.proposal.id, f.id}) : f.video_url},
          {"detail", f.video_url.empty() ? f.content_type + ", " + size_text(f.size)
                                         : duration_text(f.video_seconds.value_or(0))},
          {"id", f.id},
          {"removable", editable}};
}

std::string field_error(Context& context, const Feedback& feedback, const std::string& field) {
  auto error = feedback.errors.find(field);
  return error == feedback.errors.end() ? "" : context.explain(error->second);
}

Json attachments_json(Context& context, const Dossier& d, bool editable, const Feedback& feedback) {
  Json out = Json::array();
  for (const auto& a : d.edition.setup.attachments) {
    Json item = {{"code", a.code},
                 {"title", a.title},
                 {"is_video", a.kind == "video"},
                 {"required", a.required},
                 {"editable", editable},
                 {"max_file_bytes", innovations::kMaxFileBytes}};
    if (a.max_video_seconds)
      item["limit"] = context.t("proposal.video.limit",
                                {{"duration", video_limit_text(context, *a.max_video_seconds)}});
    for (const auto& f : d.proposal.content.files) {
      if (f.attachment_code == a.code) item["current"] = current_file(d, f, editable);
    }
    if (auto typed = feedback.typed_videos.find(a.code); typed != feedback.typed_videos.end()) {
      item["typed_url"] = typed->second.url;
      item["typed_seconds"] = typed->second.seconds;
    }
    item["error_file"] = field_error(context, feedback, "file." + a.code);
    item["error_video_url"] = field_error(context, feedback, "video_url." + a.code);
    item["error_video_seconds"] = field_error(context, feedback, "video_seconds." + a.code);
    out.push_back(std::move(item));
  }
  return out;
}

// The refused form's errors in the form's order, each linking to its field.
Json summary_of(Context& context, const Dossier& d, const Feedback& feedback) {
  std::vector<Context::SummaryField> fields = {
      {"group", "kelompok", context.t("proposal.field.group")},
      {"category", "kategori", context.t("proposal.field.category")},
      {"source", "sumber", context.t("proposal.field.source")}};
  for (const auto& s : d.edition.setup.sections)
    fields.push_back({"section." + s.code, "bagian-" + s.code, s.title});
  for (const auto& a : d.edition.setup.attachments) {
    fields.push_back({"file." + a.code, "berkas-" + a.code, a.title});
    fields.push_back({"video_url." + a.code, "video-url-" + a.code, a.title});
    fields.push_back({"video_seconds." + a.code, "video-seconds-" + a.code,
                      a.title + " (" + context.t("proposal.video.duration") + ")"});
  }
  return context.error_summary(feedback.errors, fields, "form-title");
}

Json choice_json(Context& context, const Dossier& d, const Feedback& feedback) {
  // What was typed when the form was refused, what is stored otherwise.
  const auto& group_code = feedback.typed ? feedback.typed->group_code : d.proposal.group_code;
  const auto& category_code =
      feedback.typed ? feedback.typed->category_code : d.proposal.category_code;
  const auto& source_id =
      feedback.typed ? feedback.typed->source_innovation_id : d.proposal.source_innovation_id;
  Json groups = Json::array(), categories = Json::array();
  for (const auto& g : d.edition.setup.groups) {
    if (!g.enabled) continue;
    groups.push_back({{"value", g.code},
                      {"label", group_label(context, g.code)},
                      {"selected", g.code == group_code}});
  }
  for (const auto& c : d.edition.setup.categories) {
    categories.push_back(
        {{"value", c.code}, {"label", c.name}, {"selected", c.code == category_code}});
  }
  const auto* group = competitions::find_group(d.edition.setup, group_code);
  std::string source;
  if (source_id) source = std::to_string(*source_id);
  return {{"groups", groups},
          {"categories", categories},
          {"has_categories", !categories.empty()},
          {"needs_source", group && group->requires_source_innovation},
          {"source", source},
          {"source_name", d.proposal.source_name}};
}

Json screening_json(Context& context, const Dossier& d, bool manages) {
  const auto& p = d.proposal;
  bool screened = p.status == Status::passed || p.status == Status::failed;
  if (!screened || !(manages || d.announced)) return nullptr;
  Json out = {{"passed", p.status == Status::passed}, {"note", p.screening_note}};
  if (p.screening_reason) out["reason"] = label(context, "reason", *p.screening_reason);
  return out;
}

std::string closed_text(Context& context, const Dossier& d) {
  auto close = competitions::registration_close(d.edition.setup);
  if (!close) return context.t("proposal.error.closed");
  return context.t(
      "proposal.show.closed",
      {{"deadline", competitions::datetime_text(context, *close, d.edition.setup.general.zone)}});
}

http::Response render(Context& context, const Dossier& d, const Feedback& feedback, int status) {
  const auto& p = d.proposal;
  bool agency_side = place_of(p.status) == Place::unit || place_of(p.status) == Place::admin;
  bool editable = d.registration_open && allowed(context, d, Action::edit);
  bool manages = person_for(context.signed_in_user(), d.edition).manages_edition;
  Json model = {
      {"title", p.title},
      {"edition_title", d.edition.setup.general.title},
      {"edition_url", kernel::path(competitions::paths::kEdition, {d.edition.id})},
      {"list_url", kernel::path(paths::kList, {d.edition.id})},
      {"links",
       {{"save", kernel::path(paths::kProposal, {p.id})},
        {"submit", kernel::path(paths::kSubmit, {p.id})},
        {"lodge", kernel::path(paths::kLodge, {p.id})},
        {"return", kernel::path(paths::kReturn, {p.id})},
        {"withdraw", kernel::path(paths::kWithdraw, {p.id})}}},
      {"where", p.agency_name + " · " + p.unit_name},
      {"status", label(context, "status", status_code(p.status))},
      {"group", group_label(context, p.group_code)},
      {"version", p.version},
      {"return_note", p.status == Status::returned || p.status == Status::draft
                          ? competitions::paragraphs(p.return_note)
                          : Json::array()},
      {"screening", screening_json(context, d, manages)},
      {"closed", agency_side && !d.registration_open ? closed_text(context, d) : ""},
      {"checklist", checklist_json(context, d.checklist)},
      {"complete", complete(d.checklist)},
      {"eligibility", reasons_json(context, d.eligibility, d.edition.setup.general.zone)},
      {"show_eligibility", agency_side},
      {"editable", editable},
      {"choice", choice_json(context, d, feedback)},
      {"sections", sections_json(context, d, feedback)},
      {"attachments", attachments_json(context, d, editable, feedback)},
      {"can_send", d.registration_open && allowed(context, d, Action::send)},
      {"can_submit", d.registration_open && allowed(context, d, Action::submit)},
      {"can_send_back", d.registration_open && allowed(context, d, Action::send_back)},
      {"can_withdraw", allowed(context, d, Action::withdraw)},
      {"errors", context.translated(feedback.errors)},
      {"problem", feedback.problem.empty() || !feedback.errors.empty() ? "" : feedback.problem},
      {"missing", checklist_json(context, feedback.missing)},
      {"ineligible", reasons_json(context, feedback.ineligible, d.edition.setup.general.zone)},
  };
  model["has_return_note"] = !model["return_note"].empty();
  model["has_eligibility"] = !model["eligibility"].empty();
  model["has_missing"] = !model["missing"].empty();
  model["has_ineligible"] = !model["ineligible"].empty();
  model["error_summary"] = summary_of(context, d, feedback);
  model["files_dropped"] = feedback.files_dropped;
  return context.page("proposals/show", std::move(model), status);
}

Dossier dossier(Context& context) {
  return load_dossier(context.db(), context.signed_in_user(), context.path_id("id"), now_seconds());
}

// Runs a change; a refusal the person can act on re-renders the page with its reason.
template <class Change>
http::Response attempt(Context& context, std::string_view done, Feedback feedback, Change change) {
  auto id = context.path_id("id");
  try {
    change(id);
    return context.redirect_with_notice(kernel::path(paths::kProposal, {id}), std::string(done));
  } catch (const InvalidForm& error) {
    feedback.errors = error.errors();
    return render(context, dossier(context), feedback, 422);
  } catch (const Incomplete& error) {
    feedback.missing = error.missing();
    return render(context, dossier(context), feedback, 422);
  } catch (const Ineligible& error) {
    feedback.ineligible = error.reasons();
    return render(context, dossier(context), feedback, 422);
  } catch (const Forbidden&) {
    throw;
  } catch (const NotFound&) {
    throw;
  } catch (const BadRequest&) {
    throw;
  } catch (const UserError& error) {
    feedback.problem = context.t(error.key(), error.args());
    feedback.errors.clear();
    return render(context, dossier(context), feedback, http_status(error.failure()));
  }
}

// "2:45", "2.45" or "165" as seconds; nullopt for anything else.
std::optional<int> parse_duration(std::string_view text) {
  std::string typed = trim(text);
  auto number = [](std::string_view digits) -> std::optional<int> {
    if (digits.empty() || digits.size() > 5 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    return std::stoi(std::string(digits));
  };
  auto separator = typed.find_first_of(":.");
  if (separator == std::string::npos) return number(typed);
  auto minutes = number(std::string_view(typed).substr(0, separator));
  auto seconds = number(std::string_view(typed).substr(separator + 1));
  if (!minutes || !seconds || typed.size() - separator - 1 != 2 || *seconds > 59)
    return std::nullopt;
  return *minutes * 60 + *seconds;
}

}  // namespace

http::Response show(Context& context) { return render(context, dossier(context), {}, 200); }

namespace {

// The draft of the one proposal form: choices, answers, chosen files, typed video links and a
// file to remove (its button's value). A field the form did not send stays as it is; one sent
// empty is cleared.
Draft draft_of(const Dossier& d, const http::Form& form, const http::Multipart* multipart,
               Feedback& feedback) {
  Draft draft;
  draft.group_code = form.get("kelompok", d.proposal.group_code);
  draft.category_code = d.proposal.category_code;
  if (form.has("kategori")) {
    draft.category_code.reset();
    if (!form.get("kategori").empty()) draft.category_code = form.get("kategori");
  }
  draft.source_innovation_id =
      form.has("sumber") ? parse_positive(form.get("sumber")) : d.proposal.source_innovation_id;
  for (const auto& s : d.edition.setup.sections) {
    std::string field = "bagian." + s.code;
    if (form.has(field)) draft.sections[s.code] = form.get(field);
  }
  for (const auto& a : d.edition.setup.attachments) {
    if (a.kind == "video") {
      TypedVideo typed{form.get("video_url." + a.code), form.get("video_seconds." + a.code)};
      if (trim(typed.url).empty() && trim(typed.seconds).empty()) continue;
      draft.videos.push_back({a.code, typed.url, parse_duration(typed.seconds)});
      feedback.typed_videos[a.code] = std::move(typed);
    } else if (multipart) {
      auto files = multipart->files("berkas." + a.code);
      if (!files.empty() && !files.front()->body.empty())
        draft.files.push_back({a.code, {*files.front()->filename, files.front()->body}});
    }
  }
  if (auto removed = parse_positive(form.get("hapus"))) draft.removed_files.push_back(*removed);
  return draft;
}

std::string_view saved_notice(const Draft& draft) {
  if (!draft.removed_files.empty()) return "proposal.notice_page.detached";
  if (!draft.files.empty() || !draft.videos.empty()) return "proposal.notice_page.attached";
  return "proposal.notice_page.saved";
}

}  // namespace

// The proposal form arrives as multipart/form-data (it carries files), or url-encoded from a
// client that sends no file.
http::Response save(Context& context) {
  Dossier d = dossier(context);
  auto body = context.form_body();
  const http::Form& fields = body.fields;
  Feedback feedback;
  Draft draft = draft_of(d, fields, body.multipart ? &*body.multipart : nullptr, feedback);
  feedback.typed = draft;
  feedback.typed->files.clear();  // the bytes are not needed to show the page again
  feedback.files_dropped = !draft.files.empty();
  auto notice = saved_notice(draft);
  return attempt(context, notice, std::move(feedback), [&](std::int64_t id) {
    save_draft(context.db(), context.actor(), context.signed_in_user(), id,
               Context::form_version(fields), std::move(draft), now_seconds());
  });
}

http::Response download(Context& context) {
  Dossier d = dossier(context);
  auto file_id = context.path_id("file");
  auto found = context.db().read(
      [&](db::Transaction& tx) -> std::optional<std::pair<StoredFile, std::string>> {
        auto file = find_file(tx, d.proposal.id, file_id);
        if (!file || file->second.empty()) return std::nullopt;
        return std::make_pair(file->first, innovations::blob_bytes(tx, file->second).value_or(""));
      });
  if (!found) throw not_found();
  return innovations::file_download(std::move(found->second), found->first.content_type,
                                    found->first.name, std::nullopt);
}

http::Response send_page(Context& context) {
  const auto& form = context.request().form();
  return attempt(context, "proposal.notice_page.sent", {}, [&](std::int64_t id) {
    send_to_admin(context.db(), context.actor(), context.signed_in_user(), id,
                  Context::form_version(form), now_seconds());
  });
}

http::Response send_back_page(Context& context) {
  const auto& form = context.request().form();
  return attempt(context, "proposal.notice_page.returned", {}, [&](std::int64_t id) {
    proposals::send_back(context.db(), context.actor(), context.signed_in_user(), id,
                         Context::form_version(form), form.get("catatan"), now_seconds());
  });
}

http::Response submit_page(Context& context) {
  const auto& form = context.request().form();
  return attempt(context, "proposal.notice_page.submitted", {}, [&](std::int64_t id) {
    proposals::submit(context.db(), context.actor(), context.signed_in_user(), id,
                      Context::form_version(form), now_seconds());
  });
}

http::Response withdraw_page(Context& context) {
  const auto& form = context.request().form();
  return attempt(context, "proposal.notice_page.withdrawn", {}, [&](std::int64_t id) {
    if (form.get("yakin") != "1")
      throw InvalidForm(FieldErrors{{"yakin", "proposal.error.confirm_withdraw"}});
    proposals::withdraw(context.db(), context.actor(), context.signed_in_user(), id,
                        Context::form_version(form), now_seconds());
  });
}

}  // namespace simpul::proposals
