#pragma once
// What a feature sees of the running application. The app root (src/app/) implements it; the
// kernel and the features know only this interface, so nothing below the root includes the
// wiring of every feature.
#include "core/db/database.hpp"
#include "core/http/static_files.hpp"
#include "core/view/i18n.hpp"
#include "core/view/template.hpp"
#include "kernel/config.hpp"
#include "kernel/events.hpp"
#include "kernel/services.hpp"

namespace simpul::kernel {

class Context;

class Host {
 public:
  virtual ~Host() = default;

  virtual const Config& config() const = 0;
  virtual db::Database& db() = 0;
  virtual const view::Catalog& catalog() const = 0;
  virtual const view::TemplateSet& templates() const = 0;
  virtual const http::StaticFiles& static_files() const = 0;
  virtual Events& events() = 0;
  virtual const Services& services() const = 0;
  // Adds the site's frame to a page's model: navigation, the account menu and its unread count.
  // count_unread: whether to count the unread notices too (one query), on full pages only.
  virtual void add_frame(const Context& context, view::Json& model, bool count_unread) = 0;
};

}  // namespace simpul::kernel
