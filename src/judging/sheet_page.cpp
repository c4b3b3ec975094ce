// The evaluator's score sheet for an assigned proposal (/penilaian/{proposal}): the proposal's
// answers (without its agency when the review is blind), a score per aspect of the edition's
// rubric with its guidance, a comment, "save draft" and "submit"; and the proposal's files, which
// only its assigned evaluators download, under a name that never tells who sent them.
#include <map>

#include "competitions/editions.hpp"
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/util/clock.hpp"
#include "core/util/numbers.hpp"
#include "innovations/registry.hpp"
#include "innovations/uploads.hpp"
#include "judging/evaluation.hpp"
#include "judging/feature.hpp"
#include "judging/paths.hpp"
#include "judging/service.hpp"
#include "judging/sheet_form.hpp"
#include "judging/store.hpp"
#include "kernel/paths.hpp"

namespace simpul::judging {
namespace {

using kernel::Context;
using kernel::Json;

struct Loaded {
  competitions::Edition edition;
  Reading reading;
  std::optional<Sheet> sheet;
  std::vector<ProposalFile> files;
};

Loaded load(Context& context, std::int64_t proposal_id) {
  auto user_id = context.signed_in_user().id;
  auto found = context.db().read([&](db::Transaction& tx) -> std::optional<Loaded> {
    auto edition_id = assignment_edition(tx, proposal_id, user_id);
    if (!edition_id) throw forbidden();
    auto edition = competitions::find_edition(tx, *edition_id);
    auto reading = reading_of(tx, proposal_id);
    if (!edition || !reading) return std::nullopt;
    return Loaded{*edition, *reading, find_sheet(tx, proposal_id, user_id),
                  files_of(tx, proposal_id)};
  });
  if (!found) throw not_found();
  return *found;
}

Json sections_json(const Loaded& l) {
  Json out = Json::array();
  for (const auto& s : l.edition.setup.sections) {
    auto it = l.reading.sections.find(s.code);
    out.push_back(
        {{"title", s.title},
         {"body", competitions::paragraphs(it == l.reading.sections.end() ? "" : it->second)}});
  }
  return out;
}

// Each file under its attachment's title from the edition's set-up; the uploaded file name only
// when the review is open, since it often names the agency.
Json files_json(const Loaded& l, std::int64_t proposal_id) {
  bool blind = l.edition.setup.general.blind_review;
  Json out = Json::array();
  for (const auto& f : l.files) {
    std::string title = f.attachment_code;
    for (const auto& a : l.edition.setup.attachments)
      if (a.code == f.attachment_code) title = a.title;
    out.push_back({{"title", title},
                   {"name", blind ? "" : f.original_name},
                   {"url", kernel::path(paths::kSheetFile, {proposal_id, f.attachment_code})}});
  }
  return out;
}

http::Response render_sheet(Context& context, std::int64_t proposal_id, const TypedSheet* typed,
                            const FieldErrors& errors, const std::string& problem, int status) {
  Loaded l = load(context, proposal_id);
  bool submitted = l.sheet && l.sheet->status == "submitted";
  auto window = evaluation_window(l.edition.setup, now_seconds());
  bool editable = !submitted && window == Window::open;
  std::string state = submitted ? context.t("judging.sheet.submitted")
                      : l.sheet ? context.t("judging.sheet.draft")
                                : context.t("judging.sheet.empty");
  if (window == Window::closed && !submitted)
    state += " " + context.t("judging.error.evaluation_closed");
  auto comment_error = errors.find("comment");
  Json model = {{"title", l.reading.title},
                {"edition_title", l.edition.setup.general.title},
                {"agency", l.edition.setup.general.blind_review ? "" : l.reading.agency_name},
                {"blind", l.edition.setup.general.blind_review},
                {"category", l.reading.category_name},
                {"video_url", l.reading.video_url},
                {"files", files_json(l, proposal_id)},
                {"has_files", !l.files.empty()},
                {"sections", sections_json(l)},
                {"aspects", aspect_fields(context, l.edition.setup.rubric, typed,
                                          l.sheet ? &l.sheet->scores : nullptr, errors)},
                {"comment_label", context.t("judging.sheet.comment")},
                {"comment", typed     ? typed->comment
                            : l.sheet ? l.sheet->comment
                                      : ""},
                {"comment_error",
                 comment_error == errors.end() ? "" : context.explain(comment_error->second)},
                {"state", state},
                {"editable", editable},
                {"action", kernel::path(paths::kSheet, {proposal_id})},
                {"problem", problem},
                {"has_errors", !errors.empty()}};
  return context.page("judging/sheet", std::move(model), status);
}

http::Response sheet(Context& context) {
  return render_sheet(context, context.path_id("proposal"), nullptr, {}, "", 200);
}

http::Response post_sheet(Context& context) {
  auto proposal_id = context.path_id("proposal");
  const auto& form = context.request().form();
  TypedSheet typed;
  for (const auto& [name, value] : form.pairs()) {
    if (name.starts_with("nilai.")) typed.scores[name.substr(6)] = value;
  }
  typed.comment = form.get("komentar");
  bool submit = form.get("aksi") == "kirim";
  try {
    save_sheet(context.db(), context.actor(), context.signed_in_user(), proposal_id, typed, submit,
               now_seconds());
  } catch (const InvalidForm& error) {
    return render_sheet(context, proposal_id, &typed, error.errors(), "", 422);
  } catch (const simpul::Conflict& error) {
    return render_sheet(context, proposal_id, &typed, {}, context.t(error.key()), 409);
  }
  return context.redirect_with_notice(kernel::path(paths::kSheet, {proposal_id}),
                                      "judging.sheet.saved");
}

// The file's extension from its type, which was sniffed from the bytes at upload, so the name
// owes nothing to what the proposer called the file.
std::string extension_of(const std::string& content_type) {
  static const std::map<std::string, std::string, std::less<>> kExtensions = {
      {"application/pdf", "pdf"},
      {"image/jpeg", "jpg"},
      {"image/png", "png"},
      {"image/webp", "webp"},
      {"text/plain", "txt"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"},
      {"application/vnd.oasis.opendocument.text", "odt"}};
  auto it = kExtensions.find(content_type);
  return it == kExtensions.end() ? "bin" : it->second;
}

// Always "usulan-<id>-<attachment>.<ext>": under blind review the uploaded name could name the
// agency, and one rule for every edition keeps a review that turns blind later from leaking.
http::Response download(Context& context) {
  auto proposal_id = context.path_id("proposal");
  std::string code(context.request().param("code"));
  auto user_id = context.signed_in_user().id;
  auto found = context.db().read(
      [&](db::Transaction& tx) -> std::optional<std::pair<ProposalFile, std::string>> {
        if (!assignment_edition(tx, proposal_id, user_id)) throw forbidden();
        auto file = file_of(tx, proposal_id, code);
        if (!file) return std::nullopt;
        auto bytes = innovations::blob_bytes(tx, file->sha256);
        if (!bytes) return std::nullopt;
        return std::make_pair(*file, std::move(*bytes));
      });
  if (!found) throw not_found();
  const ProposalFile& file = found->first;
  auto response = http::Response::html(std::move(found->second));
  response.content_type = file.content_type;
  response.set_header("Content-Disposition",
                      innovations::attachment_disposition("usulan-" + std::to_string(proposal_id) +
                                                          "-" + file.attachment_code + "." +
                                                          extension_of(file.content_type)));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void register_sheet_routes(kernel::Routes& routes) {
  auto evaluators = kernel::Access::roles({auth::Role::evaluator});
  routes.get(paths::kSheet, evaluators, sheet);
  routes.post(paths::kSheet, evaluators, post_sheet);
  routes.get(paths::kSheetFile, evaluators, download);
}

}  // namespace simpul::judging
