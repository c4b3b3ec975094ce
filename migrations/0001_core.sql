-- Core tables: settings, regions, agencies and their service units, accounts, sessions,
-- sign-in attempts and the audit log. Times are integer seconds since the epoch (UTC); flags are
-- integers 0/1 on both engines.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE provinces (
  code TEXT PRIMARY KEY,          -- Kemendagri code, "65"
  name TEXT NOT NULL,
  timezone TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT'))
);

CREATE TABLE regencies (
  code TEXT PRIMARY KEY,          -- Kemendagri code, "65.01"
  province_code TEXT NOT NULL REFERENCES provinces (code),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('kabupaten', 'kota'))
);
CREATE INDEX regencies_by_province ON regencies (province_code);

-- An instansi: a ministry, an agency (lembaga), a regional government or a state/regional
-- enterprise. Its type is its competition cluster.
CREATE TABLE agencies (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn', 'bumd')),
  province_code TEXT REFERENCES provinces (code),
  regency_code TEXT REFERENCES regencies (code),
  timezone TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX agencies_by_type ON agencies (type, province_code);

-- A service unit (OPD / unit pelayanan publik) of an agency.
CREATE TABLE units (
  id {{id}},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (agency_id, name)
);

CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('organiser', 'local_admin', 'unit_operator', 'hub_coordinator', 'evaluator', 'panelist')),
  agency_id BIGINT REFERENCES agencies (id),
  unit_id BIGINT REFERENCES units (id),
  full_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  must_complete_profile INTEGER NOT NULL DEFAULT 1,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT
);
CREATE INDEX users_by_agency ON users (agency_id);

-- Sessions are stored by the SHA-256 of their id, so a copy of the database opens no session.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins, for rate limiting per account and per address across every app server.
CREATE TABLE signin_failures (
  scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  subject TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX signin_failures_by_subject ON signin_failures (scope, subject, at);

-- Every state change: who, when, what, before and after (JSON), written in the same transaction
-- as the change. Append-only: triggers (next migration) refuse UPDATE and DELETE.
CREATE TABLE audit_events (
  id {{id}},
  at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES users (id),
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT NOT NULL DEFAULT '',
  remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_by_entity ON audit_events (entity, entity_id);
CREATE INDEX audit_events_by_actor ON audit_events (actor_id);
