-- The receipt number an objector keeps to follow their objection on its public status page
-- (/sanggahan/{receipt}): random, so nobody finds another person's objection by counting. Older
-- objections have none.
ALTER TABLE objections ADD COLUMN receipt TEXT;
CREATE UNIQUE INDEX objections_by_receipt ON objections (receipt);
