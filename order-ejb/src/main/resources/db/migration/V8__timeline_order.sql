-- The events one transaction writes for an order (paid, checked, delivered, completed) share their
-- time, and the persistence layer inserts them in no particular order, so their ids do not tell
-- which came first. seq is the event's position among those: the timeline is read by time, then
-- seq, then id. Rows written before this column existed keep NULL.
ALTER TABLE order_event ADD COLUMN seq INT NULL;
