-- Which evaluator (Tim Evaluasi) scores which proposal. The automatic assignment
-- (judging::assign) writes rows with method 'auto' and replaces them when run again; the
-- organiser's moves write 'manual' rows, which later runs keep. A pair is never in conflict
-- (judging::conflicted), checked when it is written.
CREATE TABLE evaluation_assignments (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  evaluator_id BIGINT NOT NULL REFERENCES users (id),
  method TEXT NOT NULL CHECK (method IN ('auto', 'manual')),
  assigned_by BIGINT REFERENCES users (id),
  assigned_at BIGINT NOT NULL,
  UNIQUE (proposal_id, evaluator_id)
);
CREATE INDEX evaluation_assignments_by_edition ON evaluation_assignments (edition_id, proposal_id);
CREATE INDEX evaluation_assignments_by_evaluator ON evaluation_assignments (evaluator_id, edition_id);
