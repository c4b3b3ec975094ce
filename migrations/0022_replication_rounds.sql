-- Commitment rounds (penandatanganan komitmen replikasi): the ministry or a province's hub
-- organises a signing for the regions of a province on a date, offers a set of source
-- innovations, and each adopting agency commits to those it will replicate "according to its
-- needs and conditions" (seeds/004). A commitment starts, or moves forward, the agency's
-- replication record of that source, so the round's page follows each one's progress since.
--
-- is_sample marks what the demo invents where the sources are silent (which region chose which
-- innovation, what the other rounds offered); source_note says where the known facts come from.
CREATE TABLE replication_rounds (
  id {{id}},
  title TEXT NOT NULL,
  province_code TEXT NOT NULL REFERENCES provinces (code),
  signed_on TEXT NOT NULL,                  -- YYYY-MM-DD
  organiser_role TEXT NOT NULL CHECK (organiser_role IN ('organiser', 'hub_coordinator')),
  organiser_agency_id BIGINT REFERENCES agencies (id),  -- the hub's agency; NULL for the ministry
  closed_at BIGINT,                         -- no commitment is added after
  source_note TEXT NOT NULL DEFAULT '',
  is_sample INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX replication_rounds_by_date ON replication_rounds (signed_on);

CREATE TABLE replication_round_offers (
  round_id BIGINT NOT NULL REFERENCES replication_rounds (id),
  source_innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  is_sample INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, source_innovation_id)
);

-- One agency's commitment to one offered innovation, with the signed document (in the registry's
-- blob store) and the replication record it started or moved forward.
CREATE TABLE replication_commitments (
  id {{id}},
  round_id BIGINT NOT NULL REFERENCES replication_rounds (id),
  adopter_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  source_innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  replication_id BIGINT NOT NULL REFERENCES replications (id),
  is_sample INTEGER NOT NULL DEFAULT 0,
  recorded_by BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (round_id, adopter_agency_id, source_innovation_id)
);
CREATE INDEX replication_commitments_by_replication ON replication_commitments (replication_id);
