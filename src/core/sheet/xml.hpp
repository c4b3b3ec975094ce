#pragma once
// Internal to core/sheet: streams one XML part of a zip through expat, so a sheet of hundreds of
// megabytes is never held in memory. Elements and attributes are named by their local name
// only: Excel writes the main namespace unprefixed, other writers as "x:c", strict OOXML with
// other URIs, and all of them mean the same cell.
#include <optional>
#include <string_view>

#include "core/sheet/zip.hpp"

namespace simpul::sheet::detail {

class XmlAttributes {
 public:
  explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}
  std::optional<std::string_view> get(std::string_view local_name) const;

 private:
  const char** pairs_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  // Text arrives in pieces; a handler appends them.
  virtual void text(std::string_view text) = 0;
};

// Malformed XML, or a DTD (never in an Office file, and the door to entity expansion attacks),
// is sheet.error.xlsx_corrupt. An exception thrown by the handler stops parsing and propagates.
void parse_xml(ZipArchive& zip, std::string_view part, XmlHandler& handler);

}  // namespace simpul::sheet::detail
