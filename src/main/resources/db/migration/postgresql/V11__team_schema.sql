-- MemberDesk schema for PostgreSQL (team mode). This one migration is the PostgreSQL equivalent of
-- SQLite's V1..V11 (db/migration/sqlite) in their final state: the same tables, columns, keys and
-- indexes, with native uuid and timestamptz. Every later migration comes in both folders with the
-- same version number.
-- Not here, because only SQLite needs them: the FTS5 search tables and their bulk mode (V3, V6,
-- V9), and the one-off updates of rows that existed before a migration (V3, V5, V6, V7).

create extension if not exists pg_trgm;

create table contact (
    id              uuid           not null primary key,
    email           varchar(320)   not null,
    name            varchar(200)   not null,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    version         bigint         not null,
    -- The name, the email and each tag, lower-cased, one per line, name first (kept by the Contact
    -- entity, and by the tag trigger below). Collation "C": results are ordered by it, as on SQLite
    -- (byte order), and one btree index serves both that order and prefix LIKE.
    search_text     varchar(20000) collate "C" not null default '',
    import_batch_id uuid,
    constraint uk_contact_email unique (email)
);
create index ix_contact_name on contact (name);
create index ix_contact_import_batch on contact (import_batch_id);
-- The order of everyone (the empty search) through the btree.
create index ix_contact_search_text on contact (search_text, id);

-- Search reads a narrow copy of search_text (about five times as many rows a page as contact), so
-- sorting the matches of a needle touches few pages and the name-order walk is an index-only scan.
-- Substrings of 3+ characters through trigrams; a first letter or a line's first two letters
-- (LIKE 'ab%', or '%' || chr(10) || 'ab%') and the order of results through the btree. Kept by the
-- triggers below (the tag trigger further down rewrites contact.search_text, so it is covered too).
create table contact_search (
    contact_id  uuid                            not null primary key references contact (id) on delete cascade,
    search_text varchar(20000) collate "C"      not null
);
create index ix_contact_search_trgm on contact_search using gin (search_text gin_trgm_ops);
create index ix_contact_search_order on contact_search (search_text, contact_id);

create function contact_search_insert() returns trigger language plpgsql as $$
begin
    insert into contact_search (contact_id, search_text) values (new.id, new.search_text);
    return null;
end $$;

create function contact_search_update() returns trigger language plpgsql as $$
begin
    update contact_search set search_text = new.search_text where contact_id = new.id;
    return null;
end $$;

create trigger contact_after_insert_search after insert on contact
    for each row execute function contact_search_insert();
create trigger contact_after_update_search after update of search_text on contact
    for each row when (old.search_text is distinct from new.search_text)
    execute function contact_search_update();

create table contact_tag (
    contact_id  uuid        not null references contact (id) on delete cascade,
    tag         varchar(60) not null,
    primary key (contact_id, tag)
);
create index ix_contact_tag_tag on contact_tag (tag);

create table contact_note (
    id          uuid          not null primary key,
    contact_id  uuid          not null references contact (id) on delete cascade,
    body        varchar(4000) not null,
    author      varchar(200)  not null,
    created_at  timestamptz   not null
);
create index ix_contact_note_contact on contact_note (contact_id, created_at);

create table offer (
    id              uuid           not null primary key,
    name            varchar(200)   not null,
    name_key        varchar(200)   not null,
    login_url       varchar(2000),
    welcome_subject varchar(500),
    welcome_body    varchar(20000),
    created_at      timestamptz    not null,
    version         bigint         not null,
    constraint uk_offer_name_key unique (name_key)
);

create table offer_grant (
    id              uuid          not null primary key,
    contact_id      uuid          not null references contact (id) on delete cascade,
    offer_id        uuid          not null references offer (id),
    granted_at      timestamptz   not null,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    revoke_reason   varchar(1000),
    granted_by      varchar(200)  not null,
    version         bigint        not null,
    import_batch_id uuid,
    constraint uk_offer_grant_contact_offer unique (contact_id, offer_id)
);
create index ix_offer_grant_offer on offer_grant (offer_id);
create index ix_offer_grant_import_batch on offer_grant (import_batch_id);

create table community_group (
    id          uuid         not null primary key,
    name        varchar(120) not null,
    slug        varchar(120) not null,
    created_at  timestamptz  not null,
    version     bigint       not null,
    constraint uk_community_group_slug unique (slug)
);

