-- The independent panel's stages (Tim Panel Independen): nomination from the evaluation's scores,
-- the shortlist of finalists under the organiser's quotas, the public objection window (uji
-- publik), presentations and interviews, field verification, the final decisions and the
-- published results. One row per edition keeps where the edition stands.
CREATE TABLE finals (
  edition_id BIGINT PRIMARY KEY REFERENCES competition_editions (id),
  method TEXT NOT NULL,                 -- the evaluation method the nominees' scores come from
  nominated_by BIGINT REFERENCES users (id),
  nominated_at BIGINT NOT NULL,
  -- The last run of the shortlist helper: optimal, not_proven_optimal or infeasible, and whether
  -- anything it depends on (quotas, the panel's choices, 3T flags) changed since.
  shortlist_status TEXT NOT NULL DEFAULT '',
  shortlist_problem TEXT NOT NULL DEFAULT '',   -- the infeasibility as JSON, when infeasible
  shortlist_stale INTEGER NOT NULL DEFAULT 1,
  shortlisted_at BIGINT,
  finalists_published_by BIGINT REFERENCES users (id),
  finalists_published_at BIGINT,
  objection_ends_at BIGINT,
  results_published_by BIGINT REFERENCES users (id),
  results_published_at BIGINT,
  results_note TEXT NOT NULL DEFAULT ''
);

-- The nominees: proposals at or above the passing grade under the recorded method, with the
-- score they were nominated on. "selected" and "reason" are the shortlist helper's last answer;
-- panel_choice the panel's manual adjustment, with its reason. A finalist removed after the
-- objection window keeps its row, marked.
CREATE TABLE nominees (
  proposal_id BIGINT PRIMARY KEY REFERENCES proposals (id),
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  score DOUBLE PRECISION NOT NULL,
  is_3t INTEGER NOT NULL DEFAULT 0,
  panel_choice TEXT CHECK (panel_choice IS NULL OR panel_choice IN ('include', 'exclude')),
  panel_reason TEXT NOT NULL DEFAULT '',
  rank INTEGER,
  selected INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  removed_reason TEXT,
  removed_by BIGINT REFERENCES users (id),
  removed_at BIGINT
);
CREATE INDEX nominees_by_edition ON nominees (edition_id, selected, score);

-- The organiser's quotas: at least min and at most max finalists whose <dimension> is <value>.
CREATE TABLE shortlist_quotas (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  dimension TEXT NOT NULL CHECK (dimension IN ('category', 'group', 'cluster', 'province', 'region_3t')),
  value TEXT NOT NULL,
  min_count INTEGER NOT NULL DEFAULT 0 CHECK (min_count >= 0),
  max_count INTEGER CHECK (max_count IS NULL OR max_count >= min_count),
  PRIMARY KEY (edition_id, dimension, value)
);

-- Objections the public files against a finalist during the window, and the panel's decision.
CREATE TABLE objections (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  reason TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  filed_at BIGINT NOT NULL,
  decision TEXT CHECK (decision IS NULL OR decision IN ('upheld', 'dismissed')),
  decision_note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT
);
CREATE INDEX objections_by_edition ON objections (edition_id, proposal_id, filed_at);

-- Presentations and interviews: panels of panelists, one slot per finalist, and each
-- panelist's interview sheet on the edition's interview rubric.
CREATE TABLE panel_members (
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  panel INTEGER NOT NULL CHECK (panel BETWEEN 1 AND 50),
  panelist_id BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (edition_id, panelist_id)
);
CREATE TABLE presentation_slots (
  proposal_id BIGINT PRIMARY KEY REFERENCES proposals (id),
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  panel INTEGER NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  UNIQUE (edition_id, panel, starts_at)
);
CREATE TABLE interview_sheets (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  panelist_id BIGINT NOT NULL REFERENCES users (id),
  scores_json TEXT NOT NULL DEFAULT '{}',
  comment TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  updated_at BIGINT NOT NULL,
  UNIQUE (proposal_id, panelist_id)
);

-- Field verification (verifikasi dan observasi lapangan): what the panel saw, per finalist.
CREATE TABLE verification_notes (
  id {{id}},
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  proposal_id BIGINT NOT NULL REFERENCES proposals (id),
  author_id BIGINT REFERENCES users (id),
  visited_on TEXT NOT NULL,   -- YYYY-MM-DD
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX verification_notes_by_proposal ON verification_notes (proposal_id, created_at);

-- The final decision on each finalist: the tier it wins, if any. Publishing the results writes
-- the awards (innovation_awards) of the winners and the finalists.
CREATE TABLE final_decisions (
  proposal_id BIGINT PRIMARY KEY REFERENCES proposals (id),
  edition_id BIGINT NOT NULL REFERENCES competition_editions (id),
  tier TEXT NOT NULL CHECK (tier IN ('top_inovasi', 'replikasi', 'outstanding', 'finalist')),
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT NOT NULL
);
CREATE INDEX final_decisions_by_edition ON final_decisions (edition_id, tier);
