#include "core/view/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "core/view/template.hpp"

namespace simpul::view {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks

struct FreeCode {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string qr_svg(std::string_view text, std::string_view label) {
  std::string input(text);
  std::unique_ptr<QRcode, FreeCode> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M));
  if (!code) throw std::runtime_error("text too long for a QR code");
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each byte is the module's colour (1: dark).
      if (code->data[y * width + x] & 1) {
        path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) +
                "h1v1h-1z";
      }
    }
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
         std::to_string(size) + "\" role=\"img\" aria-label=\"" + escape_html(label) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

}  // namespace simpul::view
