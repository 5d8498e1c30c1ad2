-- The change feed: every committed write leaves a row here, written by the triggers below in the
-- same transaction, so no writer (console, portal, workflow engine, CLI, another desk, a script
-- with sqlite3) can change data unseen. A reader notices that anyone committed (PRAGMA
-- data_version) and only then reads the rows after the last seq it saw. Rows say what kind of
-- thing changed and whose: the contact, or another aggregate (offer, workflow, setting key).
-- Kinds: contact, credential, email, grant, community, audit, workflow-run, workflow, offer,
-- settings, and everything (data replaced wholesale: sample data, Reset demo).
-- Bulk writers (generated sample data, import chunks whose rows stay hidden until released, the
-- wipe of Reset demo) put a row in change_pause while they write and leave one summary row (or
-- none) instead of one per row; other connections never see that row (deleted before the commit).
-- changed_at is epoch milliseconds, as the JDBC driver stores every other time.
-- The log keeps its last 50,000 rows: a reader that fell further behind reloads what it shows.

create table change_log (
    seq         integer      primary key autoincrement,
    kind        varchar(20)  not null,
    contact_id  blob,
    subject_id  blob,
    setting_key varchar(100),
    changed_at  timestamp    not null default (cast(round((julianday('now') - 2440587.5) * 86400000) as integer))
);

create table change_pause (
    id integer not null primary key
);

create trigger change_log_prune after insert on change_log when new.seq % 1000 = 0 begin
    delete from change_log where seq <= new.seq - 50000;
end;

-- contacts and what hangs off them

create trigger change_contact_insert after insert on contact when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', new.id, null, null);
end;

create trigger change_contact_update after update on contact when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', new.id, null, null);
end;

create trigger change_contact_delete after delete on contact when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', old.id, null, null);
end;

create trigger change_contact_tag_insert after insert on contact_tag when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', new.contact_id, null, null);
end;

create trigger change_contact_tag_delete after delete on contact_tag when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', old.contact_id, null, null);
end;

create trigger change_contact_note_insert after insert on contact_note when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', new.contact_id, null, null);
end;

create trigger change_contact_note_update after update on contact_note when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', new.contact_id, null, null);
end;

create trigger change_contact_note_delete after delete on contact_note when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', old.contact_id, null, null);
end;

-- credentials: the portal account (password, logins, lockout) and its links

create trigger change_portal_account_insert after insert on portal_account when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', new.contact_id, null, null);
end;

create trigger change_portal_account_update after update on portal_account when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', new.contact_id, null, null);
end;

create trigger change_portal_account_delete after delete on portal_account when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', old.contact_id, null, null);
end;

create trigger change_credential_token_insert after insert on credential_token when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', new.contact_id, null, null);
end;

create trigger change_credential_token_update after update on credential_token when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', new.contact_id, null, null);
end;

create trigger change_credential_token_delete after delete on credential_token when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('credential', old.contact_id, null, null);
end;

create trigger change_community_membership_insert after insert on community_membership when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', new.contact_id, null, null);
end;

create trigger change_community_membership_update after update on community_membership when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', new.contact_id, null, null);
end;

create trigger change_community_membership_delete after delete on community_membership when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', old.contact_id, null, null);
end;

create trigger change_community_group_insert after insert on community_group when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', null, new.id, null);
end;

create trigger change_community_group_update after update on community_group when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', null, new.id, null);
end;

create trigger change_community_group_delete after delete on community_group when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('community', null, old.id, null);
end;

create trigger change_offer_insert after insert on offer when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('offer', null, new.id, null);
end;

create trigger change_offer_update after update on offer when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('offer', null, new.id, null);
end;

create trigger change_offer_delete after delete on offer when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('offer', null, old.id, null);
end;

create trigger change_offer_grant_insert after insert on offer_grant when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('grant', new.contact_id, new.offer_id, null);
end;

create trigger change_offer_grant_update after update on offer_grant when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('grant', new.contact_id, new.offer_id, null);
end;

create trigger change_offer_grant_delete after delete on offer_grant when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('grant', old.contact_id, old.offer_id, null);
end;

-- emails: a lease taken or extended by a dispatcher is not a change anyone sees

create trigger change_email_message_insert after insert on email_message when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('email', new.contact_id, null, null);
end;

create trigger change_email_message_update after update on email_message when not exists (select 1 from change_pause) and (new.status is not old.status or new.attempts is not old.attempts or new.last_reply is not old.last_reply or new.sent_at is not old.sent_at or new.next_attempt_at is not old.next_attempt_at) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('email', new.contact_id, null, null);
end;

create trigger change_email_message_delete after delete on email_message when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('email', old.contact_id, null, null);
end;

create trigger change_audit_event_insert after insert on audit_event when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('audit', new.contact_id, null, null);
end;

create trigger change_workflow_insert after insert on workflow when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow', null, new.id, null);
end;

create trigger change_workflow_update after update on workflow when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow', null, new.id, null);
end;

create trigger change_workflow_delete after delete on workflow when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow', null, old.id, null);
end;

-- workflow runs and their steps; leases again are not changes

create trigger change_workflow_run_insert after insert on workflow_run when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow-run', new.contact_id, new.workflow_id, null);
end;

create trigger change_workflow_run_update after update on workflow_run when not exists (select 1 from change_pause) and (new.status is not old.status or new.next_step is not old.next_step or new.next_at is not old.next_at or new.finished_at is not old.finished_at) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow-run', new.contact_id, new.workflow_id, null);
end;

create trigger change_workflow_run_delete after delete on workflow_run when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow-run', old.contact_id, old.workflow_id, null);
end;

create trigger change_workflow_step_update after update on workflow_step when not exists (select 1 from change_pause) and (new.status is not old.status or new.outcome is not old.outcome) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('workflow-run', (select contact_id from workflow_run where id = new.run_id), (select workflow_id from workflow_run where id = new.run_id), null);
end;

create trigger change_app_setting_insert after insert on app_setting when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('settings', null, null, new.setting_key);
end;

create trigger change_app_setting_update after update on app_setting when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('settings', null, null, new.setting_key);
end;

create trigger change_app_setting_delete after delete on app_setting when not exists (select 1 from change_pause) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('settings', null, null, old.setting_key);
end;

-- an import's rows become visible all at once when its batch is released

create trigger change_import_released_contact after update of released_at on import_batch when not exists (select 1 from change_pause) and (old.released_at is null and new.released_at is not null) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('contact', null, null, null);
end;

create trigger change_import_released_grant after update of released_at on import_batch when not exists (select 1 from change_pause) and (old.released_at is null and new.released_at is not null) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('grant', null, null, null);
end;

create trigger change_import_released_audit after update of released_at on import_batch when not exists (select 1 from change_pause) and (old.released_at is null and new.released_at is not null) begin
    insert into change_log (kind, contact_id, subject_id, setting_key) values ('audit', null, null, null);
end;
