// Evidence files: download with the original name (they arrive with the edit form, edit_routes).
// A draft's files are for its owners; the files of the published version are for everyone.
#include <algorithm>

#include "innovations/paths.hpp"
#include "innovations/routes.hpp"
#include "innovations/service.hpp"
#include "innovations/store.hpp"
#include "innovations/uploads.hpp"
#include "kernel/paths.hpp"

namespace simpul::innovations {
namespace {

using kernel::Context;

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
  return file_download(std::move(found->bytes), found->file.content_type, found->file.name,
                       found->is_public ? std::optional<int>(86400) : std::nullopt);
}

}  // namespace simpul::innovations
