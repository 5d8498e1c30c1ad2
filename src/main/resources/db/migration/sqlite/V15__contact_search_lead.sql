-- PostgreSQL's V15 adds a table for two-character searches; SQLite's search (FTS5) needs no change.
-- This keeps the two schema histories at the same version, which `db copy` checks.
select 1;
