-- Contact search, bulk writes (SQLite). FTS5 writes its pending data to disk at every statement
-- savepoint once a transaction has touched it, so indexing contacts row by row inside a large
-- transaction (an import) is about ten times slower than indexing them in one statement.
-- While contact_fts_pending holds a row (only inside a bulk write transaction, see
-- ContactSearchIndex), contacts above its doc are left out of contact_fts; the bulk writer indexes
-- them in one statement before it commits.

create table contact_fts_pending (
    above integer not null
);

drop trigger contact_fts_after_insert;
drop trigger contact_fts_after_update;
drop trigger contact_fts_after_delete;

create trigger contact_fts_after_insert after insert on contact_search
    when not exists (select 1 from contact_fts_pending p where new.doc > p.above) begin
    insert into contact_fts (rowid, search_text) values (new.doc, new.search_text);
end;

create trigger contact_fts_after_update after update on contact_search
    when not exists (select 1 from contact_fts_pending p where old.doc > p.above) begin
    insert into contact_fts (contact_fts, rowid, search_text) values ('delete', old.doc, old.search_text);
    insert into contact_fts (rowid, search_text) values (new.doc, new.search_text);
end;

create trigger contact_fts_after_delete after delete on contact_search
    when not exists (select 1 from contact_fts_pending p where old.doc > p.above) begin
    insert into contact_fts (contact_fts, rowid, search_text) values ('delete', old.doc, old.search_text);
end;
