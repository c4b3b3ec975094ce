-- Evidence files of the registry, stored once per content, keyed by the SHA-256 of the bytes.
-- The one table whose column type differs between the engines (BLOB / BYTEA); the rest of the
-- registry is in 0005_innovations.sql.
CREATE TABLE innovation_blobs (
  sha256 TEXT PRIMARY KEY,                       -- lower-case hex of the bytes
  size BIGINT NOT NULL,
  bytes BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);

