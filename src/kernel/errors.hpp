#pragma once
// How an expected failure reaches a visitor: the HTTP status's code in JSON errors.
#include <string>

namespace simpul::kernel {

// The code of a JSON error for an HTTP status: 404 -> "not_found".
std::string error_code(int status);

}  // namespace simpul::kernel
