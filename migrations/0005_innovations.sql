-- The innovation registry. An innovation has a working copy (innovations) that its unit and local
-- admin edit, a numbered version for every save (innovation_versions, a JSON snapshot each), and at
-- most one published snapshot (innovation_published) with denormalised columns for the catalogue's
-- filters and counts. The public side reads only innovation_published, so a revision in progress
-- never leaks. Evidence files are stored once per content (innovation_blobs, keyed by SHA-256) and
-- attached per innovation (innovation_files).

CREATE TABLE innovations (
  id {{id}},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published')),
  -- The number of the latest saved version; a save names the version it started from, and is
  -- refused when another save came first (optimistic locking).
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL DEFAULT '' CHECK (form IN ('', 'pelayanan_publik', 'tata_kelola', 'lainnya')),
  type TEXT NOT NULL DEFAULT '' CHECK (type IN ('', 'digital', 'non_digital')),
  stage TEXT NOT NULL DEFAULT '' CHECK (stage IN ('', 'inisiatif', 'uji_coba', 'penerapan')),
  initiator TEXT NOT NULL DEFAULT '' CHECK (initiator IN ('', 'kepala_daerah', 'anggota_dprd', 'perangkat_daerah', 'asn', 'masyarakat')),
  affairs TEXT NOT NULL DEFAULT '',              -- government affair codes, comma separated
  sdgs TEXT NOT NULL DEFAULT '',                 -- SDG numbers, comma separated
  trial_date TEXT NOT NULL DEFAULT '',           -- YYYY-MM-DD, or '' when not known yet
  implementation_date TEXT NOT NULL DEFAULT '',
  problem TEXT NOT NULL DEFAULT '',
  design TEXT NOT NULL DEFAULT '',
  goals TEXT NOT NULL DEFAULT '',
  benefits TEXT NOT NULL DEFAULT '',
  results_json TEXT NOT NULL DEFAULT '[]',       -- [{indicator, before, after, unit}]
  budget BIGINT CHECK (budget IS NULL OR budget >= 0),  -- rupiah
  video_url TEXT NOT NULL DEFAULT '',
  return_note TEXT NOT NULL DEFAULT '',          -- the local admin's notes when it was returned
  is_sample INTEGER NOT NULL DEFAULT 0,          -- invented demo data, badged on the page
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL
);
-- "My innovations" of a unit or an agency, by status, most recently changed first.
CREATE INDEX innovations_by_unit ON innovations (unit_id, status, updated_at);
CREATE INDEX innovations_by_agency ON innovations (agency_id, status, updated_at);
CREATE INDEX innovations_by_status ON innovations (status, updated_at);

-- The working copy's tags, for lookups; the order is the editor's.
CREATE TABLE innovation_tags (
  innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (innovation_id, position)
);
CREATE INDEX innovation_tags_by_tag ON innovation_tags (tag);

CREATE TABLE innovation_versions (
  innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  number BIGINT NOT NULL,
  snapshot_json TEXT NOT NULL,
  author_id BIGINT REFERENCES users (id),
  author_name TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  published_at BIGINT,                           -- when this version was published, if it was
  PRIMARY KEY (innovation_id, number)
);

CREATE TABLE innovation_published (
  innovation_id BIGINT PRIMARY KEY REFERENCES innovations (id),
  version BIGINT NOT NULL,
  snapshot_json TEXT NOT NULL,
  name TEXT NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  province_code TEXT REFERENCES provinces (code),
  agency_type TEXT NOT NULL,                     -- the agency's cluster
  form TEXT NOT NULL,
  type TEXT NOT NULL,
  stage TEXT NOT NULL,
  initiator TEXT NOT NULL,
  year INTEGER,                                  -- of implementation, else of the trial
  sdg_mask BIGINT NOT NULL DEFAULT 0,            -- bit n-1 for SDG n
  affair_mask BIGINT NOT NULL DEFAULT 0,         -- bit i for kAffairs[i] of innovations/model.hpp
  budget BIGINT,
  is_sample INTEGER NOT NULL DEFAULT 0,
  first_published_at BIGINT NOT NULL,
  published_at BIGINT NOT NULL
);
CREATE INDEX innovation_published_by_agency ON innovation_published (agency_id, name);
CREATE INDEX innovation_published_by_province ON innovation_published (province_code, agency_type);
CREATE INDEX innovation_published_by_time ON innovation_published (published_at);

CREATE TABLE innovation_files (
  id {{id}},
  innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  sha256 TEXT NOT NULL REFERENCES innovation_blobs (sha256),
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,                    -- sniffed from the bytes, never the client's word
  size BIGINT NOT NULL,
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  -- Removed from the working copy; kept because older versions and the published snapshot may
  -- still list the file.
  removed_at BIGINT
);
CREATE INDEX innovation_files_by_innovation ON innovation_files (innovation_id, removed_at);