create table community_membership (
    id                    uuid         not null primary key,
    contact_id            uuid         not null references contact (id) on delete cascade,
    group_id              uuid         not null references community_group (id),
    password_hash         varchar(512),
    password_set_at       timestamptz,
    last_login_at         timestamptz,
    failed_login_count    integer      not null,
    first_failed_at       timestamptz,
    locked_until          timestamptz,
    joined_at             timestamptz  not null,
    version               bigint       not null,
    password_link_address varchar(320),
    locked_until_unlocked boolean      not null default false,
    constraint uk_community_membership unique (contact_id, group_id)
);
create index ix_community_membership_group on community_membership (group_id);

create table portal_account (
    id                    uuid         not null primary key,
    contact_id            uuid         not null references contact (id) on delete cascade,
    password_hash         varchar(512),
    password_set_at       timestamptz,
    last_login_at         timestamptz,
    failed_login_count    integer      not null,
    first_failed_at       timestamptz,
    locked_until          timestamptz,
    created_at            timestamptz  not null,
    version               bigint       not null,
    password_link_address varchar(320),
    locked_until_unlocked boolean      not null default false,
    constraint uk_portal_account_contact unique (contact_id)
);

create table email_message (
    id                    uuid            not null primary key,
    contact_id            uuid            not null references contact (id) on delete cascade,
    kind                  varchar(40)     not null,
    offer_id              uuid            references offer (id),
    group_id              uuid            references community_group (id),
    recipient             varchar(320)    not null,
    subject               varchar(1000)   not null,
    body_text             varchar(100000) not null,
    body_html             varchar(200000) not null,
    status                varchar(20)     not null,
    attempts              integer         not null,
    next_attempt_at       timestamptz     not null,
    last_reply            varchar(2000),
    message_id            varchar(500),
    origin                varchar(20)     not null,
    origin_detail         varchar(200),
    resend_of_id          uuid            references email_message (id),
    link_purpose          varchar(20),
    link_ttl_seconds      bigint,
    created_at            timestamptz     not null,
    sent_at               timestamptz,
    lease_owner           varchar(100),
    lease_until           timestamptz,
    attempts_before_retry integer         not null default 0
);
create index ix_email_message_contact on email_message (contact_id, created_at);
create index ix_email_message_due on email_message (status, next_attempt_at);

create table credential_token (
    id               uuid        not null primary key,
    contact_id       uuid        not null references contact (id) on delete cascade,
    scope            varchar(20) not null,
    group_id         uuid        references community_group (id),
    purpose          varchar(20) not null,
    token_hash       varchar(64) not null,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    first_opened_at  timestamptz,
    used_at          timestamptz,
    superseded_at    timestamptz,
    revoked_at       timestamptz,
    email_message_id uuid,
    origin           varchar(20) not null,
    constraint uk_credential_token_hash unique (token_hash)
);
create index ix_credential_token_contact on credential_token (contact_id, scope, created_at);

create table audit_event (
    id              uuid          not null primary key,
    at              timestamptz   not null,
    agent           varchar(200)  not null,
    origin          varchar(20)   not null,
    action          varchar(80)   not null,
    contact_id      uuid,
    contact_email   varchar(320),
    detail          varchar(4000),
    outcome         varchar(20)   not null,
    import_batch_id uuid
);
create index ix_audit_event_at on audit_event (at);
create index ix_audit_event_contact on audit_event (contact_id, at);
create index ix_audit_event_import_batch on audit_event (import_batch_id);

create table trigger_event (
    id              uuid          not null primary key,
    type            varchar(40)   not null,
    contact_id      uuid          not null references contact (id) on delete cascade,
    offer_id        uuid          references offer (id),
    detail          varchar(1000),
    created_at      timestamptz   not null,
    processed_at    timestamptz,
    import_batch_id uuid
);
create index ix_trigger_event_pending on trigger_event (processed_at, created_at);
create index ix_trigger_event_contact_type on trigger_event (contact_id, type, created_at);
create index ix_trigger_event_import_batch on trigger_event (import_batch_id);

create table app_setting (
    setting_key   varchar(100)  not null primary key,
    setting_value varchar(4000),
    updated_at    timestamptz   not null
);

-- Client Portal: sessions (only a SHA-256 of the session id), failed sign-ins of known contacts,
-- and the throttle for addresses that have no password at a door.

create table portal_session (
    id                   uuid        not null primary key,
    token_hash           varchar(64) not null,
    contact_id           uuid        not null references contact (id) on delete cascade,
    scope                varchar(20) not null,
    group_id             uuid        references community_group (id) on delete cascade,
    password_fingerprint varchar(64) not null,
    created_at           timestamptz not null,
    expires_at           timestamptz not null,
    constraint uk_portal_session_token_hash unique (token_hash)
);
create index ix_portal_session_contact on portal_session (contact_id);
create index ix_portal_session_expires on portal_session (expires_at);

