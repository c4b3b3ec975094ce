-- Proposals (usulan) to a competition edition. A unit operator starts one from a published
-- innovation of its unit and fills the edition's form; it goes to the agency's local admin, who
-- returns it with notes or submits it to the organiser; the organiser screens it. Every change
-- names the version it started from (optimistic locking), so two admins submitting at once
-- cannot both succeed.
--
-- Statuses: draft and returned are "at the unit", at_admin "at the local admin", submitted,
-- passed and failed "submitted" (the three counts SINOVIK shows); withdrawn frees the title and
-- the innovation for another proposal.
CREATE TABLE proposals (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  -- Copied from the agency when the proposal starts, for the organiser's lists and dashboard.
  province_code TEXT REFERENCES provinces (code),
  cluster TEXT NOT NULL,
  group_code TEXT NOT NULL,
  category_code TEXT,
  -- The innovation's name when the proposal started; title_key is competitions::title_key(title).
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  source_innovation_id BIGINT REFERENCES innovations (id),  -- Replikasi: what it adapts
  status TEXT NOT NULL CHECK (status IN ('draft', 'at_admin', 'returned', 'submitted', 'withdrawn', 'passed', 'failed')),
  return_note TEXT NOT NULL DEFAULT '',
  screening_reason TEXT CHECK (screening_reason IS NULL OR screening_reason IN ('too_young', 'incomplete', 'careless', 'duplicate_title', 'not_eligible', 'other')),
  screening_note TEXT NOT NULL DEFAULT '',
  screened_by BIGINT REFERENCES users (id),
  screened_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL,
  sent_at BIGINT,        -- last sent to the local admin
  submitted_at BIGINT,   -- submitted to the organiser
  withdrawn_at BIGINT,
  FOREIGN KEY (edition_id, group_code) REFERENCES competition_groups (edition_id, code),
  FOREIGN KEY (edition_id, category_code) REFERENCES competition_categories (edition_id, code)
);
-- No duplicate titles, and one proposal per innovation, in an edition (withdrawn ones aside).
CREATE UNIQUE INDEX proposals_by_title ON proposals (edition_id, title_key) WHERE status <> 'withdrawn';
CREATE UNIQUE INDEX proposals_by_innovation ON proposals (edition_id, innovation_id) WHERE status <> 'withdrawn';
-- The caps per agency and group, and an agency's list.
CREATE INDEX proposals_by_agency ON proposals (edition_id, agency_id, group_code);
-- The organiser's lists and the dashboard.
CREATE INDEX proposals_by_status ON proposals (edition_id, status, updated_at);
CREATE INDEX proposals_by_unit ON proposals (unit_id, edition_id);

-- The answers to the edition's form sections (competition_form_sections), one row per section
-- with text.
CREATE TABLE proposal_sections (
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  code TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (proposal_id, code)
);

-- The attachments the edition asks for (competition_attachments): a file, stored once per content
-- in innovation_blobs, or a video link with its length as the proposer states it.
CREATE TABLE proposal_files (
  id {{id}},
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  attachment_code TEXT NOT NULL,
  sha256 TEXT REFERENCES innovation_blobs (sha256),
  original_name TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  size BIGINT NOT NULL DEFAULT 0,
  video_url TEXT NOT NULL DEFAULT '',
  video_seconds INTEGER,
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  CHECK ((sha256 IS NULL) <> (video_url = ''))
);
-- One current attachment per requirement: a new upload replaces the row.
CREATE UNIQUE INDEX proposal_files_by_code ON proposal_files (proposal_id, attachment_code);

-- The announcement of the administrative screening (pengumuman), once published the screening
-- decisions of the edition are final.
CREATE TABLE proposal_announcements (
  edition_id BIGINT PRIMARY KEY REFERENCES competition_editions (id),
  note TEXT NOT NULL DEFAULT '',
  published_by BIGINT REFERENCES users (id),
  published_at BIGINT NOT NULL
);
