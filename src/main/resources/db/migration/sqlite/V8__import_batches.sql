-- Imports commit in short chunks (issue 18) so that they never hold the write lock for long. The
-- rows of an import that has not finished carry its batch id and stay out of sight of every reader
-- until its last chunk commits and one short transaction marks the batch released; a failed,
-- cancelled or crashed import deletes its rows again. Plain SQL: the same on PostgreSQL.

create table import_batch (
    id          blob         not null primary key,
    file_name   varchar(500) not null,
    started_by  varchar(200) not null,
    owner       varchar(200) not null,
    started_at  timestamp    not null,
    lease_until timestamp    not null,
    released_at timestamp
);
create index ix_import_batch_released on import_batch (released_at);

-- Rows an import adds (contacts with their tags and portal accounts, grants, trigger events, audit
-- entries): hidden while their batch is not released. Null for everything written otherwise.
alter table contact add column import_batch_id blob;
alter table offer_grant add column import_batch_id blob;
alter table trigger_event add column import_batch_id blob;
alter table audit_event add column import_batch_id blob;
create index ix_contact_import_batch on contact (import_batch_id);
create index ix_offer_grant_import_batch on offer_grant (import_batch_id);
create index ix_trigger_event_import_batch on trigger_event (import_batch_id);
create index ix_audit_event_import_batch on audit_event (import_batch_id);

-- Changes to rows that existed before the import (tags added, revoked grants granted again) wait
-- here and are applied by the release.
create table import_pending_tag (
    batch_id   blob        not null,
    contact_id blob        not null,
    tag        varchar(60) not null,
    primary key (batch_id, contact_id, tag)
);

create table import_pending_regrant (
    batch_id blob not null,
    grant_id blob not null,
    primary key (batch_id, grant_id)
);