create table login_failure (
    id          uuid        not null primary key,
    contact_id  uuid        not null references contact (id) on delete cascade,
    scope       varchar(20) not null,
    group_id    uuid        references community_group (id) on delete cascade,
    at          timestamptz not null
);
create index ix_login_failure_contact on login_failure (contact_id, at);
create index ix_login_failure_at on login_failure (at);

create table login_throttle (
    subject_hash       varchar(64) not null primary key,
    failed_login_count integer     not null,
    first_failed_at    timestamptz,
    locked_until       timestamptz,
    updated_at         timestamptz not null
);
create index ix_login_throttle_updated on login_throttle (updated_at);

-- Workflows: one run per (workflow, trigger event), one row per step of a run.

create table workflow (
    id           uuid           not null primary key,
    name         varchar(120)   not null,
    name_key     varchar(120)   not null,
    enabled      boolean        not null,
    trigger_type varchar(40)    not null,
    definition   varchar(20000) not null,
    created_at   timestamptz    not null,
    updated_at   timestamptz    not null,
    version      bigint         not null,
    constraint uk_workflow_name_key unique (name_key)
);
create index ix_workflow_trigger on workflow (trigger_type, enabled);

create table workflow_run (
    id          uuid        not null primary key,
    workflow_id uuid        not null references workflow (id) on delete cascade,
    event_id    uuid        not null references trigger_event (id) on delete cascade,
    contact_id  uuid        not null references contact (id) on delete cascade,
    offer_id    uuid        references offer (id),
    mode        varchar(20) not null,
    status      varchar(20) not null,
    next_step   integer     not null,
    step_count  integer     not null,
    next_at     timestamptz,
    lease_owner varchar(100),
    lease_until timestamptz,
    started_at  timestamptz not null,
    finished_at timestamptz,
    version     bigint      not null,
    constraint uk_workflow_run_event unique (workflow_id, event_id)
);
create index ix_workflow_run_due on workflow_run (status, next_at);
create index ix_workflow_run_workflow on workflow_run (workflow_id, started_at);
create index ix_workflow_run_contact on workflow_run (contact_id, started_at);
create index ix_workflow_run_event on workflow_run (event_id);

create table workflow_step (
    id          uuid          not null primary key,
    run_id      uuid          not null references workflow_run (id) on delete cascade,
    position    integer       not null,
    phase       varchar(20)   not null,
    kind        varchar(40)   not null,
    spec        varchar(8000) not null,
    label       varchar(300)  not null,
    status      varchar(20)   not null,
    outcome     varchar(2000),
    attempts    integer       not null,
    started_at  timestamptz,
    finished_at timestamptz,
    constraint uk_workflow_step_position unique (run_id, position)
);

-- Imports: the rows of an unfinished import carry its batch id and stay hidden until the batch is
-- released; changes to rows that existed before it wait in the pending tables.

create table import_batch (
    id          uuid         not null primary key,
    file_name   varchar(500) not null,
    started_by  varchar(200) not null,
    owner       varchar(200) not null,
    started_at  timestamptz  not null,
    lease_until timestamptz  not null,
    released_at timestamptz
);
create index ix_import_batch_released on import_batch (released_at);

create table import_pending_tag (
    batch_id   uuid        not null,
    contact_id uuid        not null,
    tag        varchar(60) not null,
    primary key (batch_id, contact_id, tag)
);

create table import_pending_regrant (
    batch_id uuid not null,
    grant_id uuid not null,
    primary key (batch_id, grant_id)
);

-- Tags written without the entity (the CSV import inserts contact_tag rows) still reach
-- search_text: the first line is kept, then the email, then the tags in byte order (as SQLite's
-- BINARY collation sorts them), one per line. There is no bulk mode here: always rebuild.

create function contact_tag_rebuild_search() returns trigger language plpgsql as $$
declare
    changed uuid;
begin
    if tg_op = 'DELETE' then
        changed := old.contact_id;
    else
        changed := new.contact_id;
    end if;
    update contact c set search_text =
        case when position(chr(10) in c.search_text) > 0
             then substr(c.search_text, 1, position(chr(10) in c.search_text))
             else lower(c.name) || chr(10) end
        || c.email
        || coalesce((select chr(10) || string_agg(t.tag, chr(10) order by t.tag collate "C")
                     from contact_tag t where t.contact_id = c.id), '')
    where c.id = changed;
    return null;
end $$;

create trigger contact_tag_after_insert after insert on contact_tag
    for each row execute function contact_tag_rebuild_search();
create trigger contact_tag_after_delete after delete on contact_tag
    for each row execute function contact_tag_rebuild_search();

