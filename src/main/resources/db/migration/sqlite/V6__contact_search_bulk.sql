-- Contact search (SQLite), continued from V3.
-- 1. Tags written without the entity (the CSV import batches contact_tag rows) still reach
--    search_text: its tag lines are rebuilt from contact_tag. For the entity's own changes the
--    rebuilt text is the one it wrote, and nothing more happens.
-- 2. Bulk writes (ContactSearchIndex) bring the index up to date in a few set-based statements
--    at the end instead of row by row: a trigger that can write to FTS5 makes every insert keep a
--    statement journal (about 15 microseconds a row), and FTS5 writes its pending data to disk at
--    every statement. During a bulk write transaction the two insert triggers below are dropped
--    (and created again before it commits), and while contact_search_bulk holds its row, updates
--    and deletes only note the contact in contact_search_dirty.

create table contact_search_bulk (
    tag_above integer not null
);

create table contact_search_dirty (
    contact_id blob not null primary key
) without rowid;

drop trigger contact_search_after_insert;
drop trigger contact_search_after_update;
drop trigger contact_search_after_delete;

create trigger contact_search_after_insert after insert on contact begin
    insert into contact_search (contact_id, search_text) values (new.id, char(10) || new.search_text);
end;

create trigger contact_search_after_update after update of search_text on contact
    when new.search_text is not old.search_text and not exists (select 1 from contact_search_bulk) begin
    update contact_search set search_text = char(10) || new.search_text where contact_id = old.id;
end;

create trigger contact_search_after_delete after delete on contact
    when not exists (select 1 from contact_search_bulk) begin
    delete from contact_search where contact_id = old.id;
end;

create trigger contact_search_bulk_update after update of search_text on contact
    when new.search_text is not old.search_text and exists (select 1 from contact_search_bulk) begin
    insert or ignore into contact_search_dirty (contact_id) values (old.id);
end;

create trigger contact_search_bulk_delete after delete on contact
    when exists (select 1 from contact_search_bulk) begin
    insert or ignore into contact_search_dirty (contact_id) values (old.id);
end;

create trigger contact_tag_after_insert after insert on contact_tag begin
    update contact set search_text =
        case when instr(search_text, char(10)) > 0 then substr(search_text, 1, instr(search_text, char(10)))
             else lower(name) || char(10) end
        || email
        || coalesce((select char(10) || group_concat(t.tag, char(10) order by t.tag)
                     from contact_tag t where t.contact_id = contact.id), '')
    where id = new.contact_id;
end;

create trigger contact_tag_after_delete after delete on contact_tag
    when not exists (select 1 from contact_search_bulk) begin
    update contact set search_text =
        case when instr(search_text, char(10)) > 0 then substr(search_text, 1, instr(search_text, char(10)))
             else lower(name) || char(10) end
        || email
        || coalesce((select char(10) || group_concat(t.tag, char(10) order by t.tag)
                     from contact_tag t where t.contact_id = contact.id), '')
    where id = old.contact_id;
end;

-- New tag rows are the ones above the mark; a deleted last row lets a new one take its rowid.
create trigger contact_tag_bulk_delete after delete on contact_tag
    when exists (select 1 from contact_search_bulk) begin
    insert or ignore into contact_search_dirty (contact_id) values (old.contact_id);
    update contact_search_bulk set tag_above = min(tag_above, coalesce((select max(rowid) from contact_tag), 0));
end;

-- Contacts imported before this migration got their tags that way: bring their text up to date.
update contact set search_text =
    case when instr(search_text, char(10)) > 0 then substr(search_text, 1, instr(search_text, char(10)))
         else lower(name) || char(10) end
    || email
    || coalesce((select char(10) || group_concat(t.tag, char(10) order by t.tag)
                 from contact_tag t where t.contact_id = contact.id), '')
where exists (select 1 from contact_tag t where t.contact_id = contact.id);
