-- What an evaluator (Tim Evaluasi) or panelist tells about themselves so that the assignment never
-- gives them a proposal they are in conflict with: where they work (an academic's province
-- conflicts with that province's proposals) and the agencies they have ties with, typed and
-- dated. A declared tie counts while it lasts and for the look-back period after it ended
-- (judging/conflicts.hpp); removing a declaration keeps its row, marked, for the audit.
CREATE TABLE evaluator_profiles (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  institution TEXT NOT NULL DEFAULT '',
  province_code TEXT REFERENCES provinces (code),
  updated_at BIGINT NOT NULL
);

CREATE TABLE evaluator_conflicts (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  kind TEXT NOT NULL CHECK (kind IN ('employment', 'advisory', 'collaboration', 'family', 'other')),
  ended_on TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD when the tie ended; '' while it lasts
  note TEXT NOT NULL DEFAULT '',
  declared_at BIGINT NOT NULL,
  removed_at BIGINT
);
CREATE INDEX evaluator_conflicts_by_user ON evaluator_conflicts (user_id, removed_at);
