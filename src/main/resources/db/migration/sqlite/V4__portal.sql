-- Client Portal (issue 5): server-side sessions, failed-login events for workflows, and the
-- throttle for sign-ins at a door where the address has no account (so an unknown address
-- locks exactly like a known one and the lock message reveals nothing).

-- A signed-in browser. Only the SHA-256 of the session id is stored. A session is valid while
-- not expired, only if it was created after the credential's password was set, and only while
-- the credential still has the password it was opened with (password_fingerprint, a SHA-256 of
-- the salted hash): a password change or reset ends every session of that credential.
create table portal_session (
    id                   blob        not null primary key,
    token_hash           varchar(64) not null,
    contact_id           blob        not null references contact (id) on delete cascade,
    scope                varchar(20) not null,
    group_id             blob        references community_group (id) on delete cascade,
    password_fingerprint varchar(64) not null,
    created_at           timestamp   not null,
    expires_at           timestamp   not null,
    constraint uk_portal_session_token_hash unique (token_hash)
);
create index ix_portal_session_contact on portal_session (contact_id);
create index ix_portal_session_expires on portal_session (expires_at);

-- One row per failed sign-in of a known contact at one door, written in the same transaction as
-- the failure count; workflows trigger on "N failures in M minutes".
create table login_failure (
    id          blob        not null primary key,
    contact_id  blob        not null references contact (id) on delete cascade,
    scope       varchar(20) not null,
    group_id    blob        references community_group (id) on delete cascade,
    at          timestamp   not null
);
create index ix_login_failure_contact on login_failure (contact_id, at);
create index ix_login_failure_at on login_failure (at);

-- Failed sign-ins for an address that has no password at that door (unknown address, or not a
-- member of the group), keyed by a SHA-256 of door and address; rows are pruned after a day.
create table login_throttle (
    subject_hash       varchar(64) not null primary key,
    failed_login_count integer     not null,
    first_failed_at    timestamp,
    locked_until       timestamp,
    updated_at         timestamp   not null
);
create index ix_login_throttle_updated on login_throttle (updated_at);
