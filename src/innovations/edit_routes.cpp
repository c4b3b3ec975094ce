// Drafting and the workflow: "my innovations", the edit form, sending to the local admin,
// publishing and returning with notes.
#include <algorithm>

#include "core/view/format.hpp"
#include "innovations/edit_page.hpp"
#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "innovations/view.hpp"
#include "kernel/context.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using auth::Role;

http::Response to_edit_page(Context& context, std::int64_t id, const char* notice_key) {
  return context.redirect_with_notice(kernel::path(paths::kEdit, {id}), notice_key);
}

// The groups of "my innovations": at the unit, at the local admin, published.
std::vector<Status> statuses_at(std::string_view position) {
  if (position == "unit") return {Status::draft, Status::returned};
  if (position == "admin") return {Status::submitted};
  if (position == "terbit") return {Status::published};
  return {};
}

// A unit operator sees its unit's innovations, a local admin its agency's, the organiser all.
ListFilter scope_of(const kernel::CurrentUser& me) {
  ListFilter filter;
  if (me.is(Role::unit_operator)) filter.unit_id = me.unit_id.value_or(-1);
  if (me.is(Role::local_admin)) filter.agency_id = me.agency_id.value_or(-1);
  return filter;
}

Json listed_json(const Context& context, const ListedInnovation& item) {
  Json json = {{"edit_url", kernel::path(paths::kEdit, {item.id})},
               {"name", item.name},
               {"unit", item.unit_name},
               {"agency", item.agency_name},
               {"status", status_label(context, item.status, item.published_version.has_value())},
               {"updated", context.format_datetime(item.updated_at)},
               {"is_sample", item.is_sample}};
  if (item.published_version) json["public_url"] = kernel::path(paths::kInnovation, {item.id});
  return json;
}

const char* saved_notice(const Saved& saved) {
  if (saved.removed > 0) return "innovation.notice.file_removed";
  if (saved.attached > 0) return "innovation.notice.files_attached";
  if (saved.already_attached > 0) return "innovation.notice.files_already_attached";
  return "innovation.notice.saved";
}

// Writes what the edit form sent, or shows the form again with everything typed and the reason
// where it belongs: a field's error at the field, a refused file at the file chooser, a conflict
// (another save came first) above the form, where saving again conflicts again until the editor
// reloads and sees the other change.
template <class Write>
http::Response attempt_write(Context& context, EditPage& page, Write&& write) {
  if (!page.errors.empty()) return render_edit(context, page, 422);
  try {
    return write();
  } catch (const InvalidForm& error) {
    page.errors = error.errors();
    return render_edit(context, page, 422);
  } catch (const UserError& error) {
    if (is_file_refusal(error)) {
      page.upload_error = context.t(error.key(), error.args());
    } else if (error.failure() == Failure::conflict) {
      page.problem = context.t(error.key(), error.args());
    } else {
      throw;
    }
    return render_edit(context, page, http_status(error.failure()));
  }
}

// Runs a workflow action posted from the edit page; a refusal the editor can act on (an
// incomplete profile, missing notes, a conflict) shows the page again with the reason.
template <class Act>
http::Response run_action(Context& context, const char* done, Act&& act) {
  auto id = context.path_id();
  viewable_innovation(context, id);
  const auto& form = context.request().form();
  auto version = Context::form_version(form);
  EditPage refused;
  int status = 0;
  try {
    act(editor_of(context.signed_in_user()), id, version, form);
    return to_edit_page(context, id, done);
  } catch (const Incomplete& error) {
    refused.blocked = error.missing();
    status = 422;
  } catch (const InvalidForm& error) {
    refused.errors = error.errors();
    status = 422;
  } catch (const Conflict& error) {
    refused.problem = context.t(error.key(), error.args());
    status = 409;
  }
  Innovation innovation = viewable_innovation(context, id);
  EditPage page = stored_page(innovation);
  page.blocked = std::move(refused.blocked);
  page.errors = std::move(refused.errors);
  page.problem = std::move(refused.problem);
  page.return_notes = form.get("notes");
  return render_edit(context, page, status);
}

}  // namespace

