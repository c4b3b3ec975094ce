-- Competitions: the national KIPP, a JIPP hub's provincial competition or an agency's internal
-- selection, one edition per year and owner. An edition is set up by its organiser as data (stage
-- dates, groups with their eligibility rules, categories, clusters, the proposal form and the
-- rubrics), published, and its deadlines can be extended with a recorded reason. Times are UTC
-- seconds; the edition's zone (WIB, WITA, WIT) is how its dates are typed and shown.
--
-- Proposals (the next issue) attach here:
--   proposals.edition_id REFERENCES competition_editions (id);
--   FOREIGN KEY (edition_id, group_code) REFERENCES competition_groups (edition_id, code) and
--   FOREIGN KEY (edition_id, category_code) REFERENCES competition_categories (edition_id, code),
--   which is why groups, categories, form sections, attachments and rubric aspects are keyed by
--   (edition, code) and saved in place by code: a code in use cannot be deleted under a proposal;
--   "no duplicate titles": UNIQUE (edition_id, title_key) with title_key = competitions::title_key;
--   the caps per agency and group: INDEX (edition_id, agency_id, group_code);
--   the organiser's lists: INDEX (edition_id, status, updated_at).

CREATE TABLE competition_editions (
  id {{id}},
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('national', 'hub', 'agency')),
  -- national: none (the ministry's secretariat) or a ministry; hub: the hub's province;
  -- agency: the agency holding its internal selection.
  owner_agency_id BIGINT REFERENCES agencies (id),
  timezone TEXT NOT NULL CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
  -- NULL when an edition's sources do not say (the demo editions of earlier years).
  evaluators_per_proposal INTEGER DEFAULT 2 CHECK (evaluators_per_proposal BETWEEN 1 AND 10),
  passing_grade INTEGER DEFAULT 85 CHECK (passing_grade BETWEEN 0 AND 100),
  finalist_count INTEGER DEFAULT 99 CHECK (finalist_count BETWEEN 1 AND 1000),
  blind_review INTEGER NOT NULL DEFAULT 0,
  source_note TEXT NOT NULL DEFAULT '',          -- where the facts of the edition come from
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- Every change of the set-up names the version it started from (optimistic locking).
  version BIGINT NOT NULL DEFAULT 1,
  copied_from BIGINT REFERENCES competition_editions (id),
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL,
  published_at BIGINT
);
-- One edition per owner and year; national editions have no owner, hence the COALESCE.
CREATE UNIQUE INDEX competition_editions_by_owner_year
  ON competition_editions (level, COALESCE(owner_agency_id, 0), year);
-- The public list: published editions, newest year first.
CREATE INDEX competition_editions_by_status ON competition_editions (status, year);

-- One row per stage code of every edition, written when the edition is created; dates may stay
-- empty. The registration's ends_at is the deadline for proposals.
CREATE TABLE competition_stages (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL CHECK (code IN ('registration', 'screening', 'evaluation', 'nomination', 'objection', 'presentation', 'field_verification', 'decision', 'award')),
  starts_at BIGINT,
  ends_at BIGINT,
  PRIMARY KEY (edition_id, code),
  CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at <= ends_at)
);

-- Deadlines moved after publication, as the 2023 registration was (Surat Deputi B/188/PP.00.05/2023).
CREATE TABLE competition_extensions (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  stage TEXT NOT NULL,
  old_ends_at BIGINT NOT NULL,
  new_ends_at BIGINT NOT NULL CHECK (new_ends_at > old_ends_at),
  reason TEXT NOT NULL,
  by_user BIGINT REFERENCES users (id),
  by_name TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX competition_extensions_by_edition ON competition_extensions (edition_id, at);

-- The three groups exist for every edition; an edition enables the ones it uses. The rules are
-- data: NULL means no such rule.
CREATE TABLE competition_groups (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL CHECK (code IN ('umum', 'replikasi', 'khusus')),
  enabled INTEGER NOT NULL DEFAULT 0,
  min_age_months INTEGER CHECK (min_age_months BETWEEN 0 AND 240),
  max_per_agency INTEGER CHECK (max_per_agency BETWEEN 1 AND 1000),
  requires_top_award INTEGER NOT NULL DEFAULT 0,          -- Khusus: earlier top winners only
  excludes_top_award INTEGER NOT NULL DEFAULT 0,          -- Umum: not earlier top winners
  requires_source_innovation INTEGER NOT NULL DEFAULT 0,  -- Replikasi: names what it adapts
  PRIMARY KEY (edition_id, code)
);

CREATE TABLE competition_categories (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (edition_id, code)
);

-- The participant clusters an edition admits; an agency's type gives its cluster.
CREATE TABLE competition_clusters (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL CHECK (code IN ('kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn_bumd')),
  PRIMARY KEY (edition_id, code)
);

-- The proposal form: its sections, with guidance and word limits.
CREATE TABLE competition_form_sections (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  guidance TEXT NOT NULL DEFAULT '',
  max_words INTEGER CHECK (max_words BETWEEN 10 AND 10000),
  position INTEGER NOT NULL,
  PRIMARY KEY (edition_id, code)
);

-- What a proposal attaches: files (the decree naming the innovators) and video links.
CREATE TABLE competition_attachments (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'video')),
  required INTEGER NOT NULL DEFAULT 1,
  max_video_seconds INTEGER CHECK (max_video_seconds BETWEEN 10 AND 3600),
  position INTEGER NOT NULL,
  PRIMARY KEY (edition_id, code)
);

-- The evaluation team's rubric and the panel's interview rubric: aspects with weights that sum to
-- 100 per kind, a scale and guidance. Scores (the next issues) reference (edition, kind, code).
CREATE TABLE competition_rubric_aspects (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  kind TEXT NOT NULL CHECK (kind IN ('evaluation', 'interview')),
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  guidance TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  PRIMARY KEY (edition_id, kind, code),
  CHECK (scale_min < scale_max)
);
