-- Contact search triggers that SQLite 3.40 (Debian 12's sqlite3) can read: V6 wrote
-- group_concat(x, sep order by y), which needs SQLite 3.44; an older sqlite3 then refuses the
-- whole schema ("malformed database schema"), so support staff could neither inspect nor copy the
-- database with the system's tools. Same text as V6: the tags are sorted in a subquery and
-- concatenated in that order (SQLite never flattens an ordered subquery into an aggregate).

drop trigger contact_tag_after_insert;
drop trigger contact_tag_after_delete;

create trigger contact_tag_after_insert after insert on contact_tag begin
    update contact set search_text =
        case when instr(search_text, char(10)) > 0 then substr(search_text, 1, instr(search_text, char(10)))
             else lower(name) || char(10) end
        || email
        || coalesce((select char(10) || group_concat(s.tag, char(10))
                     from (select t.tag from contact_tag t where t.contact_id = contact.id order by t.tag) s), '')
    where id = new.contact_id;
end;

create trigger contact_tag_after_delete after delete on contact_tag
    when not exists (select 1 from contact_search_bulk) begin
    update contact set search_text =
        case when instr(search_text, char(10)) > 0 then substr(search_text, 1, instr(search_text, char(10)))
             else lower(name) || char(10) end
        || email
        || coalesce((select char(10) || group_concat(s.tag, char(10))
                     from (select t.tag from contact_tag t where t.contact_id = contact.id order by t.tag) s), '')
    where id = old.contact_id;
end;
