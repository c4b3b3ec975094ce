-- What the organiser sets per evaluator for one edition: the edition's categories
-- (competition_categories codes) the evaluator is expert in, which the automatic assignment
-- prefers, and the most proposals the evaluator takes in an automatic run (NULL: no maximum).
-- Codes are checked against the edition's categories when written; a code the set-up drops later
-- matches no proposal and is ignored.
CREATE TABLE evaluator_edition_settings (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  evaluator_id BIGINT NOT NULL REFERENCES users (id),
  expertise_json TEXT NOT NULL DEFAULT '[]',  -- category codes, sorted
  max_load INTEGER CHECK (max_load BETWEEN 1 AND 1000),
  updated_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (edition_id, evaluator_id)
);
