-- Awards an innovation received: recorded from earlier years (the demo data, with sources) or, from
-- the judging issue on, written when a competition's results are published. The tier is what the
-- catalogue facets on; the title is the award as announced ("Top 45 KIPP 2019").
CREATE TABLE innovation_awards (
  id {{id}},
  innovation_id BIGINT NOT NULL REFERENCES innovations (id),
  year INTEGER,                                  -- NULL when the sources do not say
  tier TEXT NOT NULL CHECK (tier IN ('top_inovasi', 'top_99', 'replikasi', 'outstanding', 'khusus', 'keberlanjutan', 'lainnya')),
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX innovation_awards_by_innovation ON innovation_awards (innovation_id, year);
