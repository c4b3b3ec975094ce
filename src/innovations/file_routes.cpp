// Evidence files: upload (multipart), removal, and download with the original name. A draft's
// files are for its owners; the files of the published version are for everyone.
#include <algorithm>

#include "core/http/multipart.hpp"
#include "innovations/edit_page.hpp"
#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using kernel::Context;

std::vector<Upload> uploads_of(const http::Request& request) {
  http::MultipartLimits limits;
  limits.max_parts = kMaxFilesPerInnovation + 10;  // the files and a few fields
  limits.max_file_bytes = kMaxFileBytes;
  auto multipart = http::Multipart::parse(request.header("content-type"), request.body, limits);
  std::vector<Upload> uploads;
  for (const auto* part : multipart.files("berkas"))
    uploads.push_back({*part->filename, part->body});
  return uploads;
}

bool listed_in(const std::optional<Published>& published, std::int64_t file_id) {
  if (!published) return false;
  auto files = attachments_from_json(published->snapshot.value("files", nlohmann::json::array()));
  return std::any_of(files.begin(), files.end(),
                     [&](const Attachment& file) { return file.id == file_id; });
}

Verdict view_verdict(const Context& context, const Innovation& innovation) {
  if (!context.user()) return Verdict::forbidden;
  return decide(editor_of(*context.user()), Action::view,
                {innovation.status, innovation.agency_id, innovation.unit_id});
}

}  // namespace

http::Response upload(Context& context) {
  auto id = context.path_id();
  Innovation innovation = viewable_innovation(context, id);
  AttachResult result;
  try {
    result = attach_files(context.db(), context.actor(), editor_of(context.signed_in_user()), id,
                          uploads_of(context.request()));
  } catch (const Forbidden&) {
    throw;
  } catch (const NotFound&) {
    throw;
  } catch (const UserError& error) {
    // A refused file (type, size, count, a broken upload) is explained next to the upload form.
    EditPage page = stored_page(innovation);
    page.upload_error = context.t(error.key(), error.args());
    return render_edit(context, page, http_status(error.failure()));
  }
  return context.redirect_with_notice(kernel::path(paths::kEdit, {id}) + "#berkas",
                                      result.attached > 0
                                          ? "innovation.notice.files_attached"
                                          : "innovation.notice.files_already_attached");
}

http::Response remove_upload(Context& context) {
  auto id = context.path_id();
  remove_file(context.db(), context.actor(), editor_of(context.signed_in_user()), id,
              context.path_id("file"));
  return context.redirect_with_notice(kernel::path(paths::kEdit, {id}) + "#berkas",
                                      "innovation.notice.file_removed");
}

http::Response download(Context& context) {
  auto id = context.path_id();
  auto file_id = context.path_id("file");
  struct Found {
    Attachment file;
    bool is_public = false;
    std::string bytes;
  };
  auto found = context.db().read([&](db::Transaction& tx) -> std::optional<Found> {
    auto innovation = find_innovation(tx, id);
    auto file = innovation ? find_file(tx, id, file_id) : std::nullopt;
    if (!file) return std::nullopt;
    bool is_public = listed_in(find_published(tx, id), file_id);
    if (!may_download(is_public, view_verdict(context, *innovation))) throw forbidden();
    return Found{*file, is_public, blob_bytes(tx, file->sha256).value_or("")};
  });
  if (!found) throw not_found();
  auto response = http::Response::html(std::move(found->bytes));
  response.content_type = found->file.content_type;
  response.set_header("Content-Disposition", attachment_disposition(found->file.name));
  response.set_header("X-Content-Type-Options", "nosniff");
  // A file id always names the same bytes, so a public file may be cached anywhere.
  response.set_header("Cache-Control",
                      found->is_public ? "public, max-age=86400" : "private, no-store");
  return response;
}

}  // namespace simpul::innovations
