-- contact_search split by the first letters of the search text (the name line), in name order.
-- A needle's matches are then sorted one part at a time, from the first part on, and the search
-- stops at the part where it has its page of results: it reads the pages of one or two parts
-- instead of a page per match across the whole table. The search itself is exact with any split;
-- the split only decides how much a search reads. Parallel workers are off for the parts, so that
-- the parts of a search run one after another, in order.
create table contact_search_by_letter (
    contact_id  uuid                       not null references contact (id) on delete cascade,
    search_text varchar(20000) collate "C" not null
) partition by range (search_text);

create table contact_search_p00 partition of contact_search_by_letter for values from (minvalue) to ('b') with (parallel_workers = 0);
create table contact_search_p01 partition of contact_search_by_letter for values from ('b') to ('c') with (parallel_workers = 0);
create table contact_search_p02 partition of contact_search_by_letter for values from ('c') to ('d') with (parallel_workers = 0);
create table contact_search_p03 partition of contact_search_by_letter for values from ('d') to ('e') with (parallel_workers = 0);
create table contact_search_p04 partition of contact_search_by_letter for values from ('e') to ('g') with (parallel_workers = 0);
create table contact_search_p05 partition of contact_search_by_letter for values from ('g') to ('j') with (parallel_workers = 0);
create table contact_search_p06 partition of contact_search_by_letter for values from ('j') to ('k') with (parallel_workers = 0);
create table contact_search_p07 partition of contact_search_by_letter for values from ('k') to ('m') with (parallel_workers = 0);
create table contact_search_p08 partition of contact_search_by_letter for values from ('m') to ('n') with (parallel_workers = 0);
create table contact_search_p09 partition of contact_search_by_letter for values from ('n') to ('r') with (parallel_workers = 0);
create table contact_search_p10 partition of contact_search_by_letter for values from ('r') to ('t') with (parallel_workers = 0);
create table contact_search_p11 partition of contact_search_by_letter for values from ('t') to ('{') with (parallel_workers = 0);
create table contact_search_p12 partition of contact_search_by_letter for values from ('{') to (maxvalue) with (parallel_workers = 0);

insert into contact_search_by_letter (contact_id, search_text) select contact_id, search_text from contact_search;
drop table contact_search;
alter table contact_search_by_letter rename to contact_search;

create index ix_contact_search_trgm on contact_search using gin (search_text gin_trgm_ops);
create index ix_contact_search_order on contact_search (search_text, contact_id);
-- The triggers' update and the cascade of a deleted contact find its row by id.
create index ix_contact_search_contact on contact_search (contact_id);
