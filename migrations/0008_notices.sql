-- Notices: every state change that concerns someone puts a notice in their in-app inbox and, when
-- they have an email address, an email in the outbox, in the transaction of the change. Both keep
-- the message as an i18n key and its arguments (JSON), so the text is rendered when it is read
-- (in the reader's language) or sent.
CREATE TABLE notices (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  message_key TEXT NOT NULL,
  args_json TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
-- The inbox page, newest first.
CREATE INDEX notices_by_user ON notices (user_id, id);
-- The unread count in the layout of every signed-in page: only unread rows are indexed.
CREATE INDEX notices_unread ON notices (user_id) WHERE read_at IS NULL;

-- The outbox. The sender of each app server claims a due row (claimed_until, claimed_by) in a
-- short transaction, talks SMTP outside any transaction, then records the outcome; a claim that
-- outlives claimed_until (a server that died mid-send) can be taken by another server.
CREATE TABLE email_outbox (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  recipient TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  message_key TEXT NOT NULL,
  args_json TEXT NOT NULL,
  link TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  next_attempt_at BIGINT,
  claimed_until BIGINT,
  claimed_by TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
-- The sender's search for due rows, and the outbox page filtered by status, newest first.
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX email_outbox_by_status ON email_outbox (status, id);
