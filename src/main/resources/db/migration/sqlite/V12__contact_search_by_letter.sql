-- PostgreSQL's V12 splits its search table by first letters; SQLite's search (FTS5) needs no change.
-- This keeps the two schema histories at the same version, which `db copy` checks.
select 1;
