#pragma once
// Notices: what the features call when a state change concerns someone. Each call writes an inbox
// entry and, for a user with an email address, an email in the outbox, inside the caller's write
// transaction, so the notice commits or vanishes with the change it announces (and with the
// change's audit event, which the caller records; the notice needs none of its own).
//
// The message is stored as key + arguments, not as text: the inbox renders it in the reader's
// language when shown, and the sender renders the email (Indonesian, English below) when it goes
// out. The key's texts belong to the calling feature's i18n files:
//
//   notices::notify(tx, proposal.author_id,
//                   {"competitions.notice.proposal_returned",
//                    {{"title", proposal.title}, {"edition", "KIPP 2025"}},
//                    "/kompetisi/3/usulan/17"});
#include <cstdint>
#include <optional>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "notices/model.hpp"

namespace simpul::notices {

// One inbox entry for the user, and one email when the user has an email address and is active.
// Throws std::invalid_argument for a malformed message (model.hpp: check) or an unknown user;
// either rolls the caller's transaction back.
void notify(db::Transaction& tx, std::int64_t user_id, const Message& message);
// The same to every active user of the role: of one agency (all local admins of agency 12) or,
// without agency_id, all of them (the organisers).
void notify_role(db::Transaction& tx, auth::Role role, std::optional<std::int64_t> agency_id,
                 const Message& message);

// The user's unread notices, for the layout: one indexed count.
std::int64_t unread_notices(db::Database& database, std::int64_t user_id);

}  // namespace simpul::notices
