-- MemberDesk foundation schema (SQLite). Ids are app-assigned time-ordered UUIDs (blob here,
-- uuid on PostgreSQL). Times are Instants stored by the JDBC driver. Keep it portable:
-- plain types, no SQLite-only constructs except the column type names.

create table contact (
    id          blob         not null primary key,
    email       varchar(320) not null,
    name        varchar(200) not null,
    created_at  timestamp    not null,
    updated_at  timestamp    not null,
    version     bigint       not null,
    constraint uk_contact_email unique (email)
);
create index ix_contact_name on contact (name);

create table contact_tag (
    contact_id  blob        not null references contact (id) on delete cascade,
    tag         varchar(60) not null,
    primary key (contact_id, tag)
);
create index ix_contact_tag_tag on contact_tag (tag);

create table contact_note (
    id          blob          not null primary key,
    contact_id  blob          not null references contact (id) on delete cascade,
    body        varchar(4000) not null,
    author      varchar(200)  not null,
    created_at  timestamp     not null
);
create index ix_contact_note_contact on contact_note (contact_id, created_at);

create table offer (
    id              blob           not null primary key,
    name            varchar(200)   not null,
    name_key        varchar(200)   not null,
    login_url       varchar(2000),
    welcome_subject varchar(500),
    welcome_body    varchar(20000),
    created_at      timestamp      not null,
    version         bigint         not null,
    constraint uk_offer_name_key unique (name_key)
);

create table offer_grant (
    id            blob          not null primary key,
    contact_id    blob          not null references contact (id) on delete cascade,
    offer_id      blob          not null references offer (id),
    granted_at    timestamp     not null,
    expires_at    timestamp,
    revoked_at    timestamp,
    revoke_reason varchar(1000),
    granted_by    varchar(200)  not null,
    version       bigint        not null,
    constraint uk_offer_grant_contact_offer unique (contact_id, offer_id)
);
create index ix_offer_grant_offer on offer_grant (offer_id);

create table community_group (
    id          blob         not null primary key,
    name        varchar(120) not null,
    slug        varchar(120) not null,
    created_at  timestamp    not null,
    version     bigint       not null,
    constraint uk_community_group_slug unique (slug)
);

create table community_membership (
    id                 blob         not null primary key,
    contact_id         blob         not null references contact (id) on delete cascade,
    group_id           blob         not null references community_group (id),
    password_hash      varchar(512),
    password_set_at    timestamp,
    last_login_at      timestamp,
    failed_login_count integer      not null,
    first_failed_at    timestamp,
    locked_until       timestamp,
    joined_at          timestamp    not null,
    version            bigint       not null,
    constraint uk_community_membership unique (contact_id, group_id)
);
create index ix_community_membership_group on community_membership (group_id);

create table portal_account (
    id                 blob         not null primary key,
    contact_id         blob         not null references contact (id) on delete cascade,
    password_hash      varchar(512),
    password_set_at    timestamp,
    last_login_at      timestamp,
    failed_login_count integer      not null,
    first_failed_at    timestamp,
    locked_until       timestamp,
    created_at         timestamp    not null,
    version            bigint       not null,
    constraint uk_portal_account_contact unique (contact_id)
);

create table email_message (
    id               blob            not null primary key,
    contact_id       blob            not null references contact (id) on delete cascade,
    kind             varchar(40)     not null,
    offer_id         blob            references offer (id),
    group_id         blob            references community_group (id),
    recipient        varchar(320)    not null,
    subject          varchar(1000)   not null,
    body_text        varchar(100000) not null,
    body_html        varchar(200000) not null,
    status           varchar(20)     not null,
    attempts         integer         not null,
    next_attempt_at  timestamp       not null,
    last_reply       varchar(2000),
    message_id       varchar(500),
    origin           varchar(20)     not null,
    origin_detail    varchar(200),
    resend_of_id     blob            references email_message (id),
    link_purpose     varchar(20),
    link_ttl_seconds bigint,
    created_at       timestamp       not null,
    sent_at          timestamp,
    lease_owner      varchar(100),
    lease_until      timestamp
);
create index ix_email_message_contact on email_message (contact_id, created_at);
create index ix_email_message_due on email_message (status, next_attempt_at);

create table credential_token (
    id               blob        not null primary key,
    contact_id       blob        not null references contact (id) on delete cascade,
    scope            varchar(20) not null,
    group_id         blob        references community_group (id),
    purpose          varchar(20) not null,
    token_hash       varchar(64) not null,
    created_at       timestamp   not null,
    expires_at       timestamp   not null,
    first_opened_at  timestamp,
    used_at          timestamp,
    superseded_at    timestamp,
    revoked_at       timestamp,
    email_message_id blob,
    origin           varchar(20) not null,
    constraint uk_credential_token_hash unique (token_hash)
);
create index ix_credential_token_contact on credential_token (contact_id, scope, created_at);

create table audit_event (
    id            blob          not null primary key,
    at            timestamp     not null,
    agent         varchar(200)  not null,
    origin        varchar(20)   not null,
    action        varchar(80)   not null,
    contact_id    blob,
    contact_email varchar(320),
    detail        varchar(4000),
    outcome       varchar(20)   not null
);
create index ix_audit_event_at on audit_event (at);
create index ix_audit_event_contact on audit_event (contact_id, at);

create table trigger_event (
    id           blob          not null primary key,
    type         varchar(40)   not null,
    contact_id   blob          not null references contact (id) on delete cascade,
    offer_id     blob          references offer (id),
    detail       varchar(1000),
    created_at   timestamp     not null,
    processed_at timestamp
);
create index ix_trigger_event_pending on trigger_event (processed_at, created_at);

create table app_setting (
    setting_key   varchar(100)  not null primary key,
    setting_value varchar(4000),
    updated_at    timestamp     not null
);
