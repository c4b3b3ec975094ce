-- Two facts judging used to read from other features' tables, now in its own. When the organiser
-- last reminded an edition's evaluators (the audit log held it): one row per edition, the time of
-- the last round. When the finals took the recorded method for their nominees, after which the
-- method may not change (the finals' table held it).
CREATE TABLE evaluation_reminders (
  edition_id BIGINT PRIMARY KEY REFERENCES competition_editions (id),
  sent_at BIGINT NOT NULL
);
INSERT INTO evaluation_reminders (edition_id, sent_at)
SELECT CAST(entity_id AS BIGINT), MAX(at) FROM audit_events
WHERE entity = 'competition' AND action = 'evaluation.remind'
GROUP BY entity_id;

ALTER TABLE evaluation_method_choices ADD COLUMN frozen_at BIGINT;
UPDATE evaluation_method_choices SET frozen_at = (
  SELECT f.nominated_at FROM finals f WHERE f.edition_id = evaluation_method_choices.edition_id);
