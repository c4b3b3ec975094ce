#pragma once
// The addresses of an agency's API tokens, written once: the routes are registered with these
// patterns, and links and forms fill them in with kernel::path.

namespace simpul::api_tokens::paths {

inline constexpr char kTokens[] = "/token-api";
inline constexpr char kRevoke[] = "/token-api/{id}/cabut";

}  // namespace simpul::api_tokens::paths
