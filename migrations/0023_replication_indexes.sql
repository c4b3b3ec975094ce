-- What the replication pages read at the benchmark's scale (100,000 innovations, 20,000
-- records): a source's records on its profile, and the latest steps on the network page.
CREATE INDEX replications_by_source ON replications (source_innovation_id);
CREATE INDEX replication_steps_by_date ON replication_steps (happened_on, id);
