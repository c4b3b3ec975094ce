-- An evaluator's score sheet for an assigned proposal: a score per aspect of the edition's
-- evaluation rubric (competition_rubric_aspects, kind 'evaluation') and a comment, saved as a
-- draft any number of times, then submitted once; a submitted sheet no longer changes.
CREATE TABLE score_sheets (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  evaluator_id BIGINT NOT NULL REFERENCES users (id),
  scores_json TEXT NOT NULL DEFAULT '{}',  -- aspect code -> score on the aspect's scale
  comment TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT,
  UNIQUE (proposal_id, evaluator_id)
);
CREATE INDEX score_sheets_by_edition ON score_sheets (edition_id, status);
CREATE INDEX score_sheets_by_evaluator ON score_sheets (evaluator_id, edition_id);
