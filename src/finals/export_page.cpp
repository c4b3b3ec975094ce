// The judging's exports for whoever runs the edition (/kompetisi/{id}/ekspor/usulan.csv|xlsx,
// /kompetisi/{id}/ekspor/lembar.csv|xlsx), and the anonymised dossier of a screened proposal for
// the panel (/kompetisi/{id}/dosir/{proposal}): its answers with the agency, unit and region
// masked, the attachments by the edition's titles only, no file names, no video link.
#include "competitions/service.hpp"
#include "competitions/view.hpp"
#include "core/sheet/write.hpp"
#include "finals/dossier.hpp"
#include "finals/export.hpp"
#include "finals/paths.hpp"
#include "finals/routes.hpp"
#include "finals/view.hpp"
#include "judging/results.hpp"
#include "kernel/context.hpp"

namespace simpul::finals {
namespace {

ExportInput load_export(Context& context, const competitions::Edition& edition) {
  ExportInput in;
  in.rubric = edition.setup.rubric;
  std::vector<judging::ScoreSheet> submitted;
  context.db().read([&](db::Transaction& tx) {
    in.proposals = exported_proposals(tx, edition.id);
    in.sheets = exported_sheets(tx, edition.id);
    submitted = judging::submitted_sheets(tx, edition.id);
    in.nominees = nominees_of(tx, edition.id);
    for (const auto& o : objections_of(tx, edition.id)) ++in.objections[o.proposal_id];
    in.tiers = decisions_of(tx, edition.id);
  });
  try {
    in.aggregation = judging::aggregate(judging::marks(edition.setup.rubric, submitted));
  } catch (const std::invalid_argument&) {
    // The rubric changed after sheets were submitted: the scores' columns stay empty.
  }
  return in;
}

competitions::Edition organiser_edition(Context& context) {
  auto edition = competitions::load_edition(context.db(), context.path_id());
  if (!runs(context.signed_in_user(), edition)) throw forbidden();
  return edition;
}

http::Response send(Context& context, const ExportTable& table, const std::string& name,
                    bool xlsx) {
  std::string file = name + "-" + std::to_string(context.path_id());
  if (!xlsx)
    return http::Response::download(sheet::to_csv(table.columns, table.rows),
                                    "text/csv; charset=utf-8", file + ".csv");
  return http::Response::download(
      sheet::to_xlsx(table.columns, table.rows, context.config().data_dir + "/tmp", name),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
}

http::Response proposals_export(Context& context, bool xlsx) {
  auto edition = organiser_edition(context);
  return send(context, proposals_table(load_export(context, edition)), "usulan", xlsx);
}

http::Response sheets_export(Context& context, bool xlsx) {
  auto edition = organiser_edition(context);
  return send(context, sheets_table(load_export(context, edition)), "lembar-nilai", xlsx);
}

std::string title_of(const competitions::Edition& edition, const std::string& code) {
  for (const auto& a : edition.setup.attachments)
    if (a.code == code) return a.title;
  return code;
}

http::Response dossier(Context& context) {
  auto edition = panel_edition(context);
  auto proposal_id = context.path_id("proposal");
  auto d = context.db().read(
      [&](db::Transaction& tx) { return dossier_of(tx, edition.id, proposal_id); });
  if (!d) throw not_found();
  auto names = names_to_hide(d->agency_name, d->unit_name, d->province_name);
  Json sections = Json::array();
  for (const auto& s : edition.setup.sections) {
    auto answer = d->sections.find(s.code);
    std::string text = answer == d->sections.end() ? "" : anonymise(answer->second, names);
    sections.push_back({{"title", s.title}, {"body", competitions::paragraphs(text)}});
  }
  Json attachments = Json::array();
  for (const auto& code : d->attachment_codes) attachments.push_back(title_of(edition, code));
  Json model = {{"title", context.t("finals.dossier.title") + " · " + std::to_string(proposal_id)},
                {"number", proposal_id},
                {"innovation", anonymise(d->title, names)},
                {"edition_title", edition.setup.general.title},
                {"group", competitions::label(context, "group", d->group_code)},
                {"category", d->category_name},
                {"sections", sections},
                {"attachments", attachments},
                {"has_attachments", !attachments.empty()}};
  return context.page("finals/dossier", std::move(model));
}

}  // namespace

void register_export_routes(kernel::Routes& routes) {
  auto organisers = kernel::Access::roles(
      {auth::Role::organiser, auth::Role::hub_coordinator, auth::Role::local_admin});
  routes.get(paths::kProposalsCsv, organisers,
             [](Context& c) { return proposals_export(c, false); });
  routes.get(paths::kProposalsXlsx, organisers,
             [](Context& c) { return proposals_export(c, true); });
  routes.get(paths::kSheetsCsv, organisers, [](Context& c) { return sheets_export(c, false); });
  routes.get(paths::kSheetsXlsx, organisers, [](Context& c) { return sheets_export(c, true); });
  routes.get(paths::kDossier, panel_access(), dossier);
}

}  // namespace simpul::finals
