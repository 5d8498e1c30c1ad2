-- Two-character searches match a line of the search text that starts with them (a name, an email,
-- a tag). Trigrams cannot answer that in name order (for pg_trgm '%\nda%' is any word starting
-- "da"), so each contact has one row per distinct first two characters of its lines, and the btree
-- on (lead, search_text) hands out the matches of a two-character search already in name order:
-- a page of results reads a page of the index, however many contacts match.
create table contact_search_lead (
    lead        varchar(2)     collate "C" not null,
    search_text varchar(20000) collate "C" not null,
    contact_id  uuid                       not null references contact (id) on delete cascade
);

insert into contact_search_lead (lead, search_text, contact_id)
select distinct left(line, 2), s.search_text, s.contact_id
from contact_search s, regexp_split_to_table(s.search_text, E'\n') line
where char_length(line) >= 2;

create index ix_contact_search_lead_order on contact_search_lead (lead, search_text, contact_id);
create index ix_contact_search_lead_contact on contact_search_lead (contact_id);

create function contact_search_lead_rows() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        delete from contact_search_lead where contact_id = old.contact_id;
    end if;
    if tg_op <> 'DELETE' then
        insert into contact_search_lead (lead, search_text, contact_id)
        select distinct left(line, 2), new.search_text, new.contact_id
        from regexp_split_to_table(new.search_text, E'\n') line
        where char_length(line) >= 2;
    end if;
    return null;
end $$;

create trigger contact_search_after_write_lead after insert or update or delete on contact_search
    for each row execute function contact_search_lead_rows();
