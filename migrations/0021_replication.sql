-- Replication (replikasi): an agency adapting another agency's innovation to its own needs, the
-- programme's purpose (domain.md §4). One record per source innovation and adopting agency while
-- it is under way; a stopped record keeps its history, and the agency may start again.
--
-- The path follows the replication guidance: minat (letter of interest), kaji_tiru (study visit,
-- optional), komitmen (signed commitment), penerapan (implementation: start date and adoption
-- decree), evaluasi, berlanjut (sustained); berhenti (stopped, with its reason) from any stage.
-- stage is where the record stands; each stage reached is a row of replication_steps with its
-- date and evidence. adopted_innovation_id is the adopter's own innovation in the registry, once
-- it implements (a draft it completes and publishes like any other).
CREATE TABLE replications (
  id {{id}},
  source_innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  adopter_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  adopter_unit_id BIGINT REFERENCES units (id),
  adopted_innovation_id BIGINT REFERENCES innovations (id),
  stage TEXT NOT NULL CHECK (stage IN ('minat', 'kaji_tiru', 'komitmen', 'penerapan', 'evaluasi',
                                       'berlanjut', 'berhenti')),
  stopped_at_stage TEXT,                   -- the stage it had reached when it stopped
  plan_keeps TEXT NOT NULL DEFAULT '',     -- the modification plan: what stays as in the source
  plan_changes TEXT NOT NULL DEFAULT '',   -- and what changes for local needs
  decree TEXT NOT NULL DEFAULT '',         -- the adoption decree's number, from penerapan
  is_sample INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX replications_under_way ON replications (source_innovation_id, adopter_agency_id)
  WHERE stage <> 'berhenti';
CREATE INDEX replications_by_adopter ON replications (adopter_agency_id);
CREATE INDEX replications_by_adopted ON replications (adopted_innovation_id);
CREATE INDEX replications_by_update ON replications (updated_at);

-- A stage reached: its date (YYYY-MM-DD, in the adopter's calendar), its evidence (a link, a file
-- kept in the registry's blob store, or both) and a note; for berhenti the note is the reason.
CREATE TABLE replication_steps (
  id {{id}},
  replication_id BIGINT NOT NULL REFERENCES replications (id),
  stage TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  evidence_url TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  file_type TEXT NOT NULL DEFAULT '',
  file_size BIGINT NOT NULL DEFAULT 0,
  file_sha256 TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (replication_id, stage)
);

-- Every change of a record is a version: the whole record as JSON, who and when.
CREATE TABLE replication_versions (
  replication_id BIGINT NOT NULL REFERENCES replications (id),
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (replication_id, version)
);

-- Mentoring (pendampingan): who coached the adopter, when, on what, with how many present.
CREATE TABLE mentoring_sessions (
  id {{id}},
  replication_id BIGINT NOT NULL REFERENCES replications (id),
  held_on TEXT NOT NULL,
  mentor_kind TEXT NOT NULL CHECK (mentor_kind IN ('kementerian', 'universitas', 'hub', 'lainnya')),
  mentor_name TEXT NOT NULL,
  topic TEXT NOT NULL,
  attendance INTEGER NOT NULL CHECK (attendance >= 0),
  notes TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX mentoring_sessions_by_replication ON mentoring_sessions (replication_id, held_on);

-- Milestones with a target date and, once reached, the actual one: a late replication shows.
CREATE TABLE replication_milestones (
  id {{id}},
  replication_id BIGINT NOT NULL REFERENCES replications (id),
  title TEXT NOT NULL,
  target_on TEXT NOT NULL,
  done_on TEXT,
  recorded_by BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX replication_milestones_by_replication ON replication_milestones (replication_id, target_on);