-- The change feed: every committed write leaves a row in change_log, written by the triggers below
-- in the same transaction, so no writer (console, portal, workflow engine, CLI, another desk, a
-- script with psql) can change data unseen. Every write transaction takes one advisory lock first,
-- so seq order is commit order. Rows say what kind of thing changed and whose: the contact, or
-- another aggregate (offer, workflow, setting key). Kinds: contact, credential, email, grant,
-- community, audit, workflow-run, workflow, offer, settings, and everything (data replaced
-- wholesale). Bulk writers put a row in change_pause while they write and leave one summary row
-- (or none) instead of one per row. The log keeps its last 50,000 rows.

create table change_log (
    seq         bigint       generated always as identity primary key,
    kind        varchar(20)  not null,
    contact_id  uuid,
    subject_id  uuid,
    setting_key varchar(100),
    changed_at  timestamptz  not null default now()
);

create table change_pause (
    id integer not null primary key
);

create function change_log_prune() returns trigger language plpgsql as $$
begin
    delete from change_log where seq <= new.seq - 50000;
    return null;
end $$;

create trigger change_log_prune after insert on change_log
    for each row when (new.seq % 1000 = 0) execute function change_log_prune();

-- Wakes the listeners of every desk at commit. The payload names the schema of this change_log, as
-- several schemas may share one database; PostgreSQL delivers one notification per transaction for
-- equal payloads, however many rows were logged.
create function change_log_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('memberdesk_changes', tg_table_schema);
    return null;
end $$;

create trigger change_log_notify after insert on change_log
    for each statement execute function change_log_notify();

-- One change row for the row that fired. Arguments: the kind, then the names of the columns of
-- that row holding the contact id, the subject id and the setting key ('' for none).
create function change_record() returns trigger language plpgsql as $$
declare
    changed record;
    changed_contact uuid;
    changed_subject uuid;
    changed_key varchar(100);
begin
    if exists (select 1 from change_pause) then
        return null;
    end if;
    if tg_op = 'DELETE' then
        changed := old;
    else
        changed := new;
    end if;
    if tg_argv[1] <> '' or tg_argv[2] <> '' or tg_argv[3] <> '' then
        execute format('select %s, %s, %s',
                       case when tg_argv[1] = '' then 'null::uuid' else format('($1).%I', tg_argv[1]) end,
                       case when tg_argv[2] = '' then 'null::uuid' else format('($1).%I', tg_argv[2]) end,
                       case when tg_argv[3] = '' then 'null::varchar' else format('($1).%I', tg_argv[3]) end)
            into changed_contact, changed_subject, changed_key
            using changed;
    end if;
    insert into change_log (kind, contact_id, subject_id, setting_key)
        values (tg_argv[0], changed_contact, changed_subject, changed_key);
    return null;
end $$;

-- contacts and what hangs off them

create trigger change_contact_insert after insert on contact
    for each row execute function change_record('contact', 'id', '', '');
create trigger change_contact_update after update on contact
    for each row execute function change_record('contact', 'id', '', '');
create trigger change_contact_delete after delete on contact
    for each row execute function change_record('contact', 'id', '', '');

create trigger change_contact_tag_insert after insert on contact_tag
    for each row execute function change_record('contact', 'contact_id', '', '');
create trigger change_contact_tag_delete after delete on contact_tag
    for each row execute function change_record('contact', 'contact_id', '', '');

create trigger change_contact_note_insert after insert on contact_note
    for each row execute function change_record('contact', 'contact_id', '', '');
create trigger change_contact_note_update after update on contact_note
    for each row execute function change_record('contact', 'contact_id', '', '');
create trigger change_contact_note_delete after delete on contact_note
    for each row execute function change_record('contact', 'contact_id', '', '');

-- credentials: the portal account (password, logins, lockout) and its links

create trigger change_portal_account_insert after insert on portal_account
    for each row execute function change_record('credential', 'contact_id', '', '');
create trigger change_portal_account_update after update on portal_account
    for each row execute function change_record('credential', 'contact_id', '', '');
create trigger change_portal_account_delete after delete on portal_account
    for each row execute function change_record('credential', 'contact_id', '', '');

create trigger change_credential_token_insert after insert on credential_token
    for each row execute function change_record('credential', 'contact_id', '', '');
create trigger change_credential_token_update after update on credential_token
    for each row execute function change_record('credential', 'contact_id', '', '');
create trigger change_credential_token_delete after delete on credential_token
    for each row execute function change_record('credential', 'contact_id', '', '');

create trigger change_community_membership_insert after insert on community_membership
    for each row execute function change_record('community', 'contact_id', '', '');
