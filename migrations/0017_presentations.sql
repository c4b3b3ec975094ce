-- Presentations and interviews (migration 0016 has the panels, slots and interview sheets): the
-- grid of each edition as its organiser sets it, and how each slot came to be.
--
-- days: the dates typed, YYYY-MM-DD separated by commas; '' means the working days (Monday to
-- Friday) between the presentation stage's start and end, so that an extended stage is followed.
-- Times are minutes since midnight in the edition's zone. A change of the grid or the panels sets
-- changed_at and clears scheduled_at, which the next run sets: the page says the timetable is
-- stale while it is NULL.
CREATE TABLE presentation_settings (
  edition_id BIGINT PRIMARY KEY REFERENCES competition_editions (id),
  days TEXT NOT NULL DEFAULT '',
  day_from INTEGER NOT NULL DEFAULT 480 CHECK (day_from BETWEEN 0 AND 1440),
  day_to INTEGER NOT NULL DEFAULT 960 CHECK (day_to BETWEEN 0 AND 1440),
  slot_minutes INTEGER NOT NULL DEFAULT 20 CHECK (slot_minutes BETWEEN 5 AND 180),
  break_minutes INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes BETWEEN 0 AND 180),
  lunch_from INTEGER CHECK (lunch_from IS NULL OR lunch_from BETWEEN 0 AND 1440),
  lunch_to INTEGER CHECK (lunch_to IS NULL OR lunch_to BETWEEN 0 AND 1440),
  changed_by BIGINT REFERENCES users (id),
  changed_at BIGINT NOT NULL,
  scheduled_at BIGINT
);

-- A slot is 'auto' (the last run placed it; the next run may move it) or 'manual' (moved by hand
-- with a reason; runs keep it while it still fits).
ALTER TABLE presentation_slots ADD COLUMN method TEXT NOT NULL DEFAULT 'auto'
  CHECK (method IN ('auto', 'manual'));
ALTER TABLE presentation_slots ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE presentation_slots ADD COLUMN set_by BIGINT REFERENCES users (id);
ALTER TABLE presentation_slots ADD COLUMN set_at BIGINT NOT NULL DEFAULT 0;

CREATE INDEX interview_sheets_by_edition ON interview_sheets (edition_id, status);
