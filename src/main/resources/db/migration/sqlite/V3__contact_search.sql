-- Contact search (SQLite). contact.search_text is kept by the Contact entity: the name, the email
-- and each tag, lower-cased, one per line, name first; a writer that bypasses the entity must set
-- it too. It is portable: PostgreSQL searches it with LIKE. SQLite also gets:
--   contact_search  a copy of it with a line break in front of every line (so "\nda" finds a line
--                   starting with "da"), keyed by an integer: contact's own rowid is not stable (its
--                   key is a blob), and VACUUM may renumber it under an FTS index.
--   contact_fts     an FTS5 trigram index over that copy: substrings of 3+ characters.
--   ix_contact_search_text  the order of results (name, then email) and the walk for broad queries;
--                   it holds contact_id too, so a walk never reads the table.
-- Triggers keep both in step with contact.

alter table contact add column search_text varchar(20000) not null default '';

-- Existing rows: SQL's lower() folds ASCII only; the entity rewrites a row whenever it changes.
update contact set search_text = lower(name) || char(10) || email
    || coalesce((select char(10) || group_concat(lower(tag), char(10) order by tag)
                 from contact_tag t where t.contact_id = contact.id), '');

create table contact_search (
    doc         integer primary key,
    contact_id  blob    not null unique,
    search_text text    not null
);
create index ix_contact_search_text on contact_search (search_text, contact_id);

create virtual table contact_fts using fts5(
    search_text, content = 'contact_search', content_rowid = 'doc', tokenize = 'trigram');

insert into contact_search (contact_id, search_text) select id, char(10) || search_text from contact;
insert into contact_fts (contact_fts) values ('rebuild');

create trigger contact_search_after_insert after insert on contact begin
    insert into contact_search (contact_id, search_text) values (new.id, char(10) || new.search_text);
end;

create trigger contact_search_after_update after update of search_text on contact
    when new.search_text is not old.search_text begin
    update contact_search set search_text = char(10) || new.search_text where contact_id = old.id;
end;

create trigger contact_search_after_delete after delete on contact begin
    delete from contact_search where contact_id = old.id;
end;

create trigger contact_fts_after_insert after insert on contact_search begin
    insert into contact_fts (rowid, search_text) values (new.doc, new.search_text);
end;

create trigger contact_fts_after_update after update on contact_search begin
    insert into contact_fts (contact_fts, rowid, search_text) values ('delete', old.doc, old.search_text);
    insert into contact_fts (rowid, search_text) values (new.doc, new.search_text);
end;

create trigger contact_fts_after_delete after delete on contact_search begin
    insert into contact_fts (contact_fts, rowid, search_text) values ('delete', old.doc, old.search_text);
end;