create trigger change_community_membership_update after update on community_membership
    for each row execute function change_record('community', 'contact_id', '', '');
create trigger change_community_membership_delete after delete on community_membership
    for each row execute function change_record('community', 'contact_id', '', '');

create trigger change_community_group_insert after insert on community_group
    for each row execute function change_record('community', '', 'id', '');
create trigger change_community_group_update after update on community_group
    for each row execute function change_record('community', '', 'id', '');
create trigger change_community_group_delete after delete on community_group
    for each row execute function change_record('community', '', 'id', '');

create trigger change_offer_insert after insert on offer
    for each row execute function change_record('offer', '', 'id', '');
create trigger change_offer_update after update on offer
    for each row execute function change_record('offer', '', 'id', '');
create trigger change_offer_delete after delete on offer
    for each row execute function change_record('offer', '', 'id', '');

create trigger change_offer_grant_insert after insert on offer_grant
    for each row execute function change_record('grant', 'contact_id', 'offer_id', '');
create trigger change_offer_grant_update after update on offer_grant
    for each row execute function change_record('grant', 'contact_id', 'offer_id', '');
create trigger change_offer_grant_delete after delete on offer_grant
    for each row execute function change_record('grant', 'contact_id', 'offer_id', '');

-- emails: a lease taken or extended by a dispatcher is not a change anyone sees

create trigger change_email_message_insert after insert on email_message
    for each row execute function change_record('email', 'contact_id', '', '');
create trigger change_email_message_update after update on email_message
    for each row when (new.status is distinct from old.status or new.attempts is distinct from old.attempts
                       or new.last_reply is distinct from old.last_reply or new.sent_at is distinct from old.sent_at
                       or new.next_attempt_at is distinct from old.next_attempt_at)
    execute function change_record('email', 'contact_id', '', '');
create trigger change_email_message_delete after delete on email_message
    for each row execute function change_record('email', 'contact_id', '', '');

create trigger change_audit_event_insert after insert on audit_event
    for each row execute function change_record('audit', 'contact_id', '', '');

create trigger change_workflow_insert after insert on workflow
    for each row execute function change_record('workflow', '', 'id', '');
create trigger change_workflow_update after update on workflow
    for each row execute function change_record('workflow', '', 'id', '');
create trigger change_workflow_delete after delete on workflow
    for each row execute function change_record('workflow', '', 'id', '');

-- workflow runs and their steps; leases again are not changes

create trigger change_workflow_run_insert after insert on workflow_run
    for each row execute function change_record('workflow-run', 'contact_id', 'workflow_id', '');
create trigger change_workflow_run_update after update on workflow_run
    for each row when (new.status is distinct from old.status or new.next_step is distinct from old.next_step
                       or new.next_at is distinct from old.next_at or new.finished_at is distinct from old.finished_at)
    execute function change_record('workflow-run', 'contact_id', 'workflow_id', '');
create trigger change_workflow_run_delete after delete on workflow_run
    for each row execute function change_record('workflow-run', 'contact_id', 'workflow_id', '');

-- A step names its run only: the contact and workflow come from the run.
create function change_record_workflow_step() returns trigger language plpgsql as $$
begin
    if exists (select 1 from change_pause) then
        return null;
    end if;
    insert into change_log (kind, contact_id, subject_id, setting_key)
        values ('workflow-run', (select r.contact_id from workflow_run r where r.id = new.run_id),
                (select r.workflow_id from workflow_run r where r.id = new.run_id), null);
    return null;
end $$;

create trigger change_workflow_step_update after update on workflow_step
    for each row when (new.status is distinct from old.status or new.outcome is distinct from old.outcome)
    execute function change_record_workflow_step();

create trigger change_app_setting_insert after insert on app_setting
    for each row execute function change_record('settings', '', '', 'setting_key');
create trigger change_app_setting_update after update on app_setting
    for each row execute function change_record('settings', '', '', 'setting_key');
create trigger change_app_setting_delete after delete on app_setting
    for each row execute function change_record('settings', '', '', 'setting_key');

-- an import's rows become visible all at once when its batch is released

create trigger change_import_released_contact after update of released_at on import_batch
    for each row when (old.released_at is null and new.released_at is not null)
    execute function change_record('contact', '', '', '');
create trigger change_import_released_grant after update of released_at on import_batch
    for each row when (old.released_at is null and new.released_at is not null)
    execute function change_record('grant', '', '', '');
create trigger change_import_released_audit after update of released_at on import_batch
    for each row when (old.released_at is null and new.released_at is not null)
    execute function change_record('audit', '', '', '');
