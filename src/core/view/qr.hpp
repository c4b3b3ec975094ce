#pragma once
// A QR code drawn as SVG on the server (libqrencode computes the modules), so a printed
// certificate carries a code for its verification page without a script or an image service.
#include <string>
#include <string_view>

namespace simpul::view {

// An <svg> of the QR code of text (error correction level M, a quiet zone of four modules), dark
// modules as one path; `label` is its accessible name. Throws std::runtime_error when the text
// does not fit a QR code.
std::string qr_svg(std::string_view text, std::string_view label);

}  // namespace simpul::view
