-- API tokens: an agency's systems create and update its innovations through the JSON API with a
-- bearer token that a local admin creates. Only the token's SHA-256 is stored, so a copy of the
-- database opens nothing; the prefix lets people tell their tokens apart. A token is revoked, not
-- deleted, so the audit log keeps naming it.
CREATE TABLE api_tokens (
  id {{id}},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_by BIGINT REFERENCES users (id),
  revoked_at BIGINT
);
CREATE INDEX api_tokens_by_agency ON api_tokens (agency_id, revoked_at);
