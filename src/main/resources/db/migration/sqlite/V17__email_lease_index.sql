-- The dispatcher finds its leased rows by lease owner (after a claim, and when it gives back what
-- it did not send). Without an index each of those statements read every email in the outbox,
-- bodies and all, once per batch. Only leased rows are in it, so it stays small.
create index ix_email_message_lease on email_message (lease_owner) where lease_owner is not null;
