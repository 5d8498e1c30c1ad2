-- Workflows: a trigger, filters and actions (columns + a JSON definition); one run per
-- (workflow, trigger event), enforced by a unique key; one row per step of a run.

create table workflow (
    id           blob           not null primary key,
    name         varchar(120)   not null,
    name_key     varchar(120)   not null,
    enabled      boolean        not null,
    trigger_type varchar(40)    not null,
    definition   varchar(20000) not null,
    created_at   timestamp      not null,
    updated_at   timestamp      not null,
    version      bigint         not null,
    constraint uk_workflow_name_key unique (name_key)
);
create index ix_workflow_trigger on workflow (trigger_type, enabled);

create table workflow_run (
    id          blob        not null primary key,
    workflow_id blob        not null references workflow (id) on delete cascade,
    event_id    blob        not null references trigger_event (id) on delete cascade,
    contact_id  blob        not null references contact (id) on delete cascade,
    offer_id    blob        references offer (id),
    mode        varchar(20) not null,
    status      varchar(20) not null,
    next_step   integer     not null,
    step_count  integer     not null,
    next_at     timestamp,
    lease_owner varchar(100),
    lease_until timestamp,
    started_at  timestamp   not null,
    finished_at timestamp,
    version     bigint      not null,
    constraint uk_workflow_run_event unique (workflow_id, event_id)
);
create index ix_workflow_run_due on workflow_run (status, next_at);
create index ix_workflow_run_workflow on workflow_run (workflow_id, started_at);
create index ix_workflow_run_contact on workflow_run (contact_id, started_at);
create index ix_workflow_run_event on workflow_run (event_id);

create table workflow_step (
    id          blob          not null primary key,
    run_id      blob          not null references workflow_run (id) on delete cascade,
    position    integer       not null,
    phase       varchar(20)   not null,
    kind        varchar(40)   not null,
    spec        varchar(8000) not null,
    label       varchar(300)  not null,
    status      varchar(20)   not null,
    outcome     varchar(2000),
    attempts    integer       not null,
    started_at  timestamp,
    finished_at timestamp,
    constraint uk_workflow_step_position unique (run_id, position)
);

-- Trigger events recorded before workflows existed started nothing then; they start nothing
-- now either (no burst of welcome emails for old grants on the first start after the upgrade).
update trigger_event set processed_at = created_at where processed_at is null;

-- Failed-login signals are counted per contact in a time window.
create index ix_trigger_event_contact_type on trigger_event (contact_id, type, created_at);
