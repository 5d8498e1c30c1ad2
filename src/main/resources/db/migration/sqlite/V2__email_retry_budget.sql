-- Email outbox: a manual retry of a failed email gets a fresh attempt budget, while the
-- attempts column keeps counting every attempt ever made.
alter table email_message add column attempts_before_retry integer not null default 0;