http::Response my_innovations(Context& context) {
  const auto& me = context.signed_in_user();
  const auto& query = context.request().query();
  ListFilter filter = scope_of(me);
  std::string position = query.get("posisi");
  filter.statuses = statuses_at(position);
  // Bounded so the offset stays a small number whatever the link says.
  int page = static_cast<int>(
      std::min<std::int64_t>(parse_positive(query.get("halaman")).value_or(1), 100000));
  filter.offset = (page - 1) * filter.limit;
  auto count_at = [&](db::Transaction& tx, const char* where) {
    ListFilter counted = scope_of(me);
    counted.statuses = statuses_at(where);
    return count_innovations(tx, counted);
  };
  Json counts, items = Json::array();
  std::int64_t total = 0;
  context.db().read([&](db::Transaction& tx) {
    counts = {{"unit", count_at(tx, "unit")},
              {"admin", count_at(tx, "admin")},
              {"published", count_at(tx, "terbit")}};
    total = count_innovations(tx, filter);
    for (const auto& item : list_innovations(tx, filter))
      items.push_back(listed_json(context, item));
  });
  Json model = {{"title", context.t("innovation.mine.title")},
                {"counts", counts},
                {"items", items},
                {"has_items", !items.empty()},
                {"show_agency", me.is(Role::organiser)},
                {"can_create", me.is(Role::unit_operator) || me.is(Role::local_admin)},
                {"can_import", me.is(Role::local_admin)}};
  if (!filter.statuses.empty()) {
    model["filter_label"] = context.t("innovation.mine.position." + position);
  }
  std::string base = "/inovasi/saya?posisi=" + http::url_encode(position) + "&halaman=";
  if (page > 1) model["previous"] = base + std::to_string(page - 1);
  if (filter.offset + filter.limit < total) model["following"] = base + std::to_string(page + 1);
  return context.page("innovations/mine", std::move(model));
}

http::Response new_form(Context& context) { return render_edit(context, EditPage{}, 200); }

http::Response create(Context& context) {
  const auto& me = context.signed_in_user();
  SentForm sent = read_sent_form(context);
  EditPage page;
  page.typed = read_typed_form(sent.form);
  page.unit_id = me.is(Role::unit_operator) ? me.unit_id : parse_positive(sent.form.get("unit_id"));
  page.errors = parse_typed_form(page.typed);
  if (!page.unit_id) page.errors["unit_id"] = "innovation.error.unit";
  page.files_dropped = !sent.files.added.empty();
  return attempt_write(context, page, [&] {
    auto id = create_innovation(context.db(), context.actor(), editor_of(me), *page.unit_id,
                                page.typed.fields, page.typed.note, false, sent.files.added);
    return to_edit_page(context, id,
                        sent.files.added.empty() ? "innovation.notice.created"
                                                 : "innovation.notice.created_with_files");
  });
}

http::Response edit_form(Context& context) {
  Innovation innovation = viewable_innovation(context, context.path_id());
  return render_edit(context, stored_page(innovation), 200);
}

http::Response save(Context& context) {
  auto id = context.path_id();
  Innovation innovation = viewable_innovation(context, id);
  SentForm sent = read_sent_form(context);
  EditPage page = stored_page(innovation);
  page.typed = read_typed_form(sent.form);
  page.version = Context::form_version(sent.form);
  page.errors = parse_typed_form(page.typed);
  page.files_dropped = !sent.files.added.empty();
  return attempt_write(context, page, [&] {
    auto saved = save_innovation(context.db(), context.actor(), editor_of(context.signed_in_user()),
                                 id, page.version, page.typed.fields, page.typed.note, sent.files);
    bool files_changed = saved.attached + saved.already_attached + saved.removed > 0;
    return context.redirect_with_notice(
        kernel::path(paths::kEdit, {id}) + (files_changed ? "#berkas" : ""), saved_notice(saved));
  });
}

http::Response submit(Context& context) {
  return run_action(
      context, "innovation.notice.submitted",
      [&](const Editor& editor, std::int64_t id, std::int64_t version, const http::Form&) {
        submit_innovation(context.db(), context.actor(), editor, id, version);
      });
}

http::Response publish(Context& context) {
  return run_action(
      context, "innovation.notice.published",
      [&](const Editor& editor, std::int64_t id, std::int64_t version, const http::Form&) {
        publish_innovation(context.db(), context.events(), context.actor(), editor, id, version);
      });
}

http::Response send_back(Context& context) {
  return run_action(
      context, "innovation.notice.returned",
      [&](const Editor& editor, std::int64_t id, std::int64_t version, const http::Form& form) {
        return_innovation(context.db(), context.actor(), editor, id, version, form.get("notes"));
      });
}

}  // namespace simpul::innovations
