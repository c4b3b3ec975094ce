-- The method whose scores decide the evaluation (raw mean, z-score, calibrated) and the passing
-- grade it is held against, as the organiser recorded them; every change is also in the audit log.
CREATE TABLE evaluation_method_choices (
  edition_id BIGINT PRIMARY KEY REFERENCES competition_editions (id),
  method TEXT NOT NULL CHECK (method IN ('raw', 'z_score', 'calibrated')),
  passing_grade INTEGER NOT NULL,
  chosen_by BIGINT REFERENCES users (id),
  chosen_at BIGINT NOT NULL
);
