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
#include "judging/aggregation.hpp"
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

// The sheet's total on 0–100 when every aspect has a score within its scale, as the results
// will count it (sheet_total); nullopt while any is missing.
std::optional<double> total_of(const std::vector<competitions::RubricAspect>& rubric,
                               const std::map<std::string, std::string>& values) {
  auto checked = check_sheet(rubric, {values, ""}, true);
  if (!checked.errors.empty() || rubric.empty()) return std::nullopt;
  ScoreSheet sheet;
  for (const auto& [code, score] : checked.scores) sheet.scores[code] = score;
  return sheet_total(rubric, sheet);
}

std::map<std::string, std::string> values_of(const TypedSheet* typed,
                                             const std::optional<Sheet>& stored) {
  if (typed) return typed->scores;
  std::map<std::string, std::string> out;
  if (stored)
    for (const auto& [code, score] : stored->scores) out[code] = std::to_string(score);
  return out;
}

// What the sheet tells the evaluator about its total: how a score becomes a share of 0–100 (with
// an example from the first aspect's scale), the total now, and the edition's passing grade.
Json total_json(Context& context, const competitions::Setup& setup,
                const std::map<std::string, std::string>& values) {
  Json out = Json::object();
  auto pass = setup.general.passing_grade;
  if (pass) out["pass"] = *pass;
  if (!setup.rubric.empty()) {
    const auto& a = setup.rubric.front();
    int example = std::max(a.scale_min, a.scale_max - 2);
    double share = 100.0 * (example - a.scale_min) / std::max(1, a.scale_max - a.scale_min);
    out["rescale"] = context.t(
        "judging.sheet.rescale",
        {{"min", std::to_string(a.scale_min)},
         {"max", std::to_string(a.scale_max)},
         {"example", std::to_string(example)},
         {"share", view::format_decimal(share, 1, context.lang())},
         {"naive",
          view::format_decimal(100.0 * example / std::max(1, a.scale_max), 1, context.lang())}});
  }
  auto total = total_of(setup.rubric, values);
  std::string placeholder = "{total}";
  out["incomplete"] = context.t("judging.sheet.total_incomplete");
  out["above"] = context.t(pass ? "judging.sheet.total_passes" : "judging.sheet.total",
                           {{"total", placeholder}, {"pass", pass ? std::to_string(*pass) : ""}});
  out["below"] = context.t(pass ? "judging.sheet.total_fails" : "judging.sheet.total",
                           {{"total", placeholder}, {"pass", pass ? std::to_string(*pass) : ""}});
  std::string now = !total                     ? out["incomplete"].get<std::string>()
                    : (pass && *total < *pass) ? out["below"].get<std::string>()
                                               : out["above"].get<std::string>();
  if (total)
    now.replace(now.find(placeholder), placeholder.size(),
                view::format_decimal(*total, 1, context.lang()));
  out["now"] = now;
  return out;
}

std::vector<Context::SummaryField> summary_fields(
    Context& context, const std::vector<competitions::RubricAspect>& rubric) {
  std::vector<Context::SummaryField> fields;
  for (const auto& a : rubric) {
    bool choices = a.scale_max - a.scale_min <= kMaxChoiceLevels;
    fields.push_back({"score." + a.code,
                      choices ? "nilai-" + a.code + "-" + std::to_string(a.scale_min)
                              : "nilai-" + a.code + "-angka",
                      a.title});
  }
  fields.push_back({"comment", "komentar", context.t("judging.sheet.comment")});
  return fields;
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
                {"total", total_json(context, l.edition.setup, values_of(typed, l.sheet))},
                {"error_summary",
                 context.error_summary(errors, summary_fields(context, l.edition.setup.rubric),
                                       "scores-title")}};
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
  // "periksa" saves a draft and shows it for a last look before the irreversible "kirim".
  std::string action = form.get("aksi");
  bool submit = action == "kirim";
  try {
    save_sheet(context.db(), context.actor(), context.signed_in_user(), proposal_id, typed, submit,
               now_seconds());
  } catch (const InvalidForm& error) {
    return render_sheet(context, proposal_id, &typed, error.errors(), "", 422);
  } catch (const simpul::Conflict& error) {
    return render_sheet(context, proposal_id, &typed, {}, context.t(error.key()), 409);
  }
  if (action == "periksa")
    return http::Response::redirect(kernel::path(paths::kSheetCheck, {proposal_id}));
  return context.redirect_with_notice(kernel::path(paths::kSheet, {proposal_id}),
                                      submit ? "judging.sheet.sent" : "judging.sheet.saved");
}

// The last look before sending: the stored draft's scores, total against the passing grade and
// comment, with "Kirim nilai" (the draft's values, sent as the sheet) and the way back.
http::Response check_page(Context& context) {
  auto proposal_id = context.path_id("proposal");
  Loaded l = load(context, proposal_id);
  if (!l.sheet || l.sheet->status == "submitted")
    return http::Response::redirect(kernel::path(paths::kSheet, {proposal_id}));
  Json aspects = Json::array();
  for (const auto& a : l.edition.setup.rubric) {
    auto it = l.sheet->scores.find(a.code);
    aspects.push_back({{"code", a.code},
                       {"title", a.title},
                       {"scale", std::to_string(a.scale_min) + "–" + std::to_string(a.scale_max)},
                       {"value", it == l.sheet->scores.end() ? "" : std::to_string(it->second)}});
  }
  auto values = values_of(nullptr, l.sheet);
  bool complete = total_of(l.edition.setup.rubric, values).has_value();
  Json model = {{"title", context.t("judging.check.title")},
                {"subject", l.reading.title},
                {"aspects", aspects},
                {"comment", l.sheet->comment},
                {"total", total_json(context, l.edition.setup, values)},
                {"complete", complete},
                {"action", kernel::path(paths::kSheet, {proposal_id})},
                {"words",
                 {{"comment", context.t("judging.sheet.comment")},
                  {"submit_hint", context.t("judging.sheet.submit_hint")},
                  {"submit", context.t("judging.sheet.submit")},
                  {"back", context.t("judging.check.back")}}}};
  return context.page("score_check", std::move(model));
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
  return innovations::file_download(std::move(found->second), file.content_type,
                                    "usulan-" + std::to_string(proposal_id) + "-" +
                                        file.attachment_code + "." +
                                        extension_of(file.content_type),
                                    std::nullopt);
}

}  // namespace

void register_sheet_routes(kernel::Routes& routes) {
  auto evaluators = kernel::Access::roles({auth::Role::evaluator});
  routes.get(paths::kSheet, evaluators, sheet);
  routes.post(paths::kSheet, evaluators, post_sheet);
  routes.get(paths::kSheetCheck, evaluators, check_page);
  routes.get(paths::kSheetFile, evaluators, download);
}

}  // namespace simpul::judging
