-- Codes read out by phone are credential tokens of purpose CODE: their hash is an Argon2id string
-- (an eight-digit code is too small a space for a fast hash), and wrong tries are counted on the
-- token, which dies at the fifth.
alter table credential_token add column failed_tries integer not null default 0;
alter table credential_token alter column token_hash type varchar(128);
