#pragma once
// The addresses of the inbox and the outbox, written once: the routes are registered with these
// patterns, and links and forms fill them in with kernel::path.

namespace simpul::notices::paths {

inline constexpr char kInbox[] = "/kotak-masuk";
inline constexpr char kMarkAllRead[] = "/kotak-masuk/dibaca-semua";
inline constexpr char kMarkRead[] = "/kotak-masuk/{id}/dibaca";
inline constexpr char kOutbox[] = "/email-keluar";

}  // namespace simpul::notices::paths
